// The demo collectivity's deliberations for 2024, 2025 and 2026: au réel for every nature, one
// perception period a year, modest rural tariffs, the percentage for unclassified lodging, and
// the departmental additional tax (10 %, CGCT L. 3333-1) of the Cantal and the Puy-de-Dôme.
// Pure and deterministic, like the rest of the territory.
#pragma once

#include <vector>

#include "demo/territory.hpp"
#include "rates/deliberation.hpp"

namespace nuitee::demo {

inline constexpr int kFirstDemoDeliberationYear = 2024;
inline constexpr int kLastDemoDeliberationYear = 2026;

// One deliberation per year from kFirstDemoDeliberationYear to kLastDemoDeliberationYear, covering
// every member commune of `territory`.
std::vector<rates::Deliberation> DemoDeliberations(const DemoTerritory& territory);

}  // namespace nuitee::demo
