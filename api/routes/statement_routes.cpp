// GET /v1/hosts/{id}/statement: what a host declared and owes, month by month, accommodation by
// accommodation, under the latest revision of each month; the months still to declare are listed
// with their deadline. Each month also shows what the host's payments paid of it and what is still
// outstanding (the allocation of domain/money/payment_allocation, worked out from the ledger), the
// taxations d'office and late interest charged for it, and the payment reference to use; the
// account part gives the balance over all time, the payments and refunds of the period. With
// format=pdf (or Accept: application/pdf), the same statement as a letter to the host (issue 8).
#include <algorithm>
#include <map>
#include <set>

#include "api/http/query.hpp"
#include "api/json/declaration_json.hpp"
#include "api/json/payment_json.hpp"
#include "api/routes/finance_support.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/declaration.hpp"
#include "domain/money/payment.hpp"
#include "letters/finance_report.hpp"
#include "letters/french_text.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
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

// The statement as the host reads it on paper: drawn from the JSON answer itself, so that both
// always say the same.
std::string EurosOf(const nlohmann::json& cents) {
  return letters::FrenchEuros(Money::Cents(cents.get<long long>()));
}

std::string MonthOf(const nlohmann::json& iso) {
  const auto month = ParseIsoMonth(iso.get<std::string>());
  return month ? letters::FrenchMonth(*month) : iso.get<std::string>();
}

