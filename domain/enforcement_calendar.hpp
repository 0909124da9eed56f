// The calendar that chases a month not declared (issue 6; CGCT L. 2333-38, taxe-de-sejour.md §8):
// an invitation to declare, two reminders, the mise en demeure, then the taxation d'office. Each
// step's day follows from the month, the collectivity's settings and, for the last steps, the day
// the registered letter was delivered.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/core/dates.hpp"
#include "domain/declaration_settings.hpp"

namespace nuitee {

enum class EnforcementStep {
  kInvitation,      // on the first day of the following month
  kFirstReminder,   // the day after the deadline
  kSecondReminder,  // N days after the first reminder
  kFormalNotice,    // mise en demeure, N days after the second reminder
  kAssessment,      // taxation d'office, proposed 30 days after the notice was delivered
};
std::string_view EnforcementStepName(EnforcementStep step);  // "invitation", "first_reminder", …
std::optional<EnforcementStep> ParseEnforcementStep(std::string_view name);

// Per collectivity (issue 6's defaults).
struct EnforcementSettings {
  int second_reminder_after_days = 10;  // after the first reminder
  int formal_notice_after_days = 15;    // after the second reminder
  friend bool operator==(const EnforcementSettings&, const EnforcementSettings&) = default;
};

// A collectivity's enforcement settings as stored (migration 0013, one version per change). Without
// a first chased month nothing is chased: a collectivity moving to Nuitée chooses where to start.
struct EnforcementPolicy {
  std::optional<Month> chased_from;
  EnforcementSettings delays;
  // The letterhead of the letters.
  std::string letter_sender;     // "Communauté de communes …, service taxe de séjour"
  std::string letter_address;    // several lines, "\n" separated
  std::string letter_signatory;  // "Le Président, Jean Dupont"
  std::string letter_contact;
  friend bool operator==(const EnforcementPolicy&, const EnforcementPolicy&) = default;
};

// L. 2333-38: the host has 30 days from the notification of the mise en demeure to regularise;
// the avis de taxation d'office reaches it at least 30 days before the tax is put into recovery.
inline constexpr int kDaysToRegularise = 30;
inline constexpr int kDaysBeforeRecovery = 30;

// The day of a step for `month`. kAssessment needs the day the mise en demeure was delivered
// (std::nullopt without it: the step cannot be dated yet).
std::optional<Day> StepDay(EnforcementStep step, Month month, const DeclarationSettings& declarations,
                           const EnforcementSettings& settings,
                           std::optional<Day> notice_delivered_on = std::nullopt);

// The first day an issued assessment may enter the host's balance (L. 2333-38).
Day RecoverableFrom(Day assessment_notified_on);

}  // namespace nuitee
