// The taxation d'office of a month (CGCT L. 2333-38), against hand-computed amounts: capacity ×
// nights open × the tariff of the night's category, the highest adopted tariff for unclassified
// lodging, plus the additional taxes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rates/office_assessment.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;
using testing::Contains;
using testing::HasSubstr;

Deliberation WithDepartementalTax(int year) {
  Deliberation deliberation = MakeDeliberation(year);  // palace 4,00 €, 3★ 1,50 €, 5 %
  deliberation.additional_taxes = {Departemental()};
  return deliberation;
}

TEST(OfficeAssessment, TaxesAClassifiedAccommodationFullEveryNightOpen) {
  // A 3★ meublé for 6 persons, open all April 2026 (30 nights): 1,50 × 6 × 30 = 270,00 €,
  // departmental 10 %: 27,00 €.
  const OfficeAssessmentInput input{kCommune, On(2026, 4, 1), 30, 6};
  auto assessed = ComputeOfficeAssessment(input, Always(Category::kThreeStars),
                                          BookOf({WithDepartementalTax(2026)}));
  ASSERT_TRUE(assessed.has_value()) << assessed.error().message;
  EXPECT_EQ(assessed->tax, Cents(27000));
  ASSERT_EQ(assessed->additional_taxes.size(), 1u);
  EXPECT_EQ(assessed->additional_taxes[0].amount, Cents(2700));
  EXPECT_EQ(assessed->total, Cents(29700));
  EXPECT_EQ(assessed->person_nights, 180);
  EXPECT_EQ(assessed->deliberation_version, 1);
}

TEST(OfficeAssessment, TaxesUnclassifiedLodgingAtTheHighestAdoptedTariff) {
  // Unclassified, 4 persons, 10 nights from 12 July: the highest tariff, 4,00 €: 160,00 €.
  const OfficeAssessmentInput input{kCommune, On(2026, 7, 12), 10, 4};
  auto assessed = ComputeOfficeAssessment(input, Always(Category::kUnclassified),
                                          BookOf({WithDepartementalTax(2026)}));
  ASSERT_TRUE(assessed.has_value()) << assessed.error().message;
  EXPECT_EQ(assessed->tax, Cents(16000));
  EXPECT_EQ(assessed->total, Cents(17600));
  EXPECT_THAT(ExplainInFrench(input, *assessed),
              Contains(HasSubstr("tarif le plus élevé adopté par la collectivité, 4,00 €")));
}

TEST(OfficeAssessment, FollowsAClassificationThatExpiresInTheMonth) {
  // 2★ (0,90 €) until 9 June, unclassified (4,00 €) from 10 June; 2 persons, all June.
  const std::vector<CategoryFrom> categories = {{On(2021, 6, 10), Category::kTwoStars},
                                                {On(2026, 6, 10), Category::kUnclassified}};
  const OfficeAssessmentInput input{kCommune, On(2026, 6, 1), 30, 2};
  auto assessed = ComputeOfficeAssessment(input, categories, BookOf({MakeDeliberation(2026)}));
  ASSERT_TRUE(assessed.has_value()) << assessed.error().message;
  ASSERT_EQ(assessed->runs.size(), 2u);
  EXPECT_EQ(assessed->runs[0].nights, 9);
  EXPECT_EQ(assessed->tax, Cents(90 * 2 * 9 + 400 * 2 * 21));
  EXPECT_TRUE(assessed->additional_taxes.empty());
}

TEST(OfficeAssessment, LeavesNightsOutsideThePerceptionPeriodUntaxed) {
  Deliberation summer = WithDepartementalTax(2026);
  summer.perception_periods = {{On(2026, 6, 15), On(2026, 9, 15)}};
  const OfficeAssessmentInput input{kCommune, On(2026, 6, 1), 30, 2};
  auto assessed =
      ComputeOfficeAssessment(input, Always(Category::kThreeStars), BookOf({summer}));
  ASSERT_TRUE(assessed.has_value()) << assessed.error().message;
  EXPECT_EQ(assessed->tax, Cents(150 * 2 * 16));  // 15–30 June
  EXPECT_EQ(assessed->person_nights, 32);
}

TEST(OfficeAssessment, RoundsEachAdditionalTaxOnceOnTheMonthsTax) {
  // 1★ at 0,80 € × 1 person × 3 nights = 2,40 €; a 34 % add-on: 0,816 € → 0,82 €.
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.additional_taxes = {Tax(Beneficiary::kLnpca, 3400, On(2026, 1, 1))};
  const OfficeAssessmentInput input{kCommune, On(2026, 3, 1), 3, 1};
  auto assessed =
      ComputeOfficeAssessment(input, Always(Category::kOneStar), BookOf({deliberation}));
  ASSERT_TRUE(assessed.has_value()) << assessed.error().message;
  EXPECT_EQ(assessed->tax, Cents(240));
  EXPECT_EQ(assessed->additional_taxes[0].amount, Cents(82));
}

TEST(OfficeAssessment, RefusesAMonthWithoutDeliberationOrAcrossMonths) {
  const OfficeAssessmentInput input{kCommune, On(2025, 4, 1), 30, 2};
  EXPECT_FALSE(ComputeOfficeAssessment(input, Always(Category::kOneStar),
                                       BookOf({MakeDeliberation(2026)}))
                   .has_value());
  const OfficeAssessmentInput across{kCommune, On(2026, 4, 20), 15, 2};
  EXPECT_FALSE(ComputeOfficeAssessment(across, Always(Category::kOneStar),
                                       BookOf({MakeDeliberation(2026)}))
                   .has_value());
}

}  // namespace
}  // namespace nuitee::rates
