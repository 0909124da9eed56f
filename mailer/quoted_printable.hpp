// Quoted-printable (RFC 2045 §6.7): UTF-8 text as 7-bit lines of at most 76 characters, which
// every relay carries unchanged and a person can still half read.
#pragma once

#include <string>
#include <string_view>

namespace nuitee::mailer {

// Encodes text whose lines end with "\n"; the result's lines end with CRLF. A "." starting a line
// is encoded too, so no relay can mistake it for the end of the data.
std::string EncodeQuotedPrintable(std::string_view text);

}  // namespace nuitee::mailer
