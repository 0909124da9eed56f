// Names of the rounding conventions, as stored per collectivity and shown in the API.
#include "rates/rounding.hpp"

namespace nuitee::rates {

std::string_view RoundingModeName(RoundingMode mode) {
  switch (mode) {
    case RoundingMode::kPerLine:
      return "per_line";
    case RoundingMode::kPerPersonNight:
      return "per_person_night";
  }
  return "per_line";
}

std::optional<RoundingMode> ParseRoundingMode(std::string_view name) {
  for (RoundingMode mode : {RoundingMode::kPerLine, RoundingMode::kPerPersonNight}) {
    if (RoundingModeName(mode) == name) return mode;
  }
  return std::nullopt;
}

}  // namespace nuitee::rates
