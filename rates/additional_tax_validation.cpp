// Additional taxes of a deliberation: a known beneficiary at the rate its article sets and not
// before the law created it; any other add-on named, at a plausible rate; no two taxes of the same
// beneficiary in force on the same night.
#include "rates/additional_tax_validation.hpp"

#include <string>

#include "rates/french_format.hpp"

namespace nuitee::rates {
namespace {

std::string Pointer(std::size_t index, std::string_view field = {}) {
  std::string pointer = "/additional_taxes/" + std::to_string(index);
  if (!field.empty()) {
    pointer += '/';
    pointer += field;
  }
  return pointer;
}

std::string_view LegalReference(Beneficiary beneficiary) {
  switch (beneficiary) {
    case Beneficiary::kDepartement:
      return "CGCT L. 3333-1";
    case Beneficiary::kSocieteGrandsProjets:
      return "CGCT L. 2531-17";
    case Beneficiary::kIleDeFranceMobilites:
      return "CGCT L. 2531-18";
    case Beneficiary::kLnpca:
    case Beneficiary::kGpso:
    case Beneficiary::kLnmp:
      return "LF 2023 art. 76";
    case Beneficiary::kOther:
      return "";
  }
  return "";
}

// "la taxe additionnelle départementale", or « Taxe X » for an add-on named by the deliberation.
std::string Named(const AdditionalTax& tax) {
  if (tax.beneficiary == Beneficiary::kOther) return "la taxe « " + tax.label + " »";
  std::string label(BeneficiaryLabel(tax.beneficiary));
  label[0] = 't';  // every known label starts with "Taxe"
  return "la " + label;
}

std::string Capitalized(std::string text) {
  if (!text.empty() && text[0] == 'l') text[0] = 'L';
  return text;
}

bool SameBeneficiary(const AdditionalTax& a, const AdditionalTax& b) {
  return a.beneficiary == b.beneficiary &&
         (a.beneficiary != Beneficiary::kOther || a.label == b.label);
}

bool Overlap(const AdditionalTax& a, const AdditionalTax& b) {
  const bool a_ends_before_b = a.valid_to && *a.valid_to < b.valid_from;
  const bool b_ends_before_a = b.valid_to && *b.valid_to < a.valid_from;
  return !a_ends_before_b && !b_ends_before_a;
}

// Returns whether the dates are usable for the overlap checks.
bool CheckDates(const AdditionalTax& tax, std::size_t index, int year, FieldErrors& errors) {
  if (!tax.valid_from.ok()) {
    errors.Add(Pointer(index, "valid_from"), "La date de début de validité est invalide.");
    return false;
  }
  if (tax.valid_to && !tax.valid_to->ok()) {
    errors.Add(Pointer(index, "valid_to"), "La date de fin de validité est invalide.");
    return false;
  }
  if (tax.valid_to && *tax.valid_to < tax.valid_from) {
    errors.Add(Pointer(index, "valid_to"),
               "La fin de validité (" + FormatFrenchDate(*tax.valid_to) + ") précède le début (" +
                   FormatFrenchDate(tax.valid_from) + ").");
    return false;
  }
  const Day first_day = date::year{year} / date::January / 1;
  const Day last_day = date::year{year} / date::December / 31;
  if (tax.valid_from > last_day || (tax.valid_to && *tax.valid_to < first_day)) {
    errors.Add(Pointer(index), Capitalized(Named(tax)) + " n'est en vigueur à aucune date de " +
                                   std::to_string(year) + ".");
  }
  if (auto since = LegalSince(tax.beneficiary); since && tax.valid_from < *since) {
    errors.Add(Pointer(index, "valid_from"),
               Capitalized(Named(tax)) + " ne peut pas s'appliquer avant le " +
                   FormatFrenchDate(*since) + ", date de sa création (" +
                   std::string(LegalReference(tax.beneficiary)) + ").");
  }
  return true;
}

void CheckRateAndLabel(const AdditionalTax& tax, std::size_t index, FieldErrors& errors) {
  if (auto legal = LegalRate(tax.beneficiary)) {
    if (tax.rate != *legal) {
      errors.Add(Pointer(index, "rate_bp"), "Le taux de " + Named(tax) + " est fixé par la loi à " +
                                                FormatPercent(*legal) + " (" +
                                                std::string(LegalReference(tax.beneficiary)) +
                                                "), et non à " + FormatPercent(tax.rate) + ".");
    }
    return;
  }
  // An add-on a later finance law creates (LF 2026 UNCONFIRMED): named, at 0,01 %–300 %.
  if (tax.label.find_first_not_of(" \t") == std::string::npos) {
    errors.Add(Pointer(index, "label"), "Le nom de cette taxe additionnelle est obligatoire.");
  }
  if (tax.rate.value < 1 || tax.rate.value > 30000) {
    errors.Add(Pointer(index, "rate_bp"),
               "Le taux d'une taxe additionnelle doit être compris "
               "entre 0,01 % et 300 % (" +
                   FormatPercent(tax.rate) + " saisi).");
  }
}

}  // namespace

void CheckAdditionalTaxes(const Deliberation& deliberation, FieldErrors& errors) {
  const auto& taxes = deliberation.additional_taxes;
  std::vector<bool> dated(taxes.size(), false);
  for (std::size_t i = 0; i < taxes.size(); ++i) {
    CheckRateAndLabel(taxes[i], i, errors);
    dated[i] = CheckDates(taxes[i], i, deliberation.year, errors);
  }
  // The same beneficiary cannot receive two add-ons on the same night.
  for (std::size_t i = 0; i < taxes.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!dated[i] || !dated[j] || !SameBeneficiary(taxes[i], taxes[j])) continue;
      if (!Overlap(taxes[i], taxes[j])) continue;
      errors.Add(Pointer(i), Capitalized(Named(taxes[i])) + " figure déjà dans la liste (entrée " +
                                 std::to_string(j) + ") pour des dates qui se chevauchent.");
      break;
    }
  }
}

}  // namespace nuitee::rates
