// GET /v1/collectivities/{id}/lockouts (its admins: lockouts of its accounts' addresses) and
// GET /v1/lockouts (the operator: every lockout, including addresses that have no account). Nobody
// else learns from them whether an address has an account.
#include "api/http/query.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/lockout_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::LockoutRepository;
using persistence::Transaction;
using Pistache::Http::Code;

nlohmann::json LockoutToJson(const persistence::Lockout& lockout, bool with_known_account) {
  nlohmann::json json = {{"at", lockout.at},
                         {"email", lockout.email},
                         {"address", lockout.address},
                         {"reason", lockout.reason},
                         {"locked_until", lockout.locked_until}};
  if (with_known_account) json["known_account"] = lockout.known_account;
  return json;
}

void ListForCollectivity(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto query = QueryParameters::Read(exchange, WithPagination({}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *tenant);
    if (!collectivity) return Fail(collectivity.error());
    return PageJson(LockoutRepository::ForCollectivity(tx, tenant->value(), *page),
                    [](const persistence::Lockout& each) { return LockoutToJson(each, false); });
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void ListAll(Exchange& exchange, Services& services) {
  auto query = QueryParameters::Read(exchange, WithPagination({}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    return PageJson(LockoutRepository::All(tx, *page),
                    [](const persistence::Lockout& each) { return LockoutToJson(each, true); });
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

}  // namespace

void RegisterLockoutRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/lockouts",
            [&services](Exchange& e) { ListForCollectivity(e, services); });
  table.Get("/v1/lockouts", [&services](Exchange& e) { ListAll(e, services); });
}

}  // namespace nuitee::api
