// Where the procedure of one accommodation-month stands (issue 6; CGCT L. 2333-38,
// taxe-de-sejour.md §8): whether the month is chased at all, and which step of the calendar comes
// next and on which day. The worker takes the next step when its day has come; the referent's
// worklist shows it. Both read this one rule.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "domain/accommodation.hpp"
#include "domain/core/dates.hpp"
#include "domain/declaration_settings.hpp"
#include "domain/enforcement_calendar.hpp"

namespace nuitee {

// Why a month is not chased (issue 6, "No reminder for"), in the order they are checked.
enum class NotChasedReason {
  kBeforeEnforcement,  // before the collectivity's first chased month (or none chosen)
  kHostArchived,
  kNotOpenYet,         // opened after the month
  kCeased,             // ceased on or before the first day of the month
  kClosedAllMonth,     // a closure covers every day of the month
  kDeclared,           // any submission: stays, nil or closed
  kPlatformsOnly,      // marketed only through collecting platforms, sworn statement filed
  kOnHold,             // a referent put the host on hold
};
std::string_view NotChasedReasonName(NotChasedReason reason);  // "before_enforcement", …

struct ChaseFacts {
  Month month{};
  std::optional<Month> enforcement_from;   // the collectivity's setting; none: nothing chased
  bool host_archived = false;
  std::optional<Day> opened_on;
  std::optional<Day> ceased_on;
  std::span<const DayRange> closures;
  Marketing marketing = Marketing::kDirect;
  bool declared = false;
  bool sworn_statement = false;            // filed by the host for the month's year
  bool on_hold = false;
};

std::optional<NotChasedReason> WhyNotChased(const ChaseFacts& facts);

// A step already taken for the month.
struct TakenStep {
  EnforcementStep kind = EnforcementStep::kInvitation;
  Day taken_on{};
  bool cancelled = false;
  std::optional<Day> delivered_on;         // kFormalNotice: the registered letter's delivery
};

struct NextStep {
  EnforcementStep kind = EnforcementStep::kInvitation;
  Day due_on{};
  friend bool operator==(const NextStep&, const NextStep&) = default;
};

// The step that comes after those taken (any order), with its day:
// - nothing taken: the invitation on the 1st of the following month, or — once the first
//   reminder's day has come (`today`) — the first reminder instead, because an invitation after
//   the deadline says less than the reminder (a month chased late never gets two mails a day);
// - after the invitation: the first reminder, the day after the (working-day) deadline;
// - each later step is dated from the day the previous one was really taken, so that a host always
//   gets the collectivity's full delays: the second reminder N days after the first, the mise en
//   demeure N days after the second, the taxation d'office on the 31st day after the mise en
//   demeure was delivered (L. 2333-38: 30 days to regularise).
// None when the procedure is over (assessment taken), when its last step was cancelled by a
// referent, or while a mise en demeure waits for its delivery to be recorded.
std::optional<NextStep> FollowingStep(Month month, std::span<const TakenStep> taken,
                                      const DeclarationSettings& declarations,
                                      const EnforcementSettings& settings, Day today);

}  // namespace nuitee
