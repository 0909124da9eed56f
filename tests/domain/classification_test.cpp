// Classification ranks, their five-year validity and the tariff category they give on a day.
#include "domain/classification.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nuitee {
namespace {

using rates::Category;

Day D(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

Rank Stars(int stars) { return Rank{stars, false}; }
constexpr Rank kPalaceRank{0, true};

// --- Rank names ---

TEST(Rank, NamesStarsByTheirCountAndThePalaceByName) {
  EXPECT_EQ(RankName(Stars(1)), "1");
  EXPECT_EQ(RankName(Stars(5)), "5");
  EXPECT_EQ(RankName(kPalaceRank), "palace");
}

TEST(Rank, ParsesEveryNameItGives) {
  for (Rank rank : {Stars(1), Stars(2), Stars(3), Stars(4), Stars(5), kPalaceRank}) {
    auto parsed = ParseRank(RankName(rank));
    ASSERT_TRUE(parsed.has_value()) << RankName(rank);
    EXPECT_EQ(*parsed, rank);
  }
}

TEST(Rank, RejectsUnknownNames) {
  for (const char* name : {"", "0", "6", "9", "55", "1 ", " 1", "Palace", "PALACE", "five", "-1"}) {
    EXPECT_FALSE(ParseRank(name).has_value()) << "'" << name << "'";
  }
}

// --- Expiry ---

struct ExpiryCase {
  Day decided_on;
  Day last_valid_day;
};

class DefaultExpiryTable : public testing::TestWithParam<ExpiryCase> {};

TEST_P(DefaultExpiryTable, IsTheDayBeforeTheFifthAnniversary) {
  EXPECT_EQ(DefaultExpiry(GetParam().decided_on), GetParam().last_valid_day)
      << FormatIsoDate(GetParam().decided_on) << " gave "
      << FormatIsoDate(DefaultExpiry(GetParam().decided_on));
}

INSTANTIATE_TEST_SUITE_P(
    DefaultExpiry, DefaultExpiryTable,
    testing::Values(ExpiryCase{D(2020, 1, 1), D(2024, 12, 31)},  // crosses a year boundary
                    ExpiryCase{D(2025, 6, 15), D(2030, 6, 14)},
                    ExpiryCase{D(2021, 12, 31), D(2026, 12, 30)},
                    ExpiryCase{D(2024, 2, 29), D(2029, 2, 28)},  // leap-day decision
                    ExpiryCase{D(2020, 2, 29), D(2025, 2, 28)},
                    ExpiryCase{D(2024, 2, 28), D(2029, 2, 27)},
                    ExpiryCase{D(2024, 3, 1), D(2029, 2, 28)},  // 2029 is not a leap year
                    ExpiryCase{D(2023, 3, 1), D(2028, 2, 29)},  // 2028 is one
                    ExpiryCase{D(2022, 3, 1), D(2027, 2, 28)}));

TEST(ClassificationDates, AcceptsAnExpiryAfterTheDecision) {
  EXPECT_TRUE(ValidateClassificationDates(D(2024, 1, 1), D(2028, 12, 31)).has_value());
}

TEST(ClassificationDates, AcceptsAnExpiryOnTheDecisionDay) {
  EXPECT_TRUE(ValidateClassificationDates(D(2024, 1, 1), D(2024, 1, 1)).has_value());
}

TEST(ClassificationDates, RefusesAnExpiryBeforeTheDecision) {
  auto result = ValidateClassificationDates(D(2024, 1, 2), D(2024, 1, 1));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].field, "/expires_on");
}

// --- Ranks allowed per nature ---

struct RankCase {
  Nature nature;
  Rank rank;
  bool allowed;
};

class RankPerNature : public testing::TestWithParam<RankCase> {};

TEST_P(RankPerNature, IsAllowedOnlyWhereTheLawClassifies) {
  auto result = ValidateRank(GetParam().nature, GetParam().rank);
  EXPECT_EQ(result.has_value(), GetParam().allowed)
      << NatureName(GetParam().nature) << " " << RankName(GetParam().rank);
  if (!result) {
    ASSERT_EQ(result.error().field_errors.size(), 1u);
    EXPECT_EQ(result.error().field_errors[0].field, "/rank");
  }
}

