// Walking the chased months of an accommodation through the calendar's rule.
#include "worker/due_steps.hpp"

#include <algorithm>

namespace nuitee::worker {

std::vector<Month> ChasedMonths(const EnforcementPolicy& policy, Day today) {
  std::vector<Month> months;
  if (!policy.chased_from) return months;
  const Month current{today.year(), today.month()};
  for (Month month = *policy.chased_from; month < current; month += date::months{1}) {
    months.push_back(month);
  }
  return months;
}

void AppendDueSteps(const persistence::ChasedAccommodation& accommodation,
                    const persistence::ProcedureState& state, const EnforcementPolicy& policy,
                    const DeclarationSettings& declarations, Day today, std::vector<DueStep>& due) {
  const auto host = state.hosts.find(accommodation.host_id);
  if (host == state.hosts.end()) return;
  std::vector<TakenStep> taken;
  for (Month month : ChasedMonths(policy, today)) {
    const std::string key = persistence::AccommodationMonthKey(accommodation.id, month);
    ChaseFacts facts;
    facts.month = month;
    facts.enforcement_from = policy.chased_from;
    facts.host_archived = host->second.archived;
    facts.opened_on = accommodation.opened_on;
    facts.ceased_on = accommodation.ceased_on;
    facts.closures = accommodation.closures;
    facts.marketing = accommodation.marketing;
    facts.declared = state.declared.contains(key);
    facts.sworn_statement = host->second.sworn_years.contains(int(month.year()));
    facts.on_hold = host->second.on_hold;
    if (WhyNotChased(facts)) continue;
    taken.clear();
    if (const auto steps = state.steps.find(key); steps != state.steps.end()) {
      for (const auto& step : steps->second) {
        taken.push_back({step.kind, step.taken_on, step.cancelled, step.delivered_on});
      }
    }
    const auto next = FollowingStep(month, taken, declarations, policy.delays, today);
    if (next && next->due_on <= today) due.push_back({&accommodation, month, *next});
  }
}

OpenNights OpenNightsIn(const persistence::ChasedAccommodation& accommodation, Month month) {
  OpenNights open;
  const Day last = month / date::last;
  for (Day day = month / date::day{1}; day <= last; day = AddDays(day, 1)) {
    if (accommodation.opened_on && day < *accommodation.opened_on) continue;
    // Ceasing on a day leaves no night from that day on.
    if (accommodation.ceased_on && day >= *accommodation.ceased_on) break;
    const bool closed = std::any_of(accommodation.closures.begin(), accommodation.closures.end(),
                                    [&](const DayRange& range) { return range.Contains(day); });
    if (closed) continue;
    if (open.nights == 0) open.first_night = day;
    ++open.nights;
  }
  return open;
}

}  // namespace nuitee::worker
