// Valid register records to start tests from; each test changes only what it is about.
#pragma once

#include <string>

#include "domain/accommodation.hpp"
#include "domain/collectivity.hpp"
#include "domain/host.hpp"

namespace nuitee::testing {

// "CC des Monts du Test", SIREN 200066637, communes Murat (15138) and Allanche (15001).
inline Collectivity SampleCollectivity(std::string siren = "200066637") {
  Collectivity collectivity;
  collectivity.name = "CC des Monts du Test";
  collectivity.siren = std::move(siren);
  collectivity.kind = CollectivityKind::kEpci;
  collectivity.department_code = "15";
  collectivity.communes = {{"15138", "Murat"}, {"15001", "Allanche"}};
  return collectivity;
}

inline Host SampleHost(const CollectivityId& collectivity, std::string name = "Marie Dupont") {
  Host host;
  host.collectivity_id = collectivity;
  host.kind = HostKind::kPerson;
  host.legal_name = std::move(name);
  host.email = "marie.dupont@example.fr";
  host.address = {"1 rue du Lac", "15300", "Murat"};
  return host;
}

inline Accommodation SampleAccommodation(const CollectivityId& collectivity, const HostId& host,
                                         std::string registration = "15138123456AB",
                                         std::string address = "1 rue du Lac") {
  Accommodation accommodation;
  accommodation.collectivity_id = collectivity;
  accommodation.host_id = host;
  accommodation.name = "Gîte du Lac";
  accommodation.commune_insee_code = "15138";
  accommodation.address_line = std::move(address);
  accommodation.postal_code = "15300";
  accommodation.nature = Nature::kFurnishedRental;
  accommodation.capacity_persons = 4;
  accommodation.registration_number = std::move(registration);
  accommodation.marketing = Marketing::kBoth;
  return accommodation;
}

}  // namespace nuitee::testing
