// Classification validity, expiry arithmetic and the category it gives.
#include "domain/classification.hpp"

namespace nuitee {

std::string RankName(Rank rank) { return rank.palace ? "palace" : std::to_string(rank.stars); }

std::optional<Rank> ParseRank(std::string_view name) {
  if (name == "palace") return Rank{0, true};
  if (name.size() == 1 && name[0] >= '1' && name[0] <= '5') return Rank{name[0] - '0', false};
  return std::nullopt;
}

Day DefaultExpiry(Day decided_on) {
  const date::year anniversary_year = decided_on.year() + date::years{5};
  Day anniversary{anniversary_year, decided_on.month(), decided_on.day()};
  // 29 February without a leap year: the anniversary falls on 1 March.
  if (!anniversary.ok()) anniversary = Day{anniversary_year, date::March, date::day{1}};
  return AddDays(anniversary, -1);
}

Status ValidateRank(Nature nature, Rank rank) {
  if (!rank.palace && (rank.stars < 1 || rank.stars > 5)) {
    return Fail(Error::InvalidArgument("/rank", "Le classement va de 1 à 5 étoiles, ou « palace »."));
  }
  switch (nature) {
    case Nature::kHotel:
      return {};
    case Nature::kPalace:
      // A palace is a 5★ hotel holding the distinction; without it, it is rated as a 5★ hotel.
      if (rank.palace || rank.stars == 5) return {};
      return Fail(Error::InvalidArgument(
          "/rank", "Un palace est classé « palace » ou, à défaut, 5 étoiles."));
    case Nature::kTouristResidence:
    case Nature::kFurnishedRental:
    case Nature::kHolidayVillage:
    case Nature::kCamping:
      if (rank.palace) {
        return Fail(Error::InvalidArgument(
            "/rank", "La distinction « palace » ne s'accorde qu'aux hôtels de tourisme."));
      }
      return {};
    case Nature::kGuestHouse:
    case Nature::kCamperVanArea:
    case Nature::kMarina:
    case Nature::kHostel:
    case Nature::kOther:
      break;
  }
  return Fail(Error::InvalidArgument(
      "/rank", std::string("Un hébergement de nature « ") + std::string(NatureLabel(nature)) +
                   " » ne fait pas l'objet d'un classement en étoiles."));
}

Status ValidateClassificationDates(Day decided_on, Day expires_on) {
  if (expires_on < decided_on) {
    return Fail(Error::InvalidArgument(
        "/expires_on", "La date d'expiration doit être postérieure à la date de décision."));
  }
  return {};
}

rates::Category ClassifiedCategory(Nature nature, Rank rank) {
  using rates::Category;
  if (rank.palace) return Category::kPalace;
  switch (nature) {
    case Nature::kHolidayVillage:
      return rank.stars >= 4 ? Category::kTwoStars : Category::kOneStar;
    case Nature::kCamping:
      return rank.stars >= 3 ? Category::kCampingHigh : Category::kCampingLow;
    case Nature::kHotel:
    case Nature::kPalace:
    case Nature::kTouristResidence:
    case Nature::kFurnishedRental:
      switch (rank.stars) {
        case 5: return Category::kFiveStars;
        case 4: return Category::kFourStars;
        case 3: return Category::kThreeStars;
        case 2: return Category::kTwoStars;
        default: return Category::kOneStar;
      }
    default:
      return UnclassifiedCategory(nature);
  }
}

rates::Category UnclassifiedCategory(Nature nature) {
  using rates::Category;
  switch (nature) {
    case Nature::kGuestHouse:
    case Nature::kHostel: return Category::kOneStar;
    case Nature::kCamperVanArea: return Category::kCampingHigh;
    case Nature::kMarina:
    case Nature::kCamping: return Category::kCampingLow;
    default: return Category::kUnclassified;
  }
}

const Classification* ClassificationOn(const std::vector<Classification>& history, Day day) {
  // The latest decision taken on or before `day` is the one that counts: a new visit or a
  // downgrade supersedes an earlier decision for good, so when the later one expires the earlier
  // one does not come back. Among decisions of the same day the last recorded wins.
  const Classification* latest = nullptr;
  for (const auto& each : history) {
    if (each.decided_on > day) continue;
    if (latest == nullptr || each.decided_on >= latest->decided_on) latest = &each;
  }
  if (latest == nullptr || latest->expires_on < day) return nullptr;
  return latest;
}

rates::Category CategoryOn(Nature nature, const std::vector<Classification>& history, Day day) {
  const Classification* in_force = ClassificationOn(history, day);
  return in_force ? ClassifiedCategory(nature, in_force->rank) : UnclassifiedCategory(nature);
}

std::vector<rates::CategoryFrom> CategoryTimeline(Nature nature,
                                                  const std::vector<Classification>& history,
                                                  Day first_night, int nights) {
  std::vector<rates::CategoryFrom> timeline;
  timeline.push_back({first_night, CategoryOn(nature, history, first_night)});
  for (int i = 1; i < nights; ++i) {
    const Day night = AddDays(first_night, i);
    const rates::Category category = CategoryOn(nature, history, night);
    if (category != timeline.back().category) timeline.push_back({night, category});
  }
  return timeline;
}

}  // namespace nuitee
