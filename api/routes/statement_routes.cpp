// GET /v1/hosts/{id}/statement: what a host declared and owes, month by month, accommodation by
// accommodation, under the latest revision of each month; the months still to declare are listed
// with their deadline. Each month also shows what the host's payments paid of it and what is still
// outstanding (the allocation of domain/money/payment_allocation, worked out from the ledger), the
// taxations d'office and late interest charged for it, and the payment reference to use; the
// account part gives the balance over all time, the payments and refunds of the period.
#include <algorithm>
#include <map>
#include <set>

#include "api/http/query.hpp"
#include "api/json/declaration_json.hpp"
#include "api/json/payment_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/declaration.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/money_positions.hpp"
#include "persistence/payment_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

struct MonthTotals {
  Money tax = Money::Zero();
  Money additional = Money::Zero();
  Money total = Money::Zero();
  Money assessed = Money::Zero();
  Money late_interest = Money::Zero();
  Money paid = Money::Zero();
  Money outstanding = Money::Zero();
  nlohmann::json accommodations = nlohmann::json::array();
  int to_declare = 0;
};

// What the allocation says of one accommodation-month: due and paid, per kind of debt.
struct MonthMoney {
  Money declared_paid = Money::Zero();
  Money declared_outstanding = Money::Zero();
  Money assessed = Money::Zero();
  Money late_interest = Money::Zero();
  Money paid = Money::Zero();  // of every kind
  Money outstanding = Money::Zero();
};
using MoneyByMonth = std::map<std::pair<std::string, std::string>, MonthMoney>;

MoneyByMonth MoneyOfMonths(const persistence::HostMoney& money) {
  MoneyByMonth out;
  for (std::size_t i = 0; i < money.debts.size(); ++i) {
    const Debt& debt = money.debts[i];
    if (debt.amount <= Money::Zero()) continue;
    auto& month = out[{debt.accommodation_id, FormatIsoMonth(debt.period)}];
    const Money paid = money.allocation.paid[i];
    const Money outstanding = debt.amount - paid;
    month.paid += paid;
    month.outstanding += outstanding;
    if (debt.kind == LedgerEntryKind::kDeclaration) {
      month.declared_paid += paid;
      month.declared_outstanding += outstanding;
    } else if (debt.kind == LedgerEntryKind::kAssessment) {
      month.assessed += debt.amount;
    } else {
      month.late_interest += debt.amount;
    }
  }
  return out;
}

void AddMoney(MonthTotals& totals, nlohmann::json& item, const MoneyByMonth& money,
              const std::string& accommodation, Month month) {
  auto found = money.find({accommodation, FormatIsoMonth(month)});
  const MonthMoney none;
  const MonthMoney& of = found == money.end() ? none : found->second;
  item["paid_cents"] = of.paid.cents();
  item["outstanding_cents"] = of.outstanding.cents();
  if (of.assessed != Money::Zero()) item["assessed_cents"] = of.assessed.cents();
  if (of.late_interest != Money::Zero()) item["late_interest_cents"] = of.late_interest.cents();
  totals.assessed += of.assessed;
  totals.late_interest += of.late_interest;
  totals.paid += of.paid;
  totals.outstanding += of.outstanding;
}

void AddDeclared(MonthTotals& totals, const persistence::StoredRevision& revision) {
  const auto& amounts = revision.content.submission.amounts;
  totals.tax += amounts.tax;
  for (const auto& tax : amounts.additional_taxes) totals.additional += tax.amount;
  totals.total += amounts.total;
}

nlohmann::json AmountsJson(const MonthTotals& totals) {
  return {{"tax_cents", totals.tax.cents()},
          {"additional_cents", totals.additional.cents()},
          {"owed_cents", totals.total.cents()},
          {"assessed_cents", totals.assessed.cents()},
          {"late_interest_cents", totals.late_interest.cents()},
          {"paid_cents", totals.paid.cents()},
          {"outstanding_cents", totals.outstanding.cents()}};
}

