// The reconciliation report's PDF as the council reads it: the text pdftotext extracts.
#include "letters/reconciliation_report.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/letters/pdf_text.hpp"

namespace nuitee::letters {
namespace {

ReconciliationPrint APrint(int months, ReconciliationGroup group) {
  ReconciliationInputs inputs;
  inputs.year = 2026;
  for (int m = 1; m <= months; ++m) {
    const Month month = date::year{2026} / date::month{static_cast<unsigned>((m - 1) % 12 + 1)};
    const std::string id = "acc-" + std::to_string(m);
    inputs.declared.push_back(
        {id, month, {{std::to_string(15100 + m), "meuble", "star2", Money::Cents(123456), Money::Cents(12346),
                      Money::Cents(135802)}}});
    inputs.debts.push_back({id, month, LedgerEntryKind::kDeclaration, Money::Cents(135802),
                            Money::Cents(100000), {{"departement", Money::Cents(12346)}}, "", ""});
  }
  BudgetLines budget;
  budget.stage = BudgetStage::kDecisionModificative;
  budget.decision_reference = "DM n° 2 & ajustements";
  budget.forecast_tax = Money::Euros(20000);
  budget.tourist_office = Money::Euros(8000);
  budget.instalments = {{1, Day{date::year{2026}, date::June, date::day{1}}, Money::Euros(8000)}};
  inputs.budget = budget;
  return {"Communauté de communes du Pays de Murat", Day{date::year{2027}, date::February,
                                                          date::day{3}},
          BuildReconciliation(inputs, group)};
}

TEST(ReconciliationReportPdf, NamesTheCollectivityTheYearAndTheDayOfEdition) {
  auto pdf = RenderReconciliationReport(APrint(3, ReconciliationGroup::kMonth));
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  const std::string text = testing::Flat(testing::PdfText(*pdf));
  EXPECT_NE(text.find("Communauté de communes du Pays de Murat"), std::string::npos) << text;
  EXPECT_NE(text.find("état de rapprochement de l’exercice 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Édité le 3 février 2027"), std::string::npos) << text;
  EXPECT_NE(text.find("mars 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("4 074,06 €"), std::string::npos) << text;  // 3 × 1 358,02 declared
  EXPECT_NE(text.find("DM n° 2 & ajustements"), std::string::npos) << text;  // escaped markup
  EXPECT_NE(text.find("Échéance 1 du 1er juin 2026"), std::string::npos) << text;
}

TEST(ReconciliationReportPdf, ALongReportFlowsOntoNumberedPages) {
  auto pdf = RenderReconciliationReport(APrint(80, ReconciliationGroup::kCommune));
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::string text = testing::PdfText(*pdf);
  EXPECT_GE(testing::PageCount(text), 2);
  EXPECT_NE(testing::Flat(text).find("Page 2/"), std::string::npos);
}

}  // namespace
}  // namespace nuitee::letters
