// The French explanation of a stay's tax, one sentence per step, for a host to check by hand.
#include <string>
#include <vector>

#include "rates/french_format.hpp"
#include "rates/int128.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee::rates {
namespace {

std::string RunDates(const NightRun& run) {
  if (run.nights == 1) return "Nuit du " + FormatFrenchDate(run.first_night);
  return "Du " + FormatFrenchDate(run.first_night) + " au " +
         FormatFrenchDate(AddDays(run.first_night, run.nights - 1)) + " (" +
         CountOf(run.nights, "nuit", "nuits") + ")";
}

// "= 1,25 €" when the value has at most four decimals, "≈ 0,3333 €" otherwise.
std::string Equals(const ExactCents& value) {
  std::string text = FormatExactEuros(value);
  return text.starts_with("≈") ? text : "= " + text;
}

std::string CapRule(const NightRun& run) {
  // L. 2333-30: from 2021 the highest adopted tariff (LF 2021 art. 124); before, the lower of it
  // and the 4★ ceiling.
  return run.year >= 2021 ? "le tarif le plus élevé adopté par la collectivité, LF 2021 art. 124"
                          : "le plus bas du tarif le plus élevé adopté et du plafond légal "
                            "4 étoiles, CGCT L. 2333-30";
}

// L. 2333-30 (revaluation rule): why the tariff charged is not the one deliberated.
std::string GridAdjustment(const NightRun& run) {
  return "Le tarif délibéré de " + FormatEuros(*run.deliberated_tariff) +
         " est hors du barème légal " + std::to_string(run.year) +
         " : la valeur la plus proche du barème, " + FormatExactEuros(run.unit) +
         ", s'applique (CGCT L. 2333-30).";
}

void ExplainUnclassifiedUnit(const Stay& stay, const NightRun& run,
                             std::vector<std::string>& lines) {
  const ExactCents& cost = *run.cost_per_person;
  lines.push_back("Coût par personne et par nuit : " + FormatEuros(*stay.price_per_night) + " ÷ " +
                  CountOf(stay.occupants, "occupant", "occupants") + " (exonérés compris) " +
                  Equals(cost) + ".");
  const ExactCents product{CheckedMul(cost.numerator, run.rate.value),
                           cost.denominator * kBasisPointsPerUnit};
  std::string sentence = "Taxe par personne et par nuit : " + FormatExactEuros(cost) + " × " +
                         FormatPercent(run.rate) + " " + Equals(product);
  if (run.capped) {
    sentence += ", ramenée au plafond de " + FormatEuros(*run.cap) + " (" + CapRule(run) + ").";
  } else {
    sentence += " (plafond de " + FormatEuros(*run.cap) + " non atteint).";
  }
  lines.push_back(std::move(sentence));
}

void ExplainRun(const Stay& stay, const NightRun& run, std::vector<std::string>& lines) {
  const std::string dates = RunDates(run);
  if (!run.levied) {
    lines.push_back(dates + " : hors période de perception, la taxe de séjour n'est pas perçue.");
  } else if (run.category != Category::kUnclassified) {
    lines.push_back(dates + " : catégorie " + std::string(CategoryLabel(run.category)) +
                    ", tarif de " + FormatExactEuros(run.unit) +
                    " par personne et par nuit (délibération " + std::to_string(run.year) + ").");
    if (run.deliberated_tariff) lines.push_back(GridAdjustment(run));
  } else {
    lines.push_back(dates + " : hébergement non classé, " + FormatPercent(run.rate) +
                    " du coût par personne et par nuit (délibération " + std::to_string(run.year) +
                    ", CGCT L. 2333-30).");
    ExplainUnclassifiedUnit(stay, run, lines);
  }
}

struct ExemptReason {
  int count;
  const char* singular;
  const char* plural;
};

std::string TaxablePersons(const Stay& stay, const StayTax& tax) {
  const ExemptReason reasons[] = {
      {stay.exempt.minors, "mineur", "mineurs"},
      {stay.exempt.seasonal_workers, "titulaire d'un contrat saisonnier",
       "titulaires d'un contrat saisonnier"},
      {stay.exempt.emergency_housing, "personne en hébergement d'urgence",
       "personnes en hébergement d'urgence"},
      {stay.exempt.low_rent, "occupant à loyer inférieur au seuil",
       "occupants à loyer inférieur au seuil"},
  };
  std::string sentence = "Personnes assujetties : " + std::to_string(tax.taxable_persons) + " (" +
                         CountOf(stay.occupants, "occupant", "occupants");
  std::vector<std::string> parts;
  for (const ExemptReason& reason : reasons) {
    if (reason.count > 0) parts.push_back(CountOf(reason.count, reason.singular, reason.plural));
  }
  const int exempt = stay.exempt.Total();
  if (parts.empty()) {
    sentence += ", aucun exonéré";
  } else if (parts.size() == 1) {
    sentence += " dont " + parts[0] + (exempt > 1 ? " exonérés" : " exonéré");
  } else {
    sentence += " dont " + std::to_string(exempt) + " exonérés : ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      sentence += (i == 0 ? "" : i + 1 == parts.size() ? " et " : ", ") + parts[i];
    }
  }
  return sentence + ").";
}

// The unit the rounding mode multiplies out: exact per line, rounded per person-night.
ExactCents UnitUsed(const NightRun& run, RoundingMode rounding) {
  if (rounding == RoundingMode::kPerLine) return run.unit;
  return ExactCents::Of(run.unit.RoundedHalfUp());
}

