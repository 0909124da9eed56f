// The two overcharges of platforms' collections that hosts complain about.
#include "domain/money/platform_overcharge.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

using rates::Category;

// A 3★ furnished rental at 1,10 € per person and night, 10 % departmental tax.
PlatformLineFacts ThreeStarStay() {
  PlatformLineFacts facts;
  facts.charged_category = Category::kThreeStars;
  facts.persons = 3;
  facts.nights = 3;
  facts.classified_as = Category::kThreeStars;
  facts.tariff = Money::Cents(110);
  facts.add_on_rate = rates::BasisPoints{1000};
  return facts;
}

TEST(PlatformOvercharge, ClassifiedAmountAddsTheAddOnsRoundedToTheCent) {
  EXPECT_EQ(ClassifiedAmount(Money::Cents(110), 2, 3, rates::BasisPoints{1000}), Money::Cents(726));
  EXPECT_EQ(ClassifiedAmount(Money::Cents(115), 1, 1, rates::BasisPoints{1000}), Money::Cents(127));
}

TEST(PlatformOvercharge, TheTariffForEveryPersonIsNoOverchargeWithoutTheHostsWord) {
  auto facts = ThreeStarStay();
  facts.collected = Money::Cents(1089);  // 1,10 × 3 × 3 + 10 %
  EXPECT_TRUE(DetectOvercharges(facts).empty());
}

TEST(PlatformOvercharge, MinorsTaxedWhenTheHostDeclaredFewerLiablePersons) {
  auto facts = ThreeStarStay();
  facts.collected = Money::Cents(1089);
  facts.declared_adults = 2;  // one of the three is a minor
  const auto found = DetectOvercharges(facts);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, OverchargeKind::kMinorsTaxed);
  EXPECT_EQ(found[0].expected, Money::Cents(726));
  EXPECT_EQ(found[0].excess, Money::Cents(363));
  EXPECT_EQ(found[0].liable_persons, 2);
}

TEST(PlatformOvercharge, MoreThanTheTariffForEveryPersonIsAnOverchargeEvenWithoutTheHost) {
  auto facts = ThreeStarStay();
  facts.collected = Money::Cents(1090);
  const auto found = DetectOvercharges(facts);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].excess, Money::Cents(1));
}

TEST(PlatformOvercharge, UnclassifiedRateOnAClassifiedAccommodation) {
  auto facts = ThreeStarStay();
  facts.charged_category = Category::kUnclassified;
  facts.persons = 2;
  facts.nights = 2;
  facts.collected = Money::Cents(2200);
  const auto found = DetectOvercharges(facts);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, OverchargeKind::kUnclassifiedRateOnClassified);
  EXPECT_EQ(found[0].expected, Money::Cents(484));
  EXPECT_EQ(found[0].excess, Money::Cents(1716));
  EXPECT_STREQ(OverchargeKindCode(found[0].kind), "unclassified_rate_on_classified");
}

TEST(PlatformOvercharge, NothingToCheckForAnUnclassifiedAccommodation) {
  auto facts = ThreeStarStay();
  facts.charged_category = Category::kUnclassified;
  facts.classified_as.reset();
  facts.collected = Money::Cents(99999);
  EXPECT_TRUE(DetectOvercharges(facts).empty());
}

}  // namespace
}  // namespace nuitee
