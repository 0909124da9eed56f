// GET /v1/collectivities/{id}/exports/accounting?from=&to=: one line per posting of the ledger's
// entries booked in the period (days, inclusive), with the account numbers of the collectivity's
// nomenclature (accounting settings). Entries are exported whole, so debits equal credits; JSON,
// or CSV for a French spreadsheet or the accounting software's import.
#include "api/routes/finance_routes.hpp"
#include "api/routes/finance_support.hpp"
#include "api/routes/route_support.hpp"
#include "persistence/accounting_settings_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/finance_export_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::ExportPosting;
using persistence::Transaction;
using Pistache::Http::Code;

struct ExportLine {
  const ExportPosting* posting = nullptr;
  AccountNumber number;
  std::string account_label;  // with the beneficiary or the platform
  Money debit = Money::Zero();
  Money credit = Money::Zero();
};

struct AccountingExport {
  AccountingChart chart;
  std::vector<ExportPosting> postings;
  std::vector<ExportLine> lines;
  Money debits = Money::Zero();
  Money credits = Money::Zero();
};

void BuildLines(AccountingExport& exported) {
  for (const auto& posting : exported.postings) {
    ExportLine line;
    line.posting = &posting;
    line.number = NumberOf(exported.chart, posting.account);
    line.account_label = line.number.label;
    if (posting.account == LedgerAccount::kAdditionalTaxPayable && !posting.party.empty()) {
      line.account_label += " – " + BeneficiaryName(posting.party);
    }
    if (posting.account == LedgerAccount::kPlatformReceivable && posting.platform_name) {
      line.account_label += " – " + *posting.platform_name;
    }
    if (posting.amount > Money::Zero()) {
      line.debit = posting.amount;
    } else {
      line.credit = -posting.amount;
    }
    exported.debits += line.debit;
    exported.credits += line.credit;
    exported.lines.push_back(std::move(line));
  }
}

nlohmann::json OrNull(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json();
}

nlohmann::json ExportJson(const AccountingExport& exported, Day from, Day to) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& line : exported.lines) {
    const ExportPosting& p = *line.posting;
    lines.push_back(
        {{"booked_on", FormatIsoDate(p.booked_on)},
         {"entry_number", p.entry_seq},
         {"line_no", p.line_no},
         {"kind", LedgerEntryKindCode(p.kind)},
         {"account", LedgerAccountCode(p.account)},
         {"party", p.party},
         {"account_number", line.number.number},
         {"account_label", line.account_label},
         {"account_confirmed", line.number.confirmed},
         {"budget_chapter", line.number.chapter},
         {"debit_cents", line.debit.cents()},
         {"credit_cents", line.credit.cents()},
         {"reference", OrNull(p.reference)},
         {"host", p.host_id ? nlohmann::json{{"id", *p.host_id}, {"name", OrNull(p.host_name)}}
                            : nlohmann::json()},
         {"accommodation",
          p.accommodation_id
              ? nlohmann::json{{"id", *p.accommodation_id}, {"name", OrNull(p.accommodation_name)}}
              : nlohmann::json()},
         {"period", p.period ? nlohmann::json(FormatIsoMonth(*p.period)) : nlohmann::json()},
         {"label", p.label}});
  }
  return {{"from", FormatIsoDate(from)},
          {"to", FormatIsoDate(to)},
          {"nomenclature", NomenclatureCode(exported.chart.nomenclature)},
          {"lines", lines},
          {"totals",
           {{"debit_cents", exported.debits.cents()},
            {"credit_cents", exported.credits.cents()},
            {"balanced", exported.debits == exported.credits}}}};
}

std::string ExportCsv(const AccountingExport& exported) {
  std::string csv = CsvRow({"Date", "N° d'écriture", "Compte", "Libellé du compte", "Chapitre",
                            "Débit (€)", "Crédit (€)", "Référence", "Hébergeur",
                            "Identifiant de l'hébergeur", "Hébergement", "Période", "Libellé"});
  for (const auto& line : exported.lines) {
    const ExportPosting& p = *line.posting;
    csv += CsvRow({FormatIsoDate(p.booked_on), std::to_string(p.entry_seq),
                   CsvCell(line.number.number), CsvCell(line.account_label),
                   CsvCell(line.number.chapter),
                   line.debit > Money::Zero() ? DecimalComma(line.debit) : "",
                   line.credit > Money::Zero() ? DecimalComma(line.credit) : "",
                   CsvCell(p.reference.value_or("")), CsvCell(p.host_name.value_or("")),
                   p.host_id.value_or(""), CsvCell(p.accommodation_name.value_or("")),
                   p.period ? MonthSlash(*p.period) : "", CsvCell(p.label)});
  }
  csv += CsvRow({"", "", "", "Total", "", DecimalComma(exported.debits),
                 DecimalComma(exported.credits), "", "", "", "", "", ""});
  return csv;
}

void Read(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"from", "to", "format"});
  if (!query) return exchange.SendError(query.error());
  auto format = ReadExportFormat(exchange, *query, {ExportFormat::kJson, ExportFormat::kCsv});
  if (!format) return exchange.SendError(format.error());
  FieldErrors errors;
  auto from = query->DateParameter("from");
  auto to = query->DateParameter("to");
  if (!from) errors.Append(from.error());
  if (!to) errors.Append(to.error());
  if (from && !*from) errors.Add("/query/from", "« from » (premier jour, AAAA-MM-JJ) est requis.");
  if (to && !*to) errors.Add("/query/to", "« to » (dernier jour, AAAA-MM-JJ) est requis.");
  if (errors.empty() && **to < **from) {
    errors.Add("/query/to", "« to » précède « from ».");
  }
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  AccountingExport exported;
  auto read = services.database.InTransaction([&](Transaction& tx) -> Status {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    exported.chart = persistence::AccountingSettingsRepository::Latest(tx, *id).chart;
    exported.postings = persistence::FinanceExportRepository::Postings(tx, *id, **from, **to);
    return {};
  });
  if (!read) return exchange.SendError(read.error());
  BuildLines(exported);
  if (*format == ExportFormat::kCsv) {
    return SendCsv(exchange, ExportCsv(exported),
                   "ecritures-" + FormatIsoDate(**from) + "-" + FormatIsoDate(**to) + ".csv");
  }
  exchange.SendJson(Code::Ok, ExportJson(exported, **from, **to));
}

}  // namespace

void RegisterAccountingExportRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/exports/accounting",
            [&services](Exchange& e) { Read(e, services); });
}

}  // namespace nuitee::api
