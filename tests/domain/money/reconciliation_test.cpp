// The reconciliation report's arithmetic: exact pro rata splits, payments attributed to the
// commune, nature and category of what was declared, add-ons collected per beneficiary, and rows
// that always add up to the totals.
#include "domain/money/reconciliation.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

namespace nuitee {
namespace {

Money C(long long cents) { return Money::Cents(cents); }
Month M(unsigned month) { return date::year{2026} / date::month{month}; }

TEST(SplitProRata, GivesTheCentsLeftToTheLargestRemainders) {
  // 100 over three equal parts: 33 each, the cent left to the first (a tie).
  EXPECT_EQ(SplitProRata(C(100), {C(1), C(1), C(1)}), (std::vector<Money>{C(34), C(33), C(33)}));
  // 1000 × 1750/1925 = 909.09…, 1000 × 175/1925 = 90.90…: the cent goes to the add-on.
  EXPECT_EQ(SplitProRata(C(1000), {C(1750), C(175)}), (std::vector<Money>{C(909), C(91)}));
  // 10 over 0.2 / 0.3 / 0.5 → exact.
  EXPECT_EQ(SplitProRata(C(10), {C(2), C(3), C(5)}), (std::vector<Money>{C(2), C(3), C(5)}));
  // 7 over 1/3 and 2/3: 2.33 and 4.66 → 2 and 5.
  EXPECT_EQ(SplitProRata(C(7), {C(1), C(2)}), (std::vector<Money>{C(2), C(5)}));
}

TEST(SplitProRata, AlwaysSumsToTheTotalAndHandlesEdgeCases) {
  EXPECT_EQ(SplitProRata(C(55), {C(0), C(0)}), (std::vector<Money>{C(55), C(0)}));
  EXPECT_EQ(SplitProRata(C(-7), {C(1), C(2)}), (std::vector<Money>{C(-2), C(-5)}));
  EXPECT_TRUE(SplitProRata(C(5), {}).empty());
  for (long long total = 0; total < 500; total += 7) {
    const auto parts = SplitProRata(C(total), {C(13), C(29), C(1), C(57)});
    Money sum = Money::Zero();
    for (Money part : parts) sum += part;
    EXPECT_EQ(sum, C(total));
  }
}

ReconciliationInputs TwoCategoriesOneMonth() {
  ReconciliationInputs inputs;
  inputs.year = 2026;
  // July of one accommodation: two categories (a classification changed mid-month).
  inputs.declared.push_back({"acc-1", M(7),
                             {{"15138", "meuble", "star2", C(1000), C(100), C(1100)},
                              {"15138", "meuble", "star3", C(2000), C(200), C(2200)}}});
  inputs.declared.push_back({"acc-2", M(8), {{"15014", "chambre_hotes", "star1", C(300), C(30), C(330)}}});
  MonthDebt july{"acc-1", M(7), LedgerEntryKind::kDeclaration, C(3300), C(1000),
                 {{"departement", C(300)}}, "", ""};
  MonthDebt august{"acc-2", M(8), LedgerEntryKind::kDeclaration, C(330), C(330),
                   {{"departement", C(30)}}, "", ""};
  MonthDebt assessed{"acc-2", M(10), LedgerEntryKind::kAssessment, C(5280), C(1),
                     {{"departement", C(480)}}, "15014", "chambre_hotes"};
  inputs.debts = {july, august, assessed};
  return inputs;
}

TEST(BuildReconciliation, AttributesAMonthsPaymentToItsCategoriesProRata) {
  const auto report = BuildReconciliation(TwoCategoriesOneMonth(), ReconciliationGroup::kCategory);
  ASSERT_EQ(report.rows.size(), 4u);
  // 1000 over 1100 / 2200: 333.33 and 666.66 → 333 and 667.
  EXPECT_EQ(report.rows[0].key, "star1");
  EXPECT_EQ(report.rows[0].figures.paid, C(330));
  EXPECT_EQ(report.rows[1].key, "star2");
  EXPECT_EQ(report.rows[1].figures.paid, C(333));
  EXPECT_EQ(report.rows[1].figures.outstanding, C(1100 - 333));
  EXPECT_EQ(report.rows[2].key, "star3");
  EXPECT_EQ(report.rows[2].figures.paid, C(667));
  EXPECT_EQ(report.rows[3].key, "taxation_d_office");
  EXPECT_EQ(report.rows[3].figures.assessed, C(5280));
  EXPECT_EQ(report.totals.declared, C(3630));
  EXPECT_EQ(report.totals.paid, C(1331));
  EXPECT_EQ(report.totals.outstanding, C(3630 + 5280 - 1331));
}

TEST(BuildReconciliation, CollectsEachAddOnProRataOfWhatWasPaid) {
  const auto report = BuildReconciliation(TwoCategoriesOneMonth(), ReconciliationGroup::kMonth);
  ASSERT_EQ(report.beneficiaries.size(), 1u);
  // July: 1000 × 300/3300 = 90.9 → 91 (its remainder is the larger); August: 30; October:
  // 1 cent × 480/5280 → 0.
  EXPECT_EQ(report.beneficiaries[0].collected, C(91 + 30));
  EXPECT_EQ(report.beneficiaries[0].declared, C(300 + 30 + 480));
  EXPECT_EQ(report.paid_additional, C(121));
  EXPECT_EQ(report.paid_tax, C(1331 - 121));
  EXPECT_EQ(report.realised, C(3000 + 300 + 4800));
}

TEST(BuildReconciliation, EveryGroupingAddsUpToTheSameTotals) {
  const auto inputs = TwoCategoriesOneMonth();
  const auto reference = BuildReconciliation(inputs, ReconciliationGroup::kMonth).totals;
  for (auto group : {ReconciliationGroup::kMonth, ReconciliationGroup::kQuarter,
                     ReconciliationGroup::kYear, ReconciliationGroup::kCommune,
                     ReconciliationGroup::kNature, ReconciliationGroup::kCategory}) {
    const auto report = BuildReconciliation(inputs, group);
    ReconciliationFigures sum;
    for (const auto& row : report.rows) sum += row.figures;
    EXPECT_EQ(sum, reference) << ReconciliationGroupCode(group);
    EXPECT_EQ(report.totals, reference);
  }
  const auto quarters = BuildReconciliation(inputs, ReconciliationGroup::kQuarter);
  ASSERT_EQ(quarters.rows.size(), 2u);
  EXPECT_EQ(quarters.rows[0].label, "3e trimestre 2026");
  EXPECT_EQ(quarters.rows[1].label, "4e trimestre 2026");
}

// Months of four accommodations: one in a single cell over several months, one split over two
// categories in July only, one declared in two communes over the year, and a debt of a month with
// no night totals.
ReconciliationInputs SeveralAccommodationsPerMonth() {
  ReconciliationInputs inputs = TwoCategoriesOneMonth();
  inputs.declared.push_back({"acc-3", M(1), {{"15014", "meuble", "star2", C(700), C(70), C(770)}}});
  inputs.declared.push_back({"acc-3", M(2), {{"15014", "meuble", "star2", C(500), C(50), C(550)}}});
  inputs.declared.push_back({"acc-4", M(3), {{"15138", "meuble", "star1", C(90), C(9), C(99)}}});
  inputs.declared.push_back({"acc-4", M(4), {{"15014", "meuble", "star1", C(80), C(8), C(88)}}});
  inputs.debts.push_back({"acc-3", M(1), LedgerEntryKind::kDeclaration, C(770), C(770),
                          {{"departement", C(70)}}, "", ""});
  inputs.debts.push_back({"acc-3", M(2), LedgerEntryKind::kDeclaration, C(550), C(101),
                          {{"departement", C(50)}}, "", ""});
  inputs.debts.push_back({"acc-4", M(3), LedgerEntryKind::kDeclaration, C(99), C(13),
                          {{"departement", C(9)}}, "", ""});
  inputs.debts.push_back({"acc-4", M(4), LedgerEntryKind::kDeclaration, C(88), C(88),
                          {{"departement", C(8)}}, "", ""});
  inputs.debts.push_back({"acc-3", M(5), LedgerEntryKind::kDeclaration, C(40), C(17), {}, "", ""});
  return inputs;
}

// The same months as persistence hands over a territory: sums per cell, accommodations declared
// in a single cell with their months, the others month by month for the split only.
ReconciliationInputs GroupedPerCell(const ReconciliationInputs& per_month) {
  ReconciliationInputs grouped = per_month;
  grouped.declared.clear();
  std::map<std::tuple<Month, std::string, std::string, std::string>, DeclaredCell> cells;
  std::map<std::string, std::set<std::tuple<std::string, std::string, std::string>>> places;
  for (const auto& month : per_month.declared) {
    for (const auto& part : month.parts) {
      auto& cell = cells[{month.month, part.commune, part.nature, part.category}];
      cell = {month.month, part.commune, part.nature, part.category, cell.tax + part.tax,
              cell.additional + part.additional, cell.total + part.total};
      places[month.accommodation_id].insert({part.commune, part.nature, part.category});
    }
  }
  for (const auto& [_, cell] : cells) grouped.declared_cells.push_back(cell);
  for (const auto& [accommodation, cells_of_it] : places) {
    if (cells_of_it.size() > 1) {
      for (const auto& month : per_month.declared) {
        if (month.accommodation_id == accommodation) grouped.split_months.push_back(month);
      }
      continue;
    }
    const auto& [commune, nature, category] = *cells_of_it.begin();
    SingleCellAccommodation single{accommodation, commune, nature, category, {}};
    for (const auto& month : per_month.declared) {
      if (month.accommodation_id == accommodation) single.months.push_back(month.month);
    }
    grouped.single_cell.push_back(single);
  }
  return grouped;
}

TEST(BuildReconciliation, SumsPerCellGiveTheSameReportAsMonthByMonth) {
  const auto per_month = SeveralAccommodationsPerMonth();
  const auto grouped = GroupedPerCell(per_month);
  ASSERT_EQ(grouped.single_cell.size(), 2u);   // acc-2, acc-3
  ASSERT_EQ(grouped.split_months.size(), 3u);  // acc-1's July, acc-4's March and April
  for (auto group : {ReconciliationGroup::kMonth, ReconciliationGroup::kQuarter,
                     ReconciliationGroup::kYear, ReconciliationGroup::kCommune,
                     ReconciliationGroup::kNature, ReconciliationGroup::kCategory}) {
    const auto expected = BuildReconciliation(per_month, group);
    const auto actual = BuildReconciliation(grouped, group);
    ASSERT_EQ(actual.rows.size(), expected.rows.size()) << ReconciliationGroupCode(group);
    for (std::size_t i = 0; i < expected.rows.size(); ++i) {
      EXPECT_EQ(actual.rows[i].key, expected.rows[i].key);
      EXPECT_EQ(actual.rows[i].label, expected.rows[i].label);
      EXPECT_EQ(actual.rows[i].figures, expected.rows[i].figures) << expected.rows[i].key;
    }
    EXPECT_EQ(actual.totals, expected.totals);
    EXPECT_EQ(actual.paid_tax, expected.paid_tax);
    EXPECT_EQ(actual.paid_additional, expected.paid_additional);
    EXPECT_EQ(actual.realised, expected.realised);
    ASSERT_EQ(actual.beneficiaries.size(), expected.beneficiaries.size());
    for (std::size_t i = 0; i < expected.beneficiaries.size(); ++i) {
      EXPECT_EQ(actual.beneficiaries[i].declared, expected.beneficiaries[i].declared);
      EXPECT_EQ(actual.beneficiaries[i].collected, expected.beneficiaries[i].collected);
    }
  }
  // The month with no night totals stays unattributed, as month by month.
  const auto by_commune = BuildReconciliation(grouped, ReconciliationGroup::kCommune);
  EXPECT_EQ(by_commune.rows[0].key, "");
  EXPECT_EQ(by_commune.rows[0].figures.paid, C(17));
}

TEST(BuildReconciliation, SetsTheBudgetAgainstTransfersAndInstalments) {
  auto inputs = TwoCategoriesOneMonth();
  BudgetLines budget;
  budget.forecast_tax = C(10000);
  budget.beneficiaries = {{"departement", "Département du Cantal", C(1000)}};
  budget.tourist_office = C(4000);
  budget.instalments = {{1, Day{date::year{2026}, date::March, date::day{31}}, C(2000)},
                        {2, Day{date::year{2026}, date::September, date::day{30}}, C(2000)}};
  inputs.budget = budget;
  inputs.budget_version = 3;
  inputs.transfers = {{false, "departement", std::nullopt, C(50)},
                      {true, "", 1, C(2000)},
                      {true, "", std::nullopt, C(10)}};
  const auto report = BuildReconciliation(inputs, ReconciliationGroup::kYear);
  EXPECT_EQ(report.forecast, C(10000));
  EXPECT_EQ(report.realised_per_10000, 8100);
  EXPECT_EQ(report.beneficiaries[0].label, "Département du Cantal");
  EXPECT_EQ(report.beneficiaries[0].expected, C(1000));
  EXPECT_EQ(report.beneficiaries[0].passed_on, C(50));
  EXPECT_EQ(report.beneficiaries[0].to_pass_on, C(121 - 50));
  EXPECT_EQ(report.tourist_office.paid, C(2010));
  EXPECT_EQ(report.tourist_office.instalments[0].paid, C(2000));
  EXPECT_EQ(report.tourist_office.instalments[1].paid, C(0));
  EXPECT_EQ(report.tourist_office.remaining, C(1990));
}

}  // namespace
}  // namespace nuitee
