// The additional taxes the law creates, their codes, French names, rates and start dates
// (taxe-de-sejour.md §5).
#include "rates/additional_tax.hpp"

namespace nuitee::rates {
namespace {

constexpr Beneficiary kAllBeneficiaries[] = {Beneficiary::kDepartement,
                                             Beneficiary::kSocieteGrandsProjets,
                                             Beneficiary::kIleDeFranceMobilites,
                                             Beneficiary::kLnpca,
                                             Beneficiary::kGpso,
                                             Beneficiary::kLnmp,
                                             Beneficiary::kOther};

Day FirstOfJanuary(int year) { return date::year{year} / date::January / 1; }

}  // namespace

std::string_view BeneficiaryCode(Beneficiary beneficiary) {
  switch (beneficiary) {
    case Beneficiary::kDepartement:
      return "departement";
    case Beneficiary::kSocieteGrandsProjets:
      return "societe_grands_projets";
    case Beneficiary::kIleDeFranceMobilites:
      return "ile_de_france_mobilites";
    case Beneficiary::kLnpca:
      return "lnpca";
    case Beneficiary::kGpso:
      return "gpso";
    case Beneficiary::kLnmp:
      return "lnmp";
    case Beneficiary::kOther:
      return "other";
  }
  return "other";
}

std::optional<Beneficiary> ParseBeneficiary(std::string_view code) {
  for (Beneficiary beneficiary : kAllBeneficiaries) {
    if (BeneficiaryCode(beneficiary) == code) return beneficiary;
  }
  return std::nullopt;
}

std::string_view BeneficiaryLabel(Beneficiary beneficiary) {
  switch (beneficiary) {
    case Beneficiary::kDepartement:
      return "Taxe additionnelle départementale";
    case Beneficiary::kSocieteGrandsProjets:
      return "Taxe additionnelle régionale d'Île-de-France (Société des grands projets)";
    case Beneficiary::kIleDeFranceMobilites:
      return "Taxe additionnelle Île-de-France Mobilités";
    case Beneficiary::kLnpca:
      return "Taxe additionnelle Ligne nouvelle Provence Côte d'Azur";
    case Beneficiary::kGpso:
      return "Taxe additionnelle Grand projet ferroviaire du Sud-Ouest";
    case Beneficiary::kLnmp:
      return "Taxe additionnelle Ligne nouvelle Montpellier–Perpignan";
    case Beneficiary::kOther:
      return "Taxe additionnelle";
  }
  return "Taxe additionnelle";
}

std::optional<BasisPoints> LegalRate(Beneficiary beneficiary) {
  switch (beneficiary) {
    case Beneficiary::kDepartement:
      return BasisPoints{1000};  // L. 3333-1
    case Beneficiary::kSocieteGrandsProjets:
      return BasisPoints{1500};  // L. 2531-17
    case Beneficiary::kIleDeFranceMobilites:
      return BasisPoints{20000};  // L. 2531-18
    case Beneficiary::kLnpca:     // LF 2023 art. 76
    case Beneficiary::kGpso:
    case Beneficiary::kLnmp:
      return BasisPoints{3400};
    case Beneficiary::kOther:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Day> LegalSince(Beneficiary beneficiary) {
  switch (beneficiary) {
    // L. 3333-1 is older than any deliberation the platform holds: no start date.
    case Beneficiary::kDepartement:
      return std::nullopt;
    case Beneficiary::kSocieteGrandsProjets:
      return FirstOfJanuary(2019);  // LF 2019 art. 163
    case Beneficiary::kIleDeFranceMobilites:
      return FirstOfJanuary(2024);  // LF 2024
    case Beneficiary::kLnpca:
      return FirstOfJanuary(2023);  // LF 2023 art. 76
    case Beneficiary::kGpso:
    case Beneficiary::kLnmp:
      return FirstOfJanuary(2024);  // LF 2023 art. 76
    case Beneficiary::kOther:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace nuitee::rates
