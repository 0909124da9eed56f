// Name pools of the demo territory: common French given names and surnames (many of them found in
// Auvergne), local place words, and fictional companies.
#include "demo/names.hpp"

#include <array>

namespace nuitee::demo {
namespace {

constexpr std::array<std::string_view, 48> kFirstNames = {
    "Marie",     "Jean",      "Anne",    "Pierre",   "Catherine", "Michel",    "Isabelle",
    "Philippe",  "Sylvie",    "Alain",   "Nathalie", "Bernard",   "Christine", "Jacques",
    "Françoise", "Patrick",   "Sophie",  "Nicolas",  "Céline",    "Julien",    "Émilie",
    "Thomas",    "Camille",   "Antoine", "Élodie",   "Guillaume", "Laure",     "Mathieu",
    "Aurélie",   "Sébastien", "Hélène",  "Olivier",  "Valérie",   "Rémi",      "Agnès",
    "Didier",    "Josiane",   "Gérard",  "Odile",    "Benoît",    "Lucie",     "Hugo",
    "Chloé",     "Baptiste",  "Margaux", "Léa",      "Clément",   "Yvette"};

constexpr std::array<std::string_view, 56> kSurnames = {
    "Chabrol",   "Vidal",      "Besson",  "Teyssier",  "Delmas",     "Fabre",    "Boudon",
    "Lavergne",  "Mourgues",   "Roques",  "Salat",     "Vergne",     "Rouchy",   "Chambon",
    "Tournadre", "Astier",     "Pradal",  "Bastide",   "Cros",       "Lacombe",  "Mazet",
    "Pouget",    "Rigal",      "Serre",   "Veyrac",    "Chassang",   "Boyer",    "Martin",
    "Bernard",   "Durand",     "Moreau",  "Girard",    "Fournier",   "Mercier",  "Bonnet",
    "Lambert",   "Roux",       "Morel",   "Faure",     "Rousseau",   "Chauvet",  "Couderc",
    "Malbec",    "Vialard",    "Estival", "Fouilhoux", "Tissandier", "Barrier",  "Jarrige",
    "Aubert",    "Charbonnel", "Laborie", "Meyniel",   "Peschaud",   "Sabatier", "Vernière"};

constexpr std::array<std::string_view, 20> kHamlets = {
    "La Borie", "Le Cheylat", "La Vialle",  "Chazelles", "Le Fau",     "La Prade",     "Le Mas",
    "La Fage",  "Le Bos",     "La Croix",   "Le Puech",  "Les Fraux",  "La Chaumette", "Le Bouix",
    "Le Theil", "La Ribeyre", "Les Salles", "La Roche",  "Les Sagnes", "Le Jarrousset"};

constexpr std::array<std::string_view, 14> kStreets = {
    "rue de l'Église",  "place du Foirail",       "rue de la Mairie", "rue des Écoles",
    "chemin du Lavoir", "avenue de la Gare",      "rue du Moulin",    "allée des Tilleuls",
    "rue du Four",      "impasse de la Fontaine", "Grande Rue",       "chemin des Burons",
    "rue du Pont",      "place de la Halle"};

// Second halves of names: "… des Gentianes", "… du Cézallier".
constexpr std::array<std::string_view, 30> kNameEndings = {
    "des Gentianes",  "du Cézallier",  "de la Santoire", "des Estives",       "du Puy Mary",
    "de l'Alagnon",   "des Myrtilles", "de la Fontaine", "du Vieux Four",     "des Narses",
    "des Sagnes",     "du Plateau",    "de la Burle",    "des Jonquilles",    "du Lac",
    "des Sapins",     "de l'Écureuil", "du Col",         "des Salers",        "du Berger",
    "de la Cascade",  "du Moulin",     "des Fougères",   "des Hautes Terres", "de la Tourbière",
    "de la Jasserie", "des Volcans",   "de la Rhue",     "du Sancy",          "des Grives"};

constexpr std::array<std::string_view, 9> kRentalWords = {
    "Gîte", "Gîte", "Gîte", "Chalet", "Maison", "Le Buron", "La Grange", "Appartement", "L'Ostal"};
constexpr std::array<std::string_view, 4> kGuestHouseWords = {
    "Chambres d'hôtes", "Chambres d'hôtes", "La Ferme", "Maison d'hôtes"};
constexpr std::array<std::string_view, 5> kOtherWords = {"Yourte", "Cabane", "Roulotte", "Tipi",
                                                         "Cabane perchée"};

constexpr std::array<std::string_view, 12> kCompanyWords = {
    "Les Estives",    "Le Plateau",         "Les Burons",     "La Santoire",
    "Les Gentianes",  "Cézallier Location", "Les Volcans",    "La Jasserie",
    "Les Trois Puys", "Le Vieux Moulin",    "Hautes Chaumes", "Les Narses"};

constexpr std::array<Town, 8> kOutsideTowns = {{
    {"Clermont-Ferrand", "63000"},
    {"Aurillac", "15000"},
    {"Saint-Flour", "15100"},
    {"Issoire", "63500"},
    {"Lyon", "69003"},
    {"Paris", "75011"},
    {"Montpellier", "34000"},
    {"Toulouse", "31000"},
}};

const std::array<Manager, 3> kConciergeries = {{
    {"Conciergerie des Monts du Cantal", "contact@conciergerie-monts-cantal.example"},
    {"Sancy Clés en Main", "bonjour@sancy-cles-en-main.example"},
    {"Cézallier Services Locatifs", "gestion@cezallier-services.example"},
}};

constexpr std::array<std::string_view, 4> kBodies = {
    "Bureau d'évaluation des Volcans (accrédité Cofrac)",
    "Auvergne Classement Conseil (accrédité Cofrac)",
    "Inspection Tourisme Massif central (accréditée Cofrac)",
    "Relais départemental des meublés (organisme réputé équivalent)"};

constexpr std::array<std::string_view, 4> kMailDomains = {
    "courriel.example", "messagerie.example", "monmail.example", "auvergne-net.example"};

// "route d'Allanche", "route du Vernet", "route de Murat": French elision and contraction.
std::string RouteTo(std::string_view place) {
  static constexpr std::array<std::string_view, 7> kVowelStarts = {"A", "E", "É", "I",
                                                                   "O", "U", "Y"};
  for (std::string_view vowel : kVowelStarts) {
    if (place.starts_with(vowel)) return "route d'" + std::string(place);
  }
  if (place.starts_with("Le ")) return "route du " + std::string(place.substr(3));
  return "route de " + std::string(place);
}

}  // namespace

std::string RandomFirstName(DemoRandom& random) { return std::string(random.Pick(kFirstNames)); }

PersonName RandomPerson(DemoRandom& random) {
  std::string first = RandomFirstName(random);
  std::string last(random.Pick(kSurnames));
  return {std::move(first), std::move(last)};
}

std::string RandomAddressLine(DemoRandom& random, std::string_view neighbour) {
  switch (random.Below(5)) {
    case 0:
      return "Lieu-dit " + std::string(random.Pick(kHamlets));
    case 1:
      return std::to_string(random.Between(1, 40)) + " " + RouteTo(neighbour);
    case 2:
      return "Le Bourg";
    default: {
      // Two draws: sequenced in statements, since the operands of + have no evaluation order.
      const int number = random.Between(1, 30);
      return std::to_string(number) + " " + std::string(random.Pick(kStreets));
    }
  }
}

std::string RandomStreetLine(DemoRandom& random) {
  const int number = random.Between(1, 120);
  return std::to_string(number) + " " + std::string(random.Pick(kStreets));
}

std::string RandomAccommodationName(DemoRandom& random, Nature nature) {
  std::string_view word = random.Pick(kRentalWords);
  if (nature == Nature::kGuestHouse) word = random.Pick(kGuestHouseWords);
  if (nature == Nature::kOther) word = random.Pick(kOtherWords);
  return std::string(word) + " " + std::string(random.Pick(kNameEndings));
}

std::string RandomLettingCompanyName(DemoRandom& random) {
  const std::string_view form = random.Percent(60) ? "SCI" : "SARL";
  return std::string(form) + " " + std::string(random.Pick(kCompanyWords));
}

std::string_view RandomLegalForm(DemoRandom& random) {
  static constexpr std::array<std::string_view, 4> kForms = {"SARL", "SARL", "SAS", "EURL"};
  return random.Pick(kForms);
}

std::span<const Town> OutsideTowns() { return kOutsideTowns; }
std::span<const Manager> Conciergeries() { return kConciergeries; }
std::span<const std::string_view> ClassificationBodies() { return kBodies; }
std::span<const std::string_view> PersonalMailDomains() { return kMailDomains; }

}  // namespace nuitee::demo
