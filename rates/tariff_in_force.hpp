// The tariff a night is charged at, which is not always the one the deliberation wrote.
//
// L. 2333-30 (revaluation rule, LFR 2016; same rows for the forfait, L. 2333-41): the legal grid is
// revalued every year, and "if revaluation leaves an adopted tariff outside the grid, the nearest
// grid value (immediately lower/higher) applies for that year" (taxe-de-sejour.md §2). A
// deliberation is checked against the grid in force when it is stored, but the official grid of
// its year may be loaded later and differ from the one shipped (the 2026 5★ ceiling: 3,40 € or
// 3,50 €): the engine therefore brings every tariff into the grid of the night's year.
#pragma once

#include <optional>

#include "domain/core/money.hpp"
#include "rates/category.hpp"
#include "rates/deliberation.hpp"
#include "rates/legal_grid.hpp"

namespace nuitee::rates {

struct TariffInForce {
  Money tariff = Money::Zero();
  // The deliberation's tariff when the grid moved it (tariff is then the nearest grid bound).
  std::optional<Money> deliberated;
};

// `grid` is the grid of the deliberation's year (loaded, else shipped); without one, the
// deliberated tariff applies as written. Precondition: category != kUnclassified.
TariffInForce TariffOf(const Deliberation& deliberation, Category category, const LegalGrid* grid);

// The highest of the eight tariffs as they apply (the cap of row 9 from 2021, LF 2021 art. 124).
Money HighestTariffInForce(const Deliberation& deliberation, const LegalGrid* grid);

}  // namespace nuitee::rates
