// The forfait (CGCT L. 2333-40 to L. 2333-47): owed by the host whatever the occupancy,
// capacity × tariff × nights open in the perception period × (1 − abatement), plus additional
// taxes. No personal exemption applies (capacity basis; taxe-de-sejour.md §4, our reading).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "rates/category.hpp"
#include "rates/rate_book.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee::rates {

struct FlatRateInput {
  std::string commune_insee;
  int year = 0;
  Category category = Category::kOneStar;   // unclassified lodging cannot be under the forfait
  int capacity_units = 0;                   // persons, pitches or moorings
  int nights_open = 0;                      // nights open within the perception period(s)
};

struct FlatRateTax {
  Money tariff = Money::Zero();              // as it applies (tariff_in_force.hpp)
  std::optional<Money> deliberated_tariff;    // set when the legal grid moved the tariff
  BasisPoints abatement{};                  // the tier matching nights_open (0 if none)
  Money tax = Money::Zero();
  std::vector<AdditionalTaxAmount> additional_taxes;  // those in force on the period's first night
  Money total = Money::Zero();
  std::int64_t deliberation_version = 0;
};

Result<FlatRateTax> ComputeFlatRateTax(const FlatRateInput& input, const RateBook& book);
std::vector<std::string> ExplainInFrench(const FlatRateInput& input, const FlatRateTax& tax);

}  // namespace nuitee::rates
