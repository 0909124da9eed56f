// A French postal address, as hosts write it on their letters.
#pragma once

#include <string>
#include <string_view>

#include "domain/core/error.hpp"

namespace nuitee {

struct PostalAddress {
  std::string line;         // "12 route du Lioran"
  std::string postal_code;  // five digits
  std::string city;
  friend bool operator==(const PostalAddress&, const PostalAddress&) = default;
};

// Adds one error per bad part under `pointer` ("/address").
void ValidatePostalAddress(const PostalAddress& address, std::string_view pointer,
                           FieldErrors& errors);

// A loose but useful e-mail check: something@domain.tld, no spaces. Delivery is the real proof.
bool LooksLikeEmail(std::string_view email);
// French phone numbers as typed: digits, spaces, dots, dashes, an optional leading +.
bool LooksLikePhone(std::string_view phone);

}  // namespace nuitee
