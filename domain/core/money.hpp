// Money: signed euro cents in 64 bits. No floating point, no Money * Money, overflow checked.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

namespace nuitee {

class Money {
 public:
  static constexpr Money Cents(std::int64_t cents) { return Money(cents); }
  static constexpr Money Zero() { return Money(0); }
  static constexpr Money Euros(std::int64_t euros) { return Money(Checked(euros, 100)); }

  constexpr std::int64_t cents() const { return cents_; }

  constexpr Money operator+(Money other) const {
    std::int64_t out = 0;
    if (__builtin_add_overflow(cents_, other.cents_, &out)) throw std::overflow_error("Money +");
    return Money(out);
  }
  constexpr Money operator-(Money other) const {
    std::int64_t out = 0;
    if (__builtin_sub_overflow(cents_, other.cents_, &out)) throw std::overflow_error("Money -");
    return Money(out);
  }
  constexpr Money operator-() const { return Money(0) - *this; }
  constexpr Money& operator+=(Money other) { return *this = *this + other; }
  constexpr Money& operator-=(Money other) { return *this = *this - other; }
  // Scaling by a count (persons, nights) is the only multiplication money allows.
  constexpr Money Times(std::int64_t count) const { return Money(Checked(cents_, count)); }

  constexpr auto operator<=>(const Money&) const = default;

  // "12,34 €"-free canonical text for JSON and logs: "12.34", "-0.05".
  std::string ToDecimalString() const {
    const bool negative = cents_ < 0;
    const std::uint64_t magnitude =
        negative ? std::uint64_t(-(cents_ + 1)) + 1 : std::uint64_t(cents_);
    std::string fraction = std::to_string(magnitude % 100);
    if (fraction.size() < 2) fraction.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + fraction;
  }

 private:
  constexpr explicit Money(std::int64_t cents) : cents_(cents) {}
  static constexpr std::int64_t Checked(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_mul_overflow(a, b, &out)) throw std::overflow_error("Money *");
    return out;
  }
  std::int64_t cents_;
};

}  // namespace nuitee
