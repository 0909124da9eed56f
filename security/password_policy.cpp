// The password policy and the shipped list of common passwords.
#include "security/password_policy.hpp"

#include <algorithm>
#include <mutex>
#include <set>

namespace nuitee::security {

extern const std::string_view kCommonPasswordsText;

namespace {

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return lower;
}

// One password per line; lines starting with '#' are comments.
const std::set<std::string, std::less<>>& CommonPasswords() {
  static const std::set<std::string, std::less<>> passwords = [] {
    std::set<std::string, std::less<>> set;
    std::size_t start = 0;
    while (start < kCommonPasswordsText.size()) {
      std::size_t end = kCommonPasswordsText.find('\n', start);
      if (end == std::string_view::npos) end = kCommonPasswordsText.size();
      std::string_view line = kCommonPasswordsText.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!line.empty() && line.front() != '#') set.insert(Lowercase(line));
      start = end + 1;
    }
    return set;
  }();
  return passwords;
}

// UTF-8 code points: continuation bytes (10xxxxxx) do not start a character.
std::size_t CodePoints(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](unsigned char c) { return (c & 0xC0) != 0x80; });
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  return CommonPasswords().count(Lowercase(password)) > 0;
}

std::optional<std::string> PasswordRefusal(std::string_view password) {
  if (CodePoints(password) < kMinimumPasswordLength) {
    return "Le mot de passe doit compter au moins " + std::to_string(kMinimumPasswordLength) +
           " caractères : une phrase de quelques mots est plus sûre et plus facile à retenir.";
  }
  if (password.size() > 200) return "Le mot de passe ne peut dépasser 200 octets.";
  if (IsCommonPassword(password)) {
    return "Ce mot de passe fait partie des plus utilisés, que l'on essaie en premier : "
           "choisissez-en un autre.";
  }
  return std::nullopt;
}

}  // namespace nuitee::security
