// What a new password must satisfy: at least kMinimumPasswordLength characters (counted as
// Unicode code points), at most 200 bytes, and not one of the common passwords shipped in
// security/data/common_passwords.txt (compared case-insensitively). Length beats composition
// rules (NIST SP 800-63B §5.1.1.2); the list stops the passwords tried first.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nuitee::security {

inline constexpr std::size_t kMinimumPasswordLength = 12;

// nullopt when acceptable; otherwise the French reason, for the field "/password".
std::optional<std::string> PasswordRefusal(std::string_view password);

bool IsCommonPassword(std::string_view password);

}  // namespace nuitee::security
