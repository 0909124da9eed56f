// L. 2333-30, revaluation rule: a tariff left outside the legal grid of its year (an official grid
// loaded after the deliberation) is charged at the nearest grid value, and the host is told why.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rates/flat_rate_tax.hpp"
#include "rates/stay_tax.hpp"
#include "rates/tariff_in_force.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;
using testing::Contains;
using testing::HasSubstr;

// The shipped 2026 grid with the 5★ ceiling the State may publish (3,40 € instead of the derived
// 3,50 €) and a 2★ floor raised to 0,95 €, as an administrator would load it.
LegalGrid OfficialGrid2026() {
  LegalGrid grid = *ShippedLegalGrid(2026);
  grid.rows[LegalRow(Category::kFiveStars) - 1].ceiling = Cents(340);
  grid.rows[LegalRow(Category::kTwoStars) - 1].floor = Cents(95);
  for (GridRow& row : grid.rows) row.provenance = Provenance::kLoaded;
  return grid;
}

// Adopted under the shipped grid: 5★ at its derived ceiling, 2★ at 0,90 €.
Deliberation AdoptedUnderTheShippedGrid() {
  Deliberation deliberation = MakeDeliberation(2026, Cents(400));
  deliberation.tariffs[LegalRow(Category::kFiveStars) - 1] = Cents(350);
  deliberation.tariffs[LegalRow(Category::kFourStars) - 1] = Cents(230);
  return deliberation;
}

RateBook BookWithOfficialGrid(Deliberation deliberation) {
  RateBook book = BookOf({std::move(deliberation)});
  book.AddLoadedGrid(OfficialGrid2026());
  return book;
}

TEST(TariffInForce, IsTheDeliberatedTariffInsideTheGrid) {
  const LegalGrid grid = OfficialGrid2026();
  const TariffInForce tariff =
      TariffOf(AdoptedUnderTheShippedGrid(), Category::kFourStars, &grid);
  EXPECT_EQ(tariff.tariff, Cents(230));
  EXPECT_FALSE(tariff.deliberated);
}

TEST(TariffInForce, IsTheCeilingForATariffAboveALoadedGrid) {
  const LegalGrid grid = OfficialGrid2026();
  const TariffInForce tariff =
      TariffOf(AdoptedUnderTheShippedGrid(), Category::kFiveStars, &grid);
  EXPECT_EQ(tariff.tariff, Cents(340));
  EXPECT_EQ(tariff.deliberated, Cents(350));
}

TEST(TariffInForce, IsTheFloorForATariffBelowALoadedGrid) {
  const LegalGrid grid = OfficialGrid2026();
  const TariffInForce tariff = TariffOf(AdoptedUnderTheShippedGrid(), Category::kTwoStars, &grid);
  EXPECT_EQ(tariff.tariff, Cents(95));
  EXPECT_EQ(tariff.deliberated, Cents(90));
}

TEST(TariffInForce, IsTheDeliberatedTariffWithoutAGrid) {
  EXPECT_EQ(TariffOf(AdoptedUnderTheShippedGrid(), Category::kFiveStars, nullptr).tariff,
            Cents(350));
}

TEST(TariffInForce, ChargesAStayTheNearestGridValueAndSaysSo) {
  const Stay stay = MakeStay(On(2026, 7, 10), 2, 3);
  auto tax = ComputeStayTax(stay, Always(Category::kFiveStars),
                            BookWithOfficialGrid(AdoptedUnderTheShippedGrid()),
                            RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tax, Cents(340 * 3 * 2));
  ASSERT_EQ(tax->runs.size(), 1u);
  EXPECT_EQ(tax->runs[0].deliberated_tariff, Cents(350));
  EXPECT_THAT(ExplainInFrench(stay, *tax),
              Contains(HasSubstr("Le tarif délibéré de 3,50 € est hors du barème légal 2026 : la "
                                 "valeur la plus proche du barème, 3,40 €, s'applique")));
}

TEST(TariffInForce, LeavesAStayUnderTheShippedGridAsDeliberated) {
  auto tax = ComputeStayTax(MakeStay(On(2026, 7, 10), 2, 3), Always(Category::kFiveStars),
                            BookOf({AdoptedUnderTheShippedGrid()}), RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tax, Cents(350 * 3 * 2));
  EXPECT_FALSE(tax->runs[0].deliberated_tariff);
}

TEST(TariffInForce, CapsUnclassifiedLodgingAtTheHighestTariffAsItApplies) {
  // Palace at 4,00 € stays inside; lower the palace ceiling to 3,60 € in the loaded grid: the
  // highest tariff in force, hence the cap of row 9 (LF 2021 art. 124), becomes 3,60 €.
  LegalGrid grid = OfficialGrid2026();
  grid.rows[LegalRow(Category::kPalace) - 1].ceiling = Cents(360);
  RateBook book = BookOf({AdoptedUnderTheShippedGrid()});
  book.AddLoadedGrid(grid);
  // 1 000 € a night for one person at 5 %: 50 € before the cap.
  auto tax = ComputeStayTax(MakeStay(On(2026, 7, 10), 1, 1, Cents(100000)),
                            Always(Category::kUnclassified), book, RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value());
  EXPECT_TRUE(tax->capped);
  EXPECT_EQ(tax->tax, Cents(360));
}

TEST(TariffInForce, AppliesToTheForfaitToo) {
  Deliberation deliberation = AdoptedUnderTheShippedGrid();
  deliberation.flat_rate_natures = {"hotel"};
  const FlatRateInput input{kCommune, 2026, Category::kFiveStars, 10, 30};
  auto tax = ComputeFlatRateTax(input, BookWithOfficialGrid(deliberation));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tariff, Cents(340));
  EXPECT_EQ(tax->tax, Cents(340 * 10 * 30));
  EXPECT_THAT(ExplainInFrench(input, *tax), Contains(HasSubstr("hors du barème légal 2026")));
}

}  // namespace
}  // namespace nuitee::rates
