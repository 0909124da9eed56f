// /v1/collectivities/{id}/deliberations: a collectivity's deliberation of each year (CGCT
// L. 2333-26, L. 2333-30, L. 2333-41). A PUT that changes it appends a new version; every version
// stays readable, with who recorded it, when and why.
#include "api/http/json_body.hpp"
#include "api/json/deliberation_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/deliberation_admission.hpp"
#include "persistence/deliberation_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::DeliberationRepository;
using persistence::StoredDeliberation;
using persistence::Transaction;
using Pistache::Http::Code;

std::string DeliberationPath(const CollectivityId& id, int year) {
  return "/v1/collectivities/" + id.value() + "/deliberations/" + std::to_string(year);
}

Error NoDeliberation(int year) {
  return Error::NotFound("Aucune délibération n'est enregistrée pour " + std::to_string(year) +
                         ".");
}

struct Recorded {
  StoredDeliberation stored;
  bool created = false;  // a new version was appended
};

// Precondition, rules, then the append (or nothing when the content is the latest version's).
Result<Recorded> Record(Transaction& tx, const CollectivityId& id, const DeliberationInput& input,
                        const std::optional<IfMatch>& condition, const std::string& actor) {
  auto collectivity = persistence::CollectivityRepository::Find(tx, id);
  if (!collectivity) return Fail(collectivity.error());
  const int year = input.deliberation.year;
  DeliberationRepository::LockYear(tx, id, year);
  auto latest = DeliberationRepository::Latest(tx, id, year);
  if (auto ready = CheckIfMatch(condition, latest ? std::optional(latest->version) : std::nullopt);
      !ready) {
    return Fail(ready.error());
  }
  if (auto violations = persistence::CheckDeliberation(tx, *collectivity, input.deliberation);
      !violations.empty()) {
    return Fail(Error::RuleViolation(violations.errors(),
                                     "Cette délibération ne respecte pas les règles applicables : "
                                     "rien n'a été enregistré."));
  }
  if (latest && latest->deliberation == input.deliberation) return Recorded{*latest, false};
  auto stored = DeliberationRepository::Append(tx, id, input.deliberation, actor,
                                               persistence::kSourceApi, input.reason);
  if (!stored) return Fail(stored.error());
  return Recorded{*stored, true};
}

void Put(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto year = PathYear(exchange);
  if (!year) return;
  auto condition = OptionalIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto input = DeliberationFromJson(*body, *year);
  if (!input) return exchange.SendError(input.error());
  auto recorded = services.database.InTransaction(
      [&](Transaction& tx) { return Record(tx, *id, *input, *condition, exchange.Actor()); });
  if (!recorded) return exchange.SendError(recorded.error());
  if (recorded->created) services.rate_cache->Invalidate();
  const auto& stored = recorded->stored;
  if (recorded->created && stored.version == 1) {
    return exchange.SendCreated(DeliberationPath(*id, *year), StoredDeliberationToJson(stored),
                                stored.version);
  }
  exchange.SendJson(Code::Ok, StoredDeliberationToJson(stored), stored.version);
}

void ListYears(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& each : DeliberationRepository::LatestOfEachYear(tx, *id)) {
      items.push_back({{"year", each.deliberation.year},
                       {"version", each.version},
                       {"recorded_by", each.recorded_by},
                       {"recorded_at", each.recorded_at},
                       {"source", each.source},
                       {"reason", each.reason ? nlohmann::json(*each.reason) : nlohmann::json()}});
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void ReadLatest(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto year = PathYear(exchange);
  if (!year) return;
  auto found = services.database.InTransaction([&](Transaction& tx) -> Result<StoredDeliberation> {
    auto latest = DeliberationRepository::Latest(tx, *id, *year);
    if (!latest) return Fail(NoDeliberation(*year));
    return *latest;
  });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, StoredDeliberationToJson(*found), found->version);
}

void ListVersions(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto year = PathYear(exchange);
  if (!year) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& each : DeliberationRepository::Versions(tx, *id, *year)) {
      items.push_back(StoredDeliberationToJson(each));
    }
    if (items.empty()) return Fail(NoDeliberation(*year));
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void ReadVersion(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto year = PathYear(exchange);
  if (!year) return;
  auto version = PathVersion(exchange);
  if (!version) return;
  auto found = services.database.InTransaction([&](Transaction& tx) -> Result<StoredDeliberation> {
    auto stored = DeliberationRepository::Version(tx, *id, *year, *version);
    if (!stored) return Fail(Error::NotFound("Cette version de la délibération n'existe pas."));
    return *stored;
  });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, StoredDeliberationToJson(*found), found->version);
}

}  // namespace

void RegisterDeliberationRoutes(RouteTable& table, Services& services) {
  const std::string base = "/v1/collectivities/{id}/deliberations";
  table.Get(base, [&services](Exchange& e) { ListYears(e, services); });
  table.Get(base + "/{year}", [&services](Exchange& e) { ReadLatest(e, services); });
  table.Put(base + "/{year}", [&services](Exchange& e) { Put(e, services); });
  table.Get(base + "/{year}/versions", [&services](Exchange& e) { ListVersions(e, services); });
  table.Get(base + "/{year}/versions/{version}",
            [&services](Exchange& e) { ReadVersion(e, services); });
}

}  // namespace nuitee::api
