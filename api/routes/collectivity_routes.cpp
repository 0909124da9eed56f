// /v1/collectivities: the tenants, created by the instance operator.
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/collectivity_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/register_lock.hpp"

namespace nuitee::api {
namespace {

using persistence::CollectivityRepository;
using persistence::Transaction;
using Pistache::Http::Code;

std::string CollectivityPath(const CollectivityId& id) {
  return "/v1/collectivities/" + id.value();
}

void Create(Exchange& exchange, Services& services) {
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto collectivity = CollectivityFromJson(*body);
  if (!collectivity) return exchange.SendError(collectivity.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    persistence::LockRegisterAppends(tx, "collectivities");
    if (auto existing = CollectivityRepository::FindBySiren(tx, collectivity->siren)) {
      return Fail(Error::AlreadyExists("Une collectivité porte déjà ce SIREN.",
                                       CollectivityPath(existing->id)));
    }
    auto inserted = CollectivityRepository::Insert(tx, *collectivity);
    if (!inserted) return Fail(inserted.error());
    AuditChange(tx, inserted->id, EntityKind::kCollectivity, inserted->id.value(), 1, "created",
                exchange.Actor(), nlohmann::json::object(), CollectivityWritableJson(*inserted));
    return Reply{Code::Created, CollectivityToJson(*inserted), CollectivityPath(inserted->id),
                 inserted->version};
  });
}

void List(Exchange& exchange, Services& services) {
  auto query = QueryParameters::Read(exchange, WithPagination({}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    return PageJson(CollectivityRepository::List(tx, *page), CollectivityToJson);
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Read(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto found = services.database.InTransaction(
      [&](Transaction& tx) { return CollectivityRepository::Find(tx, *id); });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, CollectivityToJson(*found), found->version);
}

void Update(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto expected = RequiredIfMatch(exchange);
  if (!expected) return exchange.SendError(expected.error());
  auto patch = ReadJsonObject(exchange, /*merge_patch=*/true);
  if (!patch) return;
  auto saved = services.database.InTransaction([&](Transaction& tx) -> Result<Collectivity> {
    auto current = CollectivityRepository::Find(tx, *id);
    if (!current) return current;
    if (!expected->Matches(current->version)) return Fail(Error::StaleVersion());
    const nlohmann::json before = CollectivityWritableJson(*current);
    nlohmann::json merged = before;
    merged.merge_patch(*patch);
    auto changed = CollectivityFromJson(merged);
    if (!changed) return changed;
    changed->id = current->id;
    if (CollectivityWritableJson(*changed) == before) return current;
    // Switching how stays across a month end are declared would count some nights twice (split
    // months then whole stays) or lose them (the other way): once a month is declared, the rule
    // stays (docs/decisions.md, "Declarations").
    if (changed->declarations.stay_month_rule != current->declarations.stay_month_rule &&
        persistence::DeclarationRepository::AnySubmitted(tx, current->id)) {
      return Fail(Error::RuleViolation(
          {{"/settings/stay_month_rule",
            "Des déclarations ont déjà été déposées selon la règle actuelle : la changer "
            "compterait certaines nuits deux fois ou en perdrait. Elle ne peut plus être "
            "modifiée."}}));
    }
    auto updated = CollectivityRepository::Update(tx, *changed, current->version);
    if (!updated) return updated;
    AuditChange(tx, updated->id, EntityKind::kCollectivity, updated->id.value(), updated->version,
                "updated", exchange.Actor(), before, CollectivityWritableJson(*updated));
    return updated;
  });
  if (!saved) return exchange.SendError(saved.error());
  // The rounding mode and the member communes are read by the simulator.
  services.rate_cache->Invalidate();
  exchange.SendJson(Code::Ok, CollectivityToJson(*saved), saved->version);
}

}  // namespace

void RegisterCollectivityRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities", [&services](Exchange& e) { Create(e, services); });
  table.Get("/v1/collectivities", [&services](Exchange& e) { List(e, services); });
  table.Get("/v1/collectivities/{id}", [&services](Exchange& e) { Read(e, services); });
  table.Patch("/v1/collectivities/{id}", [&services](Exchange& e) { Update(e, services); });
}

}  // namespace nuitee::api
