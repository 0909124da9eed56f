// Names, labels and properties of the natures of accommodation.
#include "domain/nature.hpp"

namespace nuitee {

std::string_view NatureName(Nature nature) {
  switch (nature) {
    case Nature::kHotel: return "hotel";
    case Nature::kTouristResidence: return "tourist_residence";
    case Nature::kFurnishedRental: return "furnished_rental";
    case Nature::kGuestHouse: return "guest_house";
    case Nature::kHolidayVillage: return "holiday_village";
    case Nature::kCamping: return "camping";
    case Nature::kCamperVanArea: return "camper_van_area";
    case Nature::kMarina: return "marina";
    case Nature::kHostel: return "hostel";
    case Nature::kPalace: return "palace";
    case Nature::kOther: return "other";
  }
  return "other";
}

std::string_view NatureLabel(Nature nature) {
  switch (nature) {
    case Nature::kHotel: return "Hôtel de tourisme";
    case Nature::kTouristResidence: return "Résidence de tourisme";
    case Nature::kFurnishedRental: return "Meublé de tourisme";
    case Nature::kGuestHouse: return "Chambre d'hôtes";
    case Nature::kHolidayVillage: return "Village de vacances";
    case Nature::kCamping: return "Terrain de camping";
    case Nature::kCamperVanArea: return "Aire de camping-cars ou parc de stationnement touristique";
    case Nature::kMarina: return "Port de plaisance";
    case Nature::kHostel: return "Auberge collective";
    case Nature::kPalace: return "Palace";
    case Nature::kOther: return "Autre hébergement";
  }
  return "Autre hébergement";
}

std::optional<Nature> ParseNature(std::string_view name) {
  for (Nature nature : kAllNatures) {
    if (NatureName(nature) == name) return nature;
  }
  return std::nullopt;
}

CapacityUnit CapacityUnitOf(Nature nature) {
  switch (nature) {
    case Nature::kCamping:
    case Nature::kCamperVanArea: return CapacityUnit::kPitches;
    case Nature::kMarina: return CapacityUnit::kMoorings;
    default: return CapacityUnit::kNone;
  }
}

bool RequiresRegistrationNumber(Nature nature) { return nature == Nature::kFurnishedRental; }

bool AcceptsRegistrationNumber(Nature nature) {
  return nature == Nature::kFurnishedRental || nature == Nature::kGuestHouse;
}

}  // namespace nuitee
