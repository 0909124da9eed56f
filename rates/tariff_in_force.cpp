// Tariffs brought into the legal grid of their year (L. 2333-30, revaluation rule).
#include "rates/tariff_in_force.hpp"

#include <algorithm>

namespace nuitee::rates {

TariffInForce TariffOf(const Deliberation& deliberation, Category category,
                       const LegalGrid* grid) {
  const Money deliberated = deliberation.Tariff(category);
  if (grid == nullptr) return {deliberated, std::nullopt};
  const GridRow& row = grid->Row(category);
  // The grid's values for a category are its floor and ceiling (one value for the fixed rows):
  // the nearest one to a tariff outside them is the bound it crossed.
  const Money applied = std::clamp(deliberated, row.floor, row.ceiling);
  if (applied == deliberated) return {deliberated, std::nullopt};
  return {applied, deliberated};
}

Money HighestTariffInForce(const Deliberation& deliberation, const LegalGrid* grid) {
  if (grid == nullptr) return deliberation.HighestTariff();
  Money highest = Money::Zero();
  for (Category category : kAllCategories) {
    if (category == Category::kUnclassified) continue;
    highest = std::max(highest, TariffOf(deliberation, category, grid).tariff);
  }
  return highest;
}

}  // namespace nuitee::rates
