// Platform API keys' form.
#include "api/http/platform_key.hpp"

#include "security/secret_token.hpp"

namespace nuitee::api {

std::string NewPlatformKey() {
  return std::string(kPlatformKeyPrefix) + security::NewSecretToken();
}

bool LooksLikePlatformKey(std::string_view token) {
  return token.size() > 43 && token.substr(0, kPlatformKeyPrefix.size()) == kPlatformKeyPrefix;
}

bool WellFormedPlatformKey(std::string_view token) {
  if (token.substr(0, kPlatformKeyPrefix.size()) != kPlatformKeyPrefix) return false;
  const std::string_view secret = token.substr(kPlatformKeyPrefix.size());
  return secret.size() == 43 &&
         secret.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
             std::string_view::npos;
}

std::string VisiblePrefix(std::string_view key) {
  return std::string(key.substr(0, kPlatformKeyVisibleLength));
}

}  // namespace nuitee::api
