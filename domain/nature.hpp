// Natures of accommodation (CGCT art. R. 2333-44) and what each one implies.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace nuitee {

enum class Nature {
  kHotel,
  kTouristResidence,      // résidence de tourisme
  kFurnishedRental,       // meublé de tourisme
  kGuestHouse,            // chambre d'hôtes
  kHolidayVillage,        // village de vacances
  kCamping,               // terrain de camping ou de caravanage
  kCamperVanArea,         // aire de camping-cars, parc de stationnement touristique
  kMarina,                // port de plaisance
  kHostel,                // auberge collective
  kPalace,                // palace (a hotel holding the palace distinction)
  kOther,
};

inline constexpr std::array<Nature, 11> kAllNatures = {
    Nature::kHotel,    Nature::kTouristResidence, Nature::kFurnishedRental, Nature::kGuestHouse,
    Nature::kHolidayVillage, Nature::kCamping,    Nature::kCamperVanArea,   Nature::kMarina,
    Nature::kHostel,   Nature::kPalace,           Nature::kOther};

std::string_view NatureName(Nature nature);
std::optional<Nature> ParseNature(std::string_view name);
// The French label shown to users ("Meublé de tourisme").
std::string_view NatureLabel(Nature nature);

// Capacity beyond persons: pitches for campings and camper-van areas, moorings for marinas.
enum class CapacityUnit { kNone, kPitches, kMoorings };
CapacityUnit CapacityUnitOf(Nature nature);

// Meublés de tourisme must hold a registration number (Code du tourisme L. 324-1-1, generalised by
// loi n° 2024-1039 "Le Meur"); chambres d'hôtes may hold one; other natures have none.
bool RequiresRegistrationNumber(Nature nature);
bool AcceptsRegistrationNumber(Nature nature);

}  // namespace nuitee
