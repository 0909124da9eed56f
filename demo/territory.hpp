// The demo territory: a fictional intercommunality of real Cantal and Puy-de-Dôme communes, with
// its hosts, accommodations and classifications. Pure and deterministic: the same "today" gives
// the same territory, ids included, on every run and machine.
#pragma once

#include <string_view>
#include <vector>

#include "domain/accommodation.hpp"
#include "domain/classification.hpp"
#include "domain/collectivity.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/host.hpp"

namespace nuitee::demo {

struct DemoTerritory {
  Collectivity collectivity;
  std::vector<Host> hosts;
  std::vector<Accommodation> accommodations;
  std::vector<Classification> classifications;  // ids are assigned by the database
};

// The SIREN of the fictional "Communauté de communes des Monts du Cézallier". It has a valid
// key and sits in a range (200 999 …) far beyond the numbers INSEE has given intercommunalities.
inline constexpr std::string_view kDemoSiren = "200999993";

// The day `nuitee seed-demo` generates the territory for, whatever the machine's clock says, so
// that every installation shows the same demo (classifications expired or about to expire on
// that day, campings closed for the winter).
inline constexpr Day kDemoReferenceDay{date::year{2026}, date::November, date::day{23}};

DemoTerritory GenerateDemoTerritory(Day today);

// Every record through the domain's validators (accommodations with registration required).
Status ValidateDemoTerritory(const DemoTerritory& territory);

}  // namespace nuitee::demo
