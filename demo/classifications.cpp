// Classification decisions: ranks as they are spread in a rural destination (meublés mostly 2–3★),
// and decision dates that give the demo expired and soon-expiring classifications.
#include "demo/classifications.hpp"

#include <array>

#include "demo/calendar.hpp"
#include "demo/names.hpp"

namespace nuitee::demo {
namespace {

constexpr int kSoonExpiring = 4;  // the first classifications drawn expire within 60 days
constexpr int kExpired = 4;       // the next ones are surely expired; later ones may be too

int ClassifiedPercent(Nature nature) {
  switch (nature) {
    case Nature::kHotel:
      return 100;
    case Nature::kHolidayVillage:
      return 80;
    case Nature::kCamping:
      return 75;
    case Nature::kFurnishedRental:
      return 37;
    default:
      return 0;  // chambres d'hôtes and the others have no stars
  }
}

Rank RandomRank(DemoRandom& random, Nature nature) {
  using Weights = std::array<int, 5>;  // 1★ to 5★
  Weights weights{8, 35, 40, 14, 3};
  if (nature == Nature::kHotel) weights = {0, 50, 50, 0, 0};
  if (nature == Nature::kCamping) weights = {0, 25, 50, 25, 0};
  if (nature == Nature::kHolidayVillage) weights = {0, 20, 50, 30, 0};
  return Rank{static_cast<int>(random.Weighted(weights)) + 1, false};
}

Day DecisionDay(DemoRandom& random, int nth, Day today) {
  const Day five_years_ago = ShiftYears(today, -5);
  // Decided five years ago plus a few days: the validity ends 5 to 50 days after today.
  if (nth < kSoonExpiring) return AddDays(five_years_ago, 6 + 15 * nth);
  const Day seven_years_ago = ShiftYears(today, -7);
  if (nth < kSoonExpiring + kExpired) {
    return random.DayBetween(seven_years_ago, AddDays(five_years_ago, -30));
  }
  return random.DayBetween(seven_years_ago, AddDays(today, -20));
}

}  // namespace

std::vector<Classification> MakeClassifications(DemoRandom& random,
                                                std::vector<Accommodation>& accommodations,
                                                Day today) {
  std::vector<std::size_t> classified;
  for (std::size_t i = 0; i < accommodations.size(); ++i) {
    const Accommodation& accommodation = accommodations[i];
    if (!accommodation.ceased_on && random.Percent(ClassifiedPercent(accommodation.nature))) {
      classified.push_back(i);
    }
  }
  random.Shuffle(classified);  // so that the expiring ones are not all hotels
  std::vector<Classification> classifications;
  for (std::size_t nth = 0; nth < classified.size(); ++nth) {
    Accommodation& accommodation = accommodations[classified[nth]];
    Classification classification;
    classification.accommodation_id = accommodation.id;
    classification.rank = RandomRank(random, accommodation.nature);
    classification.decided_on = DecisionDay(random, static_cast<int>(nth), today);
    classification.expires_on = DefaultExpiry(classification.decided_on);
    classification.body = std::string(random.Pick(ClassificationBodies()));
    // A lodging is visited once it lets: it opened at least two months before its decision.
    const Day latest_opening = AddDays(classification.decided_on, -60);
    if (accommodation.opened_on && *accommodation.opened_on > latest_opening) {
      accommodation.opened_on = AddDays(latest_opening, -random.Between(0, 900));
    }
    classifications.push_back(std::move(classification));
  }
  return classifications;
}

}  // namespace nuitee::demo
