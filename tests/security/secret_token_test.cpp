// Opaque tokens: 256 random bits in base64url, stored only as their SHA-256.
#include "security/secret_token.hpp"

#include <gtest/gtest.h>

#include <set>

namespace nuitee::security {
namespace {

TEST(SecretToken, Has256RandomBitsInBase64Url) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = NewSecretToken();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(FromBase64Url(token).size(), 32u);
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(SecretToken, DigestIsTheHexSha256) {
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  EXPECT_EQ(TokenDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SecretToken, Base64UrlRoundTripsAndRefusesForeignCharacters) {
  EXPECT_EQ(Base64Url("\xfb\xff"), "-_8");
  EXPECT_EQ(FromBase64Url(Base64Url("Nuitée")), "Nuitée");
  EXPECT_EQ(FromBase64Url("ab+/"), "");
}

TEST(SecretToken, ComparesInConstantTimeButCorrectly) {
  EXPECT_TRUE(ConstantTimeEquals("same", "same"));
  EXPECT_FALSE(ConstantTimeEquals("same", "sane"));
  EXPECT_FALSE(ConstantTimeEquals("same", "same!"));
}

}  // namespace
}  // namespace nuitee::security