std::vector<RankCase> RankCases() {
  std::vector<RankCase> cases;
  for (Nature nature : kAllNatures) {
    const bool has_stars = nature == Nature::kHotel || nature == Nature::kPalace ||
                           nature == Nature::kTouristResidence ||
                           nature == Nature::kFurnishedRental ||
                           nature == Nature::kHolidayVillage || nature == Nature::kCamping;
    const bool may_be_palace = nature == Nature::kHotel || nature == Nature::kPalace;
    for (int stars = 0; stars <= 6; ++stars) {
      // A palace without its distinction is rated as the 5★ hotel it is, never lower.
      const bool allowed_stars = nature == Nature::kPalace ? stars == 5 : stars >= 1 && stars <= 5;
      cases.push_back({nature, Stars(stars), has_stars && allowed_stars});
    }
    cases.push_back({nature, kPalaceRank, may_be_palace});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(ValidateRank, RankPerNature, testing::ValuesIn(RankCases()));

TEST(ValidateRank, ExplainsTheStarRange) {
  auto result = ValidateRank(Nature::kHotel, Stars(6));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().field_errors[0].message,
            "Le classement va de 1 à 5 étoiles, ou « palace ».");
}

TEST(ValidateRank, ExplainsThatOnlyHotelsArePalaces) {
  auto result = ValidateRank(Nature::kFurnishedRental, kPalaceRank);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().field_errors[0].message,
            "La distinction « palace » ne s'accorde qu'aux hôtels de tourisme.");
}

TEST(ValidateRank, NamesTheNatureThatIsNeverClassified) {
  auto result = ValidateRank(Nature::kGuestHouse, Stars(3));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().field_errors[0].message,
            "Un hébergement de nature « Chambre d'hôtes » ne fait pas l'objet d'un classement en "
            "étoiles.");
}

// --- Category of a classified accommodation (L. 2333-30 rows) ---

struct CategoryCase {
  Nature nature;
  Rank rank;
  Category category;
};

class ClassifiedCategoryTable : public testing::TestWithParam<CategoryCase> {};

TEST_P(ClassifiedCategoryTable, FollowsTheLegalTable) {
  EXPECT_EQ(ClassifiedCategory(GetParam().nature, GetParam().rank), GetParam().category)
      << NatureName(GetParam().nature) << " " << RankName(GetParam().rank) << " gave "
      << rates::CategoryName(ClassifiedCategory(GetParam().nature, GetParam().rank));
}

INSTANTIATE_TEST_SUITE_P(
    ClassifiedCategory, ClassifiedCategoryTable,
    testing::Values(
        CategoryCase{Nature::kHotel, kPalaceRank, Category::kPalace},
        CategoryCase{Nature::kPalace, kPalaceRank, Category::kPalace},
        CategoryCase{Nature::kHotel, Stars(5), Category::kFiveStars},
        CategoryCase{Nature::kHotel, Stars(4), Category::kFourStars},
        CategoryCase{Nature::kHotel, Stars(3), Category::kThreeStars},
        CategoryCase{Nature::kHotel, Stars(2), Category::kTwoStars},
        CategoryCase{Nature::kHotel, Stars(1), Category::kOneStar},
        CategoryCase{Nature::kTouristResidence, Stars(5), Category::kFiveStars},
        CategoryCase{Nature::kTouristResidence, Stars(2), Category::kTwoStars},
        CategoryCase{Nature::kFurnishedRental, Stars(4), Category::kFourStars},
        CategoryCase{Nature::kFurnishedRental, Stars(3), Category::kThreeStars},
        CategoryCase{Nature::kFurnishedRental, Stars(1), Category::kOneStar},
        // Row 5 holds holiday villages 4 and 5★ (not row 4, despite a service-public copy).
        CategoryCase{Nature::kHolidayVillage, Stars(5), Category::kTwoStars},
        CategoryCase{Nature::kHolidayVillage, Stars(4), Category::kTwoStars},
        // Row 6 holds holiday villages 1, 2 and 3★.
        CategoryCase{Nature::kHolidayVillage, Stars(3), Category::kOneStar},
        CategoryCase{Nature::kHolidayVillage, Stars(2), Category::kOneStar},
        CategoryCase{Nature::kHolidayVillage, Stars(1), Category::kOneStar},
        // Row 7: campings 3, 4 and 5★; row 8: campings 1 and 2★.
        CategoryCase{Nature::kCamping, Stars(5), Category::kCampingHigh},
        CategoryCase{Nature::kCamping, Stars(4), Category::kCampingHigh},
        CategoryCase{Nature::kCamping, Stars(3), Category::kCampingHigh},
        CategoryCase{Nature::kCamping, Stars(2), Category::kCampingLow},
        CategoryCase{Nature::kCamping, Stars(1), Category::kCampingLow},
        // Natures without stars keep their fixed row whatever rank is recorded.
        CategoryCase{Nature::kGuestHouse, Stars(3), Category::kOneStar},
        CategoryCase{Nature::kHostel, Stars(5), Category::kOneStar},
        CategoryCase{Nature::kCamperVanArea, Stars(1), Category::kCampingHigh},
        CategoryCase{Nature::kMarina, Stars(5), Category::kCampingLow},
        CategoryCase{Nature::kOther, Stars(4), Category::kUnclassified}));

