// L. 2333-26 II: the deliberation puts natures under the forfait; unclassified lodging stays au
// réel (LF 2020 art. 112); a stay is refused per stay only on the nights the forfait covers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rates/regime.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;
using testing::HasSubstr;

Deliberation HotelsUnderForfait(int year) {
  Deliberation deliberation = MakeDeliberation(year);
  deliberation.flat_rate_natures = {"hotel", "camping"};
  return deliberation;
}

TEST(Regime, PutsTheDeliberatedNaturesUnderTheForfait) {
  const Deliberation deliberation = HotelsUnderForfait(2026);
  EXPECT_TRUE(IsUnderForfait(deliberation, "hotel", Category::kTwoStars));
  EXPECT_TRUE(IsUnderForfait(deliberation, "camping", Category::kCampingHigh));
  EXPECT_FALSE(IsUnderForfait(deliberation, "furnished_rental", Category::kTwoStars));
}

TEST(Regime, KeepsUnclassifiedLodgingAuReel) {
  EXPECT_FALSE(IsUnderForfait(HotelsUnderForfait(2026), "hotel", Category::kUnclassified));
}

TEST(Regime, FindsTheYearOfAStayUnderTheForfait) {
  const RateBook book = BookOf({HotelsUnderForfait(2026)});
  EXPECT_EQ(ForfaitYearOf(MakeStay(On(2026, 7, 1), 3, 2), Always(Category::kThreeStars), "hotel",
                          book),
            2026);
  EXPECT_EQ(ForfaitYearOf(MakeStay(On(2026, 7, 1), 3, 2), Always(Category::kThreeStars),
                          "furnished_rental", book),
            std::nullopt);
}

TEST(Regime, LooksOnlyAtTheYearsWhoseDeliberationChoseTheForfait) {
  // 2025 au réel, 2026 au forfait: a stay across the new year is under the forfait in 2026.
  const RateBook book = BookOf({MakeDeliberation(2025), HotelsUnderForfait(2026)});
  EXPECT_EQ(ForfaitYearOf(MakeStay(On(2025, 12, 30), 4, 2), Always(Category::kOneStar), "hotel",
                          book),
            2026);
  EXPECT_EQ(ForfaitYearOf(MakeStay(On(2025, 12, 20), 5, 2), Always(Category::kOneStar), "hotel",
                          book),
            std::nullopt);
}

TEST(Regime, IgnoresUnclassifiedNightsBeforeAClassification) {
  const RateBook book = BookOf({HotelsUnderForfait(2026)});
  const std::vector<CategoryFrom> classified_on_the_10th = {
      {On(2020, 1, 1), Category::kUnclassified}, {On(2026, 7, 10), Category::kTwoStars}};
  EXPECT_EQ(ForfaitYearOf(MakeStay(On(2026, 7, 1), 9, 2), classified_on_the_10th, "hotel", book),
            std::nullopt);
  EXPECT_EQ(ForfaitYearOf(MakeStay(On(2026, 7, 1), 10, 2), classified_on_the_10th, "hotel", book),
            2026);
}

TEST(Regime, ExplainsTheRefusalInFrench) {
  EXPECT_THAT(ForfaitRefusal("Hôtel de tourisme", 2026),
              HasSubstr("En 2026, la délibération soumet les hébergements de type « Hôtel de "
                        "tourisme » à la taxe de séjour forfaitaire"));
}

}  // namespace
}  // namespace nuitee::rates
