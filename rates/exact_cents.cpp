// The one rounding step: exact cents to whole cents, half-up (taxe-de-sejour.md §3: no legal
// rounding rule was found; half-up is what Paris's published tables do).
#include "rates/exact_cents.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>

#include "rates/int128.hpp"

namespace nuitee::rates {

Money ExactCents::RoundedHalfUp() const {
  // floor(n/d + 1/2) = floor((2n + d) / 2d). Most amounts fit 62 bits: 64-bit division is several
  // times faster than the 128-bit library call.
  constexpr Int128 kFast = Int128{1} << 61;
  if (numerator < kFast && numerator > -kFast && denominator < kFast) {
    const std::int64_t twice = std::int64_t(numerator) * 2 + std::int64_t(denominator);
    const std::int64_t divisor = std::int64_t(denominator) * 2;
    std::int64_t quotient = twice / divisor;
    if (twice % divisor != 0 && twice < 0) --quotient;
    return Money::Cents(quotient);
  }
  const Int128 twice = CheckedAdd(CheckedMul(numerator, 2), denominator);
  const Int128 rounded = FloorDiv(twice, CheckedMul(denominator, 2));
  if (rounded > std::numeric_limits<std::int64_t>::max() ||
      rounded < std::numeric_limits<std::int64_t>::min()) {
    throw std::overflow_error("ExactCents::RoundedHalfUp");
  }
  return Money::Cents(static_cast<std::int64_t>(rounded));
}

bool ExactCents::IsWholeCents() const { return denominator == 1 || numerator % denominator == 0; }

ExactCents ExactCents::Of(Money amount) { return {amount.cents(), 1}; }

bool ExactCents::operator==(const ExactCents& other) const {
  return CheckedMul(numerator, other.denominator) == CheckedMul(other.numerator, denominator);
}

bool ExactCents::operator<(const ExactCents& other) const {
  return CheckedMul(numerator, other.denominator) < CheckedMul(other.numerator, denominator);
}

}  // namespace nuitee::rates
