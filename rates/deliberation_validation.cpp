// Checks a deliberation against the law and the year's legal grid, reporting every violation with
// the JSON pointer of its field and a French message a collectivity's agent can act on.
#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "rates/additional_tax_validation.hpp"
#include "rates/deliberation.hpp"
#include "rates/french_format.hpp"

namespace nuitee::rates {
namespace {

std::string Indexed(std::string_view list, std::size_t index, std::string_view field = {}) {
  std::string pointer = "/";
  pointer += list;
  pointer += '/';
  pointer += std::to_string(index);
  if (!field.empty()) {
    pointer += '/';
    pointer += field;
  }
  return pointer;
}

std::string TariffPointer(Category category) {
  return "/tariffs_cents/" + std::string(CategoryName(category));
}

// Tariffs within the year's floor and ceiling (L. 2333-30; L. 2333-41 for the forfait).
void CheckTariffBounds(const Deliberation& deliberation, const LegalGrid& grid,
                       FieldErrors& errors) {
  const std::string year = std::to_string(grid.year);
  for (int row = 1; row <= 8; ++row) {
    const Category category = Category(row);
    const Money tariff = deliberation.tariffs[row - 1];
    const GridRow& bounds = grid.rows[row - 1];
    const std::string label(CategoryLabel(category));
    if (bounds.floor == bounds.ceiling && tariff != bounds.floor) {
      errors.Add(TariffPointer(category), "Le tarif de la catégorie " + label +
                                              " est fixé par la loi à " +
                                              FormatEuros(bounds.floor) + " en " + year + " (" +
                                              FormatEuros(tariff) + " délibéré).");
    } else if (tariff > bounds.ceiling) {
      errors.Add(TariffPointer(category),
                 "Le tarif " + FormatEuros(tariff) + " dépasse le plafond légal " + year + " de " +
                     FormatEuros(bounds.ceiling) + " pour la catégorie " + label + ".");
    } else if (tariff < bounds.floor) {
      errors.Add(TariffPointer(category),
                 "Le tarif " + FormatEuros(tariff) + " est inférieur au plancher légal " + year +
                     " de " + FormatEuros(bounds.floor) + " pour la catégorie " + label + ".");
    }
  }
}

// L. 2333-30: "le tarif retenu … pour une catégorie d'hébergement ne peut excéder le tarif retenu
// pour une catégorie supérieure de même nature". Hotels, résidences and meublés share the scale
// palace ≥ 5★ ≥ … ≥ 1★; campings theirs, 3–5★ ≥ 1–2★. Reported on the lower category.
void CheckTariffOrder(const Deliberation& deliberation, FieldErrors& errors) {
  constexpr std::pair<Category, Category> kHigherLower[] = {
      {Category::kPalace, Category::kFiveStars},
      {Category::kFiveStars, Category::kFourStars},
      {Category::kFourStars, Category::kThreeStars},
      {Category::kThreeStars, Category::kTwoStars},
      {Category::kTwoStars, Category::kOneStar},
      {Category::kCampingHigh, Category::kCampingLow},
  };
  for (const auto& [higher, lower] : kHigherLower) {
    if (deliberation.Tariff(lower) <= deliberation.Tariff(higher)) continue;
    errors.Add(TariffPointer(lower),
               "Le tarif de la catégorie " + std::string(CategoryLabel(lower)) + " (" +
                   FormatEuros(deliberation.Tariff(lower)) +
                   ") ne peut pas dépasser celui de la catégorie supérieure " +
                   std::string(CategoryLabel(higher)) + " (" +
                   FormatEuros(deliberation.Tariff(higher)) + ") (CGCT L. 2333-30).");
  }
}

// Row 9 (L. 2333-30): a percentage of the cost per person and night, 1 %–5 %.
void CheckUnclassifiedRate(const Deliberation& deliberation, const LegalGrid& grid,
                           FieldErrors& errors) {
  const BasisPoints rate = deliberation.unclassified_rate;
  if (rate >= grid.unclassified_min && rate <= grid.unclassified_max) return;
  errors.Add("/unclassified_rate_bp",
             "Le taux des hébergements non classés (" + FormatPercent(rate) +
                 ") doit être compris entre " + FormatPercent(grid.unclassified_min) + " et " +
                 FormatPercent(grid.unclassified_max) + " (CGCT L. 2333-30).");
}

std::string PeriodText(const PerceptionPeriod& period) {
  return "du " + FormatFrenchDate(period.first_night) + " au " +
         FormatFrenchDate(period.last_night);
}

// The deliberation fixes the perception period(s) within its year (taxe-de-sejour.md §6).
void CheckPerceptionPeriods(const Deliberation& deliberation, FieldErrors& errors) {
  const auto& periods = deliberation.perception_periods;
  if (periods.empty()) {
    errors.Add("/perception_periods", "Au moins une période de perception est requise.");
    return;
  }
  const date::year year{deliberation.year};
  std::vector<std::size_t> well_formed;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const PerceptionPeriod& period = periods[i];
    if (!period.first_night.ok() || !period.last_night.ok()) {
      errors.Add(Indexed("perception_periods", i), "La période contient une date invalide.");
    } else if (period.first_night > period.last_night) {
      errors.Add(Indexed("perception_periods", i),
                 "La période commence le " + FormatFrenchDate(period.first_night) +
                     ", après sa fin le " + FormatFrenchDate(period.last_night) + ".");
    } else if (period.first_night.year() != year || period.last_night.year() != year) {
      errors.Add(Indexed("perception_periods", i), "La période " + PeriodText(period) +
                                                       " doit être comprise dans l'année " +
                                                       std::to_string(deliberation.year) + ".");
    } else {
      well_formed.push_back(i);
    }
  }
  std::stable_sort(well_formed.begin(), well_formed.end(), [&](std::size_t a, std::size_t b) {
    return periods[a].first_night < periods[b].first_night;
  });
  for (std::size_t k = 1; k < well_formed.size(); ++k) {
    const PerceptionPeriod& earlier = periods[well_formed[k - 1]];
    const PerceptionPeriod& later = periods[well_formed[k]];
    if (later.first_night <= earlier.last_night) {
      errors.Add(
          Indexed("perception_periods", well_formed[k]),
          "La période " + PeriodText(later) + " chevauche la période " + PeriodText(earlier) + ".");
    }
  }
}

std::string TierText(const AbatementTier& tier) {
  if (!tier.max_nights) return "à partir de " + CountOf(tier.min_nights, "nuit", "nuits");
  return "de " + std::to_string(tier.min_nights) + " à " +
         CountOf(*tier.max_nights, "nuit", "nuits");
}

// Forfait abatement (L. 2333-41): 10 %–80 % since LF 2021 art. 122, 10 %–50 % before.
void CheckAbatements(const Deliberation& deliberation, FieldErrors& errors) {
  const auto& tiers = deliberation.abatements;
  const bool since_2021 = deliberation.year >= 2021;
  const BasisPoints lowest{1000};
  const BasisPoints highest{since_2021 ? 8000 : 5000};
  std::vector<std::size_t> well_formed;
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const AbatementTier& tier = tiers[i];
    if (tier.rate < lowest || tier.rate > highest) {
      errors.Add(Indexed("abatements", i, "rate_bp"),
                 "L'abattement de " + FormatPercent(tier.rate) + " doit être compris entre " +
                     FormatPercent(lowest) + " et " + FormatPercent(highest) +
                     (since_2021 ? " (CGCT L. 2333-41, LF 2021 art. 122)."
                                 : " (CGCT L. 2333-41 avant la LF 2021)."));
    }
    bool ok = true;
    if (tier.min_nights < 0) {
      ok = false;
      errors.Add(Indexed("abatements", i, "min_nights"),
                 "Le nombre minimal de nuits ne peut pas être négatif.");
    }
    if (tier.max_nights && *tier.max_nights < tier.min_nights) {
      ok = false;
      errors.Add(Indexed("abatements", i, "max_nights"),
                 "Le nombre maximal de nuits (" + std::to_string(*tier.max_nights) +
                     ") est inférieur au nombre minimal (" + std::to_string(tier.min_nights) +
                     ").");
    }
    if (ok) well_formed.push_back(i);
  }
  std::stable_sort(well_formed.begin(), well_formed.end(), [&](std::size_t a, std::size_t b) {
    return tiers[a].min_nights < tiers[b].min_nights;
  });
  for (std::size_t k = 1; k < well_formed.size(); ++k) {
    const AbatementTier& earlier = tiers[well_formed[k - 1]];
    const AbatementTier& later = tiers[well_formed[k]];
    if (!earlier.max_nights || later.min_nights <= *earlier.max_nights) {
      errors.Add(
          Indexed("abatements", well_formed[k]),
          "La tranche " + TierText(later) + " chevauche la tranche " + TierText(earlier) + ".");
    }
  }
}

