// The form of platforms' API keys, and how the access table sees each kind of caller.
#include "api/http/platform_key.hpp"

#include <gtest/gtest.h>

#include <set>

#include "api/http/access_policy.hpp"

namespace nuitee::api {
namespace {

TEST(PlatformKey, IsThePrefixAnd256RandomBitsInBase64Url) {
  const std::string key = NewPlatformKey();
  EXPECT_EQ(key.rfind("ntp_", 0), 0u);
  EXPECT_EQ(key.size(), 47u);
  EXPECT_TRUE(WellFormedPlatformKey(key));
  EXPECT_TRUE(LooksLikePlatformKey(key));
  EXPECT_EQ(VisiblePrefix(key), key.substr(0, 12));
}

TEST(PlatformKey, NeverRepeats) {
  std::set<std::string> keys;
  for (int i = 0; i < 1000; ++i) keys.insert(NewPlatformKey());
  EXPECT_EQ(keys.size(), 1000u);
}

TEST(PlatformKey, ASessionTokenStartingLikeAKeyIsStillASessionToken) {
  // Session tokens are 43 base64url characters and may begin with "ntp_" by chance.
  const std::string session = "ntp_" + std::string(39, 'a');
  EXPECT_FALSE(LooksLikePlatformKey(session));
}

TEST(PlatformKey, RefusesWrongLengthsAndCharacters) {
  EXPECT_FALSE(WellFormedPlatformKey("ntp_" + std::string(42, 'a')));
  EXPECT_FALSE(WellFormedPlatformKey("ntp_" + std::string(44, 'a')));
  EXPECT_FALSE(WellFormedPlatformKey("ntp_" + std::string(42, 'a') + "="));
  EXPECT_FALSE(WellFormedPlatformKey("xyz_" + std::string(43, 'a')));
  EXPECT_TRUE(WellFormedPlatformKey("ntp_" + std::string(42, 'a') + "-"));
}

TEST(AudiencesOf, AHostsOwnAccountIsAHostOwnerAndAManagerIsNot) {
  Principal host;
  host.kind = UserKind::kHost;
  Principal manager;
  manager.kind = UserKind::kManager;
  EXPECT_EQ(AudiencesOf(host), kHostUser | kHostOwner);
  EXPECT_EQ(AudiencesOf(manager), kHostUser);
}

TEST(AudiencesOf, APlatformIsOnlyAPlatformAndNoSession) {
  Principal platform;
  platform.kind = UserKind::kPlatform;
  EXPECT_EQ(AudiencesOf(platform), kPlatform);
  EXPECT_EQ(kSignedIn & kPlatform, 0u);
  EXPECT_NE(kEveryone & kPlatform, 0u);
}

TEST(AccessRules, OnlyAHostsOwnAccountOrTheReferentGrantsManagers) {
  Principal manager;
  manager.kind = UserKind::kManager;
  for (const auto* path : {"/v1/hosts/{id}/managers", "/v1/hosts/{id}/managers/{user_id}/revoke"}) {
    const AccessRule* rule = FindAccessRule("post", path);
    ASSERT_NE(rule, nullptr) << path;
    EXPECT_EQ(rule->audiences, kHostOwner | kReferent) << path;
    EXPECT_EQ(rule->audiences & AudiencesOf(manager), 0u) << path;
  }
}

}  // namespace
}  // namespace nuitee::api
