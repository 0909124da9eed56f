// The forfait (CGCT L. 2333-40 to L. 2333-47): tariff × capacity × nights open × (1 − abatement),
// rounded half-up once, plus the additional taxes computed on the exact tax.
#include "rates/flat_rate_tax.hpp"

#include <algorithm>

#include "rates/int128.hpp"

namespace nuitee::rates {
namespace {

constexpr int kMaxCapacityUnits = 100000;
constexpr int kMaxNightsOpen = 366;

FieldErrors CheckInput(const FlatRateInput& input) {
  FieldErrors errors;
  if (input.year < 2019 || input.year > 2199) {
    errors.Add("/year", "L'année doit être comprise entre 2019 et 2199.");
  }
  // LF 2020 art. 112: unclassified lodging is always taxed au réel.
  if (input.category == Category::kUnclassified) {
    errors.Add("/category",
               "Un hébergement non classé relève du régime au réel : il ne peut pas être taxé au "
               "forfait (LF 2020 art. 112).");
  }
  if (input.capacity_units < 1 || input.capacity_units > kMaxCapacityUnits) {
    errors.Add("/capacity_units", "La capacité d'accueil doit être comprise entre 1 et 100 000.");
  }
  if (input.nights_open < 0 || input.nights_open > kMaxNightsOpen) {
    errors.Add("/nights_open", "Le nombre de nuits d'ouverture doit être compris entre 0 et 366.");
  }
  return errors;
}

// L. 2333-41: the abatement the deliberation sets for this opening duration (tiers as DELTA
// stores them); none matching means no abatement.
BasisPoints AbatementFor(const Deliberation& deliberation, int nights_open) {
  for (const AbatementTier& tier : deliberation.abatements) {
    if (nights_open >= tier.min_nights && (!tier.max_nights || nights_open <= *tier.max_nights)) {
      return tier.rate;
    }
  }
  return BasisPoints{0};
}

// Add-ons are those in force when the period opens (taxe-de-sejour.md §5: "passed on at the end of
// the perception period"); a deliberation without period opens on 1 January.
Day FirstNightOfPerception(const Deliberation& deliberation, int year) {
  Day first = date::year{year} / date::January / 1;
  const auto& periods = deliberation.perception_periods;
  if (!periods.empty()) {
    first = std::min_element(periods.begin(), periods.end(), [](const auto& a, const auto& b) {
              return a.first_night < b.first_night;
            })->first_night;
  }
  return first;
}

std::int64_t NightsInPeriods(const Deliberation& deliberation) {
  std::int64_t nights = 0;
  for (const PerceptionPeriod& period : deliberation.perception_periods) {
    nights += (date::sys_days{period.last_night} - date::sys_days{period.first_night}).count() + 1;
  }
  return nights;
}

}  // namespace

Result<FlatRateTax> ComputeFlatRateTax(const FlatRateInput& input, const RateBook& book) {
  FieldErrors errors = CheckInput(input);
  if (!errors.empty()) return Fail(errors.ToError());
  const VersionedDeliberation* versioned = book.DeliberationFor(input.year);
  if (!versioned) {
    return Fail(Error::FailedPrecondition("Aucune délibération n'est enregistrée pour " +
                                          std::to_string(input.year) +
                                          " : la taxe ne peut pas être calculée."));
  }
  const Deliberation& deliberation = versioned->deliberation;
  if (!deliberation.Covers(input.commune_insee)) {
    return Fail(Error::FailedPrecondition(
        "La délibération " + std::to_string(input.year) + " ne couvre pas la commune " +
        (input.commune_insee.empty() ? std::string("de l'hébergement") : input.commune_insee) +
        " : la taxe de séjour ne peut pas y être calculée."));
  }
  // L. 2333-41: only the nights open within the perception period(s) count.
  if (!deliberation.perception_periods.empty() &&
      input.nights_open > NightsInPeriods(deliberation)) {
    return Fail(
        Error::InvalidArgument("/nights_open", "Le nombre de nuits d'ouverture dépasse les " +
                                                   std::to_string(NightsInPeriods(deliberation)) +
                                                   " nuits des périodes de perception " +
                                                   std::to_string(input.year) + "."));
  }
  FlatRateTax result;
  result.deliberation_version = versioned->version;
  const TariffInForce& tariff = book.TariffsFor(input.year)->Of(input.category);
  result.tariff = tariff.tariff;
  result.deliberated_tariff = tariff.deliberated;
  result.abatement = AbatementFor(deliberation, input.nights_open);
  // Exact cents over 10 000: tariff × capacity × nights × (10 000 − abatement bp).
  const Int128 tax = CheckedMul(
      CheckedMul(result.tariff.cents(), Int128(input.capacity_units) * input.nights_open),
      kBasisPointsPerUnit - result.abatement.value);
  result.tax = ExactCents{tax, kBasisPointsPerUnit}.RoundedHalfUp();
  result.total = result.tax;
  const Day opening = FirstNightOfPerception(deliberation, input.year);
  for (const AdditionalTax& each : deliberation.additional_taxes) {
    if (!each.AppliesOn(opening)) continue;
    const Money amount =
        ExactCents{CheckedMul(tax, each.rate.value), kBasisPointsPerUnit * kBasisPointsPerUnit}
            .RoundedHalfUp();
    result.additional_taxes.push_back({each.beneficiary, each.label, each.rate, amount});
    result.total += amount;
  }
  return result;
}

}  // namespace nuitee::rates
