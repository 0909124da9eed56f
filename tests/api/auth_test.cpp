// Logging in and out over HTTP on a real database: sessions by bearer token or cookie (with its
// CSRF token for writes), listing and revoking them, expiry, the same answer for a wrong password
// and an unknown address, throttling of repeated failures, and re-hashing on login.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "persistence/account_repository.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestServer;

constexpr const char* kPassword = "le chat dort au soleil";

class Auth : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(client());
    client().ClearDefaultHeader("Authorization");  // each test signs in by itself
    CreateStaff("referente@murat.fr", testing::kTestScrypt);
  }
  testing::HttpClient& client() { return server_.client(); }
  void CreateStaff(const std::string& email, const security::ScryptParameters& parameters) {
    auto created = server_.db().database().InTransaction([&](persistence::Transaction& tx) {
      return persistence::AccountRepository::CreateUser(
          tx, {UserKind::kStaff,
               email,
               "Claire Referente",
               CollectivityId(collectivity_),
               *security::HashPassword(kPassword, parameters),
               {Role::kReferent},
               {},
               "test"});
    });
    ASSERT_TRUE(created) << created.error().message;
  }
  HttpResponse Login(const std::string& email, const std::string& password) {
    return client().PostJson("/v1/auth/login", {{"email", email}, {"password", password}});
  }
  std::map<std::string, std::string> Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  TestServer server_;
  std::string collectivity_;
};

TEST_F(Auth, ALoginOpensASessionThatTheBearerTokenCarries) {
  const auto login = Login("Referente@Murat.fr", kPassword);
  ASSERT_EQ(login.status, 201) << login.body;
  const json body = login.Json();
  const std::string token = body.at("token");
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(body.at("principal").at("roles"), json::array({"referent"}));
  const std::string cookie = login.Header("set-cookie");
  for (const char* attribute : {"HttpOnly", "Secure", "SameSite=Strict", "Path=/"}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << cookie;
  }
  const auto me = client().Get("/v1/auth/me", Bearer(token));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json().at("email"), "referente@murat.fr");
  EXPECT_EQ(me.Json().at("collectivity_id"), collectivity_);
  // The database keeps only the token's digest.
  EXPECT_EQ(
      server_.db().CountRows("SELECT count(*) FROM sessions WHERE token_digest = '" + token + "'"),
      0);
}

TEST_F(Auth, AWrongPasswordAndAnUnknownAddressGetTheSameAnswer) {
  const auto wrong = Login("referente@murat.fr", "pas le bon mot de passe");
  const auto unknown = Login("personne@murat.fr", kPassword);
  ASSERT_EQ(wrong.status, 401);
  ASSERT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.Json().at("detail"), unknown.Json().at("detail"));
  EXPECT_EQ(wrong.Header("www-authenticate"), "Bearer");
}

TEST_F(Auth, LoggingOutEndsTheSession) {
  const std::string token = Login("referente@murat.fr", kPassword).Json().at("token");
  ASSERT_EQ(client().Request("POST", "/v1/auth/logout", "", Bearer(token)).status, 204);
  EXPECT_EQ(client().Get("/v1/auth/me", Bearer(token)).status, 401);
}

TEST_F(Auth, SessionsAreListedAndRevocableByTheirOwner) {
  const std::string laptop = Login("referente@murat.fr", kPassword).Json().at("token");
  const std::string phone = Login("referente@murat.fr", kPassword).Json().at("token");
  const json listed = client().Get("/v1/auth/sessions", Bearer(laptop)).Json();
  ASSERT_EQ(listed.at("items").size(), 2u);
  std::string phone_session;
  for (const auto& session : listed.at("items")) {
    if (!session.at("current").get<bool>()) phone_session = session.at("id");
  }
  ASSERT_FALSE(phone_session.empty());
  EXPECT_EQ(
      client()
          .Request("POST", "/v1/auth/sessions/" + phone_session + "/revoke", "", Bearer(laptop))
          .status,
      204);
  EXPECT_EQ(client().Get("/v1/auth/me", Bearer(phone)).status, 401);
  EXPECT_EQ(client().Get("/v1/auth/sessions", Bearer(laptop)).Json().at("items").size(), 1u);
}

TEST_F(Auth, LoggingOutEndsASessionAtOnceThoughTheServerHadItInMemory) {
  const std::string token = Login("referente@murat.fr", kPassword).Json().at("token");
  ASSERT_EQ(client().Get("/v1/auth/me", Bearer(token)).status, 200);
  ASSERT_EQ(client().Get("/v1/auth/me", Bearer(token)).status, 200);  // served from memory
  ASSERT_EQ(client().Request("POST", "/v1/auth/logout", "", Bearer(token)).status, 204);
  EXPECT_EQ(client().Get("/v1/auth/me", Bearer(token)).status, 401);
  EXPECT_EQ(client().Get("/v1/collectivities/" + collectivity_ + "/hosts", Bearer(token)).status,
            401);
}

TEST_F(Auth, ExpiredOrMalformedTokensAreRefused) {
  const std::string token = Login("referente@murat.fr", kPassword).Json().at("token");
  server_.db().Execute("UPDATE sessions SET idle_expires_at = now() - interval '1 second'");
  EXPECT_EQ(client().Get("/v1/auth/me", Bearer(token)).status, 401);
  EXPECT_EQ(client().Get("/v1/auth/me", Bearer("x'; DROP TABLE sessions; --")).status, 401);
  EXPECT_EQ(client().Get("/v1/auth/me", {{"Authorization", "Basic YTpi"}}).status, 401);
  EXPECT_EQ(client().Get("/v1/auth/me").status, 401);
}

TEST_F(Auth, CookieWritesNeedTheCsrfToken) {
  const json login = Login("referente@murat.fr", kPassword).Json();
  const std::string cookie = std::string("nuitee_session=") + login.at("token").get<std::string>();
  EXPECT_EQ(client().Get("/v1/auth/me", {{"Cookie", cookie}}).status, 200);
  EXPECT_EQ(client().Request("POST", "/v1/auth/logout", "", {{"Cookie", cookie}}).status, 403);
  EXPECT_EQ(client()
                .Request("POST", "/v1/auth/logout", "",
                         {{"Cookie", cookie}, {"X-CSRF-Token", login.at("csrf_token")}})
                .status,
            204);
}

TEST_F(Auth, RepeatedFailuresAreThrottledWithoutLockingOthersOut) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(Login("referente@murat.fr", "pas le bon mot de passe").status, 401);
  }
  const auto locked = Login("referente@murat.fr", kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_FALSE(locked.Header("retry-after").empty());
  CreateStaff("finance@murat.fr", testing::kTestScrypt);
  EXPECT_EQ(Login("finance@murat.fr", kPassword).status, 201);
}

TEST_F(Auth, ALoginRehashesAPasswordMadeWithOtherParameters) {
  CreateStaff("ancien@murat.fr", {2048, 8, 1});
  ASSERT_EQ(Login("ancien@murat.fr", kPassword).status, 201);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM users WHERE email = 'ancien@murat.fr' "
                                   "AND password_hash LIKE 'scrypt$1024$8$1$%'"),
            1);
  EXPECT_EQ(Login("ancien@murat.fr", kPassword).status, 201);
}

}  // namespace
}  // namespace nuitee
