#include "api/routes/reconciliation_csv.hpp"

#include <vector>

#include "api/http/csv.hpp"

namespace nuitee::api {
namespace {

void Line(std::string& csv, const std::vector<std::string>& cells) { csv += CsvRow(cells); }

std::vector<std::string> Figures(std::string key, std::string label,
                                 const ReconciliationFigures& f) {
  return {CsvCell(std::move(key)),   CsvCell(std::move(label)),
          CsvAmount(f.declared_tax), CsvAmount(f.declared_additional),
          CsvAmount(f.declared),     CsvAmount(f.assessed),
          CsvAmount(f.paid),         CsvAmount(f.outstanding)};
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
  Line(csv, {report.budget ? CsvCell(std::string(BudgetStageLabel(report.budget->stage))) : "Aucun",
             CsvAmount(report.forecast), CsvAmount(report.realised), rate,
             CsvAmount(report.paid_tax), CsvAmount(report.paid_additional),
             CsvAmount(report.platform_tax + report.platform_additional)});
  csv += '\n';
  Line(csv, {"Bénéficiaire", "Libellé", "Prévu (€)", "Déclaré (€)", "Encaissé (€)", "Reversé (€)",
             "Reste à reverser (€)"});
  for (const auto& b : report.beneficiaries) {
    Line(csv,
         {CsvCell(b.beneficiary), CsvCell(b.label), CsvAmount(b.expected), CsvAmount(b.declared),
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
