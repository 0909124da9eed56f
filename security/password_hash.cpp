// scrypt through EVP_PBE_scrypt, encoded with its parameters.
#include "security/password_hash.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>
#include <vector>

#include "security/secret_token.hpp"

namespace nuitee::security {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
// OpenSSL refuses to allocate more than this much memory for one derivation.
constexpr std::uint64_t kMaxMemoryBytes = 1ULL << 30;

std::optional<std::string> Derive(std::string_view password, std::string_view salt,
                                  const ScryptParameters& parameters) {
  unsigned char key[kKeyBytes];
  if (EVP_PBE_scrypt(password.data(), password.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), parameters.n,
                     parameters.r, parameters.p, kMaxMemoryBytes, key, sizeof key) != 1) {
    return std::nullopt;
  }
  return std::string(reinterpret_cast<const char*>(key), sizeof key);
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::optional<std::uint64_t> Number(std::string_view text) {
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

struct Decoded {
  ScryptParameters parameters;
  std::string salt;
  std::string key;
};

std::optional<Decoded> Decode(std::string_view stored) {
  const auto parts = Split(stored, '$');
  if (parts.size() != 6 || parts[0] != "scrypt") return std::nullopt;
  auto n = Number(parts[1]);
  auto r = Number(parts[2]);
  auto p = Number(parts[3]);
  if (!n || !r || !p) return std::nullopt;
  Decoded decoded{{*n, *r, *p}, FromBase64Url(parts[4]), FromBase64Url(parts[5])};
  if (decoded.salt.size() != kSaltBytes || decoded.key.size() != kKeyBytes) return std::nullopt;
  return decoded;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password, const ScryptParameters& parameters) {
  unsigned char salt_bytes[kSaltBytes];
  if (RAND_bytes(salt_bytes, sizeof salt_bytes) != 1) return Fail(Error::Internal());
  const std::string salt(reinterpret_cast<const char*>(salt_bytes), sizeof salt_bytes);
  auto key = Derive(password, salt, parameters);
  if (!key) return Fail(Error::Internal());
  return "scrypt$" + std::to_string(parameters.n) + "$" + std::to_string(parameters.r) + "$" +
         std::to_string(parameters.p) + "$" + Base64Url(salt) + "$" + Base64Url(*key);
}

bool VerifyPassword(std::string_view password, std::string_view stored_hash) {
  auto decoded = Decode(stored_hash);
  if (!decoded) return false;
  auto key = Derive(password, decoded->salt, decoded->parameters);
  return key && ConstantTimeEquals(*key, decoded->key);
}

std::optional<ScryptParameters> ParametersOf(std::string_view stored_hash) {
  auto decoded = Decode(stored_hash);
  if (!decoded) return std::nullopt;
  return decoded->parameters;
}

bool NeedsRehash(std::string_view stored_hash, const ScryptParameters& configured) {
  auto parameters = ParametersOf(stored_hash);
  return !parameters || !(*parameters == configured);
}

}  // namespace nuitee::security
