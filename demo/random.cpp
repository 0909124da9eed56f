// SplitMix64 (Steele, Lea, Flood 2014) and the few draws the demo generator needs.
#include "demo/random.hpp"

#include <cstdio>
#include <limits>

namespace nuitee::demo {

std::uint64_t DemoRandom::Next() {
  state_ += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t DemoRandom::Below(std::uint64_t bound) {
  // Draws above the last whole multiple of `bound` are rejected so that no value is favoured.
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = kMax - kMax % bound;
  for (;;) {
    const std::uint64_t value = Next();
    if (value < limit) return value % bound;
  }
}

int DemoRandom::Between(int low, int high) {
  return low + static_cast<int>(Below(static_cast<std::uint64_t>(high - low) + 1));
}

bool DemoRandom::Percent(int percent) { return static_cast<int>(Below(100)) < percent; }

std::size_t DemoRandom::Weighted(std::span<const int> weights) {
  std::uint64_t total = 0;
  for (int weight : weights) total += static_cast<std::uint64_t>(weight);
  std::uint64_t draw = Below(total);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const auto weight = static_cast<std::uint64_t>(weights[i]);
    if (draw < weight) return i;
    draw -= weight;
  }
  return weights.size() - 1;
}

Day DemoRandom::DayBetween(Day from, Day to) {
  const int span = static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
  return AddDays(from, Between(0, span));
}

std::string DemoRandom::Uuid() {
  std::uint64_t high = Next();
  std::uint64_t low = Next();
  high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;    // RFC 4122 variant
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

}  // namespace nuitee::demo
