// GET /v1/hosts/{id}/reversement-statement?from=&to= (months): the état de reversement of a host
// for a period. Month by month and accommodation by accommodation: what it declared (nights,
// person-nights, exempt person-nights, the tax, each additional tax, the total), what taxations
// d'office and late interest added, what its payments paid (the allocation of
// domain/money/payment_allocation, worked out from the ledger) and what it still owes, with the
// payment reference to quote (domain/money/payment_reference). JSON, CSV, or a PDF letter on the
// collectivity's letterhead (enforcement settings).
#include <algorithm>
#include <map>
#include <set>

#include "api/routes/finance_routes.hpp"
#include "api/routes/finance_support.hpp"
#include "api/routes/route_support.hpp"
#include "domain/money/payment_reference.hpp"
#include "letters/finance_report.hpp"
#include "letters/french_text.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "persistence/finance_export_repository.hpp"
#include "persistence/money_positions.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

struct StatementLine {
  Month month{};
  std::string accommodation_id;
  std::string accommodation_name;
  LedgerEntryKind kind = LedgerEntryKind::kDeclaration;
  std::optional<persistence::DeclaredMonth> declared;
  Money tax = Money::Zero();
  std::map<std::string, Money> additional;
  Money interest = Money::Zero();
  Money total = Money::Zero();
  Money paid = Money::Zero();
  Money Outstanding() const { return total - paid; }
};

struct PaidShare {
  std::string payment_id;
  Day received_on{};
  Money amount = Money::Zero();     // the whole payment
  Money allocated = Money::Zero();  // what it paid to the period's debts
};

struct Statement {
  Collectivity collectivity;
  EnforcementPolicy policy;
  persistence::DebtorFacts host;
  Month from{};
  Month to{};
  std::vector<StatementLine> lines;
  std::vector<PaidShare> payments;
  std::set<std::string> beneficiaries;
  Money balance = Money::Zero();  // every period: what the host owes now (negative: a credit)
  Money credit = Money::Zero();
  std::string reference;
};

std::string_view KindLabel(LedgerEntryKind kind) {
  switch (kind) {
    case LedgerEntryKind::kAssessment: return "Taxation d'office";
    case LedgerEntryKind::kLateInterest: return "Intérêts de retard";
    default: return "Déclaration";
  }
}

std::string_view KindCode(LedgerEntryKind kind) { return LedgerEntryKindCode(kind); }

