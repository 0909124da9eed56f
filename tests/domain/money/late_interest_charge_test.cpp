#include "domain/money/late_interest_charge.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

Day D(int y, unsigned m, unsigned d) { return date::year{y} / date::month{m} / date::day{d}; }

TEST(LateInterestCharge, TwentyBasisPointsPerMonthStartedOnWhatWasUnpaidAtTheDueDay) {
  // 1 000 € owed, 400 € paid by the due day, the rest paid three months and a day late.
  auto charge = ChargeLateInterest(Money::Cents(100000), Money::Cents(40000), D(2026, 8, 17),
                                   D(2026, 11, 18));
  ASSERT_TRUE(charge);
  EXPECT_EQ(charge->base, Money::Cents(60000));
  EXPECT_EQ(charge->months_started, 4);
  EXPECT_EQ(charge->interest, Money::Cents(480));  // 600 € × 0,20 % × 4
}

TEST(LateInterestCharge, NothingIsChargedWhenNothingWasLate) {
  const auto on_time = ChargeLateInterest(Money::Cents(100000), Money::Zero(), D(2026, 8, 17), D(2026, 8, 17));
  ASSERT_FALSE(on_time);
  EXPECT_EQ(on_time.error().field_errors[0].field, "/paid_on");
  const auto paid = ChargeLateInterest(Money::Cents(100000), Money::Cents(100000), D(2026, 8, 17), D(2026, 9, 1));
  ASSERT_FALSE(paid);
  EXPECT_EQ(paid.error().code, ErrorCode::kRuleViolation);
  const auto tiny = ChargeLateInterest(Money::Cents(100), Money::Zero(), D(2026, 8, 17), D(2026, 8, 18));
  EXPECT_FALSE(tiny) << "0,20 % of 1 € rounds to 0 €";
}

}  // namespace
}  // namespace nuitee
