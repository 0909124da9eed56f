// The password policy: length in characters, not bytes, and no common password.
#include "security/password_policy.hpp"

#include <gtest/gtest.h>

namespace nuitee::security {
namespace {

TEST(PasswordPolicy, AcceptsALongPassphrase) {
  EXPECT_EQ(PasswordRefusal("le chat dort au soleil"), std::nullopt);
}

TEST(PasswordPolicy, RefusesFewerThanTwelveCharactersCountingAccentsOnce) {
  EXPECT_TRUE(PasswordRefusal("court"));
  EXPECT_TRUE(PasswordRefusal("éééééééééé1"));    // 11 characters, 21 bytes
  EXPECT_FALSE(PasswordRefusal("ééééééééééé1"));  // 12 characters
}

TEST(PasswordPolicy, RefusesCommonPasswordsWhateverTheCase) {
  EXPECT_TRUE(IsCommonPassword("motdepasse123"));
  EXPECT_TRUE(IsCommonPassword("AzertyUIOP123"));
  auto refusal = PasswordRefusal("Password1234");
  ASSERT_TRUE(refusal);
  EXPECT_NE(refusal->find("plus utilisés"), std::string::npos);
  EXPECT_FALSE(IsCommonPassword("le chat dort au soleil"));
}

TEST(PasswordPolicy, RefusesAbsurdlyLongInput) {
  EXPECT_TRUE(PasswordRefusal(std::string(201, 'a')));
}

}  // namespace
}  // namespace nuitee::security
