// French working days: the deadline rule (a Saturday, a Sunday or a public holiday moves it to
// the next working day) and the public holidays of metropolitan France.
#include <gtest/gtest.h>

#include "domain/working_days.hpp"

namespace nuitee {
namespace {

Day On(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

TEST(EasterSunday, MatchesThePublishedDates) {
  EXPECT_EQ(EasterSunday(2024), On(2024, 3, 31));
  EXPECT_EQ(EasterSunday(2025), On(2025, 4, 20));
  EXPECT_EQ(EasterSunday(2026), On(2026, 4, 5));
  EXPECT_EQ(EasterSunday(2027), On(2027, 3, 28));
  EXPECT_EQ(EasterSunday(2038), On(2038, 4, 25));  // the latest possible date
}

TEST(PublicHoliday, CountsTheFixedHolidays) {
  for (Day day : {On(2026, 1, 1), On(2026, 5, 1), On(2026, 5, 8), On(2026, 7, 14),
                  On(2026, 8, 15), On(2026, 11, 1), On(2026, 11, 11), On(2026, 12, 25)}) {
    EXPECT_TRUE(IsPublicHoliday(day)) << date::format("%F", date::sys_days{day});
  }
  EXPECT_FALSE(IsPublicHoliday(On(2026, 12, 26)));  // Alsace-Moselle only
}

TEST(PublicHoliday, CountsTheHolidaysThatFollowEaster) {
  EXPECT_TRUE(IsPublicHoliday(On(2026, 4, 6)));   // Easter Monday
  EXPECT_TRUE(IsPublicHoliday(On(2026, 5, 14)));  // Ascension
  EXPECT_TRUE(IsPublicHoliday(On(2026, 5, 25)));  // Whit Monday
  EXPECT_FALSE(IsPublicHoliday(On(2026, 4, 3)));  // Good Friday: Alsace-Moselle only
}

TEST(WorkingDay, IsNeitherAWeekendNorAHoliday) {
  EXPECT_TRUE(IsWorkingDay(On(2026, 4, 15)));   // a Wednesday
  EXPECT_FALSE(IsWorkingDay(On(2026, 4, 18)));  // a Saturday
  EXPECT_FALSE(IsWorkingDay(On(2026, 4, 19)));  // a Sunday
  EXPECT_FALSE(IsWorkingDay(On(2026, 5, 1)));   // a Friday, but 1 May
}

TEST(WorkingDay, MovesADeadlinePastWeekendsAndHolidays) {
  EXPECT_EQ(WorkingDayOnOrAfter(On(2026, 4, 15)), On(2026, 4, 15));
  EXPECT_EQ(WorkingDayOnOrAfter(On(2026, 4, 18)), On(2026, 4, 20));
  // Easter Sunday, then Easter Monday: Tuesday.
  EXPECT_EQ(WorkingDayOnOrAfter(On(2026, 4, 5)), On(2026, 4, 7));
  // Christmas 2027 is a Saturday: Monday 27 December.
  EXPECT_EQ(WorkingDayOnOrAfter(On(2027, 12, 25)), On(2027, 12, 27));
  // Across the new year: Saturday 1 January 2028 moves to Monday 3.
  EXPECT_EQ(WorkingDayOnOrAfter(On(2028, 1, 1)), On(2028, 1, 3));
}

}  // namespace
}  // namespace nuitee