// One month of the statement: what the host declared (the months whose latest revision it filed,
// even for an accommodation that has since changed hands), then its accommodations that may
// declare the month and have not.
void AddMonth(const HostId& host, Month month, const std::vector<Accommodation>& accommodations,
              const std::vector<const persistence::DeclarationMonthSummary*>& stored,
              const DeclarationSettings& settings, Day today, const MoneyByMonth& money,
              MonthTotals& totals) {
  std::set<std::string> listed;
  for (const auto* summary : stored) {
    listed.insert(summary->month.accommodation_id.value());
    // Declared by the accommodation's earlier host: neither owed nor to declare by this one.
    if (summary->latest && summary->latest->host_id != host) continue;
    nlohmann::json item = MonthSummaryToJson(month, summary, settings, today);
    item["accommodation_id"] = summary->month.accommodation_id.value();
    item["name"] = summary->accommodation_name;
    AddMoney(totals, item, money, summary->month.accommodation_id.value(), month);
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
    AddMoney(totals, item, money, accommodation.id.value(), month);
    ++totals.to_declare;
    totals.accommodations.push_back(std::move(item));
  }
}

// The host's account over all time (its balance, owed or in credit, as the ledger has it), and
// the payments received and refunds paid in the period.
nlohmann::json AccountJson(Transaction& tx, const HostId& host, long long host_number,
                           const persistence::HostMoney& money, Month from, Month to) {
  const Money balance = persistence::LedgerRepository::HostBalance(tx, host);
  const Day first = from / date::day{1};
  const Day last = LastDay(to);
  nlohmann::json payments = nlohmann::json::array();
  for (const auto& payment : persistence::PaymentRepository::OfHost(tx, host)) {
    if (payment.received_on < first || payment.received_on > last) continue;
    nlohmann::json item = PaymentToJson(payment);
    item.erase("host_name");
    payments.push_back(std::move(item));
  }
  nlohmann::json refunds = nlohmann::json::array();
  for (const auto& refund : persistence::PaymentRepository::RefundsOfHost(tx, host)) {
    if (refund.paid_on < first || refund.paid_on > last) continue;
    refunds.push_back(RefundToJson(refund));
  }
  return {{"payment_reference", FormatPaymentReference({host_number, std::nullopt})},
          // Where the host starts paying online what it owes (api/routes/online_payment_routes).
          {"online_payment_path", "/v1/hosts/" + host.value() + "/payments"},
          {"balance_cents", balance.cents()},
          {"owed_cents", std::max(balance, Money::Zero()).cents()},
          {"credit_cents", std::max(-balance, Money::Zero()).cents()},
          {"unallocated_credit_cents", std::max(money.allocation.credit, Money::Zero()).cents()},
          {"payments", payments},
          {"refunds", refunds}};
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
  const persistence::HostMoney money = persistence::ReadHostMoney(tx, host, std::nullopt);
  const MoneyByMonth money_by_month = MoneyOfMonths(money);
  const long long host_number = persistence::PaymentRepository::HostNumber(tx, host);
  std::map<std::string, std::vector<const persistence::DeclarationMonthSummary*>> stored;
  for (const auto& summary : summaries) {
    stored[FormatIsoMonth(summary.month.month)].push_back(&summary);
  }
  nlohmann::json months = nlohmann::json::array();
  MonthTotals overall;
  for (Month month = from; month <= to; month += date::months{1}) {
    MonthTotals totals;
    AddMonth(host, month, accommodations, stored[FormatIsoMonth(month)], collectivity->declarations,
             today, money_by_month, totals);
    if (totals.accommodations.empty()) continue;
    nlohmann::json entry = AmountsJson(totals);
    entry["month"] = FormatIsoMonth(month);
    entry["due_on"] = FormatIsoDate(DeclarationDueOn(month, collectivity->declarations));
    entry["to_declare"] = totals.to_declare;
    entry["payment_reference"] = FormatPaymentReference({host_number, month});
    entry["accommodations"] = std::move(totals.accommodations);
    months.push_back(std::move(entry));
    overall.tax += totals.tax;
    overall.additional += totals.additional;
    overall.total += totals.total;
    overall.assessed += totals.assessed;
    overall.late_interest += totals.late_interest;
    overall.paid += totals.paid;
    overall.outstanding += totals.outstanding;
    overall.to_declare += totals.to_declare;
  }
  nlohmann::json totals = AmountsJson(overall);
  totals["to_declare"] = overall.to_declare;
  return nlohmann::json{{"host_id", host.value()},
                        {"legal_name", found->legal_name},
                        {"from", FormatIsoMonth(from)},
                        {"to", FormatIsoMonth(to)},
                        {"months", months},
                        {"totals", totals},
                        {"account", AccountJson(tx, host, host_number, money, from, to)}};
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
