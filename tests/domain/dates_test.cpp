// ISO 8601 dates and months at the edges, day arithmetic and inclusive day ranges.
#include "domain/core/dates.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nuitee {
namespace {

Day D(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

struct DateCase {
  const char* text;
  Day day;
};

class ValidIsoDate : public testing::TestWithParam<DateCase> {};

TEST_P(ValidIsoDate, ParsesToTheDay) {
  auto parsed = ParseIsoDate(GetParam().text);
  ASSERT_TRUE(parsed.has_value()) << GetParam().text;
  EXPECT_EQ(*parsed, GetParam().day);
}

TEST_P(ValidIsoDate, FormatsBackToTheSameText) {
  EXPECT_EQ(FormatIsoDate(GetParam().day), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(IsoDate, ValidIsoDate,
                         testing::Values(DateCase{"2025-07-14", D(2025, 7, 14)},
                                         DateCase{"2024-02-29", D(2024, 2, 29)},  // leap year
                                         DateCase{"2000-02-29", D(2000, 2, 29)},  // 400 rule
                                         DateCase{"2025-01-01", D(2025, 1, 1)},
                                         DateCase{"2025-12-31", D(2025, 12, 31)},
                                         DateCase{"2025-04-30", D(2025, 4, 30)},
                                         DateCase{"0999-01-09", D(999, 1, 9)}));

class InvalidIsoDate : public testing::TestWithParam<const char*> {};

TEST_P(InvalidIsoDate, IsRejected) { EXPECT_FALSE(ParseIsoDate(GetParam()).has_value()); }

INSTANTIATE_TEST_SUITE_P(IsoDate, InvalidIsoDate,
                         testing::Values("", "2025-02-29",  // not a leap year
                                         "1900-02-29",      // century, not a leap year
                                         "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10",
                                         "2025-01-00", "2025-01-32", "2024-2-1",  // unpadded
                                         "2024-02-1", "24-02-01", "2024/02/01", "2024-02-01T00:00",
                                         "2024-02-01 ", " 2024-02-01", "20240201", "2024-0a-01",
                                         "+024-02-01", "2024--2-01", "2024-02--1", "abcd-ef-gh",
                                         "01-02-2024"));

struct MonthCase {
  const char* text;
  Month month;
};

class ValidIsoMonth : public testing::TestWithParam<MonthCase> {};

TEST_P(ValidIsoMonth, ParsesAndFormatsBack) {
  auto parsed = ParseIsoMonth(GetParam().text);
  ASSERT_TRUE(parsed.has_value()) << GetParam().text;
  EXPECT_EQ(*parsed, GetParam().month);
  EXPECT_EQ(FormatIsoMonth(GetParam().month), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    IsoMonth, ValidIsoMonth,
    testing::Values(MonthCase{"2025-01", Month{date::year{2025}, date::January}},
                    MonthCase{"2025-12", Month{date::year{2025}, date::December}},
                    MonthCase{"2024-02", Month{date::year{2024}, date::February}}));

class InvalidIsoMonth : public testing::TestWithParam<const char*> {};

TEST_P(InvalidIsoMonth, IsRejected) { EXPECT_FALSE(ParseIsoMonth(GetParam()).has_value()); }

INSTANTIATE_TEST_SUITE_P(IsoMonth, InvalidIsoMonth,
                         testing::Values("", "2025-00", "2025-13", "2025-1", "2025-1a", "202501",
                                         "2025/01", "2025-01-01", "25-01", " 2025-01"));

TEST(AddDays, MovesAcrossMonthsAndYears) {
  EXPECT_EQ(AddDays(D(2025, 1, 31), 1), D(2025, 2, 1));
  EXPECT_EQ(AddDays(D(2025, 12, 31), 1), D(2026, 1, 1));
  EXPECT_EQ(AddDays(D(2026, 1, 1), -1), D(2025, 12, 31));
  EXPECT_EQ(AddDays(D(2025, 7, 14), 0), D(2025, 7, 14));
}

TEST(AddDays, CountsTheLeapDay) {
  EXPECT_EQ(AddDays(D(2024, 2, 28), 1), D(2024, 2, 29));
  EXPECT_EQ(AddDays(D(2025, 2, 28), 1), D(2025, 3, 1));
  EXPECT_EQ(AddDays(D(2024, 1, 1), 366), D(2025, 1, 1));
  EXPECT_EQ(AddDays(D(2025, 1, 1), 365), D(2026, 1, 1));
}

TEST(DayRange, ContainsBothEnds) {
  const DayRange summer{D(2025, 7, 1), D(2025, 8, 31)};
  EXPECT_FALSE(summer.Contains(D(2025, 6, 30)));
  EXPECT_TRUE(summer.Contains(D(2025, 7, 1)));
  EXPECT_TRUE(summer.Contains(D(2025, 8, 1)));
  EXPECT_TRUE(summer.Contains(D(2025, 8, 31)));
  EXPECT_FALSE(summer.Contains(D(2025, 9, 1)));
}

TEST(DayRange, OfOneDayContainsOnlyThatDay) {
  const DayRange holiday{D(2025, 7, 14), D(2025, 7, 14)};
  EXPECT_TRUE(holiday.Contains(D(2025, 7, 14)));
  EXPECT_FALSE(holiday.Contains(D(2025, 7, 13)));
  EXPECT_FALSE(holiday.Contains(D(2025, 7, 15)));
}

TEST(DayRange, ReversedContainsNothing) {
  const DayRange reversed{D(2025, 8, 31), D(2025, 7, 1)};
  EXPECT_FALSE(reversed.Contains(D(2025, 8, 1)));
  EXPECT_FALSE(reversed.Contains(D(2025, 7, 1)));
}

TEST(DayRange, ComparesByBothEnds) {
  EXPECT_EQ((DayRange{D(2025, 1, 1), D(2025, 1, 2)}), (DayRange{D(2025, 1, 1), D(2025, 1, 2)}));
  EXPECT_NE((DayRange{D(2025, 1, 1), D(2025, 1, 2)}), (DayRange{D(2025, 1, 1), D(2025, 1, 3)}));
}

}  // namespace
}  // namespace nuitee
