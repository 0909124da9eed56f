#include "domain/money/platform_overcharge.hpp"

#include <algorithm>

namespace nuitee {

const char* OverchargeKindCode(OverchargeKind kind) {
  return kind == OverchargeKind::kUnclassifiedRateOnClassified ? "unclassified_rate_on_classified"
                                                               : "minors_taxed";
}

Money ClassifiedAmount(Money tariff, int persons, int nights, rates::BasisPoints add_on_rate) {
  const Money tax = tariff.Times(std::int64_t(persons) * nights);
  const std::int64_t numerator = tax.cents() * add_on_rate.value;
  const std::int64_t add_ons =
      (2 * numerator + rates::kBasisPointsPerUnit) / (2 * rates::kBasisPointsPerUnit);
  return tax + Money::Cents(add_ons);
}

std::vector<Overcharge> DetectOvercharges(const PlatformLineFacts& line) {
  std::vector<Overcharge> found;
  if (!line.classified_as || *line.classified_as == rates::Category::kUnclassified ||
      !line.tariff) {
    return found;
  }
  // Without the host's word for the stay, every person is taken as liable: whatever exceeds even
  // that is an overcharge all the same.
  const int liable = std::clamp(line.declared_adults.value_or(line.persons), 0, line.persons);
  const Money expected = ClassifiedAmount(*line.tariff, liable, line.nights, line.add_on_rate);
  if (line.charged_category == rates::Category::kUnclassified) {
    found.push_back({OverchargeKind::kUnclassifiedRateOnClassified, expected,
                     line.collected - expected, liable});
  } else if (line.collected > expected) {
    found.push_back({OverchargeKind::kMinorsTaxed, expected, line.collected - expected, liable});
  }
  return found;
}

}  // namespace nuitee
