// The French explanation of a forfait, one sentence per step (CGCT L. 2333-40 to L. 2333-47).
#include <string>
#include <vector>

#include "rates/flat_rate_tax.hpp"
#include "rates/french_format.hpp"

namespace nuitee::rates {

std::vector<std::string> ExplainInFrench(const FlatRateInput& input, const FlatRateTax& tax) {
  std::vector<std::string> lines;
  lines.push_back("Taxe de séjour forfaitaire " + std::to_string(input.year) + ", catégorie " +
                  std::string(CategoryLabel(input.category)) + " : tarif de " +
                  FormatEuros(tax.tariff) +
                  " par unité de capacité et par nuit (CGCT L. 2333-41).");
  if (tax.deliberated_tariff) {
    // L. 2333-30 (revaluation rule), to which L. 2333-41 refers for the forfait's grid.
    lines.push_back("Le tarif délibéré de " + FormatEuros(*tax.deliberated_tariff) +
                    " est hors du barème légal " + std::to_string(input.year) +
                    " : la valeur la plus proche du barème, " + FormatEuros(tax.tariff) +
                    ", s'applique (CGCT L. 2333-30).");
  }
  const std::int64_t unit_nights = std::int64_t(input.capacity_units) * input.nights_open;
  lines.push_back("Base : " + CountOf(input.capacity_units, "unité", "unités") + " de capacité × " +
                  CountOf(input.nights_open, "nuit", "nuits") +
                  " d'ouverture = " + FormatCount(unit_nights) + " nuitées.");
  // Ten-thousandths of a unit-night: the abated base is exact with at most four decimals.
  const std::int64_t abated = unit_nights * (kBasisPointsPerUnit - tax.abatement.value);
  const std::string base = FormatScaled(abated, 4);
  if (tax.abatement.value > 0) {
    lines.push_back("Abattement de " + FormatPercent(tax.abatement) +
                    " fixé par la délibération (CGCT L. 2333-41) : " + FormatCount(unit_nights) +
                    " × " +
                    FormatPercent(BasisPoints{int(kBasisPointsPerUnit) - tax.abatement.value}) +
                    " = " + base + ".");
  } else {
    lines.push_back("Aucun abattement ne s'applique à cette durée d'ouverture.");
  }
  const bool whole = (abated * tax.tariff.cents()) % kBasisPointsPerUnit == 0;
  lines.push_back("Taxe de séjour : " + FormatEuros(tax.tariff) + " × " + base + " = " +
                  FormatEuros(tax.tax) + (whole ? "." : " (arrondie au centime)."));
  for (const AdditionalTaxAmount& each : tax.additional_taxes) {
    const std::string name =
        each.label.empty() ? std::string(BeneficiaryLabel(each.beneficiary)) : each.label;
    lines.push_back(name + " (" + FormatPercent(each.rate) + ") : " + FormatEuros(each.amount) +
                    ".");
  }
  lines.push_back("Total dû : " + FormatEuros(tax.total) + ".");
  return lines;
}

}  // namespace nuitee::rates
