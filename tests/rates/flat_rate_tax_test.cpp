// The forfait (CGCT L. 2333-40 ff.) and the service-public example of taxe-de-sejour.md §3.
#include "rates/flat_rate_tax.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;
using testing::ElementsAre;

Deliberation ForfaitDeliberation() {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.tariffs[LegalRow(Category::kTwoStars) - 1] = Cents(90);
  deliberation.abatements = {{{2000}, 1, 100}, {{3000}, 101, std::nullopt}};
  deliberation.additional_taxes = {Departemental()};
  return deliberation;
}

FlatRateInput ServicePublicExample() { return {kCommune, 2026, Category::kTwoStars, 60, 183}; }

TEST(FlatRateTax, GivesTheServicePublicExample) {
  auto tax = ComputeFlatRateTax(ServicePublicExample(), BookOf({ForfaitDeliberation()}));
  ASSERT_TRUE(tax.has_value()) << tax.error().message;
  EXPECT_EQ(tax->tariff, Cents(90));
  EXPECT_EQ(tax->abatement, BasisPoints{3000});
  EXPECT_EQ(tax->tax, Cents(691740));
  ASSERT_EQ(tax->additional_taxes.size(), 1u);
  EXPECT_EQ(tax->additional_taxes[0].amount, Cents(69174));
  EXPECT_EQ(tax->total, Cents(760914));
  EXPECT_EQ(tax->deliberation_version, 1);
}

TEST(FlatRateTax, UsesTheAbatementTierOfTheOpeningDuration) {
  FlatRateInput input = ServicePublicExample();
  input.nights_open = 100;
  auto tax = ComputeFlatRateTax(input, BookOf({ForfaitDeliberation()}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->abatement, BasisPoints{2000});
  EXPECT_EQ(tax->tax, Cents(90 * 60 * 100 * 8 / 10));
}

TEST(FlatRateTax, AppliesNoAbatementWithoutAMatchingTier) {
  Deliberation deliberation = ForfaitDeliberation();
  deliberation.abatements.clear();
  auto tax = ComputeFlatRateTax(ServicePublicExample(), BookOf({deliberation}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->abatement, BasisPoints{0});
  EXPECT_EQ(tax->tax, Cents(90 * 60 * 183));
}

TEST(FlatRateTax, RoundsOnceHalfUp) {
  Deliberation deliberation = ForfaitDeliberation();
  deliberation.abatements = {{{3300}, 0, std::nullopt}};
  FlatRateInput input{kCommune, 2026, Category::kOneStar, 1, 1};  // 0,80 × 67 % = 0,536
  auto tax = ComputeFlatRateTax(input, BookOf({deliberation}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tax, Cents(54));
  EXPECT_EQ(tax->additional_taxes[0].amount, Cents(5));  // 10 % of the exact 53,6 cents
}

TEST(FlatRateTax, TakesTheAdditionalTaxesInForceWhenThePeriodOpens) {
  Deliberation deliberation = ForfaitDeliberation();
  deliberation.perception_periods = {{On(2026, 6, 1), On(2026, 9, 30)},
                                     {On(2026, 4, 1), On(2026, 4, 30)}};
  deliberation.additional_taxes = {Tax(Beneficiary::kDepartement, 1000, On(2026, 5, 1)),
                                   Tax(Beneficiary::kGpso, 3400, On(2026, 1, 1))};
  FlatRateInput input = ServicePublicExample();
  input.nights_open = 120;
  auto tax = ComputeFlatRateTax(input, BookOf({deliberation}));
  ASSERT_TRUE(tax.has_value());
  ASSERT_EQ(tax->additional_taxes.size(), 1u);
  EXPECT_EQ(tax->additional_taxes[0].beneficiary, Beneficiary::kGpso);
}

TEST(FlatRateTax, RefusesUnclassifiedLodging) {
  FlatRateInput input = ServicePublicExample();
  input.category = Category::kUnclassified;
  auto tax = ComputeFlatRateTax(input, BookOf({ForfaitDeliberation()}));
  ASSERT_FALSE(tax.has_value());
  EXPECT_THAT(Fields(tax.error()), ElementsAre("/category"));
  EXPECT_NE(tax.error().field_errors[0].message.find("relève du régime au réel"),
            std::string::npos);
}

TEST(FlatRateTax, RefusesBadCountsAndMoreNightsThanThePeriods) {
  FlatRateInput input{kCommune, 2026, Category::kTwoStars, 0, 400};
  auto bad = ComputeFlatRateTax(input, BookOf({ForfaitDeliberation()}));
  ASSERT_FALSE(bad.has_value());
  EXPECT_THAT(Fields(bad.error()), ElementsAre("/capacity_units", "/nights_open"));
  Deliberation deliberation = ForfaitDeliberation();
  deliberation.perception_periods = {{On(2026, 6, 1), On(2026, 6, 30)}};
  input = ServicePublicExample();
  auto too_long = ComputeFlatRateTax(input, BookOf({deliberation}));
  ASSERT_FALSE(too_long.has_value());
  EXPECT_THAT(Fields(too_long.error()), ElementsAre("/nights_open"));
}

TEST(FlatRateTax, FailsWithoutDeliberationOrForAnotherCommune) {
  FlatRateInput input = ServicePublicExample();
  input.year = 2027;
  auto missing = ComputeFlatRateTax(input, BookOf({ForfaitDeliberation()}));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kFailedPrecondition);
  input = ServicePublicExample();
  input.commune_insee = "75056";
  auto elsewhere = ComputeFlatRateTax(input, BookOf({ForfaitDeliberation()}));
  ASSERT_FALSE(elsewhere.has_value());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kFailedPrecondition);
}

TEST(FlatRateTax, ExplainsEachStepInFrench) {
  auto tax = ComputeFlatRateTax(ServicePublicExample(), BookOf({ForfaitDeliberation()}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_THAT(
      ExplainInFrench(ServicePublicExample(), *tax),
      ElementsAre("Taxe de séjour forfaitaire 2026, catégorie 2 étoiles : tarif de 0,90 € par "
                  "unité de capacité et par nuit (CGCT L. 2333-41).",
                  "Base : 60 unités de capacité × 183 nuits d'ouverture = 10 980 nuitées.",
                  "Abattement de 30 % fixé par la délibération (CGCT L. 2333-41) : 10 980 × 70 % "
                  "= 7 686.",
                  "Taxe de séjour : 0,90 € × 7 686 = 6 917,40 €.",
                  "Taxe additionnelle départementale (10 %) : 691,74 €.",
                  "Total dû : 7 609,14 €."));
}

}  // namespace
}  // namespace nuitee::rates
