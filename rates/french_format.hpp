// French number, money, percentage and date formats for the messages and explanations a host
// reads: "1 234,56 €", "4,4 %", "01/07/2026", "≈ 0,3333 €".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "rates/basis_points.hpp"
#include "rates/category.hpp"
#include "rates/exact_cents.hpp"

namespace nuitee::rates {

std::string FormatCount(std::int64_t count);  // "10 980"
// value ÷ 10^decimals with trailing zeros dropped: FormatScaled(426, 1) = "42,6".
std::string FormatScaled(std::int64_t value, int decimals);
std::string FormatEuros(Money amount);  // "6 917,40 €"
// Whole cents as FormatEuros; otherwise up to 4 decimals ("0,225 €"), or "≈ 0,3333 €" when the
// value has more.
std::string FormatExactEuros(const ExactCents& amount);
std::string FormatPercent(BasisPoints rate);  // "5 %", "4,4 %", "0,25 %"
std::string FormatFrenchDate(Day day);        // "01/07/2026"
// "1 nuit", "7 nuits": the count and the noun agreeing with it.
std::string CountOf(std::int64_t count, std::string_view singular, std::string_view plural);
// The category as a host names it: "palace", "4 étoiles", "camping 1 et 2 étoiles", "non classé".
std::string_view CategoryLabel(Category category);

}  // namespace nuitee::rates
