// The tax of one stay au réel (CGCT L. 2333-29 to L. 2333-31; taxe-de-sejour.md §3–§5), exact to
// the cent with one named rounding step, and its breakdown.
//
// The stay is split where the rate changes from one night to the next: the category (a
// classification expiring mid-stay), the perception period, the year (deliberation, legal grid and
// cap rule), or the set of additional taxes in force. For each run of nights:
//   classified:   unit = the deliberation's tariff for the category, brought into the year's legal
//                 grid when it lies outside (L. 2333-30, revaluation rule);
//   unclassified: unit = price per night ÷ all occupants (exempt ones included) × rate, capped by
//                 the rule in force that night (2019–2020: the lower of the highest adopted tariff
//                 and that year's 4★ ceiling; from 2021: the highest adopted tariff, LF 2021
//                 art. 124);
//   tax = unit × taxable persons × nights; each additional tax = its rate × that tax.
// Integers only (no binary fractions): 128-bit rationals until the rounding step.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "rates/additional_tax.hpp"
#include "rates/basis_points.hpp"
#include "rates/category.hpp"
#include "rates/exact_cents.hpp"
#include "rates/rate_book.hpp"
#include "rates/rounding.hpp"

namespace nuitee::rates {

// Exempt occupants by reason (L. 2333-31 1° to 4°).
struct ExemptOccupants {
  int minors = 0;
  int seasonal_workers = 0;
  int emergency_housing = 0;
  int low_rent = 0;
  int Total() const { return minors + seasonal_workers + emergency_housing + low_rent; }
  friend bool operator==(const ExemptOccupants&, const ExemptOccupants&) = default;
};

// The accommodation's category from `from` on (until the next entry). Sorted by `from`; the first
// entry must be on or before the arrival night.
struct CategoryFrom {
  Day from{};
  Category category = Category::kUnclassified;
};

struct Stay {
  std::string commune_insee;  // where the accommodation is; the deliberation must cover it
  Day arrival{};              // the first night
  int nights = 0;             // 1–365
  int occupants = 0;          // everyone, exempt occupants included, 1–10000
  ExemptOccupants exempt;
  // Price of the lodging for one night, excluding taxes (HT); required when a night is
  // unclassified, ignored otherwise.
  std::optional<Money> price_per_night;
};

// A run of consecutive nights taxed alike.
struct NightRun {
  Day first_night{};
  int nights = 0;
  int year = 0;
  std::int64_t deliberation_version = 0;
  Category category = Category::kUnclassified;
  bool levied = true;                   // false: outside every perception period, no tax
  // Unclassified only: the cost per person and night, the rate and the cap that applied.
  std::optional<ExactCents> cost_per_person;
  BasisPoints rate{};
  std::optional<Money> cap;
  bool capped = false;
  // Classified only: the deliberation's tariff when it lies outside the year's legal grid and the
  // nearest grid value applies instead (tariff_in_force.hpp).
  std::optional<Money> deliberated_tariff;
  ExactCents unit;                      // tax per taxable person and night (before add-ons)
  std::vector<AdditionalTax> additional_taxes;  // in force on these nights
};

struct AdditionalTaxAmount {
  Beneficiary beneficiary = Beneficiary::kDepartement;
  std::string label;  // as in AdditionalTax: empty means BeneficiaryLabel(beneficiary)
  BasisPoints rate{};
  Money amount = Money::Zero();
};

struct StayTax {
  Money tax = Money::Zero();                              // the taxe de séjour itself
  std::vector<AdditionalTaxAmount> additional_taxes;     // one per beneficiary and rate
  Money total = Money::Zero();                            // tax + every additional tax, exactly
  Money unit_per_person_night = Money::Zero();           // the first levied run's unit, rounded
  bool capped = false;                                    // the cap bit on at least one night
  int taxable_persons = 0;
  std::int64_t taxable_person_nights = 0;                 // levied nights × taxable persons
  RoundingMode rounding = RoundingMode::kPerLine;
  std::vector<NightRun> runs;
};

// Fails with field errors ("/nights", "/occupants", "/exempt/minors",
// "/price_per_night_cents", "/arrival") on bad input, and with a French message when no
// deliberation or legal grid covers a night, or the deliberation does not cover the commune.
Result<StayTax> ComputeStayTax(const Stay& stay, std::span<const CategoryFrom> categories,
                               const RateBook& book, RoundingMode rounding);

// One French sentence per step, for a host to read: the runs, the base and rate, whether the cap
// bit, taxable persons and nights, the tax, each additional tax, the total.
std::vector<std::string> ExplainInFrench(const Stay& stay, const StayTax& tax);

}  // namespace nuitee::rates
