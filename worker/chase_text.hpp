// The French words of the calendar's mails and history: months, days, the list of what a mail
// chases, what each step means.
#pragma once

#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/enforcement_calendar.hpp"
#include "persistence/enforcement_step_repository.hpp"

namespace nuitee::worker {

std::string FrenchMonth(Month month);  // "mars 2026"
std::string FrenchDay(Day day);        // "1er avril 2026", "15 avril 2026"

// One line per accommodation-month: "– Gîte des Sources, 3 rue des Écoles 15300 : mars 2026".
std::string ChasedLine(const persistence::ChasedAccommodation& accommodation, Month month);

// The history's text for a step taken ("Première relance envoyée par courriel.").
std::string StepTakenText(EnforcementStep step, bool mailed);

}  // namespace nuitee::worker