Result<std::string> StatementPdf(Transaction& tx, const CollectivityId& tenant, const HostId& host,
                                 const nlohmann::json& statement, Day today) {
  using letters::Align;
  auto found = persistence::HostRepository::Find(tx, tenant, host);
  if (!found) return Fail(found.error());
  auto collectivity = persistence::CollectivityRepository::Find(tx, tenant);
  if (!collectivity) return Fail(collectivity.error());
  const auto policy = persistence::EnforcementSettingsRepository::Latest(tx, tenant).policy;
  const auto& totals = statement["totals"];
  const auto& account = statement["account"];
  const std::string period = MonthOf(statement["from"]) + " à " + MonthOf(statement["to"]);

  letters::FinanceReport report;
  report.letterhead = FinanceLetterhead(*collectivity, policy);
  report.recipient = letters::Recipient{
      found->legal_name,
      {found->address.line, found->address.postal_code + " " + found->address.city}};
  report.place = LetterPlace(*collectivity);
  report.dated_on = today;
  report.title = "Relevé de votre compte de taxe de séjour";
  report.subtitle_lines = {"Période : " + period};
  report.reference = account["payment_reference"].get<std::string>();

  letters::ReportSection summary{"En résumé", {}, {}};
  summary.paragraphs.push_back(
      "Sur la période, vous avez déclaré " + EurosOf(totals["owed_cents"]) + " de taxe ; vos "
      "paiements en ont réglé " + EurosOf(totals["paid_cents"]) + " ; il reste " +
      EurosOf(totals["outstanding_cents"]) + " à payer pour ces mois.");
  const long long balance = account["balance_cents"].get<long long>();
  if (balance > 0) {
    summary.paragraphs.push_back("Solde de votre compte, toutes périodes confondues : " +
                                 EurosOf(account["balance_cents"]) + " à payer.");
  } else if (balance < 0) {
    summary.paragraphs.push_back("Solde de votre compte, toutes périodes confondues : un crédit "
                                 "de " + EurosOf(account["credit_cents"]) + " en votre faveur, "
                                 "imputé sur vos prochaines déclarations.");
  } else {
    summary.paragraphs.push_back("Votre compte est soldé : vous ne devez rien à ce jour.");
  }
  const int to_declare = totals["to_declare"].get<int>();
  if (to_declare > 0) {
    summary.paragraphs.push_back(
        letters::FrenchCount(to_declare, "déclaration manque", "déclarations manquent") +
        " sur la période : déposez-les depuis votre espace.");
  }
  report.sections.push_back(std::move(summary));

  const bool assessed = totals["assessed_cents"].get<long long>() != 0 ||
                        totals["late_interest_cents"].get<long long>() != 0;
  letters::ReportSection months{"Mois par mois", {}, {}};
  months.paragraphs.push_back(
      letters::Quoted("Déclaré") + " est la taxe de vos déclarations (taxe de séjour et taxes "
      "additionnelles)" +
      std::string(assessed ? ", " + letters::Quoted("Autres") +
                                 " les taxations d'office et intérêts de retard"
                           : "") +
      ", " + letters::Quoted("À faire") + " le nombre de déclarations qui manquent. Chaque mois a "
      "sa référence de paiement.");
  letters::ReportTable table;
  table.columns = {{"Mois", 1.1}, {"Déclaré", 1, Align::kRight}};
  if (assessed) table.columns.push_back({"Autres", 1, Align::kRight});
  for (const auto& column : std::vector<letters::ReportColumn>{
           {"Payé", 1, Align::kRight}, {"Reste dû", 1.1, Align::kRight},
           {"À faire", 0.9, Align::kRight}, {"Référence", 2.5}}) {
    table.columns.push_back(column);
  }
  for (const auto& month : statement["months"]) {
    // "11/2025": the month's full name would not fit beside the 20 characters of its reference.
    const auto iso = ParseIsoMonth(month["month"].get<std::string>());
    std::vector<std::string> row = {iso ? MonthSlash(*iso) : month["month"].get<std::string>(),
                                    EurosOf(month["owed_cents"])};
    if (assessed) {
      row.push_back(letters::FrenchEuros(Money::Cents(month["assessed_cents"].get<long long>() +
                                                      month["late_interest_cents"].get<long long>())));
    }
    const int missing = month["to_declare"].get<int>();
    for (std::string cell : {EurosOf(month["paid_cents"]), EurosOf(month["outstanding_cents"]),
                             missing ? std::to_string(missing) : std::string("—"),
                             month["payment_reference"].get<std::string>()}) {
      row.push_back(std::move(cell));
    }
    table.rows.push_back(std::move(row));
  }
  table.total = {"Total", EurosOf(totals["owed_cents"])};
  if (assessed) {
    table.total.push_back(letters::FrenchEuros(Money::Cents(
        totals["assessed_cents"].get<long long>() + totals["late_interest_cents"].get<long long>())));
  }
  for (std::string cell : {EurosOf(totals["paid_cents"]), EurosOf(totals["outstanding_cents"]),
                           to_declare ? std::to_string(to_declare) : std::string("—"),
                           std::string()}) {
    table.total.push_back(std::move(cell));
  }
  if (table.rows.empty()) {
    months.paragraphs.push_back("Aucun mois à déclarer ni déclaré sur la période.");
  } else {
    months.table = std::move(table);
  }
  report.sections.push_back(std::move(months));

  letters::ReportSection payments{"Paiements reçus sur la période", {}, {}};
  if (account["payments"].empty()) {
    payments.paragraphs.push_back("Aucun paiement reçu sur la période.");
  } else {
    letters::ReportTable received;
    received.columns = {{"Reçu le", 1.4}, {"Moyen", 1.4}, {"Montant", 1, Align::kRight}};
    for (const auto& payment : account["payments"]) {
      const auto day = ParseIsoDate(payment["received_on"].get<std::string>());
      const auto method = ParsePaymentMethod(payment["method"].get<std::string>());
      std::string how = method ? std::string(PaymentMethodLabel(*method)) : "";
      if (payment["reversed"].get<bool>()) how += " (annulé)";
      received.rows.push_back({day ? letters::FrenchLongDate(*day) : "", how,
                               EurosOf(payment["amount_cents"])});
    }
    payments.table = std::move(received);
  }
  for (const auto& refund : account["refunds"]) {
    const auto day = ParseIsoDate(refund["paid_on"].get<std::string>());
    payments.paragraphs.push_back("Remboursement de " + EurosOf(refund["amount_cents"]) +
                                  (day ? " le " + letters::FrenchLongDate(*day) : "") + ".");
  }
  report.sections.push_back(std::move(payments));

  letters::ReportSection pay{"Comment payer", {}, {}};
  pay.paragraphs.push_back(
      "Par virement : indiquez dans le libellé votre référence " + report.reference +
      ", ou celle du mois que vous réglez (tableau ci-dessus) : votre paiement est rattaché à "
      "votre compte sans délai.");
  pay.paragraphs.push_back(
      "En ligne : depuis votre espace hébergeur, page " + letters::Quoted("Mon relevé") +
      ", bouton " + letters::Quoted("Payer en ligne") + " (carte bancaire ou prélèvement).");
  report.sections.push_back(std::move(pay));

  auto pdf = letters::RenderFinanceReport(report);
  if (!pdf && pdf.error().code == ErrorCode::kInvalidArgument) {
    return Fail(Error::FailedPrecondition("Le relevé ne peut pas être établi : " +
                                          pdf.error().message));
  }
  return pdf;
}

void Read(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"from", "to", "format"});
  if (!query) return exchange.SendError(query.error());
  auto format = ReadExportFormat(exchange, *query, {ExportFormat::kJson, ExportFormat::kPdf});
  if (!format) return exchange.SendError(format.error());
  const Day today = services.today();
  auto period = query->MonthPeriod(today);
  if (!period) return exchange.SendError(period.error());
  std::string pdf;
  auto statement = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto read = Statement(tx, *tenant, HostId(*id), period->from, period->to, today);
    if (!read || *format != ExportFormat::kPdf) return read;
    auto drawn = StatementPdf(tx, *tenant, HostId(*id), *read, today);
    if (!drawn) return Fail(drawn.error());
    pdf = std::move(*drawn);
    return read;
  });
  if (!statement) return exchange.SendError(statement.error());
  if (*format == ExportFormat::kPdf) {
    return SendPdf(exchange, pdf,
                   "releve-" + (*statement)["account"]["payment_reference"].get<std::string>() +
                       "-" + FormatIsoMonth(period->from) + "-" + FormatIsoMonth(period->to) +
                       ".pdf");
  }
  exchange.SendJson(Code::Ok, *statement);
}

}  // namespace

void RegisterStatementRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/hosts/{id}/statement", [&services](Exchange& e) { Read(e, services); });
}

}  // namespace nuitee::api
