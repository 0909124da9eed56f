// The settings of monthly declarations where collectivities differ (docs/decisions.md,
// "Declarations"): the deadline, the reversement frequency and how stays across a month end are
// declared.
#pragma once

#include <optional>
#include <string_view>

namespace nuitee {

enum class StayMonthRule {
  // Default. A stay is declared whole in the month of its departure day (arrival + nights): the
  // host collects the tax before the guest leaves (L. 2333-33), so the register and the money
  // agree.
  kDepartureMonth,
  // Each stay is split at month ends: a month's declaration holds only the nights of that month.
  kSplitByMonth,
};
std::string_view StayMonthRuleName(StayMonthRule rule);  // "departure_month", "split_by_month"
std::optional<StayMonthRule> ParseStayMonthRule(std::string_view name);

// When hosts pay what they collected (L. 2333-34 I: at the dates the deliberation fixes).
enum class RemittanceFrequency { kMonthly, kQuarterly, kPerceptionPeriod };
std::string_view RemittanceFrequencyName(RemittanceFrequency frequency);  // "monthly", "quarterly",
                                                                          // "perception_period"
std::optional<RemittanceFrequency> ParseRemittanceFrequency(std::string_view name);

struct DeclarationSettings {
  int deadline_day = 15;  // a month is due by this day of the following month (1–28)
  RemittanceFrequency remittance = RemittanceFrequency::kMonthly;
  StayMonthRule stay_month_rule = StayMonthRule::kDepartureMonth;
};

}  // namespace nuitee
