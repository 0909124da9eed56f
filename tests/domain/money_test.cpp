// Money: signed 64-bit euro cents, checked arithmetic, canonical decimal text.
#include "domain/core/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace nuitee {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

template <class A, class B>
concept Multipliable = requires(A a, B b) {
  a* b;
};
template <class A, class B>
concept Divisible = requires(A a, B b) {
  a / b;
};
template <class A, class B>
concept Addable = requires(A a, B b) {
  a + b;
};

// What must not compile: no construction from numbers, no Money * Money, no scaling by `*`.
static_assert(!std::is_constructible_v<Money, double>);
static_assert(!std::is_constructible_v<Money, std::int64_t>);
static_assert(!std::is_convertible_v<int, Money>);
static_assert(!std::is_default_constructible_v<Money>);
static_assert(!Multipliable<Money, Money>);
static_assert(!Multipliable<Money, int>);
static_assert(!Multipliable<int, Money>);
static_assert(!Multipliable<Money, double>);
static_assert(!Divisible<Money, int>);
static_assert(!Addable<Money, int>);
static_assert(!Addable<Money, double>);
static_assert(Addable<Money, Money>);
// It is usable in constant expressions.
static_assert(Money::Euros(2).cents() == 200);
static_assert(Money::Cents(150) + Money::Cents(50) == Money::Euros(2));
static_assert(Money::Zero().cents() == 0);

TEST(Money, BuildsFromCentsAndEuros) {
  EXPECT_EQ(Money::Cents(1234).cents(), 1234);
  EXPECT_EQ(Money::Euros(12).cents(), 1200);
  EXPECT_EQ(Money::Euros(-3).cents(), -300);
  EXPECT_EQ(Money::Zero(), Money::Cents(0));
}

TEST(Money, AddsAndSubtracts) {
  EXPECT_EQ(Money::Cents(110) + Money::Cents(25), Money::Cents(135));
  EXPECT_EQ(Money::Cents(110) - Money::Cents(125), Money::Cents(-15));
  EXPECT_EQ(-Money::Cents(42), Money::Cents(-42));
  Money total = Money::Zero();
  total += Money::Euros(3);
  total -= Money::Cents(5);
  EXPECT_EQ(total, Money::Cents(295));
}

TEST(Money, ScalesByACount) {
  // 0,88 € × 3 persons × 7 nights.
  EXPECT_EQ(Money::Cents(88).Times(3).Times(7), Money::Cents(1848));
  EXPECT_EQ(Money::Cents(88).Times(0), Money::Zero());
  EXPECT_EQ(Money::Cents(88).Times(-2), Money::Cents(-176));
}

TEST(Money, OrdersByAmount) {
  EXPECT_LT(Money::Cents(-1), Money::Zero());
  EXPECT_LT(Money::Cents(99), Money::Euros(1));
  EXPECT_GT(Money::Euros(1), Money::Cents(99));
  EXPECT_NE(Money::Cents(100), Money::Cents(101));
}

TEST(Money, ReachesTheEdgesWithoutOverflow) {
  EXPECT_EQ((Money::Cents(kMax - 1) + Money::Cents(1)).cents(), kMax);
  EXPECT_EQ((Money::Cents(kMin + 1) - Money::Cents(1)).cents(), kMin);
  EXPECT_EQ((-Money::Cents(kMax)).cents(), kMin + 1);
  EXPECT_EQ(Money::Euros(kMax / 100).cents(), kMax / 100 * 100);
  EXPECT_EQ(Money::Cents(kMax).Times(1).cents(), kMax);
  EXPECT_EQ(Money::Cents(kMin).Times(1).cents(), kMin);
}

TEST(Money, ThrowsOnAdditionOverflow) {
  EXPECT_THROW(Money::Cents(kMax) + Money::Cents(1), std::overflow_error);
  EXPECT_THROW(Money::Cents(kMin) + Money::Cents(-1), std::overflow_error);
  Money total = Money::Cents(kMax);
  EXPECT_THROW(total += Money::Cents(1), std::overflow_error);
  EXPECT_EQ(total.cents(), kMax);
}

TEST(Money, ThrowsOnSubtractionOverflow) {
  EXPECT_THROW(Money::Cents(kMin) - Money::Cents(1), std::overflow_error);
  EXPECT_THROW(Money::Cents(kMax) - Money::Cents(-1), std::overflow_error);
  Money total = Money::Cents(kMin);
  EXPECT_THROW(total -= Money::Cents(1), std::overflow_error);
}

TEST(Money, ThrowsWhenNegatingTheMostNegativeAmount) {
  EXPECT_THROW(-Money::Cents(kMin), std::overflow_error);
}

TEST(Money, ThrowsOnMultiplicationOverflow) {
  EXPECT_THROW(Money::Cents(kMax).Times(2), std::overflow_error);
  EXPECT_THROW(Money::Cents(kMin).Times(-1), std::overflow_error);
  EXPECT_THROW(Money::Cents(kMax / 2 + 1).Times(2), std::overflow_error);
  EXPECT_NO_THROW(Money::Cents(kMax / 2).Times(2));
}

TEST(Money, ThrowsWhenEurosDoNotFitInCents) {
  EXPECT_THROW(Money::Euros(kMax / 100 + 1), std::overflow_error);
  EXPECT_THROW(Money::Euros(kMin / 100 - 1), std::overflow_error);
  EXPECT_NO_THROW(Money::Euros(kMin / 100));
}

struct DecimalCase {
  std::int64_t cents;
  const char* text;
};

class MoneyDecimal : public testing::TestWithParam<DecimalCase> {};

TEST_P(MoneyDecimal, WritesEurosAPointAndTwoDigits) {
  EXPECT_EQ(Money::Cents(GetParam().cents).ToDecimalString(), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    Money, MoneyDecimal,
    testing::Values(DecimalCase{0, "0.00"}, DecimalCase{5, "0.05"}, DecimalCase{10, "0.10"},
                    DecimalCase{99, "0.99"}, DecimalCase{100, "1.00"}, DecimalCase{1234, "12.34"},
                    DecimalCase{-1, "-0.01"}, DecimalCase{-5, "-0.05"}, DecimalCase{-50, "-0.50"},
                    DecimalCase{-100, "-1.00"}, DecimalCase{-1234, "-12.34"},
                    DecimalCase{100000000, "1000000.00"}, DecimalCase{kMax, "92233720368547758.07"},
                    DecimalCase{kMin, "-92233720368547758.08"}));

}  // namespace
}  // namespace nuitee
