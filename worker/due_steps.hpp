// Which steps of the calendar are due today, from facts already loaded (pure: no I/O). The rule
// itself is domain/enforcement_progress.hpp (WhyNotChased, FollowingStep); this only walks the
// months of each accommodation and hands it the facts.
#pragma once

#include <vector>

#include "domain/core/dates.hpp"
#include "domain/declaration_settings.hpp"
#include "domain/enforcement_calendar.hpp"
#include "domain/enforcement_progress.hpp"
#include "persistence/enforcement_step_repository.hpp"

namespace nuitee::worker {

struct DueStep {
  const persistence::ChasedAccommodation* accommodation = nullptr;
  Month month{};
  NextStep step;
};

// The months the calendar looks at today: from the collectivity's first chased month to the
// month before today's (a month is declared once it is over). Empty when nothing is chased.
std::vector<Month> ChasedMonths(const EnforcementPolicy& policy, Day today);

// Appends the steps of `accommodation` due on or before `today`, one per month at most.
void AppendDueSteps(const persistence::ChasedAccommodation& accommodation,
                    const persistence::ProcedureState& state, const EnforcementPolicy& policy,
                    const DeclarationSettings& declarations, Day today, std::vector<DueStep>& due);

// The nights the accommodation was open in `month` (opened, ceased, closures): the first one
// and how many; nights == 0 when it was never open.
struct OpenNights {
  Day first_night{};
  int nights = 0;
};
OpenNights OpenNightsIn(const persistence::ChasedAccommodation& accommodation, Month month);

}  // namespace nuitee::worker