TEST(ClassifiedCategory, NamesTheLegalRowsAsTheApiDoes) {
  EXPECT_EQ(rates::CategoryName(ClassifiedCategory(Nature::kHolidayVillage, Stars(4))),
            "star2");
  EXPECT_EQ(rates::CategoryName(ClassifiedCategory(Nature::kCamping, Stars(2))),
            "camping_1_2");
  EXPECT_EQ(rates::CategoryName(ClassifiedCategory(Nature::kPalace, kPalaceRank)), "palace");
}

// --- Category without a classification ---

struct UnclassifiedCase {
  Nature nature;
  Category category;
};

class UnclassifiedCategoryTable : public testing::TestWithParam<UnclassifiedCase> {};

TEST_P(UnclassifiedCategoryTable, KeepsFixedRowsAndSendsTheRestToRowNine) {
  EXPECT_EQ(UnclassifiedCategory(GetParam().nature), GetParam().category)
      << NatureName(GetParam().nature);
}

INSTANTIATE_TEST_SUITE_P(
    UnclassifiedCategory, UnclassifiedCategoryTable,
    testing::Values(UnclassifiedCase{Nature::kGuestHouse, Category::kOneStar},
                    UnclassifiedCase{Nature::kHostel, Category::kOneStar},
                    UnclassifiedCase{Nature::kCamperVanArea, Category::kCampingHigh},
                    UnclassifiedCase{Nature::kCamping, Category::kCampingLow},
                    UnclassifiedCase{Nature::kMarina, Category::kCampingLow},
                    UnclassifiedCase{Nature::kHotel, Category::kUnclassified},
                    UnclassifiedCase{Nature::kPalace, Category::kUnclassified},
                    UnclassifiedCase{Nature::kTouristResidence, Category::kUnclassified},
                    UnclassifiedCase{Nature::kFurnishedRental, Category::kUnclassified},
                    UnclassifiedCase{Nature::kHolidayVillage, Category::kUnclassified},
                    UnclassifiedCase{Nature::kOther, Category::kUnclassified}));

// --- Category on a day ---

Classification Decision(Rank rank, Day decided_on, Day expires_on, std::string id = "c1") {
  Classification classification;
  classification.id = ClassificationId(std::move(id));
  classification.accommodation_id = AccommodationId("a1");
  classification.rank = rank;
  classification.decided_on = decided_on;
  classification.expires_on = expires_on;
  classification.body = "Organisme évaluateur accrédité";
  return classification;
}

TEST(CategoryOn, IsUnclassifiedWithoutAnyDecision) {
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, {}, D(2025, 7, 14)), Category::kUnclassified);
  EXPECT_EQ(CategoryOn(Nature::kCamping, {}, D(2025, 7, 14)), Category::kCampingLow);
  EXPECT_EQ(ClassificationOn({}, D(2025, 7, 14)), nullptr);
}

TEST(CategoryOn, StartsOnTheDecisionDay) {
  const std::vector<Classification> history = {
      Decision(Stars(3), D(2020, 1, 1), DefaultExpiry(D(2020, 1, 1)))};
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2019, 12, 31)),
            Category::kUnclassified);
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2020, 1, 1)), Category::kThreeStars);
}

TEST(CategoryOn, HoldsThroughTheLastValidDayAndLapsesTheDayAfter) {
  const std::vector<Classification> history = {
      Decision(Stars(3), D(2020, 1, 1), DefaultExpiry(D(2020, 1, 1)))};
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2024, 12, 31)), Category::kThreeStars);
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2025, 1, 1)), Category::kUnclassified);
}

