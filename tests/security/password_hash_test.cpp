// scrypt password hashes: verification, salting, parameters carried with the hash and the rehash
// signal when the configuration changes.
#include "security/password_hash.hpp"

#include <gtest/gtest.h>

namespace nuitee::security {
namespace {

// Cheap parameters keep the suite fast; one test uses the production defaults.
const ScryptParameters kFast{1024, 8, 1};

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  auto hash = HashPassword("le chat dort au soleil", kFast);
  ASSERT_TRUE(hash) << hash.error().message;
  EXPECT_TRUE(VerifyPassword("le chat dort au soleil", *hash));
  EXPECT_FALSE(VerifyPassword("le chat dort au soleil ", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
}

TEST(PasswordHash, NeverStoresThePasswordAndSaltsEachHash) {
  auto first = HashPassword("le chat dort au soleil", kFast);
  auto second = HashPassword("le chat dort au soleil", kFast);
  ASSERT_TRUE(first && second);
  EXPECT_NE(*first, *second);
  EXPECT_EQ(first->find("chat"), std::string::npos);
  EXPECT_EQ(first->rfind("scrypt$1024$8$1$", 0), 0u) << *first;
}

TEST(PasswordHash, WorksWithTheDefaultParameters) {
  auto hash = HashPassword("Été 2026 à Murat, enfin !", ScryptParameters{});
  ASSERT_TRUE(hash);
  EXPECT_TRUE(VerifyPassword("Été 2026 à Murat, enfin !", *hash));
  EXPECT_EQ(ParametersOf(*hash), ScryptParameters{});
}

TEST(PasswordHash, AsksForARehashWhenTheParametersChange) {
  auto hash = HashPassword("le chat dort au soleil", kFast);
  ASSERT_TRUE(hash);
  EXPECT_FALSE(NeedsRehash(*hash, kFast));
  EXPECT_TRUE(NeedsRehash(*hash, ScryptParameters{}));
  EXPECT_TRUE(NeedsRehash("not a hash", kFast));
}

TEST(PasswordHash, RefusesMalformedStoredHashes) {
  for (const char* stored :
       {"", "scrypt", "scrypt$0$8$1$AAAA$AAAA", "bcrypt$2$8$1$x$y", "scrypt$1024$8$1$%%%$AAAA",
        "scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$"}) {
    EXPECT_FALSE(VerifyPassword("anything at all", stored)) << stored;
  }
}

}  // namespace
}  // namespace nuitee::security
