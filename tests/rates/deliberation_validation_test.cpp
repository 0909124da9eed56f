// ValidateDeliberation: every violation of the law at once, each on its JSON pointer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rates/deliberation.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;
using testing::ElementsAre;
using testing::IsEmpty;

const LegalGrid& Grid(int year) { return *ShippedLegalGrid(year); }

std::string MessageAt(const FieldErrors& errors, const std::string& field) {
  for (const auto& each : errors.errors()) {
    if (each.field == field) return each.message;
  }
  return "(none)";
}

TEST(ValidateDeliberation, AcceptsAWellFormedDeliberation) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.additional_taxes = {Departemental(2026)};
  deliberation.abatements = {{{3000}, 1, 100}, {{5000}, 101, std::nullopt}};
  deliberation.low_rent_threshold = Cents(1500);
  deliberation.communes = {"74136", "2A004", "2B033"};
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2026))), IsEmpty());
}

TEST(ValidateDeliberation, RefusesATariffAboveTheYearsCeiling) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.tariffs[LegalRow(Category::kFourStars) - 1] = Cents(280);
  deliberation.tariffs[LegalRow(Category::kFiveStars) - 1] = Cents(300);
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  ASSERT_THAT(Fields(errors), ElementsAre("/tariffs_cents/star4"));
  EXPECT_EQ(errors.errors()[0].message,
            "Le tarif 2,80 € dépasse le plafond légal 2026 de 2,60 € pour la catégorie 4 étoiles.");
}

TEST(ValidateDeliberation, RefusesATariffBelowTheFloorAndAnyOtherRowEightTariff) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.tariffs[LegalRow(Category::kOneStar) - 1] = Cents(10);
  deliberation.tariffs[LegalRow(Category::kCampingLow) - 1] = Cents(10);
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  EXPECT_THAT(Fields(errors), ElementsAre("/tariffs_cents/star1", "/tariffs_cents/camping_1_2"));
  EXPECT_EQ(MessageAt(errors, "/tariffs_cents/star1"),
            "Le tarif 0,10 € est inférieur au plancher légal 2026 de 0,20 € pour la catégorie "
            "1 étoile.");
  EXPECT_EQ(MessageAt(errors, "/tariffs_cents/camping_1_2"),
            "Le tarif de la catégorie camping 1 et 2 étoiles est fixé par la loi à 0,20 € en 2026 "
            "(0,10 € délibéré).");
}

TEST(ValidateDeliberation, RefusesALowerCategoryPricedAboveAHigherOneOfTheSameNature) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.tariffs[LegalRow(Category::kFourStars) - 1] = Cents(160);
  deliberation.tariffs[LegalRow(Category::kThreeStars) - 1] = Cents(170);
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  ASSERT_THAT(Fields(errors), ElementsAre("/tariffs_cents/star3"));
  EXPECT_EQ(errors.errors()[0].message,
            "Le tarif de la catégorie 3 étoiles (1,70 €) ne peut pas dépasser celui de la "
            "catégorie supérieure 4 étoiles (1,60 €) (CGCT L. 2333-30).");
}

TEST(ValidateDeliberation, ComparesCampingsOnlyWithCampings) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.tariffs[LegalRow(Category::kOneStar) - 1] = Cents(20);
  deliberation.tariffs[LegalRow(Category::kCampingHigh) - 1] = Cents(60);  // above 1★: allowed
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2026))), IsEmpty());
  deliberation.tariffs[LegalRow(Category::kCampingHigh) - 1] = Cents(20);
  deliberation.tariffs[LegalRow(Category::kCampingLow) - 1] = Cents(20);
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2026))), IsEmpty());
}

