// The demo collectivity's enforcement settings (issue 6): chasing from four months before the
// demo's day, so that the referent's worklist has the months the demo's silent hosts never
// declared, and a letterhead in French for the letters.
#pragma once

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/enforcement_calendar.hpp"
#include "persistence/database.hpp"

namespace nuitee::demo {

// The first month chased: four months before the month of `today`.
Month DemoChasedFrom(Day today);
EnforcementPolicy DemoEnforcementPolicy(Day today);

// Records the demo policy unless the collectivity has settings already; returns whether it did.
bool InsertMissingEnforcementSettings(persistence::Transaction& tx,
                                      const CollectivityId& collectivity, Day today);

}  // namespace nuitee::demo
