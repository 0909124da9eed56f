// Who owns what, and where: the nature, commune and owner of every accommodation of the demo,
// decided before any record is built so that hosts can be named after their business.
#pragma once

#include <string>
#include <vector>

#include "demo/random.hpp"
#include "domain/nature.hpp"

namespace nuitee::demo {

struct Slot {
  Nature nature = Nature::kFurnishedRental;
  int host = 0;  // index of the owner among the planned hosts
  std::string insee_code;
  std::string establishment_name;  // set for the larger establishments, empty otherwise
};

// Hosts [0, operator_count) run one larger establishment each, hosts [operator_count,
// company_count) are companies letting meublés, and the others are private persons.
struct Plan {
  int host_count = 0;
  int operator_count = 0;
  int company_count = 0;
  std::vector<Slot> slots;
};

Plan PlanTerritory(DemoRandom& random);

// Hotels, holiday villages, campings, camper-van areas and hostels: run by companies, open for
// years, and the ones that close for the season.
bool IsLargerEstablishment(Nature nature);

// The commune of an accommodation drawn in proportion to the communes' rental weights.
std::string RandomRentalCommune(DemoRandom& random);

}  // namespace nuitee::demo
