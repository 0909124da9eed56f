// For the public accountant (issue 7; taxe-de-sejour.md §10):
// - GET /v1/collectivities/{id}/exports/period-summary?from=&to= (months): per month what was
//   declared, assessed, charged as interest, collected, refunded, declared and paid by platforms,
//   what remained to recover at the month's end, the additional taxes per beneficiary booked and
//   passed on; then every ledger account's balance at the end of the period
//   (LedgerRepository::Balances).
// - GET /v1/collectivities/{id}/exports/annual-annex?year=: the yearly état annexe au compte
//   administratif on the tax's receipts (article number UNCONFIRMED; formerly R. 2333-43).
// JSON, CSV, or PDF on the collectivity's letterhead. Every figure is a sum of ledger postings.
#include <set>

#include "api/routes/finance_routes.hpp"
#include "api/routes/finance_support.hpp"
#include "api/routes/route_support.hpp"
#include "domain/declaration.hpp"
#include "letters/finance_report.hpp"
#include "letters/french_text.hpp"
#include "persistence/accounting_settings_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "persistence/finance_export_repository.hpp"
#include "persistence/ledger_repository.hpp"

namespace nuitee::api {
namespace {

using letters::Align;
using letters::FrenchEuros;
using persistence::MonthFlows;
using persistence::Transaction;
using Pistache::Http::Code;

struct Summary {
  Collectivity collectivity;
  EnforcementPolicy policy;
  AccountingChart chart;
  Month from{};
  Month to{};
  Day end{};  // the period's last day
  std::vector<MonthFlows> months;
  MonthFlows totals;  // sums; outstanding and credits at the period's end
  std::set<std::string> beneficiaries;
  std::vector<persistence::AccountBalance> balances;
};

void Add(MonthFlows& sum, const MonthFlows& month) {
  sum.declared += month.declared;
  sum.assessed += month.assessed;
  sum.late_interest += month.late_interest;
  sum.collected += month.collected;
  sum.refunded += month.refunded;
  sum.platform_declared += month.platform_declared;
  sum.platform_reversements += month.platform_reversements;
  sum.tourist_office += month.tourist_office;
  sum.tax_booked += month.tax_booked;
  sum.interest_booked += month.interest_booked;
  for (const auto& [b, amount] : month.additional_booked) persistence::AddTo(sum.additional_booked, b, amount);
  for (const auto& [b, amount] : month.additional_passed_on) persistence::AddTo(sum.additional_passed_on, b, amount);
  sum.outstanding_at_end = month.outstanding_at_end;
  sum.credits_at_end = month.credits_at_end;
}

Result<Summary> Load(Transaction& tx, const CollectivityId& id, Month from, Month to) {
  Summary summary;
  auto collectivity = persistence::CollectivityRepository::Find(tx, id);
  if (!collectivity) return Fail(collectivity.error());
  summary.collectivity = *collectivity;
  summary.policy = persistence::EnforcementSettingsRepository::Latest(tx, id).policy;
  summary.chart = persistence::AccountingSettingsRepository::Latest(tx, id).chart;
  summary.from = from;
  summary.to = to;
  summary.end = LastDay(to);
  summary.months = persistence::FinanceExportRepository::Flows(tx, id, from, to);
  for (const auto& month : summary.months) {
    Add(summary.totals, month);
    for (const auto& [b, _] : month.additional_booked) summary.beneficiaries.insert(b);
    for (const auto& [b, _] : month.additional_passed_on) summary.beneficiaries.insert(b);
  }
  summary.balances = persistence::LedgerRepository::Balances(tx, id, summary.end);
  for (const auto& balance : summary.balances) {
    if (balance.account == LedgerAccount::kAdditionalTaxPayable) summary.beneficiaries.insert(balance.party);
  }
  return summary;
}

Money Get(const std::map<std::string, Money>& amounts, const std::string& key) {
  const auto found = amounts.find(key);
  return found == amounts.end() ? Money::Zero() : found->second;
}

// What is still to pass on to a beneficiary at the period's end (the payable account's credit).
Money StillToPassOn(const Summary& summary, const std::string& beneficiary) {
  for (const auto& balance : summary.balances) {
    if (balance.account == LedgerAccount::kAdditionalTaxPayable && balance.party == beneficiary) {
      return -balance.balance;
    }
  }
  return Money::Zero();
}

nlohmann::json FlowsJson(const MonthFlows& flows, const std::set<std::string>& beneficiaries) {
  nlohmann::json additional = nlohmann::json::array();
  for (const auto& b : beneficiaries) {
    additional.push_back({{"beneficiary", b},
                          {"label", BeneficiaryName(b)},
                          {"booked_cents", Get(flows.additional_booked, b).cents()},
                          {"passed_on_cents", Get(flows.additional_passed_on, b).cents()}});
  }
  return {{"declared_cents", flows.declared.cents()},
          {"assessed_cents", flows.assessed.cents()},
          {"late_interest_cents", flows.late_interest.cents()},
          {"collected_cents", flows.collected.cents()},
          {"refunded_cents", flows.refunded.cents()},
          {"platform_declared_cents", flows.platform_declared.cents()},
          {"platform_reversements_cents", flows.platform_reversements.cents()},
          {"tourist_office_cents", flows.tourist_office.cents()},
          {"tax_revenue_cents", flows.tax_booked.cents()},
          {"outstanding_at_end_cents", flows.outstanding_at_end.cents()},
          {"credits_at_end_cents", (-flows.credits_at_end).cents()},
          {"additional_taxes", additional}};
}

std::string AccountLabel(const Summary& summary, const persistence::AccountBalance& balance) {
  std::string label = NumberOf(summary.chart, balance.account).label;
  if (balance.account == LedgerAccount::kAdditionalTaxPayable) label += " – " + BeneficiaryName(balance.party);
  if (balance.account == LedgerAccount::kPlatformReceivable) label += " – " + balance.party;
  return label;
}

nlohmann::json BalancesJson(const Summary& summary) {
  nlohmann::json balances = nlohmann::json::array();
  for (const auto& balance : summary.balances) {
    const AccountNumber number = NumberOf(summary.chart, balance.account);
    balances.push_back({{"account", LedgerAccountCode(balance.account)},
                        {"party", balance.party},
                        {"account_number", number.number},
                        {"label", AccountLabel(summary, balance)},
                        {"balance_cents", balance.balance.cents()}});
  }
  return balances;
}

nlohmann::json SummaryJson(const Summary& summary) {
  nlohmann::json months = nlohmann::json::array();
  for (const auto& month : summary.months) {
    nlohmann::json each = FlowsJson(month, summary.beneficiaries);
    each["month"] = FormatIsoMonth(month.month);
    months.push_back(std::move(each));
  }
  nlohmann::json totals = FlowsJson(summary.totals, summary.beneficiaries);
  for (auto& each : totals["additional_taxes"]) {
    each["still_to_pass_on_cents"] = StillToPassOn(summary, each["beneficiary"]).cents();
  }
  return {{"from", FormatIsoMonth(summary.from)},
          {"to", FormatIsoMonth(summary.to)},
          {"balances_on", FormatIsoDate(summary.end)},
          {"months", months},
          {"totals", totals},
          {"balances", BalancesJson(summary)}};
}

std::vector<std::string> FlowCells(const MonthFlows& flows, const Summary& summary) {
  std::vector<std::string> cells = {
      DecimalComma(flows.declared),         DecimalComma(flows.assessed),
      DecimalComma(flows.late_interest),    DecimalComma(flows.collected),
      DecimalComma(flows.refunded),         DecimalComma(flows.platform_declared),
      DecimalComma(flows.platform_reversements), DecimalComma(flows.tourist_office),
      DecimalComma(flows.outstanding_at_end)};
  for (const auto& b : summary.beneficiaries) {
    cells.push_back(DecimalComma(Get(flows.additional_booked, b)));
    cells.push_back(DecimalComma(Get(flows.additional_passed_on, b)));
  }
  return cells;
}

std::string SummaryCsv(const Summary& summary) {
  std::vector<std::string> header = {"Mois", "Déclaré (€)", "Taxé d'office (€)",
                                     "Intérêts de retard (€)", "Encaissé (€)", "Remboursé (€)",
                                     "Déclaré par les plateformes (€)",
                                     "Reversé par les plateformes (€)",
                                     "Versé à l'office de tourisme (€)",
                                     "Reste à recouvrer en fin de mois (€)"};
  for (const auto& b : summary.beneficiaries) {
    header.push_back(CsvCell(BeneficiaryName(b) + " – due (€)"));
    header.push_back(CsvCell(BeneficiaryName(b) + " – reversée (€)"));
  }
  std::string csv = CsvRow(header);
  for (const auto& month : summary.months) {
    std::vector<std::string> cells = {MonthSlash(month.month)};
    for (auto& cell : FlowCells(month, summary)) cells.push_back(std::move(cell));
    csv += CsvRow(cells);
  }
  std::vector<std::string> total = {"Total"};
  for (auto& cell : FlowCells(summary.totals, summary)) total.push_back(std::move(cell));
  csv += CsvRow(total);
  csv += "\n";
  csv += CsvRow({"Compte", "Libellé", "Solde au " + FormatIsoDate(summary.end) + " (€)"});
  for (const auto& balance : summary.balances) {
    csv += CsvRow({CsvCell(NumberOf(summary.chart, balance.account).number),
                   CsvCell(AccountLabel(summary, balance)), DecimalComma(balance.balance)});
  }
  return csv;
}

letters::FinanceReport Letter(const Summary& summary, Day today) {
  letters::FinanceReport report;
  report.letterhead = FinanceLetterhead(summary.collectivity, summary.policy);
  report.place = LetterPlace(summary.collectivity);
  report.dated_on = today;
  return report;
}

letters::ReportTable BeneficiaryTable(const Summary& summary) {
  letters::ReportTable table;
  table.columns = {{"Bénéficiaire", 2.2},
                   {"Due", 1, Align::kRight},
                   {"Reversée", 1, Align::kRight},
                   {"Reste à reverser", 1.2, Align::kRight}};
  for (const auto& b : summary.beneficiaries) {
    table.rows.push_back({BeneficiaryName(b), FrenchEuros(Get(summary.totals.additional_booked, b)),
                          FrenchEuros(Get(summary.totals.additional_passed_on, b)),
                          FrenchEuros(StillToPassOn(summary, b))});
  }
  return table;
}

letters::ReportTable BalanceTable(const Summary& summary) {
  letters::ReportTable table;
  table.columns = {{"Compte", 0.8}, {"Libellé", 3}, {"Solde", 1.2, Align::kRight}};
  for (const auto& balance : summary.balances) {
    table.rows.push_back({NumberOf(summary.chart, balance.account).number,
                          AccountLabel(summary, balance), FrenchEuros(balance.balance)});
  }
  return table;
}

Result<std::string> SummaryPdf(const Summary& summary, Day today) {
  letters::FinanceReport report = Letter(summary, today);
  report.title = "Taxe de séjour – état récapitulatif pour le comptable public";
  report.subtitle_lines = {"Période : " + letters::FrenchMonth(summary.from) + " à " +
                           letters::FrenchMonth(summary.to)};
  report.reference = "RECAP-" + FormatIsoMonth(summary.from) + "-" + FormatIsoMonth(summary.to);
  letters::ReportSection months{"Mouvements du mois", {}, {}};
  months.paragraphs.push_back(
      "Montants en euros, par mois d'enregistrement. Déclaré et taxé d'office : sommes dues par "
      "les hébergeurs (révisions et retraits compris). Encaissé : paiements reçus, annulations "
      "déduites. Reste à recouvrer : sommes dues et non payées en fin de mois.");
  letters::ReportTable table;
  table.columns = {{"Mois", 0.8},
                   {"Déclaré", 1, Align::kRight},
                   {"Taxé d'office", 1, Align::kRight},
                   {"Intérêts", 0.8, Align::kRight},
                   {"Encaissé", 1, Align::kRight},
                   {"Remboursé", 0.9, Align::kRight},
                   {"Plateformes (reversé)", 1.1, Align::kRight},
                   {"Reste à recouvrer", 1.1, Align::kRight}};
  auto row = [&](const std::string& label, const MonthFlows& flows) {
    return std::vector<std::string>{label, FrenchEuros(flows.declared), FrenchEuros(flows.assessed),
                                    FrenchEuros(flows.late_interest), FrenchEuros(flows.collected),
                                    FrenchEuros(flows.refunded),
                                    FrenchEuros(flows.platform_reversements),
                                    FrenchEuros(flows.outstanding_at_end)};
  };
  for (const auto& month : summary.months) table.rows.push_back(row(MonthSlash(month.month), month));
  table.total = row("Total", summary.totals);
  months.table = std::move(table);
  report.sections.push_back(std::move(months));
  if (!summary.beneficiaries.empty()) {
    letters::ReportSection additional{"Taxes additionnelles", {}, BeneficiaryTable(summary)};
    report.sections.push_back(std::move(additional));
  }
  letters::ReportSection balances{
      "Soldes des comptes au " + letters::FrenchLongDate(summary.end),
      {"Nomenclature " + std::string(NomenclatureCode(summary.chart.nomenclature)) +
       ". Débit positif, crédit négatif."},
      BalanceTable(summary)};
  report.sections.push_back(std::move(balances));
  return letters::RenderFinanceReport(report);
}

Result<std::string> AnnexPdf(const Summary& summary, int year, Day today) {
  letters::FinanceReport report = Letter(summary, today);
  report.title = "État annexe au compte administratif – taxe de séjour";
  report.subtitle_lines = {"Exercice " + std::to_string(year)};
  report.reference = "ANNEXE-TS-" + std::to_string(year);
  const MonthFlows& t = summary.totals;
  letters::ReportSection receipts{"Recettes de l'exercice", {}, {}};
  letters::ReportTable table;
  table.columns = {{"Nature", 3}, {"Montant", 1, Align::kRight}};
  table.rows = {
      {"Taxe de séjour (produit de la collectivité)", FrenchEuros(t.tax_booked)},
      {"dont déclarée par les plateformes", FrenchEuros(t.platform_declared)},
      {"Intérêts de retard", FrenchEuros(t.interest_booked)},
      {"Sommes encaissées auprès des hébergeurs (remboursements déduits)",
       FrenchEuros(t.collected - t.refunded)},
      {"Sommes reversées par les plateformes", FrenchEuros(t.platform_reversements)},
      {"Reversé à l'office de tourisme", FrenchEuros(t.tourist_office)},
      {"Restes à recouvrer au 31 décembre", FrenchEuros(t.outstanding_at_end)}};
  receipts.table = std::move(table);
  report.sections.push_back(std::move(receipts));
  if (!summary.beneficiaries.empty()) {
    letters::ReportSection additional{
        "Taxes additionnelles perçues pour le compte d'autres bénéficiaires", {},
        BeneficiaryTable(summary)};
    report.sections.push_back(std::move(additional));
  }
  report.sections.push_back(
      {"Emploi du produit",
       {"Le produit de la taxe de séjour est affecté aux dépenses destinées à favoriser la "
        "fréquentation touristique (CGCT L. 2333-27). Le détail de son emploi n'est pas tenu dans "
        "Nuitée : il est à joindre par les services financiers."},
       {}});
  return letters::RenderFinanceReport(report);
}

std::string AnnexCsv(const Summary& summary, int year) {
  const MonthFlows& t = summary.totals;
  std::string csv = CsvRow({"Exercice", "Nature", "Montant (€)"});
  const std::string y = std::to_string(year);
  for (const auto& [label, amount] : std::vector<std::pair<std::string, Money>>{
           {"Taxe de séjour (produit de la collectivité)", t.tax_booked},
           {"dont déclarée par les plateformes", t.platform_declared},
           {"Intérêts de retard", t.interest_booked},
           {"Sommes encaissées auprès des hébergeurs (remboursements déduits)", t.collected - t.refunded},
           {"Sommes reversées par les plateformes", t.platform_reversements},
           {"Reversé à l'office de tourisme", t.tourist_office},
           {"Restes à recouvrer au 31 décembre", t.outstanding_at_end}}) {
    csv += CsvRow({y, CsvCell(label), DecimalComma(amount)});
  }
  for (const auto& b : summary.beneficiaries) {
    csv += CsvRow({y, CsvCell(BeneficiaryName(b) + " – due"), DecimalComma(Get(t.additional_booked, b))});
    csv += CsvRow({y, CsvCell(BeneficiaryName(b) + " – reversée"),
                   DecimalComma(Get(t.additional_passed_on, b))});
    csv += CsvRow({y, CsvCell(BeneficiaryName(b) + " – reste à reverser"),
                   DecimalComma(StillToPassOn(summary, b))});
  }
  return csv;
}

nlohmann::json AnnexJson(const Summary& summary, int year) {
  nlohmann::json totals = FlowsJson(summary.totals, summary.beneficiaries);
  for (auto& each : totals["additional_taxes"]) {
    each["still_to_pass_on_cents"] = StillToPassOn(summary, each["beneficiary"]).cents();
  }
  totals["late_interest_revenue_cents"] = summary.totals.interest_booked.cents();
  return {{"year", year},
          {"receipts", totals},
          {"use_of_proceeds", nullptr},
          {"use_of_proceeds_note",
           "L'emploi du produit (CGCT L. 2333-27) n'est pas tenu dans Nuitée."}};
}

void SendSummary(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"from", "to", "format"});
  if (!query) return exchange.SendError(query.error());
  auto format = ReadExportFormat(exchange, *query,
                                 {ExportFormat::kJson, ExportFormat::kCsv, ExportFormat::kPdf});
  if (!format) return exchange.SendError(format.error());
  const Day today = services.today();
  auto period = query->MonthPeriod(today);
  if (!period) return exchange.SendError(period.error());
  auto summary = services.database.InTransaction(
      [&](Transaction& tx) { return Load(tx, *id, period->from, period->to); });
  if (!summary) return exchange.SendError(summary.error());
  const std::string name =
      "recapitulatif-" + FormatIsoMonth(period->from) + "-" + FormatIsoMonth(period->to);
  if (*format == ExportFormat::kCsv) return SendCsv(exchange, SummaryCsv(*summary), name + ".csv");
  if (*format == ExportFormat::kPdf) {
    auto pdf = SummaryPdf(*summary, today);
    if (!pdf) return exchange.SendError(pdf.error());
    return SendPdf(exchange, *pdf, name + ".pdf");
  }
  exchange.SendJson(Code::Ok, SummaryJson(*summary));
}

