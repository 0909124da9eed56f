// The hosts of the demo territory: one per planned owner, in the plan's order.
#pragma once

#include <vector>

#include "demo/plan.hpp"
#include "demo/random.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/host.hpp"

namespace nuitee::demo {

// `ids` gives each host its id, apart from `random`, so that ids stay the same when the way
// other fields are drawn changes.
std::vector<Host> MakeHosts(DemoRandom& random, DemoRandom& ids, const Plan& plan,
                            const CollectivityId& collectivity);

}  // namespace nuitee::demo
