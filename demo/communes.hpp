// The member communes of the demo intercommunality (real communes of the Cézallier, the Monts du
// Cantal and the Sancy) and where its larger establishments stand.
#pragma once

#include <span>
#include <string_view>

#include "domain/nature.hpp"

namespace nuitee::demo {

struct DemoCommune {
  std::string_view insee_code;  // code officiel géographique
  std::string_view name;
  std::string_view postal_code;  // La Poste's code for the commune
  int rental_weight;             // share of the meublés and chambres d'hôtes it holds
};

std::span<const DemoCommune> DemoCommunes();
// The commune with this INSEE code; every code of DemoEstablishments() is one of DemoCommunes().
const DemoCommune& DemoCommuneByCode(std::string_view insee_code);

// A hotel, camping, holiday village, camper-van area or hostel: few, and where they would be.
struct DemoEstablishment {
  Nature nature;
  std::string_view insee_code;
  std::string_view name;
};

std::span<const DemoEstablishment> DemoEstablishments();

}  // namespace nuitee::demo
