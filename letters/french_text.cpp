// French typography for the letters; numbers come from rates/french_format, spaces made
// unbreakable.
#include "letters/french_text.hpp"

#include <array>

#include "rates/french_format.hpp"

namespace nuitee::letters {

std::string FrenchMonthName(date::month month) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "janvier", "février", "mars",      "avril",   "mai",      "juin",
      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  if (!month.ok()) return "?";
  return std::string(kNames[unsigned(month) - 1]);
}

std::string FrenchMonth(Month month) {
  return FrenchMonthName(month.month()) + std::string(kNbsp) + std::to_string(int(month.year()));
}

std::string FrenchLongDate(Day day) {
  const unsigned number = unsigned(day.day());
  const std::string first = number == 1 ? "1er" : std::to_string(number);
  return first + std::string(kNbsp) + FrenchMonth(Month{day.year(), day.month()});
}

std::string FrenchEuros(Money amount) { return Unbreakable(rates::FormatEuros(amount)); }

std::string Quoted(std::string_view text) {
  return "«" + std::string(kNarrowNbsp) + std::string(text) + std::string(kNarrowNbsp) + "»";
}

std::string FrenchCount(long long count, std::string_view singular, std::string_view plural) {
  return Unbreakable(rates::CountOf(count, singular, plural));
}

std::string Unbreakable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == ' ') {
      out += kNbsp;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace nuitee::letters