ExactCents RunAmount(const NightRun& run, const StayTax& tax) {
  const ExactCents unit = UnitUsed(run, tax.rounding);
  return {CheckedMul(unit.numerator, Int128(tax.taxable_persons) * run.nights), unit.denominator};
}

std::string Product(const NightRun& run, const StayTax& tax) {
  return FormatExactEuros(UnitUsed(run, tax.rounding)) + " × " +
         CountOf(tax.taxable_persons, "personne", "personnes") + " × " +
         CountOf(run.nights, "nuit", "nuits") + " " + Equals(RunAmount(run, tax));
}

void ExplainTax(const StayTax& tax, std::vector<std::string>& lines) {
  std::vector<const NightRun*> levied;
  for (const NightRun& run : tax.runs) {
    if (run.levied) levied.push_back(&run);
  }
  if (levied.empty()) {
    lines.push_back(
        "Aucune nuit du séjour n'est dans une période de perception : aucune taxe de "
        "séjour n'est due.");
    return;
  }
  for (const NightRun* run : levied) {
    if (tax.rounding == RoundingMode::kPerPersonNight && !run->unit.IsWholeCents()) {
      lines.push_back(
          "Taxe par personne et par nuit arrondie au centime : " + FormatExactEuros(run->unit) +
          " → " + FormatEuros(run->unit.RoundedHalfUp()) + ".");
    }
  }
  if (levied.size() == 1) {
    std::string sentence = "Taxe de séjour : " + Product(*levied[0], tax);
    if (!RunAmount(*levied[0], tax).IsWholeCents()) {
      sentence += ", arrondie à " + FormatEuros(tax.tax);
    }
    lines.push_back(sentence + ".");
    return;
  }
  std::string sum;
  bool exact = true;
  for (const NightRun* run : levied) {
    std::string dates = RunDates(*run);
    dates[0] = char(dates[0] - 'A' + 'a');  // "du 01/07/2026 au …", "nuit du …"
    lines.push_back("Taxe de séjour " + dates + " : " + Product(*run, tax) + ".");
    const ExactCents amount = RunAmount(*run, tax);
    exact = exact && amount.IsWholeCents();
    sum += (sum.empty() ? "" : " + ") + FormatExactEuros(amount);
  }
  lines.push_back("Taxe de séjour : " + sum + " = " + FormatEuros(tax.tax) +
                  (exact ? "." : " (arrondie au centime)."));
}

std::string TaxName(const AdditionalTaxAmount& each) {
  return each.label.empty() ? std::string(BeneficiaryLabel(each.beneficiary)) : each.label;
}

void ExplainAdditionalTaxes(const StayTax& tax, std::vector<std::string>& lines) {
  for (const AdditionalTaxAmount& each : tax.additional_taxes) {
    std::string sentence = TaxName(each) + " (" + FormatPercent(each.rate) + ") : ";
    if (tax.rounding == RoundingMode::kPerPersonNight) {
      // Shown per person-night when it is the same on every night it applies.
      std::optional<Money> per_person_night;
      std::int64_t person_nights = 0;
      bool uniform = true;
      for (const NightRun& run : tax.runs) {
        for (const AdditionalTax& applied : run.additional_taxes) {
          if (applied.beneficiary != each.beneficiary || applied.rate != each.rate ||
              applied.label != each.label || !run.levied) {
            continue;
          }
          const Money value =
              ExactCents{CheckedMul(run.unit.RoundedHalfUp().cents(), each.rate.value),
                         kBasisPointsPerUnit}
                  .RoundedHalfUp();
          uniform = uniform && (!per_person_night || *per_person_night == value);
          per_person_night = value;
          person_nights += std::int64_t(run.nights) * tax.taxable_persons;
        }
      }
      if (per_person_night && uniform) {
        sentence += FormatEuros(*per_person_night) + " par personne et par nuit × " +
                    CountOf(person_nights, "nuitée", "nuitées") + " = ";
      }
    }
    lines.push_back(sentence + FormatEuros(each.amount) + ".");
  }
}

std::string RoundingSentence(RoundingMode rounding) {
  if (rounding == RoundingMode::kPerLine) {
    return "Arrondi « par ligne » : la taxe de séjour et chaque taxe additionnelle sont calculées "
           "exactement sur tout le séjour, puis arrondies une seule fois au centime le plus proche "
           "(un demi-centime est arrondi au centime supérieur).";
  }
  return "Arrondi « par personne et par nuit » : la taxe par personne et par nuit est arrondie au "
         "centime le plus proche (un demi-centime est arrondi au centime supérieur), chaque taxe "
         "additionnelle par personne et par nuit est arrondie à partir de ce montant, puis "
         "multipliée par les nuitées.";
}

}  // namespace

std::vector<std::string> ExplainInFrench(const Stay& stay, const StayTax& tax) {
  std::vector<std::string> lines;
  for (const NightRun& run : tax.runs) ExplainRun(stay, run, lines);
  lines.push_back(TaxablePersons(stay, tax));
  ExplainTax(tax, lines);
  ExplainAdditionalTaxes(tax, lines);
  lines.push_back(RoundingSentence(tax.rounding));
  lines.push_back("Total à percevoir : " + FormatEuros(tax.total) + ".");
  return lines;
}

}  // namespace nuitee::rates
