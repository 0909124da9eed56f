// The mix of the demo territory: mostly meublés and chambres d'hôtes, a few larger establishments,
// as in a rural mountain destination without sea or palace.
#include "demo/plan.hpp"

#include <vector>

#include "demo/communes.hpp"

namespace nuitee::demo {
namespace {

constexpr int kHostCount = 300;
constexpr int kLettingCompanyCount = 11;
// Meublés, chambres d'hôtes and other lodging (yurts, cabins) of private owners and of the
// letting companies' extra units: 214 + 11 company meublés = 225 meublés in all.
constexpr int kPersonRentals = 214;
constexpr int kGuestHouses = 85;
constexpr int kOtherLodgings = 16;

std::vector<Nature> SmallNatures() {
  std::vector<Nature> natures;
  natures.insert(natures.end(), kPersonRentals, Nature::kFurnishedRental);
  natures.insert(natures.end(), kGuestHouses, Nature::kGuestHouse);
  natures.insert(natures.end(), kOtherLodgings, Nature::kOther);
  return natures;
}

}  // namespace

bool IsLargerEstablishment(Nature nature) {
  switch (nature) {
    case Nature::kHotel:
    case Nature::kHolidayVillage:
    case Nature::kCamping:
    case Nature::kCamperVanArea:
    case Nature::kHostel:
      return true;
    default:
      return false;
  }
}

std::string RandomRentalCommune(DemoRandom& random) {
  std::vector<int> weights;
  for (const auto& commune : DemoCommunes()) weights.push_back(commune.rental_weight);
  return std::string(DemoCommunes()[random.Weighted(weights)].insee_code);
}

Plan PlanTerritory(DemoRandom& random) {
  Plan plan;
  const auto establishments = DemoEstablishments();
  plan.host_count = kHostCount;
  plan.operator_count = static_cast<int>(establishments.size());
  plan.company_count = plan.operator_count + kLettingCompanyCount;
  std::vector<std::string> home(kHostCount);  // commune of each host's first accommodation
  auto add = [&](Nature nature, int host, std::string insee, std::string name) {
    if (home[host].empty()) home[host] = insee;
    plan.slots.push_back({nature, host, std::move(insee), std::move(name)});
  };
  for (int host = 0; host < plan.operator_count; ++host) {
    const auto& establishment = establishments[host];
    add(establishment.nature, host, std::string(establishment.insee_code),
        std::string(establishment.name));
  }
  for (int host = plan.operator_count; host < plan.company_count; ++host) {
    add(Nature::kFurnishedRental, host, RandomRentalCommune(random), {});
  }
  std::vector<Nature> natures = SmallNatures();
  random.Shuffle(natures);
  const int persons = kHostCount - plan.company_count;
  for (int i = 0; i < static_cast<int>(natures.size()); ++i) {
    // Every private person owns one; the rest go to owners of several, often in their commune.
    const int host =
        i < persons ? plan.company_count + i : random.Between(plan.operator_count, kHostCount - 1);
    const bool near_home = !home[host].empty() && random.Percent(70);
    add(natures[i], host, near_home ? home[host] : RandomRentalCommune(random), {});
  }
  return plan;
}

}  // namespace nuitee::demo
