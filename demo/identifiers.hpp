// Identifiers for the demo: SIRET with valid keys, phone numbers and e-mail addresses that can
// reach nobody, and registration numbers of meublés.
#pragma once

#include <string>
#include <string_view>

#include "demo/random.hpp"

namespace nuitee::demo {

// `digits` followed by the one digit that makes the whole pass the Luhn check.
std::string WithLuhnKey(std::string_view digits);

// A SIRET of 14 digits: a SIREN (8 digits and its key) then a NIC whose last digit is chosen so
// that the SIRET passes the Luhn check too.
std::string MakeSiret(DemoRandom& random);

// A French number in the blocks the regulator keeps for fiction (04 65 71…, 06 39 98…), so that
// nobody is ever called by someone trying the demo.
std::string MakePhone(DemoRandom& random);

// Lowercase ASCII words of `text` joined by `separator`: "Égliseneuve-d'Entraigues" gives
// "egliseneuve-d-entraigues" with '-'.
std::string Slug(std::string_view text, char separator = '-');

// E-mail on a domain under the reserved ".example" top-level domain (RFC 2606): the demo can
// send reminders without writing to real people.
std::string MakeEmail(std::string_view local_part_words, std::string_view domain);

// Commune INSEE code, 6 digits, then a 2-character key of uppercase letters or digits.
std::string MakeRegistrationNumber(DemoRandom& random, std::string_view insee_code);

}  // namespace nuitee::demo
