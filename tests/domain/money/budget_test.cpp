// Budget lines: what finance may enter, and the history's sentences.
#include "domain/money/budget.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

Day D(int y, unsigned m, unsigned d) { return Day{date::year{y}, date::month{m}, date::day{d}}; }

BudgetLines Primitif() {
  BudgetLines lines;
  lines.forecast_tax = Money::Euros(120000);
  lines.beneficiaries = {{"departement", "Département du Cantal", Money::Euros(12000)}};
  lines.tourist_office = Money::Euros(40000);
  for (int i = 1; i <= 4; ++i) {
    lines.instalments.push_back({i, D(2026, static_cast<unsigned>(3 * i), 28), Money::Euros(10000)});
  }
  return lines;
}

TEST(BudgetLines, AcceptsAPrimitifWithFourInstalments) {
  EXPECT_TRUE(ValidateBudgetLines(Primitif(), 2026));
}

TEST(BudgetLines, ReportsEveryProblemAtOnce) {
  BudgetLines lines = Primitif();
  lines.stage = BudgetStage::kDecisionModificative;
  lines.beneficiaries.push_back(lines.beneficiaries[0]);
  lines.instalments[1].number = 3;
  lines.instalments[3].due_on = D(2028, 1, 1);
  lines.instalments[2].amount = Money::Euros(9000);
  const auto status = ValidateBudgetLines(lines, 2026);
  ASSERT_FALSE(status);
  std::vector<std::string> fields;
  for (const auto& each : status.error().field_errors) fields.push_back(each.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"/decision_reference", "/beneficiaries/1/beneficiary",
                                              "/instalments/1/number", "/instalments/3/due_on",
                                              "/instalments"}));
  EXPECT_EQ(status.error().field_errors.back().message,
            "Les échéances totalisent 39 000,00 € au lieu de la dotation de "
            "40 000,00 €.");
}

TEST(BudgetLines, DescribesWhatADecisionModificativeChanged) {
  BudgetLines after = Primitif();
  after.stage = BudgetStage::kDecisionModificative;
  after.decision_reference = "DM n° 1";
  after.forecast_tax = Money::Euros(135000);
  after.beneficiaries.clear();
  const auto changes = DescribeBudgetChanges(Primitif(), after);
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0], "Étape : Budget primitif → Décision modificative");
  EXPECT_EQ(changes[2], "Recettes prévues : 120 000,00 € → 135 000,00 €");
  EXPECT_EQ(changes[3], "Reversement attendu à Département du Cantal retiré");
  EXPECT_TRUE(DescribeBudgetChanges(Primitif(), Primitif()).empty());
}

}  // namespace
}  // namespace nuitee