Result<Statement> Load(Transaction& tx, const CollectivityId& tenant, const HostId& host,
                       Month from, Month to) {
  using persistence::FinanceExportRepository;
  Statement statement;
  auto debtor = FinanceExportRepository::Debtor(tx, tenant, host);
  if (!debtor) return Fail(Error::NotFound("Aucun hébergeur de ce numéro dans la collectivité."));
  statement.host = *debtor;
  auto collectivity = persistence::CollectivityRepository::Find(tx, tenant);
  if (!collectivity) return Fail(collectivity.error());
  statement.collectivity = *collectivity;
  statement.policy = persistence::EnforcementSettingsRepository::Latest(tx, tenant).policy;
  statement.from = from;
  statement.to = to;
  const auto accommodations = FinanceExportRepository::Accommodations(tx, tenant);
  const auto money = persistence::ReadHostMoney(tx, host, std::nullopt);
  const auto breakdown = FinanceExportRepository::HostBreakdown(tx, host);
  const auto declared = FinanceExportRepository::HostDeclarations(tx, host, from, to);

  using Key = std::tuple<Month, std::string, LedgerEntryKind>;
  std::map<Key, StatementLine> lines;
  auto line = [&](Month month, const std::string& accommodation, LedgerEntryKind kind) -> StatementLine& {
    StatementLine& found = lines[{month, accommodation, kind}];
    found.month = month;
    found.accommodation_id = accommodation;
    found.kind = kind;
    const auto named = accommodations.find(accommodation);
    found.accommodation_name = named == accommodations.end() ? accommodation : named->second.name;
    return found;
  };
  for (const auto& month : declared) {
    line(month.month, month.accommodation_id, LedgerEntryKind::kDeclaration).declared = month;
  }
  std::set<std::size_t> in_period;
  for (std::size_t i = 0; i < money.debts.size(); ++i) {
    const Debt& debt = money.debts[i];
    if (debt.period < from || debt.period > to) continue;
    in_period.insert(i);
    StatementLine& each = line(debt.period, debt.accommodation_id, debt.kind);
    each.total = debt.amount;
    each.paid = money.allocation.paid[i];
  }
  for (const auto& month : breakdown) {
    const auto found = lines.find({month.period, month.accommodation_id, month.kind});
    if (found == lines.end()) continue;
    found->second.tax = month.tax;
    found->second.interest = month.interest;
    for (const auto& [beneficiary, amount] : month.additional) {
      if (amount == Money::Zero()) continue;
      persistence::AddTo(found->second.additional, beneficiary, amount);
      statement.beneficiaries.insert(beneficiary);
    }
  }
  for (auto& [_, each] : lines) statement.lines.push_back(std::move(each));

  std::map<std::string, PaidShare> shares;
  for (const auto& share : money.allocation.shares) {
    if (!in_period.count(share.debt)) continue;
    PaidShare& paid = shares[share.payment_id];
    paid.payment_id = share.payment_id;
    paid.allocated += share.amount;
  }
  for (const auto& payment : money.payments) {
    auto found = shares.find(payment.id);
    if (found == shares.end()) continue;
    found->second.received_on = payment.received_on;
    found->second.amount = payment.amount;
  }
  for (auto& [_, share] : shares) statement.payments.push_back(std::move(share));
  std::sort(statement.payments.begin(), statement.payments.end(),
            [](const PaidShare& a, const PaidShare& b) { return a.received_on < b.received_on; });

  Money owed = Money::Zero();
  for (std::size_t i = 0; i < money.debts.size(); ++i) owed += money.allocation.Outstanding(money.debts, i);
  statement.credit = money.allocation.credit;
  statement.balance = owed - money.allocation.credit;
  statement.reference = FormatPaymentReference({statement.host.host_number, std::nullopt});
  return statement;
}

struct Totals {
  Money tax = Money::Zero();
  std::map<std::string, Money> additional;
  Money additional_all = Money::Zero();
  Money interest = Money::Zero();
  Money total = Money::Zero();
  Money paid = Money::Zero();
  Money outstanding = Money::Zero();
  long long nights = 0, person_nights = 0, exempt = 0;
};

Totals TotalsOf(const Statement& statement) {
  Totals totals;
  for (const auto& line : statement.lines) {
    totals.tax += line.tax;
    for (const auto& [beneficiary, amount] : line.additional) {
      persistence::AddTo(totals.additional, beneficiary, amount);
      totals.additional_all += amount;
    }
    totals.interest += line.interest;
    totals.total += line.total;
    totals.paid += line.paid;
    totals.outstanding += line.Outstanding();
    if (line.declared) {
      totals.nights += line.declared->nights;
      totals.person_nights += line.declared->person_nights;
      totals.exempt += line.declared->exempt_person_nights;
    }
  }
  return totals;
}

Money AdditionalOf(const StatementLine& line) {
  Money sum = Money::Zero();
  for (const auto& [_, amount] : line.additional) sum += amount;
  return sum;
}

nlohmann::json AdditionalJson(const std::map<std::string, Money>& additional) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [beneficiary, amount] : additional) {
    list.push_back({{"beneficiary", beneficiary},
                    {"label", BeneficiaryName(beneficiary)},
                    {"amount_cents", amount.cents()}});
  }
  return list;
}

