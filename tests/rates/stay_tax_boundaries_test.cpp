// ComputeStayTax at its edges: rate bounds, empty prices, exemptions, category changes, year
// changes, perception periods, add-ons starting mid-stay, missing data and bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rates/stay_tax.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;
using testing::ElementsAre;
using testing::HasSubstr;

Result<StayTax> Compute(const Stay& stay, const std::vector<CategoryFrom>& categories,
                        const RateBook& book, RoundingMode rounding = RoundingMode::kPerLine) {
  return ComputeStayTax(stay, categories, book, rounding);
}

TEST(UnclassifiedRate, AppliesOnePercentAndFivePercentExactly) {
  for (auto [rate, expected] : {std::pair{100, 50}, std::pair{500, 250}}) {
    auto tax =
        Compute(MakeStay(On(2026, 5, 1), 1, 2, Cents(10000)), Always(Category::kUnclassified),
                BookOf({MakeDeliberation(2026, Cents(400), {rate})}));
    ASSERT_TRUE(tax.has_value());
    EXPECT_EQ(tax->unit_per_person_night, Cents(expected));
    EXPECT_EQ(tax->tax, Cents(expected * 2));
  }
}

TEST(UnclassifiedRate, GivesNoTaxForAFreeNight) {
  auto tax = Compute(MakeStay(On(2026, 5, 1), 3, 2, Cents(0)), Always(Category::kUnclassified),
                     BookOf({MakeDeliberation(2026)}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->total, Money::Zero());
  EXPECT_EQ(tax->taxable_person_nights, 6);
}

TEST(UnclassifiedRate, DividesByTheOnlyOccupant) {
  auto tax = Compute(MakeStay(On(2026, 5, 1), 2, 1, Cents(3000)), Always(Category::kUnclassified),
                     BookOf({MakeDeliberation(2026)}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tax, Cents(300));  // 30 € × 5 % = 1,50 € × 2 nights
}

TEST(UnclassifiedRate, CapsAtHighestAdoptedTariffSince2021) {
  auto tax = Compute(MakeStay(On(2021, 5, 1), 1, 1, Cents(100000)), Always(Category::kUnclassified),
                     BookOf({MakeDeliberation(2021, Cents(420))}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_TRUE(tax->capped);
  EXPECT_EQ(tax->tax, Cents(420));
}

TEST(UnclassifiedRate, CapsAtFourStarCeilingWhenLowerIn2019And2020) {
  for (int year : {2019, 2020}) {
    auto tax = Compute(MakeStay(On(year, 5, 1), 1, 1, Cents(100000)),
                       Always(Category::kUnclassified), BookOf({MakeDeliberation(year)}));
    ASSERT_TRUE(tax.has_value());
    EXPECT_EQ(tax->runs[0].cap, Cents(230));
    EXPECT_EQ(tax->tax, Cents(230));
  }
}

TEST(UnclassifiedRate, UsesAnAdministratorLoadedGridOverTheShippedOne) {
  RateBook book = BookOf({MakeDeliberation(2020)});
  LegalGrid loaded = *ShippedLegalGrid(2020);
  loaded.rows[LegalRow(Category::kFourStars) - 1].ceiling = Cents(250);
  loaded.rows[LegalRow(Category::kFourStars) - 1].provenance = Provenance::kLoaded;
  book.AddLoadedGrid(loaded);
  auto tax =
      Compute(MakeStay(On(2020, 5, 1), 1, 1, Cents(100000)), Always(Category::kUnclassified), book);
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tax, Cents(250));
}

TEST(UnclassifiedRate, CapsOnlyAboveTheCap) {
  // 160 € ÷ 2 × 5 % = 4,00 €: exactly the cap, which is then not "capped".
  auto tax = Compute(MakeStay(On(2026, 5, 1), 1, 2, Cents(16000)), Always(Category::kUnclassified),
                     BookOf({MakeDeliberation(2026)}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_FALSE(tax->capped);
  EXPECT_EQ(tax->unit_per_person_night, Cents(400));
}

TEST(StayTax, IsZeroWhenEveryOccupantIsExempt) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.additional_taxes = {Departemental()};
  Stay stay = MakeStay(On(2026, 5, 1), 3, 3);
  stay.exempt.minors = 2;
  stay.exempt.seasonal_workers = 1;
  auto tax = Compute(stay, Always(Category::kThreeStars), BookOf({deliberation}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->taxable_persons, 0);
  EXPECT_EQ(tax->taxable_person_nights, 0);
  EXPECT_EQ(tax->total, Money::Zero());
  EXPECT_EQ(tax->unit_per_person_night, Cents(150));
}

TEST(StayTax, UsesTheTariffOfAClassifiedCategory) {
  auto tax = Compute(MakeStay(On(2026, 5, 1), 4, 3), Always(Category::kFourStars),
                     BookOf({MakeDeliberation(2026)}), RoundingMode::kPerPersonNight);
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tax, Cents(200 * 3 * 4));
  EXPECT_FALSE(tax->runs[0].cost_per_person.has_value());
}

TEST(StayTax, SwitchesToTheUnclassifiedRateTheDayAfterAClassificationExpires) {
  // The 3★ classification's last day is the arrival night; unclassified from the next night.
  const Day expiry = On(2026, 7, 10);
  const std::vector<CategoryFrom> categories = {{On(2021, 7, 11), Category::kThreeStars},
                                                {AddDays(expiry, 1), Category::kUnclassified}};
  auto tax =
      Compute(MakeStay(expiry, 3, 2, Cents(10000)), categories, BookOf({MakeDeliberation(2026)}));
  ASSERT_TRUE(tax.has_value());
  ASSERT_EQ(tax->runs.size(), 2u);
  EXPECT_EQ(tax->runs[0].category, Category::kThreeStars);
  EXPECT_EQ(tax->runs[0].nights, 1);
  EXPECT_EQ(tax->runs[1].category, Category::kUnclassified);
  EXPECT_EQ(tax->runs[1].first_night, On(2026, 7, 11));
  EXPECT_EQ(tax->runs[1].nights, 2);
  EXPECT_EQ(tax->tax, Cents(150 * 2 + 250 * 2 * 2));
}

TEST(StayTax, RequiresThePriceOnlyWhenANightIsUnclassified) {
  const std::vector<CategoryFrom> categories = {{On(2021, 1, 1), Category::kThreeStars},
                                                {On(2026, 7, 20), Category::kUnclassified}};
  RateBook book = BookOf({MakeDeliberation(2026)});
  EXPECT_TRUE(Compute(MakeStay(On(2026, 7, 10), 10, 2), categories, book).has_value());
  auto refused = Compute(MakeStay(On(2026, 7, 10), 11, 2), categories, book);
  ASSERT_FALSE(refused.has_value());
  EXPECT_THAT(Fields(refused.error()), ElementsAre("/price_per_night_cents"));
  EXPECT_EQ(refused.error().field_errors[0].message,
            "Le prix de la nuitée hors taxes est obligatoire pour un hébergement non classé.");
}

TEST(StayTax, SplitsAcrossNewYearWhenTheCapRuleChanges) {
  RateBook book = BookOf({MakeDeliberation(2020), MakeDeliberation(2021)});
  auto tax = Compute(MakeStay(On(2020, 12, 30), 4, 1, Cents(100000)),
                     Always(Category::kUnclassified), book);
  ASSERT_TRUE(tax.has_value());
  ASSERT_EQ(tax->runs.size(), 2u);
  EXPECT_EQ(tax->runs[0].year, 2020);
  EXPECT_EQ(tax->runs[0].nights, 2);
  EXPECT_EQ(tax->runs[0].cap, Cents(230));
  EXPECT_EQ(tax->runs[0].deliberation_version, 1);
  EXPECT_EQ(tax->runs[1].year, 2021);
  EXPECT_EQ(tax->runs[1].first_night, On(2021, 1, 1));
  EXPECT_EQ(tax->runs[1].nights, 2);
  EXPECT_EQ(tax->runs[1].cap, Cents(400));
  EXPECT_EQ(tax->runs[1].deliberation_version, 2);
  EXPECT_EQ(tax->tax, Cents(230 * 2 + 400 * 2));
}

TEST(StayTax, CountsTheLeapDay) {
  auto tax = Compute(MakeStay(On(2024, 2, 28), 3, 2), Always(Category::kTwoStars),
                     BookOf({MakeDeliberation(2024)}));
  ASSERT_TRUE(tax.has_value());
  ASSERT_EQ(tax->runs.size(), 1u);
  EXPECT_EQ(tax->runs[0].nights, 3);
  EXPECT_EQ(tax->taxable_person_nights, 6);
  EXPECT_EQ(tax->tax, Cents(90 * 6));
}

TEST(StayTax, LeviesNothingOutsideThePerceptionPeriod) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.perception_periods = {{On(2026, 1, 1), On(2026, 6, 30)}};
  deliberation.additional_taxes = {Departemental()};
  auto tax = Compute(MakeStay(On(2026, 6, 29), 4, 2), Always(Category::kThreeStars),
                     BookOf({deliberation}));
  ASSERT_TRUE(tax.has_value());
  ASSERT_EQ(tax->runs.size(), 2u);
  EXPECT_TRUE(tax->runs[0].levied);
  EXPECT_FALSE(tax->runs[1].levied);
  EXPECT_EQ(tax->runs[1].unit.RoundedHalfUp(), Money::Zero());
  EXPECT_TRUE(tax->runs[1].additional_taxes.empty());
  EXPECT_EQ(tax->taxable_person_nights, 4);
  EXPECT_EQ(tax->tax, Cents(600));
  EXPECT_EQ(AdditionalAmount(*tax, Beneficiary::kDepartement), Cents(60));
}

TEST(StayTax, SplitsBetweenTwoAdjacentPerceptionPeriods) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.perception_periods = {{On(2026, 1, 1), On(2026, 6, 30)},
                                     {On(2026, 7, 1), On(2026, 12, 31)}};
  auto tax = Compute(MakeStay(On(2026, 6, 29), 4, 2), Always(Category::kThreeStars),
                     BookOf({deliberation}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->runs.size(), 2u);
  EXPECT_EQ(tax->tax, Cents(150 * 2 * 4));
}

TEST(StayTax, AppliesAnAdditionalTaxFromTheNightItStarts) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.additional_taxes = {
      Tax(Beneficiary::kOther, 1000, On(2026, 7, 3), std::nullopt, "Taxe additionnelle mobilité")};
  auto tax =
      Compute(MakeStay(On(2026, 7, 1), 4, 1), Always(Category::kPalace), BookOf({deliberation}));
  ASSERT_TRUE(tax.has_value());
  ASSERT_EQ(tax->runs.size(), 2u);
  EXPECT_TRUE(tax->runs[0].additional_taxes.empty());
  ASSERT_EQ(tax->runs[1].additional_taxes.size(), 1u);
  EXPECT_EQ(tax->runs[1].first_night, On(2026, 7, 3));
  ASSERT_EQ(tax->additional_taxes.size(), 1u);
  EXPECT_EQ(tax->additional_taxes[0].label, "Taxe additionnelle mobilité");
  EXPECT_EQ(tax->additional_taxes[0].amount, Cents(80));  // 10 % of 2 nights at 4,00 €
  EXPECT_EQ(tax->total, Cents(1680));
}

TEST(StayTax, KeepsOneRunWhenACategoryIsRepeated) {
  const std::vector<CategoryFrom> categories = {{On(2021, 1, 1), Category::kTwoStars},
                                                {On(2026, 7, 2), Category::kTwoStars}};
  auto tax = Compute(MakeStay(On(2026, 7, 1), 3, 1), categories, BookOf({MakeDeliberation(2026)}));
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->runs.size(), 1u);
}

TEST(StayTax, FailsWithoutADeliberationForAYearOfTheStay) {
  auto tax = Compute(MakeStay(On(2026, 12, 31), 2, 1), Always(Category::kTwoStars),
                     BookOf({MakeDeliberation(2026)}));
  ASSERT_FALSE(tax.has_value());
  EXPECT_EQ(tax.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(tax.error().message,
            "Aucune délibération n'est enregistrée pour 2027 : la taxe ne peut pas être calculée.");
}

TEST(StayTax, FailsForACommuneTheDeliberationDoesNotCover) {
  Stay stay = MakeStay(On(2026, 5, 1), 2, 1);
  stay.commune_insee = "75056";
  auto tax = Compute(stay, Always(Category::kTwoStars), BookOf({MakeDeliberation(2026)}));
  ASSERT_FALSE(tax.has_value());
  EXPECT_EQ(tax.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(tax.error().message,
            "La délibération 2026 ne couvre pas la commune 75056 : la taxe de séjour ne peut pas "
            "y être calculée.");
}

TEST(StayTax, FailsWithoutTheLegalGridNeededForThe2019Cap) {
  auto tax = Compute(MakeStay(On(2018, 5, 1), 1, 1, Cents(1000)), Always(Category::kUnclassified),
                     BookOf({MakeDeliberation(2018)}));
  ASSERT_FALSE(tax.has_value());
  EXPECT_EQ(tax.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(tax.error().message.find("barème légal 2018"), std::string::npos);
}

TEST(StayTax, ReportsEveryBadFieldAtOnce) {
  Stay stay = MakeStay(On(2026, 5, 1), 366, 0, Cents(-1));
  stay.exempt.minors = -1;
  auto tax = Compute(stay, {}, BookOf({MakeDeliberation(2026)}));
  ASSERT_FALSE(tax.has_value());
  EXPECT_EQ(tax.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(Fields(tax.error()), ElementsAre("/nights", "/occupants", "/exempt/minors",
                                               "/price_per_night_cents", "/category"));
}

TEST(StayTax, RefusesMoreExemptOccupantsThanOccupants) {
  Stay stay = MakeStay(On(2026, 5, 1), 1, 2);
  stay.exempt.minors = 2;
  stay.exempt.emergency_housing = 1;
  auto tax = Compute(stay, Always(Category::kOneStar), BookOf({MakeDeliberation(2026)}));
  ASSERT_FALSE(tax.has_value());
  EXPECT_THAT(Fields(tax.error()), ElementsAre("/exempt"));
}

TEST(StayTax, RefusesCategoriesStartingAfterArrivalOrOutOfOrder) {
  RateBook book = BookOf({MakeDeliberation(2026)});
  auto late = Compute(MakeStay(On(2026, 5, 1), 1, 1), {{On(2026, 5, 2), Category::kOneStar}}, book);
  ASSERT_FALSE(late.has_value());
  EXPECT_THAT(Fields(late.error()), ElementsAre("/category"));
  auto unsorted =
      Compute(MakeStay(On(2026, 5, 1), 1, 1),
              {{On(2026, 1, 2), Category::kOneStar}, {On(2026, 1, 1), Category::kTwoStars}}, book);
  ASSERT_FALSE(unsorted.has_value());
  EXPECT_THAT(Fields(unsorted.error()), ElementsAre("/category"));
}

TEST(LowRentExemption, NeedsARentThresholdInTheDeliberation) {
  Stay stay = MakeStay(On(2026, 5, 1), 1, 2, Cents(1000));
  stay.exempt.low_rent = 1;
  auto refused = Compute(stay, Always(Category::kOneStar), BookOf({MakeDeliberation(2026)}));
  ASSERT_FALSE(refused.has_value());
  EXPECT_THAT(Fields(refused.error()), ElementsAre("/exempt/low_rent"));

  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.low_rent_threshold = Cents(1500);
  auto accepted = Compute(stay, Always(Category::kOneStar), BookOf({deliberation}));
  ASSERT_TRUE(accepted.has_value());
  EXPECT_EQ(accepted->taxable_persons, 1);
}

TEST(LowRentExemption, NeedsAPriceStrictlyBelowTheThreshold) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.low_rent_threshold = Cents(1500);
  Stay stay = MakeStay(On(2026, 5, 1), 1, 2, Cents(1500));
  stay.exempt.low_rent = 2;
  auto refused = Compute(stay, Always(Category::kOneStar), BookOf({deliberation}));
  ASSERT_FALSE(refused.has_value());
  EXPECT_THAT(Fields(refused.error()), ElementsAre("/exempt/low_rent"));
  stay.price_per_night = Cents(1499);
  EXPECT_TRUE(Compute(stay, Always(Category::kOneStar), BookOf({deliberation})).has_value());
}

TEST(LowRentExemption, NeedsThePriceEvenForAClassifiedStay) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.low_rent_threshold = Cents(1500);
  Stay stay = MakeStay(On(2026, 5, 1), 1, 2);
  stay.exempt.low_rent = 1;
  auto refused = Compute(stay, Always(Category::kOneStar), BookOf({deliberation}));
  ASSERT_FALSE(refused.has_value());
  EXPECT_THAT(Fields(refused.error()), ElementsAre("/price_per_night_cents"));
  EXPECT_THAT(refused.error().field_errors[0].message, HasSubstr("15,00"));
}

TEST(RoundingMode, HasStableNames) {
  EXPECT_EQ(RoundingModeName(RoundingMode::kPerLine), "per_line");
  EXPECT_EQ(RoundingModeName(RoundingMode::kPerPersonNight), "per_person_night");
  EXPECT_EQ(ParseRoundingMode("per_person_night"), RoundingMode::kPerPersonNight);
  EXPECT_EQ(ParseRoundingMode("per_line"), RoundingMode::kPerLine);
  EXPECT_FALSE(ParseRoundingMode("PerLine").has_value());
}

TEST(ExactCents, RoundsHalfUpToTheCent) {
  EXPECT_EQ((ExactCents{225, 10}).RoundedHalfUp(), Cents(23));  // 22,5 → 23
  EXPECT_EQ((ExactCents{224, 10}).RoundedHalfUp(), Cents(22));
  EXPECT_EQ((ExactCents{1, 3}).RoundedHalfUp(), Cents(0));
  EXPECT_EQ((ExactCents{2, 3}).RoundedHalfUp(), Cents(1));
  EXPECT_EQ((ExactCents{7, 1}).RoundedHalfUp(), Cents(7));
  EXPECT_TRUE((ExactCents{1, 2}) == (ExactCents{2, 4}));
}

}  // namespace
}  // namespace nuitee::rates
