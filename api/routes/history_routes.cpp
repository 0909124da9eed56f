// /v1/{collectivities|hosts|accommodations}/{id}/history: who changed what, and when.
#include "api/json/audit_diff.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/audit_repository.hpp"

namespace nuitee::api {
namespace {

using Pistache::Http::Code;

void History(Exchange& exchange, Services& services, EntityKind kind) {
  // A collectivity's own history is scoped by itself; the others by the acting collectivity.
  std::optional<CollectivityId> tenant;
  if (kind == EntityKind::kCollectivity) {
    tenant = PathTenant(exchange);
    if (!tenant) return;
  } else {
    auto acting = exchange.Tenant();
    if (!acting) return exchange.SendError(acting.error());
    tenant = *acting;
  }
  auto id = PathId(exchange);
  if (!id) return;
  auto history = services.database.InTransaction([&](persistence::Transaction& tx)
                                                     -> Result<nlohmann::json> {
    auto entries = persistence::AuditRepository::History(tx, *tenant, kind, *id);
    if (entries.empty()) return Fail(Error::NotFound("Aucun historique pour cet identifiant."));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& entry : entries) items.push_back(AuditEntryToJson(entry));
    return nlohmann::json{{"kind", EntityKindName(kind)}, {"id", *id}, {"items", items}};
  });
  if (!history) return exchange.SendError(history.error());
  exchange.SendJson(Code::Ok, *history);
}

}  // namespace

void RegisterHistoryRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/history",
            [&services](Exchange& e) { History(e, services, EntityKind::kCollectivity); });
  table.Get("/v1/hosts/{id}/history",
            [&services](Exchange& e) { History(e, services, EntityKind::kHost); });
  table.Get("/v1/accommodations/{id}/history",
            [&services](Exchange& e) { History(e, services, EntityKind::kAccommodation); });
}

}  // namespace nuitee::api
