// The synthesis of nights (synthèse des nuitées) of a collectivity: person-nights, taxable and
// exempt by reason, and tax declared, over the latest revision of every declared month, grouped
// by the dimensions a referent or finance asks for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

enum class NightDimension { kMonth, kCommune, kCategory, kNature, kCollector };

// One group. Only the dimensions grouped by are set.
struct NightSynthesisRow {
  std::optional<Month> month;
  std::optional<std::string> commune_insee_code;
  std::optional<std::string> category;   // category code ("star3")
  std::optional<std::string> nature;     // nature code ("furnished_rental")
  std::optional<std::string> collector;  // "host", "airbnb"...
  long long stays = 0;
  long long nights = 0;
  long long person_nights = 0;
  long long taxable_person_nights = 0;
  long long exempt_minors_person_nights = 0;
  long long exempt_seasonal_workers_person_nights = 0;
  long long exempt_emergency_housing_person_nights = 0;
  long long exempt_low_rent_person_nights = 0;
  Money tax = Money::Zero();
  Money additional = Money::Zero();
  Money total = Money::Zero();
};

class NightSynthesisRepository {
 public:
  // Months of declarations in [from, to]; groups ordered by the dimensions, in the order given.
  // No dimension: one row, the totals.
  static std::vector<NightSynthesisRow> Synthesis(Transaction& tx,
                                                  const CollectivityId& collectivity, Month from,
                                                  Month to,
                                                  const std::vector<NightDimension>& group_by);
};

}  // namespace nuitee::persistence
