// A hand-written pseudo-random generator (SplitMix64) for the demo territory: the same seed gives
// the same territory with every compiler and standard library, which std distributions do not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "domain/core/dates.hpp"

namespace nuitee::demo {

class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next();
  // Uniform in [0, bound); bound must be positive.
  std::uint64_t Below(std::uint64_t bound);
  // Uniform in [low, high], both included.
  int Between(int low, int high);
  // True `percent` times out of a hundred.
  bool Percent(int percent);
  // An index drawn in proportion to `weights` (all non-negative, at least one positive).
  std::size_t Weighted(std::span<const int> weights);
  // A day in [from, to], both included.
  Day DayBetween(Day from, Day to);
  // A random (version 4) UUID in its canonical lowercase text form.
  std::string Uuid();

  template <class Container>
  const auto& Pick(const Container& items) {
    return items[Below(std::size(items))];
  }

  // Fisher–Yates, driven by this generator rather than std::shuffle (whose use of the
  // generator is implementation-defined).
  template <class T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[Below(i)]);
    }
  }

 private:
  std::uint64_t state_;
};

}  // namespace nuitee::demo
