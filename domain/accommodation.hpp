// Accommodation (hébergement): one lodging unit or establishment of a host, in a member commune.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/collectivity.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/nature.hpp"

namespace nuitee {

enum class Marketing { kDirect, kPlatforms, kBoth };
std::string_view MarketingName(Marketing marketing);
std::optional<Marketing> ParseMarketing(std::string_view name);

// Where an accommodation stands on a given day.
enum class AccommodationStatus { kActive, kClosed, kCeased };
std::string_view AccommodationStatusName(AccommodationStatus status);
std::optional<AccommodationStatus> ParseAccommodationStatus(std::string_view name);

struct Accommodation {
  AccommodationId id;
  CollectivityId collectivity_id;
  HostId host_id;
  std::string name;
  std::string commune_insee_code;
  std::string address_line;
  std::string postal_code;
  Nature nature = Nature::kFurnishedRental;
  int capacity_persons = 0;
  std::optional<int> capacity_units;  // pitches or moorings, where the nature has them
  std::optional<std::string> registration_number;
  Marketing marketing = Marketing::kDirect;
  std::optional<Day> opened_on;
  std::vector<DayRange> closures;     // seasonal or temporary closures
  std::optional<Day> ceased_on;       // accommodations cease, they are never deleted
  long long version = 0;

  AccommodationStatus StatusOn(Day day) const;
};

// Every problem at once. `collectivity` gives the member communes; `registration_required` is the
// collectivity's setting (meublés must be registered everywhere since loi Le Meur).
Status ValidateAccommodation(const Accommodation& accommodation, const Collectivity& collectivity,
                             bool registration_required);

}  // namespace nuitee