TEST(CategoryOn, LapsesALeapDayDecisionAfterTheTwentyEighthOfFebruary) {
  const std::vector<Classification> history = {
      Decision(Stars(4), D(2024, 2, 29), DefaultExpiry(D(2024, 2, 29)))};
  EXPECT_EQ(CategoryOn(Nature::kHotel, history, D(2029, 2, 28)), Category::kFourStars);
  EXPECT_EQ(CategoryOn(Nature::kHotel, history, D(2029, 3, 1)), Category::kUnclassified);
}

TEST(CategoryOn, FallsBackToTheFixedRowOfOutdoorLodgingOnExpiry) {
  const std::vector<Classification> history = {
      Decision(Stars(4), D(2020, 5, 1), DefaultExpiry(D(2020, 5, 1)))};
  EXPECT_EQ(CategoryOn(Nature::kCamping, history, D(2025, 4, 30)), Category::kCampingHigh);
  EXPECT_EQ(CategoryOn(Nature::kCamping, history, D(2025, 5, 1)), Category::kCampingLow);
}

TEST(CategoryOn, LetsALaterDecisionSupersedeOneStillRunning) {
  // A 4★ decision, then a downgrade to 2★ after a new visit, both "running" by their dates.
  const std::vector<Classification> history = {
      Decision(Stars(4), D(2020, 1, 1), DefaultExpiry(D(2020, 1, 1)), "first"),
      Decision(Stars(2), D(2022, 6, 1), DefaultExpiry(D(2022, 6, 1)), "downgrade")};
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2022, 5, 31)), Category::kFourStars);
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2022, 6, 1)), Category::kTwoStars);
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2024, 12, 31)), Category::kTwoStars);
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2027, 5, 31)), Category::kTwoStars);
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2027, 6, 1)), Category::kUnclassified);
}

TEST(CategoryOn, DoesNotDependOnTheOrderOfTheHistory) {
  const std::vector<Classification> history = {
      Decision(Stars(2), D(2022, 6, 1), DefaultExpiry(D(2022, 6, 1)), "downgrade"),
      Decision(Stars(4), D(2020, 1, 1), DefaultExpiry(D(2020, 1, 1)), "first")};
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2022, 5, 31)), Category::kFourStars);
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2023, 1, 1)), Category::kTwoStars);
}

TEST(CategoryOn, IgnoresADecisionTakenAfterTheDay) {
  const std::vector<Classification> history = {
      Decision(kPalaceRank, D(2026, 1, 1), DefaultExpiry(D(2026, 1, 1)))};
  EXPECT_EQ(CategoryOn(Nature::kHotel, history, D(2025, 12, 31)), Category::kUnclassified);
  EXPECT_EQ(CategoryOn(Nature::kHotel, history, D(2026, 1, 1)), Category::kPalace);
}

TEST(CategoryOn, ResumesTheClassifiedRowWhenARenewalFollowsAGap) {
  const std::vector<Classification> history = {
      Decision(Stars(3), D(2018, 1, 1), DefaultExpiry(D(2018, 1, 1)), "first"),
      Decision(Stars(3), D(2023, 3, 1), DefaultExpiry(D(2023, 3, 1)), "renewal")};
  EXPECT_EQ(CategoryOn(Nature::kTouristResidence, history, D(2022, 12, 31)), Category::kThreeStars);
  EXPECT_EQ(CategoryOn(Nature::kTouristResidence, history, D(2023, 1, 1)), Category::kUnclassified);
  EXPECT_EQ(CategoryOn(Nature::kTouristResidence, history, D(2023, 3, 1)), Category::kThreeStars);
}

TEST(ClassificationOn, ReturnsTheDecisionInForce) {
  const std::vector<Classification> history = {
      Decision(Stars(4), D(2020, 1, 1), DefaultExpiry(D(2020, 1, 1)), "first"),
      Decision(Stars(2), D(2022, 6, 1), DefaultExpiry(D(2022, 6, 1)), "downgrade")};
  const Classification* before = ClassificationOn(history, D(2021, 1, 1));
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(before->id.value(), "first");
  const Classification* after = ClassificationOn(history, D(2023, 1, 1));
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->id.value(), "downgrade");
  EXPECT_EQ(after, &history[1]);
}

