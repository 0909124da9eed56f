// Names of the declaration settings, as the API and the database spell them.
#include "domain/declaration_settings.hpp"

namespace nuitee {

std::string_view StayMonthRuleName(StayMonthRule rule) {
  return rule == StayMonthRule::kDepartureMonth ? "departure_month" : "split_by_month";
}

std::optional<StayMonthRule> ParseStayMonthRule(std::string_view name) {
  if (name == "departure_month") return StayMonthRule::kDepartureMonth;
  if (name == "split_by_month") return StayMonthRule::kSplitByMonth;
  return std::nullopt;
}

std::string_view RemittanceFrequencyName(RemittanceFrequency frequency) {
  switch (frequency) {
    case RemittanceFrequency::kMonthly:
      return "monthly";
    case RemittanceFrequency::kQuarterly:
      return "quarterly";
    case RemittanceFrequency::kPerceptionPeriod:
      return "perception_period";
  }
  return "monthly";
}

std::optional<RemittanceFrequency> ParseRemittanceFrequency(std::string_view name) {
  for (RemittanceFrequency each : {RemittanceFrequency::kMonthly, RemittanceFrequency::kQuarterly,
                                   RemittanceFrequency::kPerceptionPeriod}) {
    if (RemittanceFrequencyName(each) == name) return each;
  }
  return std::nullopt;
}

}  // namespace nuitee