TEST(ValidateDeliberation, KeepsTheUnclassifiedRateBetweenOneAndFivePercent) {
  for (int rate : {100, 500}) {
    EXPECT_THAT(
        Fields(ValidateDeliberation(MakeDeliberation(2026, Cents(400), {rate}), Grid(2026))),
        IsEmpty());
  }
  for (int rate : {99, 501, 0}) {
    EXPECT_THAT(
        Fields(ValidateDeliberation(MakeDeliberation(2026, Cents(400), {rate}), Grid(2026))),
        ElementsAre("/unclassified_rate_bp"));
  }
  EXPECT_EQ(MessageAt(ValidateDeliberation(MakeDeliberation(2026, Cents(400), {600}), Grid(2026)),
                      "/unclassified_rate_bp"),
            "Le taux des hébergements non classés (6 %) doit être compris entre 1 % et 5 % "
            "(CGCT L. 2333-30).");
}

TEST(ValidateDeliberation, RefusesTheGridOfAnotherYear) {
  EXPECT_THAT(Fields(ValidateDeliberation(MakeDeliberation(2025), Grid(2026))),
              ElementsAre("/year"));
}

TEST(ValidateDeliberation, ChecksPerceptionPeriods) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.perception_periods = {{On(2026, 1, 1), On(2026, 6, 30)},
                                     {On(2026, 6, 1), On(2026, 9, 30)},
                                     {On(2026, 12, 1), On(2027, 1, 31)},
                                     {On(2026, 11, 30), On(2026, 11, 1)}};
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  EXPECT_THAT(Fields(errors), ElementsAre("/perception_periods/2", "/perception_periods/3",
                                          "/perception_periods/1"));
  EXPECT_EQ(MessageAt(errors, "/perception_periods/1"),
            "La période du 01/06/2026 au 30/09/2026 chevauche la période du 01/01/2026 au "
            "30/06/2026.");
  EXPECT_EQ(MessageAt(errors, "/perception_periods/2"),
            "La période du 01/12/2026 au 31/01/2027 doit être comprise dans l'année 2026.");
  deliberation.perception_periods.clear();
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2026))),
              ElementsAre("/perception_periods"));
}

TEST(ValidateDeliberation, AllowsAbatementsUpToEightyPercentSince2021) {
  Deliberation deliberation = MakeDeliberation(2021);
  deliberation.abatements = {{{8000}, 0, std::nullopt}};
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2021))), IsEmpty());
  deliberation = MakeDeliberation(2020);
  deliberation.abatements = {{{8000}, 0, std::nullopt}};
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2020))),
              ElementsAre("/abatements/0/rate_bp"));
  deliberation.abatements = {{{5000}, 0, std::nullopt}};
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2020))), IsEmpty());
}

TEST(ValidateDeliberation, ChecksAbatementTiers) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.abatements = {{{900}, 0, 60},
                             {{3000}, 50, 120},
                             {{4000}, -1, std::nullopt},
                             {{4000}, 200, 150},
                             {{5000}, 121, std::nullopt}};
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  EXPECT_THAT(Fields(errors), ElementsAre("/abatements/0/rate_bp", "/abatements/2/min_nights",
                                          "/abatements/3/max_nights", "/abatements/1"));
  EXPECT_EQ(MessageAt(errors, "/abatements/1"),
            "La tranche de 50 à 120 nuits chevauche la tranche de 0 à 60 nuits.");
  EXPECT_EQ(MessageAt(errors, "/abatements/0/rate_bp"),
            "L'abattement de 9 % doit être compris entre 10 % et 80 % (CGCT L. 2333-41, LF 2021 "
            "art. 122).");
}

TEST(ValidateDeliberation, ChecksCommunes) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.communes = {"74136", "7413", "2C004", "74136", "2a004"};
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  EXPECT_THAT(Fields(errors),
              ElementsAre("/communes/1", "/communes/2", "/communes/3", "/communes/4"));
  EXPECT_EQ(MessageAt(errors, "/communes/3"), "La commune 74136 figure déjà dans la liste.");
  deliberation.communes.clear();
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2026))), ElementsAre("/communes"));
}

TEST(ValidateDeliberation, RefusesANonPositiveRentThreshold) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.low_rent_threshold = Cents(0);
  EXPECT_THAT(Fields(ValidateDeliberation(deliberation, Grid(2026))),
              ElementsAre("/low_rent_threshold_cents"));
}