nlohmann::json StatementJson(const Statement& statement) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& line : statement.lines) {
    nlohmann::json each = {
        {"month", FormatIsoMonth(line.month)},
        {"accommodation_id", line.accommodation_id},
        {"accommodation_name", line.accommodation_name},
        {"kind", KindCode(line.kind)},
        {"tax_cents", line.tax.cents()},
        {"additional_taxes", AdditionalJson(line.additional)},
        {"interest_cents", line.interest.cents()},
        {"total_cents", line.total.cents()},
        {"paid_cents", line.paid.cents()},
        {"outstanding_cents", line.Outstanding().cents()},
        {"payment_reference",
         FormatPaymentReference({statement.host.host_number, line.month})}};
    if (line.declared) {
      each["revision"] = line.declared->revision;
      each["declaration_kind"] = line.declared->kind;
      each["nights"] = line.declared->nights;
      each["person_nights"] = line.declared->person_nights;
      each["exempt_person_nights"] = line.declared->exempt_person_nights;
      each["platform_person_nights"] = line.declared->platform_person_nights;
    }
    lines.push_back(std::move(each));
  }
  nlohmann::json payments = nlohmann::json::array();
  for (const auto& payment : statement.payments) {
    payments.push_back({{"id", payment.payment_id},
                        {"received_on", FormatIsoDate(payment.received_on)},
                        {"amount_cents", payment.amount.cents()},
                        {"allocated_cents", payment.allocated.cents()}});
  }
  const Totals totals = TotalsOf(statement);
  const auto& h = statement.host;
  return {{"host",
           {{"id", h.host_id},
            {"legal_name", h.legal_name},
            {"number", h.host_number},
            {"address", {{"line", h.address_line}, {"postal_code", h.postal_code}, {"city", h.city}}}}},
          {"from", FormatIsoMonth(statement.from)},
          {"to", FormatIsoMonth(statement.to)},
          {"payment_reference", statement.reference},
          {"lines", lines},
          {"payments", payments},
          {"totals",
           {{"nights", totals.nights},
            {"person_nights", totals.person_nights},
            {"exempt_person_nights", totals.exempt},
            {"tax_cents", totals.tax.cents()},
            {"additional_taxes", AdditionalJson(totals.additional)},
            {"interest_cents", totals.interest.cents()},
            {"total_cents", totals.total.cents()},
            {"paid_cents", totals.paid.cents()},
            {"outstanding_cents", totals.outstanding.cents()}}},
          {"balance_cents", statement.balance.cents()},
          {"credit_cents", statement.credit.cents()}};
}

std::string Count(const std::optional<persistence::DeclaredMonth>& declared, long long value) {
  return declared ? std::to_string(value) : "";
}

std::string StatementCsv(const Statement& statement) {
  std::vector<std::string> header = {"Mois", "Hébergement", "Identifiant de l'hébergement",
                                     "Nature", "Nuitées", "Nuitées-personnes",
                                     "Nuitées-personnes exonérées", "Taxe de séjour (€)"};
  for (const auto& beneficiary : statement.beneficiaries) {
    header.push_back(CsvCell(BeneficiaryName(beneficiary) + " (€)"));
  }
  for (const char* name : {"Intérêts de retard (€)", "Total dû (€)", "Payé (€)", "Reste dû (€)",
                           "Référence de paiement"}) {
    header.push_back(name);
  }
  std::string csv = CsvRow(header);
  for (const auto& line : statement.lines) {
    const auto& d = line.declared;
    std::vector<std::string> cells = {
        MonthSlash(line.month), CsvCell(line.accommodation_name), line.accommodation_id,
        std::string(KindLabel(line.kind)), Count(d, d ? d->nights : 0),
        Count(d, d ? d->person_nights : 0), Count(d, d ? d->exempt_person_nights : 0),
        DecimalComma(line.tax)};
    for (const auto& beneficiary : statement.beneficiaries) {
      const auto found = line.additional.find(beneficiary);
      cells.push_back(DecimalComma(found == line.additional.end() ? Money::Zero() : found->second));
    }
    cells.push_back(DecimalComma(line.interest));
    cells.push_back(DecimalComma(line.total));
    cells.push_back(DecimalComma(line.paid));
    cells.push_back(DecimalComma(line.Outstanding()));
    cells.push_back(FormatPaymentReference({statement.host.host_number, line.month}));
    csv += CsvRow(cells);
  }
  const Totals totals = TotalsOf(statement);
  std::vector<std::string> cells = {"Total", "", "", "", std::to_string(totals.nights),
                                    std::to_string(totals.person_nights),
                                    std::to_string(totals.exempt), DecimalComma(totals.tax)};
  for (const auto& beneficiary : statement.beneficiaries) {
    cells.push_back(DecimalComma(totals.additional.at(beneficiary)));
  }
  cells.push_back(DecimalComma(totals.interest));
  cells.push_back(DecimalComma(totals.total));
  cells.push_back(DecimalComma(totals.paid));
  cells.push_back(DecimalComma(totals.outstanding));
  cells.push_back(statement.reference);
  csv += CsvRow(cells);
  return csv;
}

