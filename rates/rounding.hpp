// The one rounding step of a tax computation, chosen per collectivity.
//
// No legal rounding rule for a stay's amount was found (taxe-de-sejour.md §3, UNCONFIRMED), so both
// conventions in use are offered and every result records which one produced it.
#pragma once

#include <optional>
#include <string_view>

namespace nuitee::rates {

enum class RoundingMode {
  // Default. Each part of a line (the tax, each additional tax) is computed exactly over the whole
  // line and rounded half-up to the cent once.
  kPerLine,
  // Paris's published tables: the tax per person-night is rounded half-up to the cent, each
  // additional tax per person-night is rounded from that rounded tax, then multiplied out.
  kPerPersonNight,
};

std::string_view RoundingModeName(RoundingMode mode);  // "per_line", "per_person_night"
std::optional<RoundingMode> ParseRoundingMode(std::string_view name);

}  // namespace nuitee::rates