TEST(ValidateDeliberation, HoldsKnownAdditionalTaxesToTheirLegalRateAndStartDate) {
  Deliberation deliberation = MakeDeliberation(2023);
  deliberation.additional_taxes = {
      Tax(Beneficiary::kDepartement, 1200, On(2023, 1, 1)),
      Tax(Beneficiary::kIleDeFranceMobilites, 20000, On(2023, 1, 1)),
      Tax(Beneficiary::kLnpca, 3400, On(2023, 1, 1)),
  };
  auto errors = ValidateDeliberation(deliberation, Grid(2023));
  EXPECT_THAT(Fields(errors),
              ElementsAre("/additional_taxes/0/rate_bp", "/additional_taxes/1/valid_from"));
  EXPECT_EQ(MessageAt(errors, "/additional_taxes/0/rate_bp"),
            "Le taux de la taxe additionnelle départementale est fixé par la loi à 10 % "
            "(CGCT L. 3333-1), et non à 12 %.");
  EXPECT_EQ(MessageAt(errors, "/additional_taxes/1/valid_from"),
            "La taxe additionnelle Île-de-France Mobilités ne peut pas s'appliquer avant le "
            "01/01/2024, date de sa création (CGCT L. 2531-18).");
}

TEST(ValidateDeliberation, ChecksOtherAdditionalTaxesAndValidity) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.additional_taxes = {
      Tax(Beneficiary::kOther, 0, On(2026, 1, 1), std::nullopt, " "),
      Tax(Beneficiary::kOther, 1000, On(2026, 1, 1), std::nullopt, "Taxe mobilité"),
      Tax(Beneficiary::kDepartement, 1000, On(2026, 6, 1), On(2026, 5, 1)),
      Tax(Beneficiary::kDepartement, 1000, On(2024, 1, 1), On(2025, 12, 31)),
  };
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  EXPECT_THAT(Fields(errors),
              ElementsAre("/additional_taxes/0/label", "/additional_taxes/0/rate_bp",
                          "/additional_taxes/2/valid_to", "/additional_taxes/3"));
  EXPECT_EQ(MessageAt(errors, "/additional_taxes/3"),
            "La taxe additionnelle départementale n'est en vigueur à aucune date de 2026.");
}

TEST(ValidateDeliberation, RefusesTwoTaxesOfOneBeneficiaryOnTheSameNight) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.additional_taxes = {
      Tax(Beneficiary::kDepartement, 1000, On(2026, 1, 1), On(2026, 6, 30)),
      Tax(Beneficiary::kDepartement, 1000, On(2026, 7, 1)),
      Tax(Beneficiary::kDepartement, 1000, On(2026, 9, 1)),
      Tax(Beneficiary::kOther, 500, On(2026, 1, 1), std::nullopt, "A"),
      Tax(Beneficiary::kOther, 500, On(2026, 1, 1), std::nullopt, "B"),
  };
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  EXPECT_THAT(Fields(errors), ElementsAre("/additional_taxes/2"));
}

TEST(ValidateDeliberation, ReportsEveryProblemAtOnce) {
  Deliberation deliberation = MakeDeliberation(2026, Cents(400), {700});
  deliberation.tariffs[LegalRow(Category::kFiveStars) - 1] = Cents(300);
  deliberation.tariffs[LegalRow(Category::kFourStars) - 1] = Cents(280);
  deliberation.perception_periods = {};
  deliberation.communes = {"ABCDE"};
  deliberation.additional_taxes = {Tax(Beneficiary::kGpso, 3000, On(2026, 1, 1))};
  auto errors = ValidateDeliberation(deliberation, Grid(2026));
  EXPECT_THAT(Fields(errors),
              ElementsAre("/tariffs_cents/star4", "/unclassified_rate_bp", "/perception_periods",
                          "/communes/0", "/additional_taxes/0/rate_bp"));
  for (const auto& each : errors.errors()) EXPECT_FALSE(each.message.empty());
}

}  // namespace
}  // namespace nuitee::rates
