// The two overcharges hosts complain about in platforms' collections (issue 7): the platform
// applied the percentage for unclassified lodging (L. 2333-30, row 9) to an accommodation that was
// classified on the stay's first night, or it taxed persons the law exempts, minors first
// (L. 2333-31 1°): it collected more than the classified tariff × adult person-nights, plus the
// add-ons in force, would give. Pure: the caller reads the register, the host's declaration and
// the rate book.
#pragma once

#include <optional>
#include <vector>

#include "domain/core/money.hpp"
#include "rates/basis_points.hpp"
#include "rates/category.hpp"

namespace nuitee {

enum class OverchargeKind {
  kUnclassifiedRateOnClassified,  // "unclassified_rate_on_classified"
  kMinorsTaxed,                   // "minors_taxed"
};
const char* OverchargeKindCode(OverchargeKind kind);

struct PlatformLineFacts {
  rates::Category charged_category = rates::Category::kUnclassified;  // as the platform wrote it
  int persons = 0;
  int nights = 0;
  Money collected = Money::Zero();
  // The register's classification on the first night; none when unclassified then.
  std::optional<rates::Category> classified_as;
  // The tariff per person and night of `classified_as` in force that night.
  std::optional<Money> tariff;
  rates::BasisPoints add_on_rate{};  // Σ of the add-ons in force that night
  // The persons the host declared liable for the same stay (occupants − minors), when it did.
  std::optional<int> declared_adults;
};

struct Overcharge {
  OverchargeKind kind = OverchargeKind::kMinorsTaxed;
  Money expected = Money::Zero();  // at most what should have been collected
  Money excess = Money::Zero();    // collected − expected (may be ≤ 0 for the first kind)
  int liable_persons = 0;          // the persons `expected` counts
};

// What the classified tariff gives for `persons` over `nights`, add-ons included (each add-on
// rounded half up to the cent, as the rates engine does per line).
Money ClassifiedAmount(Money tariff, int persons, int nights, rates::BasisPoints add_on_rate);

// The overcharges of one line: none when the accommodation was not classified (the percentage is
// then due, and its base is not ours to check) or its tariff is unknown.
std::vector<Overcharge> DetectOvercharges(const PlatformLineFacts& line);

}  // namespace nuitee
