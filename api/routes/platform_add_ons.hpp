// The additional taxes in force on a night, as the platform routes need them: the ledger party of
// each beneficiary (docs/ledger.md) and its rate, from the deliberation of the night's year.
#pragma once

#include <vector>

#include "domain/core/dates.hpp"
#include "domain/money/platform_tax_split.hpp"
#include "rates/rate_book.hpp"

namespace nuitee::api {

// None without a deliberation for the night's year (taxe-de-sejour.md §5: add-ons apply to the
// tax a deliberation institutes).
std::vector<AddOnRate> AddOnsInForce(const rates::RateBook& book, Day night);

}  // namespace nuitee::api
