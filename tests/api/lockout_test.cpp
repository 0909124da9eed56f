// Lockouts that staff can see (issue 5): a collectivity's admins list those of its accounts, the
// operator lists all of them, including addresses without an account, and nobody else learns
// whether an address has one. Password-reset requests are throttled without changing what the
// 202 answer means.
#include <gtest/gtest.h>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestServer;

class Lockouts : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(server_.client());
    other_ = testing::CreateCollectivity(server_.client(), testing::CollectivityBody("200066645"));
    admin_ = server_.SignIn(UserKind::kStaff, "admin@murat.fr", collectivity_, {Role::kAdmin});
    other_admin_ = server_.SignIn(UserKind::kStaff, "admin@allanche.fr", other_, {Role::kAdmin});
  }

  // Failed logins for `email` until the server answers 429; returns that answer.
  HttpResponse FailUntilLocked(const std::string& email) {
    HttpClient anonymous(server_.base_url());
    for (int attempt = 0; attempt < 10; ++attempt) {
      auto answer = anonymous.PostJson("/v1/auth/login",
                                       {{"email", email}, {"password", "mauvais-mot-de-passe"}});
      if (answer.status == 429) return answer;
      EXPECT_EQ(answer.status, 401) << answer.body;
    }
    ADD_FAILURE() << "no lockout for " << email;
    return {};
  }

  json List(const std::string& path, const std::string& token) {
    const auto answer = server_.client().Get(path, HttpClient::Bearer(token));
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.Json();
  }

  TestServer server_;
  std::string collectivity_;
  std::string other_;
  std::string admin_;
  std::string other_admin_;
};

TEST_F(Lockouts, AdminsSeeTheirAccountsLockoutsAndTheOperatorSeesEveryOne) {
  server_.SignIn(UserKind::kStaff, "jeanne@vidal.fr", collectivity_, {Role::kReferent});
  const auto locked = FailUntilLocked("Jeanne@Vidal.fr");
  EXPECT_FALSE(locked.Header("retry-after").empty());
  FailUntilLocked("personne@inconnu.fr");  // no account anywhere

  const json mine = List("/v1/collectivities/" + collectivity_ + "/lockouts", admin_);
  ASSERT_EQ(mine.at("items").size(), 1u) << mine.dump();  // once per lock, not per attempt
  const json& lockout = mine.at("items").at(0);
  EXPECT_EQ(lockout.at("email"), "jeanne@vidal.fr");
  EXPECT_EQ(lockout.at("address"), "127.0.0.1");
  EXPECT_EQ(lockout.at("reason"), "account");
  EXPECT_FALSE(lockout.at("locked_until").get<std::string>().empty());
  EXPECT_FALSE(lockout.contains("known_account"));

  // Another collectivity's admin sees none of them: neither is one of its accounts.
  EXPECT_TRUE(List("/v1/collectivities/" + other_ + "/lockouts", other_admin_).at("items").empty());
  // Nor can it read this collectivity's list.
  EXPECT_EQ(server_.client()
                .Get("/v1/collectivities/" + collectivity_ + "/lockouts",
                     HttpClient::Bearer(other_admin_))
                .status,
            404);

  const json all = List("/v1/lockouts", server_.OperatorToken());
  ASSERT_EQ(all.at("items").size(), 2u) << all.dump();
  EXPECT_EQ(all.at("items").at(0).at("known_account"), true);
  EXPECT_EQ(all.at("items").at(1).at("email"), "personne@inconnu.fr");
  EXPECT_EQ(all.at("items").at(1).at("known_account"), false);
}

TEST_F(Lockouts, ALockedAddressAndAnUnknownOneGetTheSameAnswer) {
  server_.SignIn(UserKind::kStaff, "jeanne@vidal.fr", collectivity_, {Role::kReferent});
  const auto known = FailUntilLocked("jeanne@vidal.fr");
  const auto unknown = FailUntilLocked("personne@inconnu.fr");
  EXPECT_EQ(known.status, unknown.status);
  EXPECT_EQ(known.Json().at("title"), unknown.Json().at("title"));
}

TEST_F(Lockouts, ResetMailsToOneAddressAreCappedWithTheSame202) {
  server_.SignIn(UserKind::kStaff, "jeanne@vidal.fr", collectivity_, {Role::kReferent});
  HttpClient anonymous(server_.base_url());
  for (int request = 0; request < 5; ++request) {
    const auto answer =
        anonymous.PostJson("/v1/auth/password-resets", {{"email", "jeanne@vidal.fr"}});
    ASSERT_EQ(answer.status, 202) << answer.body;
    EXPECT_NE(answer.body.find("Si un compte utilise cette adresse"), std::string::npos);
  }
  // Three mails within the hour; the links they carry stay valid.
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM mail_outbox WHERE kind = "
                                   "'password_reset' AND recipient = 'jeanne@vidal.fr'"),
            3);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM one_time_tokens WHERE purpose = "
                                   "'password_reset' AND used_at IS NULL"),
            3);
}

TEST_F(Lockouts, AClientAskingForResetsTooOftenGets429WhateverTheAddresses) {
  HttpClient anonymous(server_.base_url());
  for (int request = 0; request < 10; ++request) {
    const auto answer = anonymous.PostJson(
        "/v1/auth/password-resets", {{"email", "x" + std::to_string(request) + "@exemple.fr"}});
    ASSERT_EQ(answer.status, 202) << answer.body;
  }
  const auto refused =
      anonymous.PostJson("/v1/auth/password-resets", {{"email", "autre@exemple.fr"}});
  ASSERT_EQ(refused.status, 429) << refused.body;
  EXPECT_FALSE(refused.Header("retry-after").empty());
  EXPECT_EQ(refused.Header("content-type").rfind("application/problem+json", 0), 0u);
  // Another client is not affected.
  HttpClient elsewhere(server_.base_url());
  elsewhere.SetSourceAddress("127.0.0.2");
  EXPECT_EQ(elsewhere.PostJson("/v1/auth/password-resets", {{"email", "autre@exemple.fr"}}).status,
            202);
}

}  // namespace
}  // namespace nuitee
