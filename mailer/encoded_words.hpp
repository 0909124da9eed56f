// Header text outside ASCII (RFC 2047 encoded words): a French subject or display name arrives as
// written, whatever the relays in between.
#pragma once

#include <string>
#include <string_view>

namespace nuitee::mailer {

// `text` (UTF-8, one line) ready to follow "Name: " in a header: unchanged when it is printable
// ASCII, otherwise base64 encoded words ("=?UTF-8?B?...?=") cut at character boundaries. Long
// values are folded (CRLF and a space) so that no line of the header exceeds 78 characters.
std::string EncodeHeaderText(std::string_view text);

// A display name for "From": a quoted string when ASCII, encoded words otherwise.
std::string EncodeDisplayName(std::string_view name);

std::string Base64(std::string_view bytes);

}  // namespace nuitee::mailer
