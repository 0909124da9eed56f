// The checks of a stay before its tax is computed: every bad field at once, with its JSON pointer.
#pragma once

#include <span>

#include "domain/core/error.hpp"
#include "rates/rate_book.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee::rates {

// The stay's own values: nights, occupants, exemptions, price, categories, arrival.
FieldErrors CheckStayInput(const Stay& stay, std::span<const CategoryFrom> categories);

// Exemption 4° (L. 2333-31): only where the deliberation of each year of the stay sets a rent
// threshold, and only when the price per night is given and below it. Years without a deliberation are left
// to the engine, which fails on them.
void CheckLowRentExemption(const Stay& stay, const RateBook& book, FieldErrors& errors);

// Whether any night of the stay falls in an unclassified period of `categories` (which must have
// passed CheckStayInput).
bool HasUnclassifiedNight(const Stay& stay, std::span<const CategoryFrom> categories);

}  // namespace nuitee::rates
