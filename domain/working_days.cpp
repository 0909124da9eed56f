// French public holidays and the next-working-day rule for deadlines.
#include "domain/working_days.hpp"

namespace nuitee {
namespace {

Day Plus(Day day, int days) { return Day{date::sys_days{day} + date::days{days}}; }

}  // namespace

Day EasterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Day{date::year{year}, date::month{unsigned(month)}, date::day{unsigned(day)}};
}

bool IsPublicHoliday(Day day) {
  const unsigned month = unsigned(day.month());
  const unsigned dom = unsigned(day.day());
  struct Fixed {
    unsigned month, day;
  };
  static constexpr Fixed kFixed[] = {{1, 1}, {5, 1},   {5, 8},   {7, 14},
                                     {8, 15}, {11, 1}, {11, 11}, {12, 25}};
  for (const Fixed& fixed : kFixed) {
    if (fixed.month == month && fixed.day == dom) return true;
  }
  const Day easter = EasterSunday(int(day.year()));
  // Easter Monday, Ascension Thursday (Easter + 39), Whit Monday (Easter + 50).
  return day == Plus(easter, 1) || day == Plus(easter, 39) || day == Plus(easter, 50);
}

bool IsWorkingDay(Day day) {
  const date::weekday weekday{date::sys_days{day}};
  if (weekday == date::Saturday || weekday == date::Sunday) return false;
  return !IsPublicHoliday(day);
}

Day WorkingDayOnOrAfter(Day day) {
  while (!IsWorkingDay(day)) day = Plus(day, 1);
  return day;
}

}  // namespace nuitee
