// Accommodations: realistic capacities per nature, registration numbers for meublés, marketing
// channels, opening dates and the seasonal closures of a mountain destination.
#include "demo/accommodations.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "demo/calendar.hpp"
#include "demo/communes.hpp"
#include "demo/identifiers.hpp"
#include "demo/names.hpp"

namespace nuitee::demo {
namespace {

struct Taken {
  std::set<std::string> registration_numbers;
  std::set<std::string> addresses;  // "insee|line"
};

std::string UniqueAddress(DemoRandom& random, const std::string& insee_code, Taken& taken) {
  for (;;) {
    const DemoCommune& neighbour = random.Pick(DemoCommunes());
    if (neighbour.insee_code == insee_code) continue;  // no "route de Murat" inside Murat
    std::string line = RandomAddressLine(random, neighbour.name);
    if (taken.addresses.insert(insee_code + "|" + line).second) return line;
  }
}

std::string UniqueRegistrationNumber(DemoRandom& random, const std::string& insee_code,
                                     Taken& taken) {
  for (;;) {
    std::string number = MakeRegistrationNumber(random, insee_code);
    if (taken.registration_numbers.insert(number).second) return number;
  }
}

void SetCapacity(DemoRandom& random, Accommodation& accommodation) {
  static constexpr std::array<int, 15> kRentalSizes = {2, 2, 3, 4, 4, 4, 5, 5,
                                                       6, 6, 6, 7, 8, 8, 10};
  switch (accommodation.nature) {
    case Nature::kFurnishedRental:
      accommodation.capacity_persons = random.Pick(kRentalSizes);
      break;
    case Nature::kGuestHouse: {  // at most five rooms and fifteen guests (Code du tourisme)
      const int rooms = random.Between(1, 5);
      const int per_room = random.Between(2, 3);
      accommodation.capacity_persons = std::min(15, rooms * per_room);
      break;
    }
    case Nature::kHostel:
      accommodation.capacity_persons = random.Between(12, 40);
      break;
    case Nature::kHotel:
      accommodation.capacity_persons = random.Between(24, 60);
      break;
    case Nature::kHolidayVillage:
      accommodation.capacity_persons = random.Between(80, 250);
      break;
    case Nature::kCamping: {
      const int pitches = random.Between(20, 120);
      const int extra = random.Between(0, 30);
      accommodation.capacity_units = pitches;
      accommodation.capacity_persons = std::clamp(pitches * 3 + extra, 50, 400);
      break;
    }
    case Nature::kCamperVanArea: {
      const int pitches = random.Between(5, 30);
      accommodation.capacity_units = pitches;
      accommodation.capacity_persons = pitches * 3;
      break;
    }
    default:
      accommodation.capacity_persons = random.Between(2, 6);
      break;
  }
}

Marketing RandomMarketing(DemoRandom& random, Nature nature, bool managed) {
  static constexpr std::array<Marketing, 3> kChannels = {Marketing::kDirect, Marketing::kPlatforms,
                                                         Marketing::kBoth};
  // Conciergeries live on the platforms; larger establishments also keep their own bookings.
  if (managed) return random.Percent(50) ? Marketing::kPlatforms : Marketing::kBoth;
  if (IsLargerEstablishment(nature)) {
    return random.Percent(70) ? Marketing::kBoth : Marketing::kDirect;
  }
  const std::array<int, 3> weights =
      nature == Nature::kGuestHouse ? std::array{35, 25, 40} : std::array{25, 35, 40};
  return kChannels[random.Weighted(weights)];
}

std::optional<Day> RandomOpening(DemoRandom& random, Nature nature, Day today) {
  const bool larger = IsLargerEstablishment(nature);
  if (!random.Percent(larger ? 90 : 65)) return std::nullopt;
  return random.DayBetween(ShiftYears(today, larger ? -45 : -25), AddDays(today, -90));
}

DayRange Season(int from_year, unsigned from_month, unsigned from_day, int to_year,
                unsigned to_month, unsigned to_day) {
  return {MakeDay(from_year, from_month, from_day), MakeDay(to_year, to_month, to_day)};
}

// This year's closures (and last winter's for campings), as their owners declare them.
std::vector<DayRange> RandomClosures(DemoRandom& random, const Slot& slot, Day today) {
  const int year = static_cast<int>(today.year());
  const bool ski_resort = slot.insee_code == "15101" || slot.insee_code == "63038";
  const bool high_plateau = slot.insee_code == "63169" || slot.insee_code == "15061";
  switch (slot.nature) {
    case Nature::kCamping:
      return {Season(year - 1, 11, 1, year, 3, 31), Season(year, 11, 1, year + 1, 3, 31)};
    case Nature::kHolidayVillage:
      return {Season(year, 4, 6, year, 5, 8), Season(year, 10, 26, year, 12, 18)};
    case Nature::kHotel:
      if (ski_resort) return {Season(year, 4, 13, year, 5, 29), Season(year, 11, 2, year, 12, 11)};
      return {Season(year, 1, 5, year, 1, 30)};
    case Nature::kHostel:
      if (random.Percent(50)) return {Season(year, 11, 15, year + 1, 3, 15)};
      return {};
    case Nature::kCamperVanArea:
      if (high_plateau) return {Season(year, 12, 1, year + 1, 3, 31)};  // snowed in
      return {};
    default:
      break;
  }
  if (!random.Percent(6)) return {};
  const Day from = random.DayBetween(AddDays(today, -60), AddDays(today, 90));  // works, rest
  return {DayRange{from, AddDays(from, random.Between(14, 56))}};
}

Accommodation MakeAccommodation(DemoRandom& random, const Slot& slot, const Host& host,
                                const CollectivityId& collectivity, Day today, Taken& taken) {
  Accommodation accommodation;
  accommodation.collectivity_id = collectivity;
  accommodation.host_id = host.id;
  accommodation.nature = slot.nature;
  accommodation.name = slot.establishment_name.empty()
                           ? RandomAccommodationName(random, slot.nature)
                           : slot.establishment_name;
  accommodation.commune_insee_code = slot.insee_code;
  accommodation.address_line = UniqueAddress(random, slot.insee_code, taken);
  accommodation.postal_code = std::string(DemoCommuneByCode(slot.insee_code).postal_code);
  SetCapacity(random, accommodation);
  // Every meublé is registered (loi Le Meur); some chambres d'hôtes declared one too.
  if (RequiresRegistrationNumber(slot.nature) ||
      (AcceptsRegistrationNumber(slot.nature) && random.Percent(40))) {
    accommodation.registration_number = UniqueRegistrationNumber(random, slot.insee_code, taken);
  }
  accommodation.marketing = RandomMarketing(random, slot.nature, host.manager.has_value());
  accommodation.opened_on = RandomOpening(random, slot.nature, today);
  accommodation.closures = RandomClosures(random, slot, today);
  return accommodation;
}

}  // namespace

std::vector<Accommodation> MakeAccommodations(DemoRandom& random, DemoRandom& ids, const Plan& plan,
                                              const std::vector<Host>& hosts,
                                              const CollectivityId& collectivity, Day today) {
  Taken taken;
  std::vector<Accommodation> accommodations;
  for (const auto& slot : plan.slots) {
    Accommodation accommodation =
        MakeAccommodation(random, slot, hosts[slot.host], collectivity, today, taken);
    accommodation.id = AccommodationId(ids.Uuid());
    accommodations.push_back(std::move(accommodation));
  }
  return accommodations;
}

void CeaseSome(DemoRandom& random, std::vector<Accommodation>& accommodations, int count,
               Day today) {
  for (int ceased = 0; ceased < count;) {
    Accommodation& accommodation = accommodations[random.Below(accommodations.size())];
    if (accommodation.ceased_on || IsLargerEstablishment(accommodation.nature)) continue;
    Day earliest = ShiftYears(today, -3);
    if (accommodation.opened_on && *accommodation.opened_on > earliest) {
      earliest = AddDays(*accommodation.opened_on, 30);  // openings end 90 days before today
    }
    accommodation.ceased_on = random.DayBetween(earliest, AddDays(today, -40));
    accommodation.closures.clear();  // nothing left to close
    ++ceased;
  }
}

}  // namespace nuitee::demo
