// Overflow-checked 128-bit arithmetic for the exact amounts; like Money, an overflow throws.
#pragma once

#include <stdexcept>

#include "rates/exact_cents.hpp"

namespace nuitee::rates {

inline Int128 CheckedMul(Int128 a, Int128 b) {
  Int128 out = 0;
  if (__builtin_mul_overflow(a, b, &out)) throw std::overflow_error("rates: 128-bit product");
  return out;
}

inline Int128 CheckedAdd(Int128 a, Int128 b) {
  Int128 out = 0;
  if (__builtin_add_overflow(a, b, &out)) throw std::overflow_error("rates: 128-bit sum");
  return out;
}

// Floor division for a positive divisor (C++ division truncates toward zero).
inline Int128 FloorDiv(Int128 numerator, Int128 denominator) {
  Int128 quotient = numerator / denominator;
  if (numerator % denominator != 0 && numerator < 0) --quotient;
  return quotient;
}

}  // namespace nuitee::rates