void SendAnnex(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"year", "format"});
  if (!query) return exchange.SendError(query.error());
  auto format = ReadExportFormat(exchange, *query,
                                 {ExportFormat::kJson, ExportFormat::kCsv, ExportFormat::kPdf});
  if (!format) return exchange.SendError(format.error());
  const auto text = query->Get("year");
  const auto year = text ? detail::ParseDigits(*text) : std::nullopt;
  if (!year || text->size() != 4 || *year < 2000 || *year > 2199) {
    return exchange.SendError(
        Error::InvalidArgument("/query/year", "« year » est l'exercice, sur quatre chiffres."));
  }
  const Month from = date::year{int(*year)} / date::January;
  const Month to = date::year{int(*year)} / date::December;
  auto summary =
      services.database.InTransaction([&](Transaction& tx) { return Load(tx, *id, from, to); });
  if (!summary) return exchange.SendError(summary.error());
  const std::string name = "annexe-taxe-de-sejour-" + std::to_string(*year);
  if (*format == ExportFormat::kCsv) return SendCsv(exchange, AnnexCsv(*summary, *year), name + ".csv");
  if (*format == ExportFormat::kPdf) {
    auto pdf = AnnexPdf(*summary, *year, services.today());
    if (!pdf) return exchange.SendError(pdf.error());
    return SendPdf(exchange, *pdf, name + ".pdf");
  }
  exchange.SendJson(Code::Ok, AnnexJson(*summary, *year));
}

}  // namespace

void RegisterPeriodSummaryRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/exports/period-summary",
            [&services](Exchange& e) { SendSummary(e, services); });
  table.Get("/v1/collectivities/{id}/exports/annual-annex",
            [&services](Exchange& e) { SendAnnex(e, services); });
}

}  // namespace nuitee::api
