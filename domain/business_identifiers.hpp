// French business identifiers: SIREN (9 digits) and SIRET (14 digits), both with a Luhn key.
#pragma once

#include <string_view>

#include "domain/core/error.hpp"

namespace nuitee {

// True when `digits` are all decimal digits and pass the Luhn check.
bool PassesLuhn(std::string_view digits);

// INSEE's rule: a SIRET is 14 digits whose Luhn sum is a multiple of 10, except La Poste's
// establishments (SIREN 356 000 000), whose plain digit sum is a multiple of 5.
Status ValidateSiret(std::string_view siret, std::string_view field = "/siret");
Status ValidateSiren(std::string_view siren, std::string_view field = "/siren");

}  // namespace nuitee
