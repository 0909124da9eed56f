// Late-payment interest (CGCT L. 2333-38): 0,20 % per month started after the due day.
#include <gtest/gtest.h>

#include "rates/late_interest.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;

TEST(LateInterest, IsNothingWhenPaidOnOrBeforeTheDueDay) {
  EXPECT_EQ(MonthsStarted(On(2026, 4, 15), On(2026, 4, 15)), 0);
  EXPECT_EQ(MonthsStarted(On(2026, 4, 15), On(2026, 4, 1)), 0);
  EXPECT_EQ(LateInterest(Cents(100000), On(2026, 4, 15), On(2026, 4, 15)), Cents(0));
}

TEST(LateInterest, CountsEveryMonthStarted) {
  EXPECT_EQ(MonthsStarted(On(2026, 4, 15), On(2026, 4, 16)), 1);
  EXPECT_EQ(MonthsStarted(On(2026, 4, 15), On(2026, 5, 15)), 1);
  EXPECT_EQ(MonthsStarted(On(2026, 4, 15), On(2026, 5, 16)), 2);
  EXPECT_EQ(MonthsStarted(On(2026, 4, 15), On(2027, 4, 15)), 12);
  EXPECT_EQ(MonthsStarted(On(2026, 4, 15), On(2027, 4, 16)), 13);
}

TEST(LateInterest, ClampsTheDayOfShortMonths) {
  // Due 31 January 2028 (a leap year): one month runs to 29 February, two to 31 March.
  EXPECT_EQ(MonthsStarted(On(2028, 1, 31), On(2028, 2, 29)), 1);
  EXPECT_EQ(MonthsStarted(On(2028, 1, 31), On(2028, 3, 1)), 2);
  EXPECT_EQ(MonthsStarted(On(2027, 1, 31), On(2027, 2, 28)), 1);
}

TEST(LateInterest, IsPointTwoPercentPerMonthRoundedOnce) {
  // 1 234,56 € paid three months and a day late: 4 months × 0,20 % = 0,80 % = 9,87648 € → 9,88 €.
  EXPECT_EQ(LateInterest(Cents(123456), On(2026, 4, 15), On(2026, 7, 16)), Cents(988));
  // 10,00 € one day late: 0,02 €.
  EXPECT_EQ(LateInterest(Cents(1000), On(2026, 4, 15), On(2026, 4, 16)), Cents(2));
  // 2,49 € one month late: 0,00498 € → 0,00 €; 2,50 €: 0,005 € → 0,01 € (half-up).
  EXPECT_EQ(LateInterest(Cents(249), On(2026, 4, 15), On(2026, 5, 1)), Cents(0));
  EXPECT_EQ(LateInterest(Cents(250), On(2026, 4, 15), On(2026, 5, 1)), Cents(1));
}

}  // namespace
}  // namespace nuitee::rates
