// What a month not declared puts at stake (issue 6): the nights the accommodation was open in it
// and the category of each night, as a taxation d'office would assess them
// (rates::ComputeOfficeAssessment). Pure: the register's facts come as arguments.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "rates/category.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee {

// The nights open in a month: the first one and how many there are.
struct OpenNights {
  Day first_night{};
  int nights = 0;
};

// Nights of `month` on or after `opened_on`, before `ceased_on` (the day it ceased is not a night
// open) and outside every closure. Nullopt when there is none. A closure in the middle of the
// month shortens the count but the assessment then reads the nights as a run from the first one:
// an estimate, which the referent reviews before anything is issued.
std::optional<OpenNights> OpenNightsIn(Month month, std::optional<Day> opened_on,
                                       std::optional<Day> ceased_on,
                                       std::span<const DayRange> closures);

// A classification in force on the days from `from` to `to` (both included), giving `category`
// (classification_periods, migration 0010).
struct CategoryPeriod {
  Day from{};
  Day to{};
  rates::Category category = rates::Category::kUnclassified;
};

// The category of each night of the run, as the engine reads it: the period in force that night,
// else the accommodation's unclassified category. Never empty.
std::vector<rates::CategoryFrom> CategoriesOfNights(const OpenNights& run,
                                                    std::span<const CategoryPeriod> periods,
                                                    rates::Category unclassified);

}  // namespace nuitee
