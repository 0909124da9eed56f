// Landscape tables do not fit the shared A4 portrait layout: the figures are split in two tables
// (what was owed and paid; the budget) so that each column stays readable at 8 points.
#include "letters/reconciliation_report.hpp"

#include "letters/french_text.hpp"
#include "letters/letter_parts.hpp"
#include "letters/pdf_document.hpp"

namespace nuitee::letters {
namespace {

std::string GroupTitle(ReconciliationGroup group) {
  switch (group) {
    case ReconciliationGroup::kMonth:
      return "Mois";
    case ReconciliationGroup::kQuarter:
      return "Trimestre";
    case ReconciliationGroup::kYear:
      return "Exercice";
    case ReconciliationGroup::kCommune:
      return "Commune";
    case ReconciliationGroup::kNature:
      return "Nature";
    case ReconciliationGroup::kCategory:
      return "Catégorie";
  }
  return "";
}

std::vector<std::string> FiguresCells(std::string label, const ReconciliationFigures& f) {
  return {std::move(label),          FrenchEuros(f.declared), FrenchEuros(f.assessed),
          FrenchEuros(f.paid),       FrenchEuros(f.outstanding)};
}

void Compose(PdfDocument& document, const ReconciliationPrint& print) {
  const auto& report = print.report;
  const std::string year = std::to_string(report.year);
  document.Paragraph(Bold(Escaped(print.collectivity_name)), {12, Weight::kRegular, Align::kLeft});
  document.Skip(6);
  document.Paragraph(Bold("Taxe de séjour — état de rapprochement de l’exercice " + year),
                     {14, Weight::kRegular, Align::kCenter});
  document.Skip(4);
  document.Paragraph("Édité le " + FrenchLongDate(print.edited_on) +
                         ". Montants en euros, au centime ; mois taxés de l’exercice " + year + ".",
                     {9, Weight::kRegular, Align::kCenter});
  document.Skip(10);

  Heading(document, "Déclaré, établi d’office, encaissé, restes à recouvrer");
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : report.rows) rows.push_back(FiguresCells(Escaped(row.label), row.figures));
  rows.push_back(FiguresCells(Bold("Total"), report.totals));
  document.Table({{GroupTitle(report.group), 1.6, Align::kLeft},
                  {"Déclaré", 1.1, Align::kRight},
                  {"Taxé d’office", 1.1, Align::kRight},
                  {"Encaissé", 1.1, Align::kRight},
                  {"Reste à recouvrer", 1.2, Align::kRight}},
                 rows);
  document.Skip(6);
  document.Paragraph("Dont taxe de séjour encaissée : " + FrenchEuros(report.paid_tax) +
                         " ; taxes additionnelles encaissées : " +
                         FrenchEuros(report.paid_additional) + ".",
                     {9});

  Heading(document, "Exécution du budget");
  std::vector<std::vector<std::string>> budget;
  budget.push_back({report.budget ? Escaped(std::string(BudgetStageLabel(report.budget->stage))) +
                                        (report.budget->decision_reference.empty()
                                             ? std::string()
                                             : " (" + Escaped(report.budget->decision_reference) + ")")
                                  : std::string("Aucun budget saisi"),
                    FrenchEuros(report.forecast)});
  budget.push_back({"Réalisé (taxe déclarée et établie d’office, hors taxes additionnelles)",
                    FrenchEuros(report.realised)});
  if (report.realised_per_10000) {
    const long long bp = *report.realised_per_10000;
    budget.push_back({"Taux de réalisation",
                      std::to_string(bp / 100) + "," + (bp % 100 < 10 ? "0" : "") +
                          std::to_string(bp % 100) + std::string(kNbsp) + "%"});
  }
  budget.push_back({"Taxe collectée par les plateformes (déclarée)",
                    FrenchEuros(report.platform_tax + report.platform_additional)});
  document.Table({{"Recettes de taxe de séjour", 3.6, Align::kLeft},
                  {"Montant", 1.4, Align::kRight}},
                 budget);

  Heading(document, "Taxes additionnelles à reverser");
  if (report.beneficiaries.empty()) {
    BodyParagraph(document, "Aucune taxe additionnelle pour cet exercice.");
  } else {
    std::vector<std::vector<std::string>> lines;
    for (const auto& b : report.beneficiaries) {
      lines.push_back({Escaped(b.label), FrenchEuros(b.expected), FrenchEuros(b.declared),
                       FrenchEuros(b.collected), FrenchEuros(b.passed_on),
                       FrenchEuros(b.to_pass_on)});
    }
    document.Table({{"Bénéficiaire", 1.5, Align::kLeft},
                    {"Prévu", 1, Align::kRight},
                    {"Déclaré", 1, Align::kRight},
                    {"Encaissé", 1, Align::kRight},
                    {"Reversé", 1, Align::kRight},
                    {"Reste à reverser", 1.1, Align::kRight}},
                   lines);
  }

  Heading(document, "Office de tourisme");
  const auto& office = report.tourist_office;
  std::vector<std::vector<std::string>> instalments;
  for (const auto& each : office.instalments) {
    instalments.push_back({"Échéance " + std::to_string(each.instalment.number) + " du " +
                               FrenchLongDate(each.instalment.due_on),
                           FrenchEuros(each.instalment.amount), FrenchEuros(each.paid)});
  }
  instalments.push_back({Bold("Dotation de l’exercice"), FrenchEuros(office.allocation),
                         FrenchEuros(office.paid)});
  document.Table({{"Échéancier", 2.6, Align::kLeft},
                  {"Prévu", 1.2, Align::kRight},
                  {"Versé", 1.2, Align::kRight}},
                 instalments);
  document.Skip(6);
  document.Paragraph("Reste à verser à l’office de tourisme : " + FrenchEuros(office.remaining) +
                         ".",
                     {9});
}

}  // namespace

Result<std::string> RenderReconciliationReport(const ReconciliationPrint& print) {
  const DocumentInfo info{"État de rapprochement de la taxe de séjour " +
                              std::to_string(print.report.year),
                          print.collectivity_name,
                          "Rapprochement " + std::to_string(print.report.year),
                          print.edited_on};
  return RenderPdf(info, [&](PdfDocument& document) { Compose(document, print); });
}

}  // namespace nuitee::letters
