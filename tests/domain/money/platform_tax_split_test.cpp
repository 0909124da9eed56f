// The split of a platform's collected amount between the tax and the add-ons.
#include "domain/money/platform_tax_split.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

using rates::BasisPoints;

Money Sum(const CollectedSplit& split) {
  Money total = split.tax;
  for (const auto& share : split.additional) total = total + share.amount;
  return total;
}

TEST(PlatformTaxSplit, DepartementalTenPercentDividesExactly) {
  // 9,90 € collected under the 10 % departmental tax: 9,00 € of tax and 0,90 € for the département.
  const auto split = SplitCollected(Money::Cents(990), {{"departement", BasisPoints{1000}}});
  EXPECT_EQ(split.tax, Money::Cents(900));
  ASSERT_EQ(split.additional.size(), 1u);
  EXPECT_EQ(split.additional[0].amount, Money::Cents(90));
  EXPECT_EQ(split.additional[0].party, "departement");
}

TEST(PlatformTaxSplit, TaxIsRoundedHalfUpAndTheRestGoesToTheAddOn) {
  // 16,00 / 1,1 = 14,5454… → 14,55 €; the département gets the 1,45 € left.
  const auto split = SplitCollected(Money::Cents(1600), {{"departement", BasisPoints{1000}}});
  EXPECT_EQ(split.tax, Money::Cents(1455));
  EXPECT_EQ(split.additional[0].amount, Money::Cents(145));
  // 0,11 / 1,1 = 0,10 exactly; 0,05 / 1,1 = 0,04545… → 0,05 and nothing left.
  EXPECT_EQ(SplitCollected(Money::Cents(5), {{"departement", BasisPoints{1000}}}).tax,
            Money::Cents(5));
}

TEST(PlatformTaxSplit, NoAddOnLeavesEverythingToTheTax) {
  const auto split = SplitCollected(Money::Cents(1234), {});
  EXPECT_EQ(split.tax, Money::Cents(1234));
  EXPECT_TRUE(split.additional.empty());
}

TEST(PlatformTaxSplit, SeveralAddOnsShareTheRestByLargestRemainder) {
  // Île-de-France: 15 % and 200 %. 10,00 € → tax 10,00 / 3,15 = 3,1746… → 3,17 €; 6,83 € left,
  // shared 15:200 → 47,65 and 635,35 cents: floors 0,47 + 6,35 = 6,82 €, the missing cent to the
  // larger remainder (0,65 of a cent against 0,35).
  const auto split = SplitCollected(
      Money::Cents(1000),
      {{"societe_grands_projets", BasisPoints{1500}}, {"ile_de_france_mobilites", BasisPoints{20000}}});
  EXPECT_EQ(split.tax, Money::Cents(317));
  EXPECT_EQ(split.additional[0].amount, Money::Cents(48));
  EXPECT_EQ(split.additional[1].amount, Money::Cents(635));
  EXPECT_EQ(Sum(split), Money::Cents(1000));
}

TEST(PlatformTaxSplit, PartsAlwaysSumToTheCollectedAmount) {
  const std::vector<AddOnRate> add_ons = {{"departement", BasisPoints{1000}},
                                          {"lnpca", BasisPoints{3400}},
                                          {"other:Taxe test", BasisPoints{777}}};
  for (std::int64_t cents = 0; cents < 5000; ++cents) {
    const auto split = SplitCollected(Money::Cents(cents), add_ons);
    ASSERT_EQ(Sum(split), Money::Cents(cents)) << cents;
    ASSERT_GE(split.tax, Money::Zero());
    for (const auto& share : split.additional) ASSERT_GE(share.amount, Money::Zero()) << cents;
  }
}

}  // namespace
}  // namespace nuitee
