// Reading the ledger (issue 7, docs/ledger.md): a host's account entry by entry, the balances of
// every account of a collectivity, and the check that every entry balances and that what is booked
// matches the declarations and taxations d'office it stems from.
#include "api/http/query.hpp"
#include "api/json/payment_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/host_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::LedgerRepository;
using persistence::Transaction;
using Pistache::Http::Code;

void HostLedger(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto read = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto host = persistence::HostRepository::Find(tx, *tenant, HostId(*host_id));
    if (!host) return Fail(host.error());
    nlohmann::json entries = nlohmann::json::array();
    Money running = Money::Zero();
    for (const auto& entry : LedgerRepository::HostEntries(tx, host->id)) {
      nlohmann::json item = LedgerEntryToJson(entry);
      Money on_host = Money::Zero();
      for (const auto& posting : entry.postings) {
        if (posting.account == LedgerAccount::kHostReceivable && posting.party == *host_id) {
          on_host += posting.amount;
        }
      }
      running += on_host;
      item["host_amount_cents"] = on_host.cents();
      item["balance_after_cents"] = running.cents();
      entries.push_back(std::move(item));
    }
    return nlohmann::json{{"host_id", *host_id},
                          {"balance_cents", running.cents()},
                          {"items", entries}};
  });
  if (!read) return exchange.SendError(read.error());
  exchange.SendJson(Code::Ok, *read);
}

void Balances(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto query = QueryParameters::Read(exchange, {"on"});
  if (!query) return exchange.SendError(query.error());
  auto on = query->DateParameter("on");
  if (!on) return exchange.SendError(on.error());
  auto read = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json accounts = nlohmann::json::array();
    for (const auto& balance : LedgerRepository::Balances(tx, *tenant, *on)) {
      if (balance.balance == Money::Zero()) continue;
      accounts.push_back({{"account", std::string(LedgerAccountCode(balance.account))},
                          {"account_label", std::string(LedgerAccountLabel(balance.account))},
                          {"party", balance.party},
                          {"balance_cents", balance.balance.cents()}});
    }
    return nlohmann::json{{"on", *on ? nlohmann::json(FormatIsoDate(**on)) : nlohmann::json()},
                          {"accounts", accounts}};
  });
  if (!read) return exchange.SendError(read.error());
  exchange.SendJson(Code::Ok, *read);
}

void Check(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto read = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    return LedgerCheckToJson(LedgerRepository::Check(tx, *tenant));
  });
  if (!read) return exchange.SendError(read.error());
  exchange.SendJson(Code::Ok, *read);
}

}  // namespace

void RegisterLedgerRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/hosts/{id}/ledger", [&services](Exchange& e) { HostLedger(e, services); });
  table.Get("/v1/collectivities/{id}/ledger/balances",
            [&services](Exchange& e) { Balances(e, services); });
  table.Get("/v1/collectivities/{id}/ledger/check",
            [&services](Exchange& e) { Check(e, services); });
}

}  // namespace nuitee::api
