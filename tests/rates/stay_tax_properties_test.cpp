// Properties of ComputeStayTax over a few thousand generated stays (fixed seed, reproducible).
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "rates/stay_tax.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;

constexpr int kCases = 3000;

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : engine_(seed) {}
  int Between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine_); }
  bool OneIn(int n) { return Between(1, n) == 1; }

 private:
  std::mt19937_64 engine_;
};

// Deliberations for 2019–2027 with varied periods, rates and add-ons.
RateBook MakeBook(Generator& random) {
  std::vector<Deliberation> deliberations;
  for (int year = 2019; year <= 2027; ++year) {
    Deliberation deliberation =
        MakeDeliberation(year, Cents(random.Between(230, 400)), {random.Between(100, 500)});
    if (random.OneIn(3)) {
      deliberation.perception_periods = {{On(year, 1, 1), On(year, 4, 30)},
                                         {On(year, 6, 1), On(year, 9, 30)}};
    }
    deliberation.additional_taxes = {Departemental()};
    if (random.OneIn(2)) {
      deliberation.additional_taxes.push_back(
          Tax(Beneficiary::kGpso, 3400, On(year, unsigned(random.Between(1, 12)), 1)));
    }
    deliberations.push_back(std::move(deliberation));
  }
  return BookOf(std::move(deliberations));
}

struct Case {
  Stay stay;
  std::vector<CategoryFrom> categories;
};

Case MakeCase(Generator& random) {
  const Day arrival = AddDays(On(2019, 1, 1), random.Between(0, 8 * 365 - 40));
  Case generated;
  generated.stay = MakeStay(arrival, random.Between(1, random.OneIn(10) ? 30 : 14),
                            random.Between(1, 12), Cents(random.Between(0, 200000)));
  const int occupants = generated.stay.occupants;
  generated.stay.exempt.minors = random.Between(0, occupants / 2);
  generated.stay.exempt.seasonal_workers =
      random.Between(0, occupants - generated.stay.exempt.minors);
  const Category first = kAllCategories[std::size_t(random.Between(0, 8))];
  generated.categories = {{On(2015, 1, 1), first}};
  if (random.OneIn(3)) {
    generated.categories.push_back({AddDays(arrival, random.Between(0, 10)),
                                    kAllCategories[std::size_t(random.Between(0, 8))]});
  }
  return generated;
}

Result<StayTax> Compute(const Case& each, const RateBook& book, RoundingMode rounding) {
  return ComputeStayTax(each.stay, each.categories, book, rounding);
}

std::map<std::pair<Beneficiary, int>, Money> ByBeneficiary(const StayTax& tax) {
  std::map<std::pair<Beneficiary, int>, Money> amounts;
  for (const auto& each : tax.additional_taxes) {
    auto [slot, inserted] = amounts.try_emplace({each.beneficiary, each.rate.value}, Money::Zero());
    slot->second += each.amount;
  }
  return amounts;
}

class StayTaxProperties : public testing::TestWithParam<RoundingMode> {};

TEST_P(StayTaxProperties, HoldForGeneratedStays) {
  Generator random(20260701);
  const RateBook book = MakeBook(random);
  for (int i = 0; i < kCases; ++i) {
    const Case each = MakeCase(random);
    auto tax = Compute(each, book, GetParam());
    ASSERT_TRUE(tax.has_value()) << i << ": " << tax.error().message;
    SCOPED_TRACE(testing::Message() << "case " << i);

    // Never negative, and the total is exactly the sum of its parts.
    EXPECT_GE(tax->tax, Money::Zero());
    Money sum = tax->tax;
    for (const auto& part : tax->additional_taxes) {
      EXPECT_GE(part.amount, Money::Zero());
      sum += part.amount;
    }
    EXPECT_EQ(tax->total, sum);

    // The unit never exceeds the cap.
    for (const NightRun& run : tax->runs) {
      if (run.cap) {
        EXPECT_FALSE(ExactCents::Of(*run.cap) < run.unit);
      }
    }

    // One more night never lowers the tax.
    Case longer = each;
    ++longer.stay.nights;
    auto more = Compute(longer, book, GetParam());
    ASSERT_TRUE(more.has_value());
    EXPECT_GE(more->tax, tax->tax);
    EXPECT_GE(more->total, tax->total);

    // One more exempt occupant never raises it.
    if (tax->taxable_persons > 0) {
      Case exempt = each;
      ++exempt.stay.exempt.emergency_housing;
      auto fewer = Compute(exempt, book, GetParam());
      ASSERT_TRUE(fewer.has_value());
      EXPECT_LE(fewer->tax, tax->tax);
      EXPECT_LE(fewer->total, tax->total);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BothModes, StayTaxProperties,
                         testing::Values(RoundingMode::kPerLine, RoundingMode::kPerPersonNight),
                         [](const testing::TestParamInfo<RoundingMode>& info) {
                           return info.param == RoundingMode::kPerLine ? "PerLine"
                                                                       : "PerPersonNight";
                         });

TEST(StayTaxPerLine, DiffersByAtMostOneCentPerPartWhenAStayIsSplit) {
  Generator random(1789);
  const RateBook book = MakeBook(random);
  for (int i = 0; i < kCases; ++i) {
    Case whole = MakeCase(random);
    if (whole.stay.nights < 2) ++whole.stay.nights;
    const int split = random.Between(1, whole.stay.nights - 1);
    Case first = whole;
    first.stay.nights = split;
    Case second = whole;
    second.stay.arrival = AddDays(whole.stay.arrival, split);
    second.stay.nights = whole.stay.nights - split;
    auto all = Compute(whole, book, RoundingMode::kPerLine);
    auto a = Compute(first, book, RoundingMode::kPerLine);
    auto b = Compute(second, book, RoundingMode::kPerLine);
    ASSERT_TRUE(all && a && b) << i;
    SCOPED_TRACE(testing::Message() << "case " << i << " split after " << split);
    EXPECT_LE(std::abs((all->tax - a->tax - b->tax).cents()), 1);
    auto parts = ByBeneficiary(*all);
    for (const StayTax* half : {&*a, &*b}) {
      for (const auto& [key, amount] : ByBeneficiary(*half)) {
        parts.try_emplace(key, Money::Zero()).first->second -= amount;
      }
    }
    for (const auto& [key, difference] : parts) EXPECT_LE(std::abs(difference.cents()), 1);
  }
}

}  // namespace
}  // namespace nuitee::rates