Result<std::string> StatementPdf(const Statement& statement, Day today) {
  using letters::Align;
  using letters::FrenchEuros;
  letters::FinanceReport report;
  report.letterhead = FinanceLetterhead(statement.collectivity, statement.policy);
  const auto& h = statement.host;
  report.recipient = letters::Recipient{h.legal_name, {h.address_line, h.postal_code + " " + h.city}};
  report.place = LetterPlace(statement.collectivity);
  report.dated_on = today;
  report.title = "État de reversement de la taxe de séjour";
  report.subtitle_lines = {"Période : " + letters::FrenchMonth(statement.from) + " à " +
                           letters::FrenchMonth(statement.to)};
  report.reference = statement.reference;
  const Totals totals = TotalsOf(statement);

  letters::ReportSection declared{"Ce que vous avez déclaré et ce qui vous a été notifié", {}, {}};
  declared.paragraphs.push_back(
      "Montants dus mois par mois et hébergement par hébergement, selon la dernière version de "
      "chaque déclaration, les taxations d'office émises et les intérêts de retard facturés.");
  letters::ReportTable nights;
  nights.columns = {{"Mois", 0.8},
                    {"Hébergement", 2.2},
                    {"Nature", 1.5},
                    {"Nuitées", 0.9, Align::kRight},
                    {"Nuitées-personnes", 1.3, Align::kRight},
                    {"dont exonérées", 1.1, Align::kRight}};
  for (const auto& line : statement.lines) {
    const auto& d = line.declared;
    nights.rows.push_back({MonthSlash(line.month), line.accommodation_name,
                           std::string(KindLabel(line.kind)), Count(d, d ? d->nights : 0),
                           Count(d, d ? d->person_nights : 0),
                           Count(d, d ? d->exempt_person_nights : 0)});
  }
  nights.total = {"Total", "", "", std::to_string(totals.nights),
                  std::to_string(totals.person_nights), std::to_string(totals.exempt)};
  declared.table = std::move(nights);
  report.sections.push_back(std::move(declared));

  letters::ReportSection amounts{"Montants dus, payés et restant dus", {}, {}};
  letters::ReportTable table;
  table.columns = {{"Mois", 0.8},
                   {"Hébergement", 1.6},
                   {"Taxe de séjour", 1.2, Align::kRight},
                   {"Taxes add. et intérêts", 1.3, Align::kRight},
                   {"Total dû", 1.2, Align::kRight},
                   {"Payé", 1.2, Align::kRight},
                   {"Reste dû", 1.2, Align::kRight}};
  for (const auto& line : statement.lines) {
    table.rows.push_back({MonthSlash(line.month), line.accommodation_name, FrenchEuros(line.tax),
                          FrenchEuros(AdditionalOf(line) + line.interest), FrenchEuros(line.total),
                          FrenchEuros(line.paid), FrenchEuros(line.Outstanding())});
  }
  table.total = {"Total", "", FrenchEuros(totals.tax),
                 FrenchEuros(totals.additional_all + totals.interest), FrenchEuros(totals.total),
                 FrenchEuros(totals.paid), FrenchEuros(totals.outstanding)};
  amounts.table = std::move(table);
  report.sections.push_back(std::move(amounts));

  if (!statement.beneficiaries.empty() || totals.interest > Money::Zero()) {
    letters::ReportSection detail{"Taxes additionnelles et intérêts de retard", {}, {}};
    letters::ReportTable split;
    split.columns = {{"Bénéficiaire", 3}, {"Montant", 1, Align::kRight}};
    for (const auto& [beneficiary, amount] : totals.additional) {
      split.rows.push_back({BeneficiaryName(beneficiary), FrenchEuros(amount)});
    }
    if (totals.interest > Money::Zero()) {
      split.rows.push_back({"Intérêts de retard (CGCT L. 2333-38)", FrenchEuros(totals.interest)});
    }
    detail.table = std::move(split);
    report.sections.push_back(std::move(detail));
  }

  letters::ReportSection paid{"Ce que vous avez payé", {}, {}};
  if (statement.payments.empty()) {
    paid.paragraphs.push_back("Aucun paiement n'a été imputé sur les sommes de la période.");
  } else {
    letters::ReportTable payments;
    payments.columns = {{"Reçu le", 1.2}, {"Montant reçu", 1, Align::kRight},
                        {"Imputé sur la période", 1.3, Align::kRight}};
    for (const auto& payment : statement.payments) {
      payments.rows.push_back({letters::FrenchLongDate(payment.received_on),
                               FrenchEuros(payment.amount), FrenchEuros(payment.allocated)});
    }
    payments.total = {"Total imputé", "", FrenchEuros(totals.paid)};
    paid.table = std::move(payments);
  }
  report.sections.push_back(std::move(paid));

  letters::ReportSection owed{"Ce qui reste dû", {}, {}};
  owed.paragraphs.push_back("Total dû sur la période : " + FrenchEuros(totals.total) +
                            ". Payé : " + FrenchEuros(totals.paid) +
                            ". Reste dû sur la période : " + FrenchEuros(totals.outstanding) + ".");
  if (statement.balance > Money::Zero()) {
    owed.paragraphs.push_back("Solde de votre compte, toutes périodes confondues : " +
                              FrenchEuros(statement.balance) + " à payer.");
  } else if (statement.balance < Money::Zero()) {
    owed.paragraphs.push_back("Vous disposez d'un crédit de " + FrenchEuros(-statement.balance) +
                              ", imputé sur vos prochaines déclarations.");
  }
  owed.paragraphs.push_back("Pour payer par virement, indiquez la référence " + statement.reference +
                            " dans le libellé du virement : votre paiement vous sera imputé sans "
                            "délai.");
  report.sections.push_back(std::move(owed));
  auto pdf = letters::RenderFinanceReport(report);
  if (!pdf && pdf.error().code == ErrorCode::kInvalidArgument) {
    return Fail(Error::FailedPrecondition("L'état de reversement ne peut pas être établi : " +
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
  auto format = ReadExportFormat(exchange, *query,
                                 {ExportFormat::kJson, ExportFormat::kCsv, ExportFormat::kPdf});
  if (!format) return exchange.SendError(format.error());
  const Day today = services.today();
  auto period = query->MonthPeriod(today);
  if (!period) return exchange.SendError(period.error());
  auto statement = services.database.InTransaction([&](Transaction& tx) {
    return Load(tx, *tenant, HostId(*id), period->from, period->to);
  });
  if (!statement) return exchange.SendError(statement.error());
  const std::string name = "etat-de-reversement-" + std::to_string(statement->host.host_number) +
                           "-" + FormatIsoMonth(period->from) + "-" + FormatIsoMonth(period->to);
  if (*format == ExportFormat::kCsv) return SendCsv(exchange, StatementCsv(*statement), name + ".csv");
  if (*format == ExportFormat::kPdf) {
    auto pdf = StatementPdf(*statement, today);
    if (!pdf) return exchange.SendError(pdf.error());
    return SendPdf(exchange, *pdf, name + ".pdf");
  }
  exchange.SendJson(Code::Ok, StatementJson(*statement));
}

}  // namespace

void RegisterReversementStatementRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/hosts/{id}/reversement-statement",
            [&services](Exchange& e) { Read(e, services); });
}

}  // namespace nuitee::api
