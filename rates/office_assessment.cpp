// Taxation d'office of a month (L. 2333-38): capacity × nights open × tariff, plus add-ons.
#include "rates/office_assessment.hpp"

#include "rates/french_format.hpp"
#include "rates/int128.hpp"

namespace nuitee::rates {
namespace {

Day Plus(Day day, int days) { return Day{date::sys_days{day} + date::days{days}}; }

Category CategoryOn(std::span<const CategoryFrom> categories, Day night) {
  Category category = categories.front().category;
  for (const CategoryFrom& entry : categories) {
    if (entry.from <= night) category = entry.category;
  }
  return category;
}

bool Levied(const Deliberation& deliberation, Day night) {
  return deliberation.PeriodOf(night) != nullptr;
}

}  // namespace

Result<OfficeAssessment> ComputeOfficeAssessment(const OfficeAssessmentInput& input,
                                                 std::span<const CategoryFrom> categories,
                                                 const RateBook& book) {
  FieldErrors errors;
  if (input.nights < 0 || input.nights > 31) {
    errors.Add("/nights", "Le nombre de nuits d'ouverture du mois doit être compris entre 0 et 31.");
  }
  if (input.capacity_persons < 1 || input.capacity_persons > 100000) {
    errors.Add("/capacity_persons", "La capacité d'accueil doit être comprise entre 1 et 100 000.");
  }
  if (categories.empty() || categories.front().from > input.first_night) {
    errors.Add("/category", "La catégorie de l'hébergement n'est pas connue pour ce mois.");
  }
  if (input.nights > 0 && Plus(input.first_night, input.nights - 1).month() !=
                              input.first_night.month()) {
    errors.Add("/nights", "Une taxation d'office porte sur un seul mois.");
  }
  if (!errors.empty()) return Fail(errors.ToError());

  const int year = int(input.first_night.year());
  const VersionedDeliberation* versioned = book.DeliberationFor(year);
  if (versioned == nullptr) {
    return Fail(Error::FailedPrecondition("Aucune délibération n'est enregistrée pour " +
                                          std::to_string(year) +
                                          " : la taxe ne peut pas être calculée."));
  }
  const Deliberation& deliberation = versioned->deliberation;
  if (!deliberation.Covers(input.commune_insee)) {
    return Fail(Error::FailedPrecondition("La délibération " + std::to_string(year) +
                                          " ne couvre pas la commune " + input.commune_insee +
                                          " : la taxe de séjour ne peut pas y être calculée."));
  }
  const TariffsInForce& tariffs = *book.TariffsFor(year);

  OfficeAssessment result;
  result.deliberation_version = versioned->version;
  // Exact sums: the tax is whole cents (capacity × tariff); each add-on in cents × basis points.
  std::vector<Int128> additional;
  for (int i = 0; i < input.nights; ++i) {
    const Day night = Plus(input.first_night, i);
    const Category category = CategoryOn(categories, night);
    const bool levied = Levied(deliberation, night);
    const Money tariff = category == Category::kUnclassified ? tariffs.highest
                                                             : tariffs.Of(category).tariff;
    if (!result.runs.empty() && result.runs.back().category == category &&
        result.runs.back().levied == levied) {
      ++result.runs.back().nights;
    } else {
      result.runs.push_back({night, 1, category, levied, tariff});
    }
    if (!levied) continue;
    const Money night_tax = tariff.Times(input.capacity_persons);
    result.tax += night_tax;
    result.person_nights += input.capacity_persons;
    for (const AdditionalTax& each : deliberation.additional_taxes) {
      if (!each.AppliesOn(night)) continue;
      std::size_t group = 0;
      while (group < result.additional_taxes.size() &&
             !(result.additional_taxes[group].beneficiary == each.beneficiary &&
               result.additional_taxes[group].rate == each.rate &&
               result.additional_taxes[group].label == each.label)) {
        ++group;
      }
      if (group == result.additional_taxes.size()) {
        result.additional_taxes.push_back({each.beneficiary, each.label, each.rate, Money::Zero()});
        additional.push_back(0);
      }
      additional[group] = CheckedAdd(additional[group],
                                     CheckedMul(night_tax.cents(), each.rate.value));
    }
  }
  result.total = result.tax;
  for (std::size_t i = 0; i < additional.size(); ++i) {
    result.additional_taxes[i].amount = ExactCents{additional[i], kBasisPointsPerUnit}.RoundedHalfUp();
    result.total += result.additional_taxes[i].amount;
  }
  return result;
}

std::vector<std::string> ExplainInFrench(const OfficeAssessmentInput& input,
                                         const OfficeAssessment& assessment) {
  std::vector<std::string> lines;
  lines.push_back("Taxation d'office (CGCT L. 2333-38) : l'hébergement est taxé comme s'il avait "
                  "été complet chaque nuit d'ouverture, soit " +
                  CountOf(input.capacity_persons, "personne", "personnes") + " par nuit.");
  for (const AssessedRun& run : assessment.runs) {
    const std::string dates =
        run.nights == 1 ? "Nuit du " + FormatFrenchDate(run.first_night)
                        : "Du " + FormatFrenchDate(run.first_night) + " au " +
                              FormatFrenchDate(Plus(run.first_night, run.nights - 1)) + " (" +
                              CountOf(run.nights, "nuit", "nuits") + ")";
    if (!run.levied) {
      lines.push_back(dates + " : hors période de perception, rien n'est dû.");
      continue;
    }
    const std::string tariff =
        run.category == Category::kUnclassified
            ? "hébergement non classé, tarif le plus élevé adopté par la collectivité, " +
                  FormatEuros(run.tariff)
            : "catégorie " + std::string(CategoryLabel(run.category)) + ", tarif de " +
                  FormatEuros(run.tariff);
    lines.push_back(dates + " : " + tariff + " × " +
                    CountOf(input.capacity_persons, "personne", "personnes") + " × " +
                    CountOf(run.nights, "nuit", "nuits") + " = " +
                    FormatEuros(run.tariff.Times(std::int64_t(input.capacity_persons) * run.nights)) +
                    ".");
  }
  lines.push_back("Taxe de séjour : " + FormatEuros(assessment.tax) + ".");
  for (const AdditionalTaxAmount& each : assessment.additional_taxes) {
    const std::string name =
        each.label.empty() ? std::string(BeneficiaryLabel(each.beneficiary)) : each.label;
    lines.push_back(name + " (" + FormatPercent(each.rate) + ") : " + FormatEuros(each.amount) +
                    ".");
  }
  lines.push_back("Total proposé : " + FormatEuros(assessment.total) + ".");
  return lines;
}

}  // namespace nuitee::rates
