// Registration number of a meublé de tourisme (Code du tourisme, art. D. 324-1-1).
#pragma once

#include <string_view>

#include "domain/core/error.hpp"

namespace nuitee {

// 13 characters: the INSEE code of the accommodation's own commune, 6 digits chosen by the commune,
// then a 2-character key of letters or digits. The key is chosen by the commune and no public
// algorithm checks it, so only its form is validated: a number is never refused for its key.
Status ValidateRegistrationNumber(std::string_view number, std::string_view commune_insee_code,
                                  std::string_view field = "/registration_number");

}  // namespace nuitee
