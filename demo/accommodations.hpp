// The accommodations of the demo territory: one per planned slot, in the plan's order.
#pragma once

#include <vector>

#include "demo/plan.hpp"
#include "demo/random.hpp"
#include "domain/accommodation.hpp"
#include "domain/host.hpp"

namespace nuitee::demo {

// `hosts` are MakeHosts()'s, indexed as the plan's hosts. `ids` gives each accommodation its id,
// apart from `random`. Registration numbers and (commune, address) pairs are all distinct, so the
// register's duplicate checks never fire on the demo.
std::vector<Accommodation> MakeAccommodations(DemoRandom& random, DemoRandom& ids, const Plan& plan,
                                              const std::vector<Host>& hosts,
                                              const CollectivityId& collectivity, Day today);

// Marks `count` private lettings as ceased at some point of the last three years.
void CeaseSome(DemoRandom& random, std::vector<Accommodation>& accommodations, int count,
               Day today);

}  // namespace nuitee::demo
