// Working days in France: a deadline that falls on a Saturday, a Sunday or a public holiday moves
// to the next working day (the general rule of French deadlines, code de procédure civile
// art. 642; our reading for the declaration deadline, which the CGCT does not settle —
// docs/decisions.md).
#pragma once

#include "domain/core/dates.hpp"

namespace nuitee {

// The eleven public holidays of metropolitan France (code du travail L. 3133-1): 1 January,
// Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November,
// 11 November, 25 December. Alsace-Moselle's two more (Good Friday, 26 December) are not counted.
bool IsPublicHoliday(Day day);

// Easter Sunday of the Gregorian calendar (anonymous algorithm, "Meeus/Jones/Butcher").
Day EasterSunday(int year);

bool IsWorkingDay(Day day);  // neither a Saturday, a Sunday nor a public holiday

// `day` itself when it is a working day, else the next one.
Day WorkingDayOnOrAfter(Day day);

}  // namespace nuitee