TEST(ClassificationOn, DoesNotReviveASupersededDecisionWhenTheLaterOneEnds) {
  // The 4★ decision runs to 2024-12-31; a downgrade of 2022-06-01 was recorded with a short
  // validity ending 2023-05-31. Once superseded, the 4★ decision is no longer in force: from
  // 2023-06-01 the lodging is unclassified, not 4★ again.
  const std::vector<Classification> history = {
      Decision(Stars(4), D(2020, 1, 1), D(2024, 12, 31), "first"),
      Decision(Stars(2), D(2022, 6, 1), D(2023, 5, 31), "downgrade")};
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2023, 5, 31)), Category::kTwoStars);
  EXPECT_EQ(ClassificationOn(history, D(2023, 6, 1)), nullptr);
  EXPECT_EQ(CategoryOn(Nature::kFurnishedRental, history, D(2023, 6, 1)), Category::kUnclassified);
}

// --- Category of each night of a stay ---

TEST(CategoryTimeline, IsOneEntryOnTheFirstNightWhenNothingChanges) {
  const std::vector<Classification> history = {
      Decision(Stars(3), D(2024, 1, 1), DefaultExpiry(D(2024, 1, 1)))};
  const auto timeline = CategoryTimeline(Nature::kFurnishedRental, history, D(2026, 7, 1), 7);
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].from, D(2026, 7, 1));
  EXPECT_EQ(timeline[0].category, Category::kThreeStars);
}

TEST(CategoryTimeline, ChangesTheNightAfterAClassificationExpires) {
  const std::vector<Classification> history = {Decision(Stars(3), D(2021, 7, 4), D(2026, 7, 3))};
  const auto timeline = CategoryTimeline(Nature::kFurnishedRental, history, D(2026, 7, 1), 5);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[0].from, D(2026, 7, 1));
  EXPECT_EQ(timeline[0].category, Category::kThreeStars);
  EXPECT_EQ(timeline[1].from, D(2026, 7, 4));
  EXPECT_EQ(timeline[1].category, Category::kUnclassified);
}

TEST(CategoryTimeline, FollowsADecisionTakenMidStay) {
  const std::vector<Classification> history = {
      Decision(Stars(4), D(2026, 8, 3), DefaultExpiry(D(2026, 8, 3)))};
  const auto camping = CategoryTimeline(Nature::kCamping, history, D(2026, 8, 1), 4);
  ASSERT_EQ(camping.size(), 2u);
  EXPECT_EQ(camping[0].category, Category::kCampingLow);  // unclassified camping: row 8
  EXPECT_EQ(camping[1].from, D(2026, 8, 3));
  EXPECT_EQ(camping[1].category, Category::kCampingHigh);  // 4★ camping: row 7
  const auto hotel = CategoryTimeline(Nature::kHotel, history, D(2026, 8, 1), 4);
  ASSERT_EQ(hotel.size(), 2u);
  EXPECT_EQ(hotel[0].category, Category::kUnclassified);
  EXPECT_EQ(hotel[1].category, Category::kFourStars);
}

TEST(CategoryTimeline, KeepsOneEntryWhenADecisionGivesTheSameRow) {
  // A 2★ camping sits in row 8 like an unclassified one: nothing changes for the tax.
  const std::vector<Classification> history = {
      Decision(Stars(2), D(2026, 8, 3), DefaultExpiry(D(2026, 8, 3)))};
  const auto timeline = CategoryTimeline(Nature::kCamping, history, D(2026, 8, 1), 4);
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].category, Category::kCampingLow);
}

TEST(CategoryTimeline, MergesNightsOfTheSameCategoryAcrossSuccessiveDecisions) {
  const std::vector<Classification> history = {
      Decision(Stars(4), D(2021, 1, 1), D(2026, 3, 1), "first"),
      Decision(Stars(4), D(2026, 3, 2), DefaultExpiry(D(2026, 3, 2)), "renewal")};
  const auto timeline = CategoryTimeline(Nature::kHotel, history, D(2026, 2, 27), 6);
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].category, Category::kFourStars);
}

TEST(CategoryTimeline, GivesTheFirstNightsCategoryForAStayWithoutNights) {
  const auto timeline = CategoryTimeline(Nature::kGuestHouse, {}, D(2026, 5, 1), 0);
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].from, D(2026, 5, 1));
  EXPECT_EQ(timeline[0].category, Category::kOneStar);
}

}  // namespace
}  // namespace nuitee
