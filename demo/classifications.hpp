// Star classifications of the demo's accommodations.
#pragma once

#include <vector>

#include "demo/random.hpp"
#include "domain/accommodation.hpp"
#include "domain/classification.hpp"

namespace nuitee::demo {

// Classifies about a quarter of the live accommodations (hotels, most campings and holiday
// villages, a third of the meublés), with decisions spread over the seven years before `today`:
// those older than five years have expired, and a few expire within the sixty days after
// `today`. Openings are moved before the decision where needed. Classification ids are left
// empty: the database assigns them.
std::vector<Classification> MakeClassifications(DemoRandom& random,
                                                std::vector<Accommodation>& accommodations,
                                                Day today);

}  // namespace nuitee::demo
