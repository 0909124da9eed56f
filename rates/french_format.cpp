// French formats for messages and explanations. Integers only: amounts are cents or exact
// fractions of cents, rates basis points.
#include "rates/french_format.hpp"

#include <cstdio>

#include "rates/int128.hpp"

namespace nuitee::rates {
namespace {

// Digits of a non-negative integer grouped by thousands with spaces, appended to `out`.
void AppendGroupedDigits(Int128 value, std::string& out) {
  char reversed[64];
  int length = 0;
  int digits = 0;
  do {
    if (digits > 0 && digits % 3 == 0) reversed[length++] = ' ';
    reversed[length++] = char('0' + int(value % 10));
    ++digits;
    value /= 10;
  } while (value > 0);
  while (length > 0) out += reversed[--length];
}

// value / 10^decimals, French decimal comma, trailing zeros kept down to `minimum` decimals.
std::string Decimal(Int128 value, int decimals, int minimum) {
  const bool negative = value < 0;
  if (negative) value = -value;
  Int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string fraction;
  Int128 rest = value % scale;
  for (int i = 0; i < decimals; ++i) {
    fraction.insert(fraction.begin(), char('0' + int(rest % 10)));
    rest /= 10;
  }
  while (int(fraction.size()) > minimum && fraction.back() == '0') fraction.pop_back();
  std::string text;
  if (negative) text += '-';
  AppendGroupedDigits(value / scale, text);
  if (!fraction.empty()) {
    text += ',';
    text += fraction;
  }
  return text;
}

}  // namespace

std::string FormatCount(std::int64_t count) { return Decimal(count, 0, 0); }

std::string FormatScaled(std::int64_t value, int decimals) { return Decimal(value, decimals, 0); }

std::string FormatEuros(Money amount) { return Decimal(amount.cents(), 2, 2) + " €"; }

std::string FormatExactEuros(const ExactCents& amount) {
  if (amount.IsWholeCents()) return FormatEuros(amount.RoundedHalfUp());
  // In ten-thousandths of a euro, i.e. hundredths of a cent.
  const Int128 scaled = CheckedMul(amount.numerator, 100);
  if (scaled % amount.denominator == 0) return Decimal(scaled / amount.denominator, 4, 2) + " €";
  const Int128 rounded =
      FloorDiv(CheckedAdd(CheckedMul(scaled, 2), amount.denominator), amount.denominator * 2);
  return "≈ " + Decimal(rounded, 4, 4) + " €";
}

std::string FormatPercent(BasisPoints rate) { return Decimal(rate.value, 2, 0) + " %"; }

std::string FormatFrenchDate(Day day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", unsigned(day.day()), unsigned(day.month()),
                int(day.year()));
  return buffer;
}

std::string CountOf(std::int64_t count, std::string_view singular, std::string_view plural) {
  return FormatCount(count) + " " + std::string(count > 1 || count < -1 ? plural : singular);
}

std::string_view CategoryLabel(Category category) {
  switch (category) {
    case Category::kPalace:
      return "palace";
    case Category::kFiveStars:
      return "5 étoiles";
    case Category::kFourStars:
      return "4 étoiles";
    case Category::kThreeStars:
      return "3 étoiles";
    case Category::kTwoStars:
      return "2 étoiles";
    case Category::kOneStar:
      return "1 étoile";
    case Category::kCampingHigh:
      return "camping 3 à 5 étoiles";
    case Category::kCampingLow:
      return "camping 1 et 2 étoiles";
    case Category::kUnclassified:
      return "non classé";
  }
  return "non classé";
}

}  // namespace nuitee::rates
