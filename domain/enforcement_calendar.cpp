// Days of the enforcement calendar (L. 2333-38).
#include "domain/enforcement_calendar.hpp"

#include <array>

#include "domain/declaration.hpp"

namespace nuitee {
namespace {

Day Plus(Day day, int days) { return Day{date::sys_days{day} + date::days{days}}; }

constexpr std::array<std::pair<EnforcementStep, std::string_view>, 5> kNames = {{
    {EnforcementStep::kInvitation, "invitation"},
    {EnforcementStep::kFirstReminder, "first_reminder"},
    {EnforcementStep::kSecondReminder, "second_reminder"},
    {EnforcementStep::kFormalNotice, "formal_notice"},
    {EnforcementStep::kAssessment, "assessment"},
}};

}  // namespace

std::string_view EnforcementStepName(EnforcementStep step) {
  for (const auto& [each, name] : kNames) {
    if (each == step) return name;
  }
  return "invitation";
}

std::optional<EnforcementStep> ParseEnforcementStep(std::string_view name) {
  for (const auto& [each, known] : kNames) {
    if (known == name) return each;
  }
  return std::nullopt;
}

std::optional<Day> StepDay(EnforcementStep step, Month month,
                           const DeclarationSettings& declarations,
                           const EnforcementSettings& settings,
                           std::optional<Day> notice_delivered_on) {
  const Day first_reminder = Plus(DeclarationDueOn(month, declarations), 1);
  const Day second_reminder = Plus(first_reminder, settings.second_reminder_after_days);
  switch (step) {
    case EnforcementStep::kInvitation:
      return (month + date::months{1}) / date::day{1};
    case EnforcementStep::kFirstReminder:
      return first_reminder;
    case EnforcementStep::kSecondReminder:
      return second_reminder;
    case EnforcementStep::kFormalNotice:
      return Plus(second_reminder, settings.formal_notice_after_days);
    case EnforcementStep::kAssessment:
      // Not regularised within 30 days of the notification (L. 2333-38): the 31st day.
      if (!notice_delivered_on) return std::nullopt;
      return Plus(*notice_delivered_on, kDaysToRegularise + 1);
  }
  return std::nullopt;
}

Day RecoverableFrom(Day assessment_notified_on) {
  return Plus(assessment_notified_on, kDaysBeforeRecovery);
}

}  // namespace nuitee
