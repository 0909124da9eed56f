// Two years of monthly declarations for the demo territory: the stays of every accommodation over a
// mountain season (ski holidays in February, the summer peak, an empty November),
// platform-collected nights, nil returns, closed months of seasonal places, late submissions,
// corrections, and a few hosts who never declared. Pure and deterministic: the same territory and
// "today" give the same declarations on every run and machine.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "demo/territory.hpp"
#include "domain/core/dates.hpp"
#include "domain/declaration.hpp"
#include "domain/declaration_settings.hpp"

namespace nuitee::demo {

// One submission of a month, as the host made it: what, on which day and, for a correction, why.
struct DemoSubmission {
  DeclarationKind kind = DeclarationKind::kStays;
  std::vector<StayLine> stays;
  Day submitted_on{};
  std::optional<std::string> reason;  // set on revisions (revision 2 onwards)
};

// The submissions of one accommodation-month, the first one first.
struct DemoDeclaration {
  std::size_t accommodation = 0;  // index in DemoTerritory::accommodations
  Month month{};
  std::vector<DemoSubmission> submissions;
};

// The months the demo declares: the 24 months that ended before the month of `today` (November
// 2024 to October 2026 for kDemoReferenceDay).
struct DemoMonths {
  Month first{};
  Month last{};
};
DemoMonths DemoDeclarationMonths(Day today);

// Every declaration the hosts of `territory` made of DemoDeclarationMonths(today), by
// accommodation then month, submitted on or before `today` under `settings` (deadlines, stay month
// rule: the demo uses the departure month). Every submission passes PrepareSubmission on its own
// submission day: nights when the accommodation was open, arrivals before that day, occupants
// within the capacity, and a price on every line (the rates engine needs it on unclassified
// nights). Months that were never submitted are simply absent: they stay "to declare".
std::vector<DemoDeclaration> MakeDemoDeclarations(const DemoTerritory& territory,
                                                  const DeclarationSettings& settings, Day today);

}  // namespace nuitee::demo
