// The form of platforms' API keys: "ntp_" then 256 random bits in base64url (43 characters). The
// prefix tells a key from a session token (43 characters, no prefix) before the database is
// asked, and the first characters identify a key in lists without revealing it.
#pragma once

#include <string>
#include <string_view>

namespace nuitee::api {

inline constexpr std::string_view kPlatformKeyPrefix = "ntp_";
// How many leading characters of a key are shown ("ntp_" and 8 of the secret: 48 bits, enough to
// tell a platform's keys apart, far too few to guess the rest).
inline constexpr std::size_t kPlatformKeyVisibleLength = 12;

// A new key; only its SHA-256 (security::TokenDigest) is stored.
std::string NewPlatformKey();
// Starts with the prefix and is longer than a session token (which may start with those four
// characters by chance, once in 16 million).
bool LooksLikePlatformKey(std::string_view token);
bool WellFormedPlatformKey(std::string_view token);  // prefix and 43 base64url characters
std::string VisiblePrefix(std::string_view key);

}  // namespace nuitee::api
