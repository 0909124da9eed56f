// Classification of an accommodation (stars or the palace distinction) and the tariff category it
// gives on a date.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/nature.hpp"
#include "rates/category.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee {

// One to five stars, or the palace distinction (which is awarded to 5★ hotels).
struct Rank {
  int stars = 0;         // 1–5 when !palace
  bool palace = false;
  friend bool operator==(const Rank&, const Rank&) = default;
};
std::string RankName(Rank rank);                        // "1".."5", "palace"
std::optional<Rank> ParseRank(std::string_view name);

struct Classification {
  ClassificationId id;
  AccommodationId accommodation_id;
  Rank rank;
  Day decided_on;
  Day expires_on;        // last day the classification is valid (inclusive)
  std::string body;      // organisme évaluateur or body that classified
};

// Classifications are valid five years (Code du tourisme D. 324-4 for meublés, D. 311-7 hotels):
// the last valid day is the day before the fifth anniversary of the decision. A decision of
// 29 February keeps its validity until 28 February of the fifth year.
Day DefaultExpiry(Day decided_on);

// Whether `nature` can be classified with `rank`; a French message on the field "/rank" otherwise.
Status ValidateRank(Nature nature, Rank rank);
Status ValidateClassificationDates(Day decided_on, Day expires_on);

// The category of a classified accommodation (L. 2333-30 table): e.g. a 4★ holiday village
// falls in row 5, a 2★ camping in row 8.
rates::Category ClassifiedCategory(Nature nature, Rank rank);

// The category without a valid classification: row 9 (proportional rate) except for natures that
// have a fixed row whatever their classification — chambres d'hôtes and auberges collectives
// (row 6), camper-van areas (row 7), marinas (row 8) — and outdoor lodging, which the law excludes
// from row 9. We place unclassified campings in row 8 ("tout autre terrain d'hébergement de plein
// air de caractéristiques équivalentes"), the lowest outdoor row.
rates::Category UnclassifiedCategory(Nature nature);

// The category on `day`: that of the most recent decision taken on or before `day` if it has not
// expired; the unclassified category from the day after expiry (domain reference §9). A superseded
// decision never comes back.
rates::Category CategoryOn(Nature nature, const std::vector<Classification>& history, Day day);

// The classification in force on `day`, if any (history in recording order).
const Classification* ClassificationOn(const std::vector<Classification>& history, Day day);

// The category of each night of a stay of `nights` nights from `first_night`, as the engine reads
// it: one entry on the first night, then one wherever the category changes (a classification that
// expires or starts mid-stay). Never empty; with no night (nights < 1) the first night's category.
std::vector<rates::CategoryFrom> CategoryTimeline(Nature nature,
                                                  const std::vector<Classification>& history,
                                                  Day first_night, int nights);

}  // namespace nuitee
