// The amount of a taxation d'office for one month not declared (CGCT L. 2333-38; issue 6): with
// nothing declared, the collectivity assesses the accommodation as if it had been full every night
// it was open: capacity × nights open in the month × the tariff of its category that night — for
// unclassified lodging, the highest adopted tariff (the cap of row 9, our reading: the price is
// unknown) — plus the additional taxes in force. Nights outside every perception period are not
// taxed. The referent reviews the proposal and may adjust it with a written reason.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "rates/rate_book.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee::rates {

struct OfficeAssessmentInput {
  std::string commune_insee;
  Day first_night{};       // the first night open in the month
  int nights = 0;          // nights open, within one month
  int capacity_persons = 0;
};

// Nights taxed alike.
struct AssessedRun {
  Day first_night{};
  int nights = 0;
  Category category = Category::kUnclassified;
  bool levied = true;        // false outside every perception period
  Money tariff = Money::Zero();  // per person and night as it applies (unclassified: the highest)
};

struct OfficeAssessment {
  Money tax = Money::Zero();
  std::vector<AdditionalTaxAmount> additional_taxes;
  Money total = Money::Zero();
  std::int64_t person_nights = 0;       // levied nights × capacity
  std::int64_t deliberation_version = 0;
  std::vector<AssessedRun> runs;
};

// `categories` as for ComputeStayTax. Fails like the engine without a deliberation for the year
// or when it does not cover the commune.
Result<OfficeAssessment> ComputeOfficeAssessment(const OfficeAssessmentInput& input,
                                                 std::span<const CategoryFrom> categories,
                                                 const RateBook& book);

// One French sentence per step, for the avis de taxation d'office.
std::vector<std::string> ExplainInFrench(const OfficeAssessmentInput& input,
                                         const OfficeAssessment& assessment);

}  // namespace nuitee::rates
