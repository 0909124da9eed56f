// Nights open in a month not declared, and their categories, for the amount at stake.
#include "domain/missing_month.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

constexpr Month kFebruary2028{date::year{2028}, date::February};  // a leap year

Day D(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

TEST(OpenNightsIn, CountsEveryNightOfAMonthOpenThroughout) {
  auto open = OpenNightsIn(kFebruary2028, D(2020, 1, 1), std::nullopt, {});
  ASSERT_TRUE(open);
  EXPECT_EQ(open->first_night, D(2028, 2, 1));
  EXPECT_EQ(open->nights, 29);
}

TEST(OpenNightsIn, StartsOnTheOpeningDayAndStopsTheDayItCeased) {
  auto open = OpenNightsIn(kFebruary2028, D(2028, 2, 10), D(2028, 2, 20), {});
  ASSERT_TRUE(open);
  EXPECT_EQ(open->first_night, D(2028, 2, 10));
  EXPECT_EQ(open->nights, 10);
}

TEST(OpenNightsIn, LeavesOutTheClosedNights) {
  const std::vector<DayRange> closures = {{D(2028, 1, 20), D(2028, 2, 5)},
                                          {D(2028, 2, 20), D(2028, 2, 21)}};
  auto open = OpenNightsIn(kFebruary2028, std::nullopt, std::nullopt, closures);
  ASSERT_TRUE(open);
  EXPECT_EQ(open->first_night, D(2028, 2, 6));
  EXPECT_EQ(open->nights, 29 - 5 - 2);
}

TEST(OpenNightsIn, IsNoneWhenClosedAllMonthOrNotOpenYet) {
  const std::vector<DayRange> all = {{D(2028, 1, 1), D(2028, 3, 1)}};
  EXPECT_FALSE(OpenNightsIn(kFebruary2028, std::nullopt, std::nullopt, all));
  EXPECT_FALSE(OpenNightsIn(kFebruary2028, D(2028, 3, 1), std::nullopt, {}));
  EXPECT_FALSE(OpenNightsIn(kFebruary2028, std::nullopt, D(2028, 2, 1), {}));
}

TEST(CategoriesOfNights, FollowsTheClassificationInForceAndFallsBackToUnclassified) {
  const std::vector<CategoryPeriod> periods = {
      {D(2023, 2, 10), D(2028, 2, 9), rates::Category::kThreeStars}};
  const auto timeline =
      CategoriesOfNights({D(2028, 2, 1), 29}, periods, rates::Category::kUnclassified);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[0].from, D(2028, 2, 1));
  EXPECT_EQ(timeline[0].category, rates::Category::kThreeStars);
  EXPECT_EQ(timeline[1].from, D(2028, 2, 10));
  EXPECT_EQ(timeline[1].category, rates::Category::kUnclassified);
}

}  // namespace
}  // namespace nuitee
