// The additional-tax part of ValidateDeliberation: rates and start dates set by the law.
#pragma once

#include "domain/core/error.hpp"
#include "rates/deliberation.hpp"

namespace nuitee::rates {

// Adds the problems of deliberation.additional_taxes to `errors` ("/additional_taxes/0/rate_bp").
void CheckAdditionalTaxes(const Deliberation& deliberation, FieldErrors& errors);

}  // namespace nuitee::rates
