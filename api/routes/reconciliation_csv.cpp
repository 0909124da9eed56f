#include "api/routes/reconciliation_csv.hpp"

#include <vector>

namespace nuitee::api {
namespace {

// Quotes a cell holding the separator, a quote or a line break, and defuses formulas.
std::string Cell(std::string text) {
  if (!text.empty() && std::string("=+-@").find(text.front()) != std::string::npos) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(";\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void Line(std::string& csv, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) csv += ';';
    csv += cells[i];
  }
  csv += '\n';
}

std::vector<std::string> Figures(std::string key, std::string label,
                                 const ReconciliationFigures& f) {
  return {Cell(std::move(key)),         Cell(std::move(label)),
          CsvAmount(f.declared_tax),    CsvAmount(f.declared_additional),
          CsvAmount(f.declared),        CsvAmount(f.assessed),
          CsvAmount(f.paid),            CsvAmount(f.outstanding)};
}

}  // namespace

std::string CsvAmount(Money amount) {
  const long long cents = amount.cents();
  const long long magnitude = cents < 0 ? -cents : cents;
  const long long rest = magnitude % 100;
  return std::string(cents < 0 ? "-" : "") + std::to_string(magnitude / 100) + "," +
         (rest < 10 ? "0" : "") + std::to_string(rest);
}

std::string ReconciliationCsv(const ReconciliationReport& report) {
  std::string csv;
  Line(csv, {"Clé", "Libellé", "Taxe de séjour déclarée (€)", "Taxes additionnelles déclarées (€)",
             "Total déclaré (€)", "Taxé d'office (€)", "Encaissé (€)", "Reste à recouvrer (€)"});
  for (const auto& row : report.rows) Line(csv, Figures(row.key, row.label, row.figures));
  Line(csv, Figures("total", "Total de l'exercice " + std::to_string(report.year), report.totals));
  csv += '\n';
  Line(csv, {"Budget", "Recettes prévues (€)", "Réalisé (€)", "Taux de réalisation (%)",
             "Taxe de séjour encaissée (€)", "Taxes additionnelles encaissées (€)",
             "Collecté par les plateformes (€)"});
  std::string rate;
  if (report.realised_per_10000) {
    rate = CsvAmount(Money::Cents(*report.realised_per_10000));
  }
  Line(csv, {report.budget ? Cell(std::string(BudgetStageLabel(report.budget->stage))) : "Aucun",
             CsvAmount(report.forecast), CsvAmount(report.realised), rate,
             CsvAmount(report.paid_tax), CsvAmount(report.paid_additional),
             CsvAmount(report.platform_tax + report.platform_additional)});
  csv += '\n';
  Line(csv, {"Bénéficiaire", "Libellé", "Prévu (€)", "Déclaré (€)", "Encaissé (€)", "Reversé (€)",
             "Reste à reverser (€)"});
  for (const auto& b : report.beneficiaries) {
    Line(csv, {Cell(b.beneficiary), Cell(b.label), CsvAmount(b.expected), CsvAmount(b.declared),
               CsvAmount(b.collected), CsvAmount(b.passed_on), CsvAmount(b.to_pass_on)});
  }
  csv += '\n';
  Line(csv, {"Office de tourisme", "Échéance", "Prévu (€)", "Versé (€)"});
  for (const auto& each : report.tourist_office.instalments) {
    Line(csv, {"échéance " + std::to_string(each.instalment.number),
               FormatIsoDate(each.instalment.due_on), CsvAmount(each.instalment.amount),
               CsvAmount(each.paid)});
  }
  Line(csv, {"dotation", "", CsvAmount(report.tourist_office.allocation),
             CsvAmount(report.tourist_office.paid)});
  return csv;
}

}  // namespace nuitee::api
