// Pools of French names, places and bodies the demo generator draws from. Every person, company,
// street and conciergerie here is fictional.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "demo/random.hpp"
#include "domain/host.hpp"
#include "domain/nature.hpp"

namespace nuitee::demo {

struct PersonName {
  std::string first;
  std::string last;
};
PersonName RandomPerson(DemoRandom& random);
std::string RandomFirstName(DemoRandom& random);

// "12 route de Murat", "Lieu-dit La Borie", "Le Bourg"…; `neighbour` names the commune a road
// leads to.
std::string RandomAddressLine(DemoRandom& random, std::string_view neighbour);

// "27 rue du Moulin": an address in a town.
std::string RandomStreetLine(DemoRandom& random);

// "Gîte des Gentianes", "Chambres d'hôtes du Cézallier", "Yourte des Estives"… for the natures
// that hosts name themselves (meublés, chambres d'hôtes, other lodging).
std::string RandomAccommodationName(DemoRandom& random, Nature nature);

// A company holding meublés: "SCI Les Estives", "SARL Gîtes du Plateau".
std::string RandomLettingCompanyName(DemoRandom& random);
// The legal form an operator of this nature usually takes: "SARL", "SAS"…
std::string_view RandomLegalForm(DemoRandom& random);

// Where owners living outside the territory live.
struct Town {
  std::string_view name;
  std::string_view postal_code;
};
std::span<const Town> OutsideTowns();

// Two or three fictional conciergeries managing rentals for their owners.
std::span<const Manager> Conciergeries();

// Fictional evaluation bodies that issue classification decisions.
std::span<const std::string_view> ClassificationBodies();

// Reserved-domain mailboxes for private persons.
std::span<const std::string_view> PersonalMailDomains();

}  // namespace nuitee::demo
