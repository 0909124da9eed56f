// What the engine asks of a deliberation: the tariff of a category, the cap of row 9, the communes
// and the perception period of a night.
#include "rates/deliberation.hpp"

#include <algorithm>
#include <stdexcept>

namespace nuitee::rates {

Money Deliberation::Tariff(Category category) const {
  if (category == Category::kUnclassified) {
    throw std::logic_error("Deliberation::Tariff: unclassified lodging has a rate, not a tariff");
  }
  return tariffs[LegalRow(category) - 1];
}

// L. 2333-30 (LF 2021 art. 124): row 9 is capped at "le tarif le plus élevé adopté par la
// collectivité", whatever the category.
Money Deliberation::HighestTariff() const {
  return *std::max_element(tariffs.begin(), tariffs.end());
}

bool Deliberation::Covers(std::string_view commune_insee) const {
  return std::find(communes.begin(), communes.end(), commune_insee) != communes.end();
}

const PerceptionPeriod* Deliberation::PeriodOf(Day night) const {
  for (const PerceptionPeriod& period : perception_periods) {
    if (period.Contains(night)) return &period;
  }
  return nullptr;
}

}  // namespace nuitee::rates
