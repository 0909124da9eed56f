// Calendar arithmetic the demo needs beyond domain/core/dates.hpp.
#pragma once

#include "domain/core/dates.hpp"

namespace nuitee::demo {

// The same day `years` later (earlier when negative); 29 February becomes the 28th in a common
// year.
inline Day ShiftYears(Day day, int years) {
  Day shifted{day.year() + date::years{years}, day.month(), day.day()};
  if (!shifted.ok()) shifted = Day{shifted.year(), day.month(), date::day{28}};
  return shifted;
}

inline Day MakeDay(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

}  // namespace nuitee::demo
