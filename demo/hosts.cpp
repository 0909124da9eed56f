// Hosts: operators of the larger establishments, companies letting meublés, and private owners,
// some of whom leave their rentals to a conciergerie.
#include "demo/hosts.hpp"

#include <set>
#include <string>

#include "demo/communes.hpp"
#include "demo/identifiers.hpp"
#include "demo/names.hpp"

namespace nuitee::demo {
namespace {

PostalAddress LocalAddress(DemoRandom& random, std::string_view insee_code) {
  const DemoCommune& commune = DemoCommuneByCode(insee_code);
  const DemoCommune& neighbour = random.Pick(DemoCommunes());
  std::string line = RandomAddressLine(random, neighbour.name);
  return {std::move(line), std::string(commune.postal_code), std::string(commune.name)};
}

// Owners of second homes often live in the region's cities or further away.
PostalAddress HomeAddress(DemoRandom& random, std::string_view insee_code, int away_percent) {
  if (!random.Percent(away_percent)) return LocalAddress(random, insee_code);
  const Town& town = random.Pick(OutsideTowns());
  std::string line = RandomStreetLine(random);
  return {std::move(line), std::string(town.postal_code), std::string(town.name)};
}

Host MakeOperator(DemoRandom& random, const Slot& slot) {
  Host host;
  host.kind = HostKind::kCompany;
  host.legal_name = std::string(RandomLegalForm(random)) + " " + slot.establishment_name;
  host.siret = MakeSiret(random);
  host.email = "contact@" + Slug(slot.establishment_name) + ".example";
  host.phone = MakePhone(random);
  host.address = LocalAddress(random, slot.insee_code);
  return host;
}

Host MakeLettingCompany(DemoRandom& random, const Slot& slot, std::set<std::string>& names) {
  Host host;
  host.kind = HostKind::kCompany;
  do {
    host.legal_name = RandomLettingCompanyName(random);
  } while (!names.insert(host.legal_name).second);
  host.siret = MakeSiret(random);
  host.email = "gerance@" + Slug(host.legal_name) + ".example";
  host.phone = MakePhone(random);
  host.address = HomeAddress(random, slot.insee_code, 40);
  return host;
}

std::string PersonalEmail(DemoRandom& random, const PersonName& name) {
  std::string local = name.first + " " + name.last;
  if (random.Percent(30)) local += std::to_string(random.Between(10, 99));
  return MakeEmail(local, random.Pick(PersonalMailDomains()));
}

Host MakePerson(DemoRandom& random, const Slot& slot) {
  Host host;
  host.kind = HostKind::kPerson;
  const PersonName name = RandomPerson(random);
  host.legal_name = name.first + " " + name.last;
  if (random.Percent(10)) {
    const std::string partner = RandomFirstName(random);
    if (partner != name.first) host.legal_name = name.first + " et " + partner + " " + name.last;
  }
  if (random.Percent(85)) host.email = PersonalEmail(random, name);
  if (random.Percent(90)) host.phone = MakePhone(random);
  host.address = HomeAddress(random, slot.insee_code, 25);
  const bool lets_a_house = slot.nature != Nature::kGuestHouse;  // a guest house has its hosts
  if (lets_a_house && random.Percent(14)) host.manager = random.Pick(Conciergeries());
  return host;
}

}  // namespace

std::vector<Host> MakeHosts(DemoRandom& random, DemoRandom& ids, const Plan& plan,
                            const CollectivityId& collectivity) {
  std::vector<const Slot*> first_slot(plan.host_count, nullptr);
  for (const auto& slot : plan.slots) {
    if (first_slot[slot.host] == nullptr) first_slot[slot.host] = &slot;
  }
  std::set<std::string> company_names;
  std::vector<Host> hosts;
  for (int index = 0; index < plan.host_count; ++index) {
    const Slot& slot = *first_slot[index];
    Host host = index < plan.operator_count  ? MakeOperator(random, slot)
                : index < plan.company_count ? MakeLettingCompany(random, slot, company_names)
                                             : MakePerson(random, slot);
    host.id = HostId(ids.Uuid());
    host.collectivity_id = collectivity;
    hosts.push_back(std::move(host));
  }
  return hosts;
}

}  // namespace nuitee::demo