bool IsInseeCommuneCode(std::string_view code) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (code.size() != 5) return false;
  // Corsica: 2A (Corse-du-Sud) and 2B (Haute-Corse) replace the département digits.
  const bool corsica = code[0] == '2' && (code[1] == 'A' || code[1] == 'B');
  if (!corsica && !(digit(code[0]) && digit(code[1]))) return false;
  return digit(code[2]) && digit(code[3]) && digit(code[4]);
}

void CheckCommunes(const Deliberation& deliberation, FieldErrors& errors) {
  const auto& communes = deliberation.communes;
  if (communes.empty()) {
    errors.Add("/communes", "La délibération doit couvrir au moins une commune.");
    return;
  }
  for (std::size_t i = 0; i < communes.size(); ++i) {
    if (!IsInseeCommuneCode(communes[i])) {
      errors.Add(Indexed("communes", i),
                 "« " + communes[i] +
                     " » n'est pas un code INSEE de commune (5 caractères : "
                     "5 chiffres, ou 2A/2B suivis de 3 chiffres pour la Corse).");
    } else if (std::find(communes.begin(), communes.begin() + std::ptrdiff_t(i), communes[i]) !=
               communes.begin() + std::ptrdiff_t(i)) {
      errors.Add(Indexed("communes", i),
                 "La commune " + communes[i] + " figure déjà dans la liste.");
    }
  }
}

}  // namespace

FieldErrors ValidateDeliberation(const Deliberation& deliberation, const LegalGrid& grid) {
  FieldErrors errors;
  if (deliberation.year != grid.year) {
    errors.Add("/year", "La délibération porte sur l'année " + std::to_string(deliberation.year) +
                            " mais le barème légal fourni est celui de " +
                            std::to_string(grid.year) + ".");
  }
  CheckTariffBounds(deliberation, grid, errors);
  CheckTariffOrder(deliberation, errors);
  CheckUnclassifiedRate(deliberation, grid, errors);
  CheckPerceptionPeriods(deliberation, errors);
  CheckAbatements(deliberation, errors);
  // Exemption 4° (L. 2333-31): persons whose rent is below the amount set by the council.
  if (deliberation.low_rent_threshold && *deliberation.low_rent_threshold <= Money::Zero()) {
    errors.Add("/low_rent_threshold_cents",
               "Le loyer en dessous duquel les occupants sont exonérés (CGCT L. 2333-31, 4°) "
               "doit être positif.");
  }
  CheckCommunes(deliberation, errors);
  CheckAdditionalTaxes(deliberation, errors);
  return errors;
}

}  // namespace nuitee::rates
