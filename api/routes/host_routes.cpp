// Hosts: /v1/collectivities/{id}/hosts (create, list) and /v1/hosts/{id} (read, update, archive).
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/host_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/register_lock.hpp"

namespace nuitee::api {
namespace {

using persistence::HostRepository;
using persistence::Transaction;
using Pistache::Http::Code;

std::string HostPath(const HostId& id) { return "/v1/hosts/" + id.value(); }

void Create(Exchange& exchange, Services& services) {
  auto collectivity_id = PathTenant(exchange);
  if (!collectivity_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto host = HostFromJson(*body);
  if (!host) return exchange.SendError(host.error());
  host->collectivity_id = *collectivity_id;
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, host->collectivity_id);
    if (!collectivity) return Fail(collectivity.error());
    persistence::LockRegisterAppends(tx, collectivity->id.value());
    auto inserted = HostRepository::Insert(tx, *host);
    if (!inserted) return Fail(inserted.error());
    AuditChange(tx, inserted->collectivity_id, EntityKind::kHost, inserted->id.value(), 1,
                "created", exchange.Actor(), nlohmann::json::object(), HostWritableJson(*inserted));
    return Reply{Code::Created, HostToJson(*inserted), HostPath(inserted->id), inserted->version};
  });
}

Result<persistence::HostFilter> ReadFilter(const QueryParameters& query) {
  persistence::HostFilter filter;
  filter.text = query.Get("q");
  if (auto status = query.Get("status")) {
    if (*status != "active" && *status != "archived") {
      return Fail(
          Error::InvalidArgument("/query/status", "« status » vaut « active » ou « archived »."));
    }
    filter.archived = *status == "archived";
  }
  return filter;
}

void List(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto query = QueryParameters::Read(exchange, WithPagination({"q", "status"}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  auto filter = ReadFilter(*query);
  if (!filter) return exchange.SendError(filter.error());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *tenant);
    if (!collectivity) return Fail(collectivity.error());
    return PageJson(HostRepository::List(tx, *tenant, *filter, *page), HostToJson);
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Read(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto found = services.database.InTransaction(
      [&](Transaction& tx) { return HostRepository::Find(tx, *tenant, HostId(*id)); });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, HostToJson(*found), found->version);
}

void Update(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto expected = RequiredIfMatch(exchange);
  if (!expected) return exchange.SendError(expected.error());
  auto patch = ReadJsonObject(exchange, /*merge_patch=*/true);
  if (!patch) return;
  auto saved = services.database.InTransaction([&](Transaction& tx) -> Result<Host> {
    auto current = HostRepository::Find(tx, *tenant, HostId(*id));
    if (!current) return current;
    if (!expected->Matches(current->version)) return Fail(Error::StaleVersion());
    const nlohmann::json before = HostWritableJson(*current);
    nlohmann::json merged = before;
    merged.merge_patch(*patch);
    auto changed = HostFromJson(merged);
    if (!changed) return changed;
    changed->id = current->id;
    changed->collectivity_id = current->collectivity_id;
    if (HostWritableJson(*changed) == before) return current;
    auto updated = HostRepository::Update(tx, *changed, current->version);
    if (!updated) return updated;
    const bool archived = !current->archived_on && updated->archived_on;
    AuditChange(tx, *tenant, EntityKind::kHost, updated->id.value(), updated->version,
                archived ? "archived" : "updated", exchange.Actor(), before,
                HostWritableJson(*updated));
    return updated;
  });
  if (!saved) return exchange.SendError(saved.error());
  exchange.SendJson(Code::Ok, HostToJson(*saved), saved->version);
}

}  // namespace

void RegisterHostRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities/{id}/hosts", [&services](Exchange& e) { Create(e, services); });
  table.Get("/v1/collectivities/{id}/hosts", [&services](Exchange& e) { List(e, services); });
  table.Get("/v1/hosts/{id}", [&services](Exchange& e) { Read(e, services); });
  table.Patch("/v1/hosts/{id}", [&services](Exchange& e) { Update(e, services); });
}

}  // namespace nuitee::api
