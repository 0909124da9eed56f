// Checks of a stay's input before computing its tax (CGCT L. 2333-29 to L. 2333-31).
#include "rates/stay_tax_input.hpp"

#include <string>

#include "rates/french_format.hpp"

namespace nuitee::rates {
namespace {

constexpr int kMaxNights = 365;
constexpr int kMaxOccupants = 10000;
constexpr std::int64_t kMaxPricePerNightCents = 100'000'000;  // one million euros a night

Day LastNight(const Stay& stay) { return AddDays(stay.arrival, stay.nights - 1); }

bool DatesUsable(const Stay& stay) {
  return stay.arrival.ok() && IsPlausibleRegisterDay(stay.arrival) && stay.nights >= 1 &&
         stay.nights <= kMaxNights;
}

void CheckExemptions(const Stay& stay, FieldErrors& errors) {
  const std::pair<const char*, int> counts[] = {
      {"/exempt/minors", stay.exempt.minors},
      {"/exempt/seasonal_workers", stay.exempt.seasonal_workers},
      {"/exempt/emergency_housing", stay.exempt.emergency_housing},
      {"/exempt/low_rent", stay.exempt.low_rent},
  };
  bool all_non_negative = true;
  for (const auto& [pointer, count] : counts) {
    if (count >= 0) continue;
    all_non_negative = false;
    errors.Add(pointer, "Le nombre d'occupants exonérés ne peut pas être négatif.");
  }
  if (all_non_negative && stay.occupants >= 1 &&
      std::int64_t(stay.exempt.minors) + stay.exempt.seasonal_workers +
              stay.exempt.emergency_housing + stay.exempt.low_rent >
          stay.occupants) {
    errors.Add("/exempt",
               "Le nombre d'occupants exonérés (" +
                   std::to_string(std::int64_t(stay.exempt.minors) + stay.exempt.seasonal_workers +
                                  stay.exempt.emergency_housing + stay.exempt.low_rent) +
                   ") dépasse le nombre d'occupants (" + std::to_string(stay.occupants) + ").");
  }
}

// Returns whether the categories are usable to find the category of each night.
bool CheckCategories(const Stay& stay, std::span<const CategoryFrom> categories,
                     FieldErrors& errors) {
  if (categories.empty()) {
    errors.Add("/category", "La catégorie de l'hébergement est inconnue.");
    return false;
  }
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (!categories[i].from.ok() || (i > 0 && categories[i].from < categories[i - 1].from)) {
      errors.Add("/category", "L'historique de classement de l'hébergement est incohérent.");
      return false;
    }
  }
  if (stay.arrival.ok() && categories.front().from > stay.arrival) {
    errors.Add("/category", "La catégorie de l'hébergement n'est pas connue pour la nuit du " +
                                FormatFrenchDate(stay.arrival) + ".");
  }
  return true;
}

}  // namespace

FieldErrors CheckStayInput(const Stay& stay, std::span<const CategoryFrom> categories) {
  FieldErrors errors;
  if (!stay.arrival.ok() || !IsPlausibleRegisterDay(stay.arrival)) {
    errors.Add("/arrival", "La date d'arrivée est invalide.");
  }
  if (stay.nights < 1 || stay.nights > kMaxNights) {
    errors.Add("/nights", "Le nombre de nuits doit être compris entre 1 et 365.");
  }
  if (stay.occupants < 1 || stay.occupants > kMaxOccupants) {
    errors.Add("/occupants", "Le nombre d'occupants doit être compris entre 1 et 10 000.");
  }
  CheckExemptions(stay, errors);
  if (stay.price_per_night && (stay.price_per_night->cents() < 0 ||
                               stay.price_per_night->cents() > kMaxPricePerNightCents)) {
    errors.Add("/price_per_night_cents",
               "Le prix de la nuitée doit être compris entre 0 € et 1 000 000 €.");
  }
  const bool categories_usable = CheckCategories(stay, categories, errors);
  if (categories_usable && DatesUsable(stay) && !stay.price_per_night &&
      HasUnclassifiedNight(stay, categories)) {
    // L. 2333-30: the unclassified rate applies to the cost of the night, so the price is needed.
    errors.Add("/price_per_night_cents",
               "Le prix de la nuitée hors taxes est obligatoire pour un hébergement non classé.");
  }
  return errors;
}

bool HasUnclassifiedNight(const Stay& stay, std::span<const CategoryFrom> categories) {
  const Day last_night = LastNight(stay);
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (categories[i].category != Category::kUnclassified) continue;
    const bool starts_in_time = categories[i].from <= last_night;
    const bool ends_in_time = i + 1 == categories.size() || categories[i + 1].from > stay.arrival;
    if (starts_in_time && ends_in_time) return true;
  }
  return false;
}

void CheckLowRentExemption(const Stay& stay, const RateBook& book, FieldErrors& errors) {
  if (stay.exempt.low_rent <= 0 || !DatesUsable(stay)) return;
  const int first_year = int(stay.arrival.year());
  const int last_year = int(LastNight(stay).year());
  for (int year = first_year; year <= last_year; ++year) {
    const VersionedDeliberation* found = book.DeliberationFor(year);
    if (!found) continue;
    const auto& threshold = found->deliberation.low_rent_threshold;
    if (!threshold) {
      errors.Add("/exempt/low_rent",
                 "La délibération " + std::to_string(year) +
                     " ne fixe pas de loyer en dessous duquel les occupants sont exonérés "
                     "(CGCT L. 2333-31, 4°) : cette exonération ne peut pas s'appliquer.");
      return;
    }
    // The exemption rests on the rent being below the threshold: without the rent it cannot be
    // checked, so the price is required even for a classified stay (our reading, decisions.md).
    if (!stay.price_per_night) {
      errors.Add("/price_per_night_cents",
                 "Indiquez le loyer par nuit hors taxes : l'exonération pour loyer modique "
                 "(CGCT L. 2333-31, 4°) ne s'applique que s'il est inférieur au seuil de " +
                     FormatEuros(*threshold) + " fixé par la délibération " +
                     std::to_string(year) + ".");
      return;
    }
    if (*stay.price_per_night >= *threshold) {
      errors.Add("/exempt/low_rent",
                 "Le loyer de " + FormatEuros(*stay.price_per_night) +
                     " par nuit n'est pas inférieur au seuil de " + FormatEuros(*threshold) +
                     " fixé par la délibération " + std::to_string(year) +
                     " : l'exonération pour loyer modique (CGCT L. 2333-31, 4°) ne s'applique "
                     "pas.");
      return;
    }
  }
}

}  // namespace nuitee::rates
