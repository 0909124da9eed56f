// Assembles the demo territory from its parts: plan, hosts, accommodations, classifications.
#include "demo/territory.hpp"

#include <map>
#include <string>

#include "demo/accommodations.hpp"
#include "demo/classifications.hpp"
#include "demo/communes.hpp"
#include "demo/hosts.hpp"
#include "demo/plan.hpp"
#include "demo/random.hpp"

namespace nuitee::demo {
namespace {

// Two streams: ids come from their own, so they do not move when fields are drawn differently.
constexpr std::uint64_t kFieldSeed = 0x4E55495445450001ULL;  // "NUITEE" + 1
constexpr std::uint64_t kIdSeed = 0x4E55495445450002ULL;
constexpr int kCeasedCount = 9;

Collectivity MakeCollectivity(DemoRandom& ids) {
  Collectivity collectivity;
  collectivity.id = CollectivityId(ids.Uuid());
  collectivity.name = "Communauté de communes des Monts du Cézallier";
  collectivity.siren = std::string(kDemoSiren);
  collectivity.kind = CollectivityKind::kEpci;
  collectivity.department_code = "15";
  for (const auto& commune : DemoCommunes()) {
    collectivity.communes.push_back({std::string(commune.insee_code), std::string(commune.name)});
  }
  collectivity.registration_number_required = true;
  return collectivity;
}

// A host whose every accommodation has ceased is archived a month after the last one.
void ArchiveHostsWithNothingLeft(std::vector<Host>& hosts,
                                 const std::vector<Accommodation>& accommodations) {
  std::map<std::string, std::optional<Day>> last_cessation;  // empty optional: one is still live
  for (const auto& accommodation : accommodations) {
    auto [entry, first] =
        last_cessation.try_emplace(accommodation.host_id.value(), accommodation.ceased_on);
    if (first) continue;
    if (!accommodation.ceased_on || !entry->second) {
      entry->second = std::nullopt;
    } else if (*accommodation.ceased_on > *entry->second) {
      entry->second = accommodation.ceased_on;
    }
  }
  for (auto& host : hosts) {
    const auto found = last_cessation.find(host.id.value());
    if (found != last_cessation.end() && found->second)
      host.archived_on = AddDays(*found->second, 30);
  }
}

}  // namespace

DemoTerritory GenerateDemoTerritory(Day today) {
  DemoRandom random(kFieldSeed);
  DemoRandom ids(kIdSeed);
  DemoTerritory territory;
  territory.collectivity = MakeCollectivity(ids);
  const Plan plan = PlanTerritory(random);
  territory.hosts = MakeHosts(random, ids, plan, territory.collectivity.id);
  territory.accommodations =
      MakeAccommodations(random, ids, plan, territory.hosts, territory.collectivity.id, today);
  CeaseSome(random, territory.accommodations, kCeasedCount, today);
  ArchiveHostsWithNothingLeft(territory.hosts, territory.accommodations);
  territory.classifications = MakeClassifications(random, territory.accommodations, today);
  // The plan lists companies and larger establishments first; the register reads better mixed.
  random.Shuffle(territory.hosts);
  random.Shuffle(territory.accommodations);
  return territory;
}

Status ValidateDemoTerritory(const DemoTerritory& territory) {
  if (auto valid = ValidateCollectivity(territory.collectivity); !valid) return valid;
  for (const auto& host : territory.hosts) {
    if (auto valid = ValidateHost(host); !valid) return valid;
  }
  std::map<std::string, Nature> natures;
  for (const auto& accommodation : territory.accommodations) {
    auto valid = ValidateAccommodation(accommodation, territory.collectivity, true);
    if (!valid) return valid;
    natures[accommodation.id.value()] = accommodation.nature;
  }
  for (const auto& classification : territory.classifications) {
    const auto nature = natures.find(classification.accommodation_id.value());
    if (nature == natures.end()) {
      return Fail(Error::Internal());  // a classification of an accommodation not generated
    }
    if (auto valid = ValidateRank(nature->second, classification.rank); !valid) return valid;
    auto dates = ValidateClassificationDates(classification.decided_on, classification.expires_on);
    if (!dates) return dates;
  }
  return {};
}

}  // namespace nuitee::demo
