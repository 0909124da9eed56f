// Rates in basis points: 1 bp = 0.01 %, so 440 = 4.4 % and 10000 = 100 %. Integers only.
#pragma once

#include <compare>
#include <cstdint>

namespace nuitee::rates {

struct BasisPoints {
  std::int32_t value = 0;
  friend constexpr auto operator<=>(BasisPoints, BasisPoints) = default;
};

inline constexpr std::int64_t kBasisPointsPerUnit = 10000;

}  // namespace nuitee::rates
