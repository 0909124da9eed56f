// An exact amount of cents as a 128-bit rational, kept until the one rounding step.
#pragma once

#include "domain/core/money.hpp"

namespace nuitee::rates {

__extension__ using Int128 = __int128;  // GCC's 128-bit integer; __extension__ silences -Wpedantic

// numerator / denominator cents, denominator > 0.
struct ExactCents {
  Int128 numerator = 0;
  Int128 denominator = 1;
  Money RoundedHalfUp() const;  // half-up to the cent (amounts are never negative)
  bool IsWholeCents() const;
  static ExactCents Of(Money amount);
  // Compares values, not representations: 1/2 == 2/4.
  bool operator==(const ExactCents& other) const;
  bool operator<(const ExactCents& other) const;
};

}  // namespace nuitee::rates
