// Au réel or au forfait (CGCT L. 2333-26 II): the deliberation chooses the regime per nature of
// accommodation. A stay only has a tax of its own au réel: under the forfait the host owes
// capacity × tariff × nights open whatever the occupancy (L. 2333-40 ff., flat_rate_tax.hpp).
// Unclassified lodging is always au réel (LF 2020 art. 112).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "rates/deliberation.hpp"
#include "rates/rate_book.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee::rates {

// Whether a night of `nature` (a domain nature code: "hotel", "camping", …) in `category` is under
// the forfait of `deliberation`.
bool IsUnderForfait(const Deliberation& deliberation, std::string_view nature, Category category);

// The first year in which some night of the stay is under the forfait, if any; years without a
// deliberation are left to the engine, which refuses them. `categories` as for ComputeStayTax.
std::optional<int> ForfaitYearOf(const Stay& stay, std::span<const CategoryFrom> categories,
                                 std::string_view nature, const RateBook& book);

// The French sentence that refuses to compute a stay under the forfait.
std::string ForfaitRefusal(std::string_view nature_label, int year);

}  // namespace nuitee::rates
