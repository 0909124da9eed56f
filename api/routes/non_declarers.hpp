// The referent's worklist of non-declarers (issue 6), built from what WorklistRepository reads:
// which undeclared months are chased (WhyNotChased), where each one's procedure stands
// (FollowingStep) and what it puts at stake (ComputeOfficeAssessment). No I/O here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/collectivity.hpp"
#include "domain/core/money.hpp"
#include "domain/enforcement_calendar.hpp"
#include "domain/enforcement_progress.hpp"
#include "persistence/worklist_repository.hpp"
#include "rates/rate_book.hpp"

namespace nuitee::api {

struct WorklistMonth {
  Month month{};
  Day due_on{};                      // the declaration's deadline
  std::optional<TakenStep> current;  // the latest step taken, cancelled or not
  std::optional<NextStep> next;      // none while on hold or once the procedure is over
  std::optional<Money> at_stake;     // none when the rates cannot compute it
  std::string at_stake_problem;      // why, in French
};

struct WorklistEntry {
  persistence::UndeclaredMonth facts;  // the accommodation and host (of its first month)
  std::vector<WorklistMonth> months;
  Money at_stake = Money::Zero();
};

struct WorklistFilters {
  std::optional<Month> period;      // keeps that month only
  std::optional<std::string> step;  // the current step's name, or "none"
};

struct Worklist {
  std::vector<WorklistEntry> entries;  // in register order
  long long months = 0;
  Money at_stake = Money::Zero();
};

// The months chased from `policy.chased_from` to the month before `today`'s; none without it.
std::optional<std::pair<Month, Month>> ChasedRange(const EnforcementPolicy& policy, Day today);

using TakenSteps = std::map<persistence::AccommodationMonthKey, std::vector<TakenStep>>;
using CategoryPeriods = std::map<std::string, std::vector<CategoryPeriod>>;

Worklist BuildWorklist(const std::vector<persistence::UndeclaredMonth>& undeclared,
                       const TakenSteps& steps, const CategoryPeriods& periods,
                       const Collectivity& collectivity, const EnforcementPolicy& policy,
                       const rates::RateBook& book, Day today, const WorklistFilters& filters);

// Whether the accommodation had to declare the month at all, whatever the collectivity chases and
// whatever holds: open some night of it, not ceased, its host not archived, and not marketed only
// through collecting platforms under a sworn statement.
bool HadToDeclare(const persistence::UndeclaredMonth& month);

// What a taxation d'office would assess for the month (rates::ComputeOfficeAssessment).
Result<Money> AmountAtStake(const persistence::UndeclaredMonth& month,
                            const CategoryPeriods& periods, const rates::RateBook& book);

}  // namespace nuitee::api
