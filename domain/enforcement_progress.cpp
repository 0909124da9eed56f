// Whether a month is chased and which step comes next (issue 6; L. 2333-38).
#include "domain/enforcement_progress.hpp"

#include <algorithm>
#include <array>

namespace nuitee {
namespace {

Day Plus(Day day, int days) { return Day{date::sys_days{day} + date::days{days}}; }

constexpr std::array<std::pair<NotChasedReason, std::string_view>, 8> kReasonNames = {{
    {NotChasedReason::kBeforeEnforcement, "before_enforcement"},
    {NotChasedReason::kHostArchived, "host_archived"},
    {NotChasedReason::kNotOpenYet, "not_open_yet"},
    {NotChasedReason::kCeased, "ceased"},
    {NotChasedReason::kClosedAllMonth, "closed_all_month"},
    {NotChasedReason::kDeclared, "declared"},
    {NotChasedReason::kPlatformsOnly, "platforms_only"},
    {NotChasedReason::kOnHold, "on_hold"},
}};

// Whether the closures, taken together, cover every day of the month.
bool ClosedAllMonth(Month month, std::span<const DayRange> closures) {
  Day day = month / date::day{1};
  const Day last = month / date::last;
  while (day <= last) {
    const auto covering = std::find_if(closures.begin(), closures.end(),
                                       [&](const DayRange& range) { return range.Contains(day); });
    if (covering == closures.end()) return false;
    if (covering->to >= last) return true;
    day = Plus(covering->to, 1);
  }
  return true;
}

}  // namespace

std::string_view NotChasedReasonName(NotChasedReason reason) {
  for (const auto& [each, name] : kReasonNames) {
    if (each == reason) return name;
  }
  return "declared";
}

std::optional<NotChasedReason> WhyNotChased(const ChaseFacts& facts) {
  if (!facts.enforcement_from || facts.month < *facts.enforcement_from) {
    return NotChasedReason::kBeforeEnforcement;
  }
  if (facts.host_archived) return NotChasedReason::kHostArchived;
  if (facts.opened_on && *facts.opened_on > facts.month / date::last) {
    return NotChasedReason::kNotOpenYet;
  }
  // Ceasing on the 1st leaves no night in the month; ceasing later leaves nights to declare.
  if (facts.ceased_on && *facts.ceased_on <= facts.month / date::day{1}) {
    return NotChasedReason::kCeased;
  }
  if (ClosedAllMonth(facts.month, facts.closures)) return NotChasedReason::kClosedAllMonth;
  if (facts.declared) return NotChasedReason::kDeclared;
  if (facts.marketing == Marketing::kPlatforms && facts.sworn_statement) {
    return NotChasedReason::kPlatformsOnly;
  }
  if (facts.on_hold) return NotChasedReason::kOnHold;
  return std::nullopt;
}

std::optional<NextStep> FollowingStep(Month month, std::span<const TakenStep> taken,
                                      const DeclarationSettings& declarations,
                                      const EnforcementSettings& settings, Day today) {
  const Day first_reminder_day = *StepDay(EnforcementStep::kFirstReminder, month, declarations,
                                          settings);
  const auto last = std::max_element(
      taken.begin(), taken.end(),
      [](const TakenStep& a, const TakenStep& b) { return a.kind < b.kind; });
  if (last == taken.end()) {
    if (today >= first_reminder_day) return NextStep{EnforcementStep::kFirstReminder, first_reminder_day};
    return NextStep{EnforcementStep::kInvitation,
                    *StepDay(EnforcementStep::kInvitation, month, declarations, settings)};
  }
  if (last->cancelled) return std::nullopt;
  switch (last->kind) {
    case EnforcementStep::kInvitation:
      return NextStep{EnforcementStep::kFirstReminder, first_reminder_day};
    case EnforcementStep::kFirstReminder:
      return NextStep{EnforcementStep::kSecondReminder,
                      Plus(last->taken_on, settings.second_reminder_after_days)};
    case EnforcementStep::kSecondReminder:
      return NextStep{EnforcementStep::kFormalNotice,
                      Plus(last->taken_on, settings.formal_notice_after_days)};
    case EnforcementStep::kFormalNotice:
      if (!last->delivered_on) return std::nullopt;
      return NextStep{EnforcementStep::kAssessment,
                      *StepDay(EnforcementStep::kAssessment, month, declarations, settings,
                               last->delivered_on)};
    case EnforcementStep::kAssessment:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace nuitee
