// Password hashing with scrypt, OpenSSL's memory-hard KDF (EVP_PBE_scrypt): a password is never
// stored, only "scrypt$N$r$p$salt$hash" (salt and hash in base64url), so the parameters travel
// with the hash and can be raised later: a login with older parameters re-hashes (NeedsRehash).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/core/error.hpp"

namespace nuitee::security {

struct ScryptParameters {
  std::uint64_t n = 1 << 15;  // CPU/memory cost: 32 MiB with r = 8
  std::uint64_t r = 8;
  std::uint64_t p = 1;
  friend bool operator==(const ScryptParameters&, const ScryptParameters&) = default;
};

// A fresh random salt each time; fails only if OpenSSL does (out of memory, bad parameters).
Result<std::string> HashPassword(std::string_view password, const ScryptParameters& parameters);

// Constant-time comparison of the derived key; false for a malformed stored hash.
bool VerifyPassword(std::string_view password, std::string_view stored_hash);

// The parameters a stored hash was made with, if it is well formed.
std::optional<ScryptParameters> ParametersOf(std::string_view stored_hash);
// True when the stored hash was made with other parameters than the configured ones.
bool NeedsRehash(std::string_view stored_hash, const ScryptParameters& configured);

}  // namespace nuitee::security
