// ISO 8601 calendar dates and months at the edges of the system; date:: types everywhere inside.
#pragma once

#include <date/date.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace nuitee {

using Day = date::year_month_day;
using Month = date::year_month;

namespace detail {
inline std::optional<int> ParseDigits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}
}  // namespace detail

// Accepts exactly "YYYY-MM-DD" naming a real day (no 2025-02-30).
inline std::optional<Day> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = detail::ParseDigits(text.substr(0, 4));
  auto month = detail::ParseDigits(text.substr(5, 2));
  auto day = detail::ParseDigits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  Day parsed{date::year{*year}, date::month{unsigned(*month)}, date::day{unsigned(*day)}};
  if (!parsed.ok()) return std::nullopt;
  return parsed;
}

// Accepts exactly "YYYY-MM".
inline std::optional<Month> ParseIsoMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto year = detail::ParseDigits(text.substr(0, 4));
  auto month = detail::ParseDigits(text.substr(5, 2));
  if (!year || !month) return std::nullopt;
  Month parsed{date::year{*year}, date::month{unsigned(*month)}};
  if (!parsed.ok()) return std::nullopt;
  return parsed;
}

inline std::string FormatIsoDate(Day day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(day.year()), unsigned(day.month()),
                unsigned(day.day()));
  return buffer;
}

inline std::string FormatIsoMonth(Month month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", int(month.year()), unsigned(month.month()));
  return buffer;
}

inline Day AddDays(Day day, int count) {
  return Day{date::sys_days{day} + date::days{count}};
}

// Dates entered in the register (decisions, openings, closures) fall in 1900–2199; anything else
// is a typing error, and would overflow the ISO format once five years are added.
inline bool IsPlausibleRegisterDay(Day day) {
  return day.year() >= date::year{1900} && day.year() <= date::year{2199};
}

// A register date typed by a user: ISO form, a real day, within IsPlausibleRegisterDay.
inline std::optional<Day> ParseRegisterDay(std::string_view text) {
  auto day = ParseIsoDate(text);
  if (!day || !IsPlausibleRegisterDay(*day)) return std::nullopt;
  return day;
}

// An inclusive span of days, e.g. a seasonal closure.
struct DayRange {
  Day from;
  Day to;
  bool Contains(Day day) const { return from <= day && day <= to; }
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

}  // namespace nuitee
