// GET /v1/hosts/{id}/statement: what a host declared and owes, month by month, accommodation by
// accommodation, under the latest revision of each month; the months still to declare are listed
// with their deadline. (Payments join the statement with the money capability.)
#include <map>
#include <set>

#include "api/http/query.hpp"
#include "api/json/declaration_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/host_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

struct MonthTotals {
  Money tax = Money::Zero();
  Money additional = Money::Zero();
  Money total = Money::Zero();
  nlohmann::json accommodations = nlohmann::json::array();
  int to_declare = 0;
};

void AddDeclared(MonthTotals& totals, const persistence::StoredRevision& revision) {
  const auto& amounts = revision.content.submission.amounts;
  totals.tax += amounts.tax;
  for (const auto& tax : amounts.additional_taxes) totals.additional += tax.amount;
  totals.total += amounts.total;
}

nlohmann::json AmountsJson(const MonthTotals& totals) {
  return {{"tax_cents", totals.tax.cents()},
          {"additional_cents", totals.additional.cents()},
          {"owed_cents", totals.total.cents()}};
}

// One month of the statement: what the host declared (the months whose latest revision it filed,
// even for an accommodation that has since changed hands), then its accommodations that may
// declare the month and have not.
void AddMonth(const HostId& host, Month month, const std::vector<Accommodation>& accommodations,
              const std::vector<const persistence::DeclarationMonthSummary*>& stored,
              const DeclarationSettings& settings, Day today, MonthTotals& totals) {
  std::set<std::string> listed;
  for (const auto* summary : stored) {
    listed.insert(summary->month.accommodation_id.value());
    // Declared by the accommodation's earlier host: neither owed nor to declare by this one.
    if (summary->latest && summary->latest->host_id != host) continue;
    nlohmann::json item = MonthSummaryToJson(month, summary, settings, today);
    item["accommodation_id"] = summary->month.accommodation_id.value();
    item["name"] = summary->accommodation_name;
    if (summary->latest) {
      AddDeclared(totals, *summary->latest);
    } else {
      ++totals.to_declare;
    }
    totals.accommodations.push_back(std::move(item));
  }
  for (const auto& accommodation : accommodations) {
    if (listed.count(accommodation.id.value())) continue;
    if (MonthRefusal(accommodation, month, today)) continue;
    nlohmann::json item = MonthSummaryToJson(month, nullptr, settings, today);
    item["accommodation_id"] = accommodation.id.value();
    item["name"] = accommodation.name;
    ++totals.to_declare;
    totals.accommodations.push_back(std::move(item));
  }
}

Result<nlohmann::json> Statement(Transaction& tx, const CollectivityId& tenant, const HostId& host,
                                 Month from, Month to, Day today) {
  auto found = persistence::HostRepository::Find(tx, tenant, host);
  if (!found) return Fail(found.error());
  auto collectivity = persistence::CollectivityRepository::Find(tx, tenant);
  if (!collectivity) return Fail(collectivity.error());
  const auto accommodations = persistence::AccommodationRepository::ListOfHost(tx, tenant, host);
  const auto summaries =
      persistence::DeclarationRepository::ListHostMonths(tx, tenant, host, from, to);
  std::map<std::string, std::vector<const persistence::DeclarationMonthSummary*>> stored;
  for (const auto& summary : summaries) {
    stored[FormatIsoMonth(summary.month.month)].push_back(&summary);
  }
  nlohmann::json months = nlohmann::json::array();
  MonthTotals overall;
  for (Month month = from; month <= to; month += date::months{1}) {
    MonthTotals totals;
    AddMonth(host, month, accommodations, stored[FormatIsoMonth(month)], collectivity->declarations,
             today, totals);
    if (totals.accommodations.empty()) continue;
    nlohmann::json entry = AmountsJson(totals);
    entry["month"] = FormatIsoMonth(month);
    entry["due_on"] = FormatIsoDate(DeclarationDueOn(month, collectivity->declarations));
    entry["to_declare"] = totals.to_declare;
    entry["accommodations"] = std::move(totals.accommodations);
    months.push_back(std::move(entry));
    overall.tax += totals.tax;
    overall.additional += totals.additional;
    overall.total += totals.total;
    overall.to_declare += totals.to_declare;
  }
  nlohmann::json totals = AmountsJson(overall);
  totals["to_declare"] = overall.to_declare;
  return nlohmann::json{{"host_id", host.value()},
                        {"legal_name", found->legal_name},
                        {"from", FormatIsoMonth(from)},
                        {"to", FormatIsoMonth(to)},
                        {"months", months},
                        {"totals", totals}};
}

void Read(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"from", "to"});
  if (!query) return exchange.SendError(query.error());
  const Day today = services.today();
  auto period = query->MonthPeriod(today);
  if (!period) return exchange.SendError(period.error());
  auto statement = services.database.InTransaction([&](Transaction& tx) {
    return Statement(tx, *tenant, HostId(*id), period->from, period->to, today);
  });
  if (!statement) return exchange.SendError(statement.error());
  exchange.SendJson(Code::Ok, *statement);
}

}  // namespace

void RegisterStatementRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/hosts/{id}/statement", [&services](Exchange& e) { Read(e, services); });
}

}  // namespace nuitee::api
