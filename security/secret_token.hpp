// Opaque secrets handed to clients (session tokens, invitation and reset links, API keys): 256
// random bits from OpenSSL, base64url, and only their SHA-256 is ever stored, so a copy of the
// database grants nothing.
#pragma once

#include <string>
#include <string_view>

namespace nuitee::security {

// 43 base64url characters (256 bits).
std::string NewSecretToken();
// Hex SHA-256 of the token, as stored and looked up.
std::string TokenDigest(std::string_view token);
// Constant-time equality of two strings of the same length (CRYPTO_memcmp).
bool ConstantTimeEquals(std::string_view a, std::string_view b);
// base64url without padding (RFC 4648 §5).
std::string Base64Url(std::string_view bytes);
std::string FromBase64Url(std::string_view text);  // empty on malformed input

}  // namespace nuitee::security
