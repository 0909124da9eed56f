// Validation and status of an accommodation.
#include "domain/accommodation.hpp"

#include "domain/registration_number.hpp"

namespace nuitee {

std::string_view MarketingName(Marketing marketing) {
  switch (marketing) {
    case Marketing::kDirect: return "direct";
    case Marketing::kPlatforms: return "platforms";
    case Marketing::kBoth: return "both";
  }
  return "direct";
}

std::optional<Marketing> ParseMarketing(std::string_view name) {
  if (name == "direct") return Marketing::kDirect;
  if (name == "platforms") return Marketing::kPlatforms;
  if (name == "both") return Marketing::kBoth;
  return std::nullopt;
}

std::string_view AccommodationStatusName(AccommodationStatus status) {
  switch (status) {
    case AccommodationStatus::kActive: return "active";
    case AccommodationStatus::kClosed: return "closed";
    case AccommodationStatus::kCeased: return "ceased";
  }
  return "active";
}

std::optional<AccommodationStatus> ParseAccommodationStatus(std::string_view name) {
  for (auto status : {AccommodationStatus::kActive, AccommodationStatus::kClosed,
                      AccommodationStatus::kCeased}) {
    if (AccommodationStatusName(status) == name) return status;
  }
  return std::nullopt;
}

AccommodationStatus Accommodation::StatusOn(Day day) const {
  if (ceased_on && *ceased_on <= day) return AccommodationStatus::kCeased;
  for (const auto& closure : closures) {
    if (closure.Contains(day)) return AccommodationStatus::kClosed;
  }
  return AccommodationStatus::kActive;
}

namespace {

void ValidateCapacity(const Accommodation& accommodation, FieldErrors& errors) {
  if (accommodation.capacity_persons < 1) {
    errors.Add("/capacity_persons", "La capacité doit être d'au moins une personne.");
  } else if (accommodation.capacity_persons > 100000) {
    errors.Add("/capacity_persons", "La capacité ne peut dépasser 100 000 personnes.");
  }
  const CapacityUnit unit = CapacityUnitOf(accommodation.nature);
  if (accommodation.capacity_units) {
    if (unit == CapacityUnit::kNone) {
      errors.Add("/capacity_units",
                 "Seuls les campings, aires de camping-cars et ports de plaisance ont des "
                 "emplacements ou des anneaux.");
    } else if (*accommodation.capacity_units < 1) {
      errors.Add("/capacity_units", unit == CapacityUnit::kPitches
                                        ? "Le nombre d'emplacements doit être positif."
                                        : "Le nombre d'anneaux doit être positif.");
    }
  } else if (unit != CapacityUnit::kNone) {
    errors.Add("/capacity_units", unit == CapacityUnit::kPitches
                                      ? "Le nombre d'emplacements est obligatoire."
                                      : "Le nombre d'anneaux est obligatoire.");
  }
}

void ValidateRegistration(const Accommodation& accommodation, bool registration_required,
                          FieldErrors& errors) {
  if (accommodation.registration_number) {
    if (!AcceptsRegistrationNumber(accommodation.nature)) {
      errors.Add("/registration_number",
                 "Seuls les meublés de tourisme et les chambres d'hôtes ont un numéro "
                 "d'enregistrement.");
    } else if (auto valid = ValidateRegistrationNumber(*accommodation.registration_number,
                                                       accommodation.commune_insee_code);
               !valid) {
      errors.Append(valid.error());
    }
  } else if (registration_required && RequiresRegistrationNumber(accommodation.nature)) {
    errors.Add("/registration_number",
               "Le numéro d'enregistrement est obligatoire pour un meublé de tourisme.");
  }
}

void ValidatePeriods(const Accommodation& accommodation, FieldErrors& errors) {
  for (std::size_t i = 0; i < accommodation.closures.size(); ++i) {
    const auto& closure = accommodation.closures[i];
    const std::string pointer = "/closures/" + std::to_string(i);
    if (closure.to < closure.from) {
      errors.Add(pointer + "/to", "La fin de la fermeture précède son début.");
    }
    for (std::size_t j = 0; j < i; ++j) {
      const auto& other = accommodation.closures[j];
      if (closure.from <= other.to && other.from <= closure.to) {
        errors.Add(pointer, "Cette période de fermeture chevauche la période n° " +
                                std::to_string(j + 1) + ".");
      }
    }
  }
  if (accommodation.opened_on && accommodation.ceased_on &&
      *accommodation.ceased_on < *accommodation.opened_on) {
    errors.Add("/ceased_on", "La date de cessation précède la date d'ouverture.");
  }
}

}  // namespace

Status ValidateAccommodation(const Accommodation& accommodation, const Collectivity& collectivity,
                             bool registration_required) {
  FieldErrors errors;
  if (accommodation.name.empty()) errors.Add("/name", "Le nom de l'hébergement est obligatoire.");
  if (!collectivity.FindCommune(accommodation.commune_insee_code)) {
    errors.Add("/commune", "Cette commune n'est pas membre de la collectivité.");
  }
  if (accommodation.address_line.empty()) errors.Add("/address/line", "L'adresse est obligatoire.");
  bool five_digits = accommodation.postal_code.size() == 5;
  for (char c : accommodation.postal_code) five_digits = five_digits && c >= '0' && c <= '9';
  if (!five_digits) errors.Add("/address/postal_code", "Le code postal doit comporter 5 chiffres.");
  ValidateCapacity(accommodation, errors);
  ValidateRegistration(accommodation, registration_required, errors);
  ValidatePeriods(accommodation, errors);
  if (!errors.empty()) return Fail(errors.ToError());
  return {};
}

}  // namespace nuitee
