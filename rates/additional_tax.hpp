// Additional taxes collected with the taxe de séjour and passed on to their beneficiary
// (taxe-de-sejour.md §5): a percentage of the tax actually due, fixed or proportional.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/core/dates.hpp"
#include "rates/basis_points.hpp"

namespace nuitee::rates {

enum class Beneficiary {
  kDepartement,            // taxe additionnelle départementale, 10 % (CGCT L. 3333-1)
  kSocieteGrandsProjets,   // Île-de-France, 15 % since 2019 (L. 2531-17)
  kIleDeFranceMobilites,   // Île-de-France, 200 % since 1 Jan 2024 (L. 2531-18)
  kLnpca,                  // Ligne Nouvelle Provence Côte d'Azur, 34 % since 2023 (LF 2023 art. 76)
  kGpso,                   // Grand Projet du Sud-Ouest, 34 % since 2024 (LF 2023 art. 76)
  kLnmp,                   // Ligne Nouvelle Montpellier–Perpignan, 34 % since 2024 (LF 2023 art. 76)
  kOther,                  // any add-on a later finance law creates (LF 2026 UNCONFIRMED): named by `label`
};
// API codes: "departement", "societe_grands_projets", "ile_de_france_mobilites", "lnpca", "gpso",
// "lnmp", "other".
std::string_view BeneficiaryCode(Beneficiary beneficiary);
std::optional<Beneficiary> ParseBeneficiary(std::string_view code);
// The French name shown to hosts ("Taxe additionnelle départementale").
std::string_view BeneficiaryLabel(Beneficiary beneficiary);
// The rate the law sets for a known beneficiary, and the first day it may apply; none for kOther.
std::optional<BasisPoints> LegalRate(Beneficiary beneficiary);
std::optional<Day> LegalSince(Beneficiary beneficiary);

struct AdditionalTax {
  Beneficiary beneficiary = Beneficiary::kDepartement;
  std::string label;                // required for kOther; otherwise empty means BeneficiaryLabel
  BasisPoints rate{1000};
  Day valid_from{};
  std::optional<Day> valid_to;      // inclusive; none = until further notice
  bool AppliesOn(Day night) const {
    return night >= valid_from && (!valid_to || night <= *valid_to);
  }
  friend bool operator==(const AdditionalTax&, const AdditionalTax&) = default;
};

}  // namespace nuitee::rates
