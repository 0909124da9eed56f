// Platforms (machine clients) and their API keys, end to end over HTTP on a real database: the
// operator creates a platform and issues keys (shown once, stored hashed, revocable, with a visible
// prefix and a last use), a collectivity's admin registers the platform and may end it, and a key
// reaches only its identity and the deliberations of the collectivities that registered it —
// another collectivity answers 404, every other route 403.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "security/secret_token.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/platform_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestServer;

class PlatformKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    murat_ = testing::CreateCollectivity(client());
    allanche_ = testing::CreateCollectivity(client(), testing::CollectivityBody("200066645"));
    for (const auto& collectivity : {murat_, allanche_}) {
      ASSERT_EQ(
          testing::PutDeliberation(client(), collectivity, 2026, testing::DeliberationBody(), "")
              .status,
          201);
    }
  }
  HttpClient& client() { return server_.client(); }
  std::string Deliberation(const std::string& collectivity) {
    return "/v1/collectivities/" + collectivity + "/deliberations/2026";
  }
  std::string Registrations(const std::string& collectivity) {
    return "/v1/collectivities/" + collectivity + "/platforms";
  }

  TestServer server_;
  std::string murat_;
  std::string allanche_;
};

TEST_F(PlatformKeys, AKeyIsShownOnceStoredHashedAndListedByItsPrefix) {
  const std::string platform = testing::CreatedId(
      client().PostJson("/v1/platforms", {{"name", "Airbnb"}}, client().AsOperator()));
  const auto issued = client().PostJson("/v1/platforms/" + platform + "/keys",
                                        {{"label", "production"}}, client().AsOperator());
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::string key = issued.Json().at("key");
  EXPECT_EQ(key.rfind("ntp_", 0), 0u);
  EXPECT_EQ(key.size(), 4u + 43u);  // 256 random bits in base64url
  EXPECT_EQ(issued.Json().at("prefix"), key.substr(0, 12));
  EXPECT_TRUE(issued.Json().at("last_used_at").is_null());

  // Only the digest is stored; the key appears nowhere in the database.
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM platform_keys WHERE key_digest = '" +
                                   security::TokenDigest(key) + "'"),
            1);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM platform_keys k WHERE k::text LIKE '%" +
                                   key.substr(12) + "%'"),
            0);
  const auto listed = client().Get("/v1/platforms/" + platform + "/keys", client().AsOperator());
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json().at("items").size(), 1u);
  EXPECT_FALSE(listed.Json().at("items")[0].contains("key"));
  EXPECT_EQ(listed.body.find(key.substr(12)), std::string::npos);

  // A second platform of the same name is refused, case ignored.
  const auto twice =
      client().PostJson("/v1/platforms", {{"name", "AIRBNB"}}, client().AsOperator());
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(twice.Json().at("errors")[0].at("pointer"), "/name");
}

TEST_F(PlatformKeys, ARetriedIssueAnswersTheKeysDescriptionWithoutTheKey) {
  const std::string platform = testing::CreatedId(
      client().PostJson("/v1/platforms", {{"name", "Booking"}}, client().AsOperator()));
  auto headers = client().AsOperator();
  headers["Idempotency-Key"] = "key-1";
  const auto first =
      client().PostJson("/v1/platforms/" + platform + "/keys", json::object(), headers);
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string key = first.Json().at("key");
  const auto retry =
      client().PostJson("/v1/platforms/" + platform + "/keys", json::object(), headers);
  ASSERT_EQ(retry.status, 201) << retry.body;
  EXPECT_EQ(retry.Header("idempotent-replayed"), "true");
  EXPECT_EQ(retry.Json().at("id"), first.Json().at("id"));
  EXPECT_TRUE(retry.Json().at("key").is_null());
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM platform_keys"), 1);
  // The recorded answer does not keep the secret either.
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM idempotency_keys i WHERE i::text LIKE '%" +
                                   key.substr(12) + "%'"),
            0);
}

TEST_F(PlatformKeys, AKeyReachesOnlyTheCollectivitiesThatRegisteredIt) {
  const auto platform = testing::RegisteredPlatform(client(), "Airbnb", {murat_});
  const auto as_platform = HttpClient::Bearer(platform.key);

  const auto me = client().Get("/v1/platform/me", as_platform);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json().at("platform_id"), platform.id);
  EXPECT_EQ(me.Json().at("name"), "Airbnb");
  EXPECT_EQ(me.Json().at("key").at("id"), platform.key_id);
  ASSERT_EQ(me.Json().at("collectivities").size(), 1u);
  EXPECT_EQ(me.Json().at("collectivities")[0].at("id"), murat_);

  // The tariffs it collects the tax with.
  const auto tariffs = client().Get(Deliberation(murat_), as_platform);
  ASSERT_EQ(tariffs.status, 200) << tariffs.body;
  EXPECT_EQ(tariffs.Json().at("year"), 2026);
  EXPECT_EQ(client().Get("/v1/collectivities/" + murat_ + "/deliberations", as_platform).status,
            200);
  // Another collectivity is exactly like one that does not exist.
  const auto elsewhere = client().Get(Deliberation(allanche_), as_platform);
  EXPECT_EQ(elsewhere.status, 404) << elsewhere.body;
  EXPECT_EQ(elsewhere.Header("content-type").rfind("application/problem+json", 0), 0u);
  // Everything else is not for a platform.
  EXPECT_EQ(client().Get("/v1/collectivities/" + murat_, as_platform).status, 403);
  EXPECT_EQ(client().Get("/v1/collectivities/" + murat_ + "/hosts", as_platform).status, 403);
  EXPECT_EQ(client().Get("/v1/auth/me", as_platform).status, 403);
  EXPECT_EQ(client().Get(Deliberation(murat_) + "/versions", as_platform).status, 403);
  // A session is not a platform.
  EXPECT_EQ(client().Get("/v1/platform/me", client().AsStaffOf(murat_)).status, 403);
}

TEST_F(PlatformKeys, EndingARegistrationAndRevokingAKeyTakeEffectAtOnce) {
  const auto platform = testing::RegisteredPlatform(client(), "Abritel", {murat_, allanche_});
  const auto as_platform = HttpClient::Bearer(platform.key);
  ASSERT_EQ(client().Get(Deliberation(allanche_), as_platform).status, 200);

  const auto ended =
      client().Request("POST", Registrations(allanche_) + "/" + platform.id + "/revoke", "",
                       client().AsStaffOf(allanche_));
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.Json().at("active"), false);
  EXPECT_EQ(ended.Json().at("ended_by"), TestServer::StaffEmail(allanche_));
  EXPECT_EQ(client().Get(Deliberation(allanche_), as_platform).status, 404);
  EXPECT_EQ(client().Get(Deliberation(murat_), as_platform).status, 200);
  EXPECT_EQ(client().Get("/v1/platform/me", as_platform).Json().at("collectivities").size(), 1u);
  // The registration stays in the collectivity's list, ended.
  const auto listed = client().Get(Registrations(allanche_), client().AsStaffOf(allanche_));
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.Json().at("items").size(), 1u);
  EXPECT_FALSE(listed.Json().at("items")[0].at("ended_at").is_null());

  // The last use is recorded; then the key is revoked and refused at once.
  const auto keys = client().Get("/v1/platforms/" + platform.id + "/keys", client().AsOperator());
  EXPECT_FALSE(keys.Json().at("items")[0].at("last_used_at").is_null()) << keys.body;
  const auto revoked = client().Request(
      "POST", "/v1/platforms/" + platform.id + "/keys/" + platform.key_id + "/revoke", "",
      client().AsOperator());
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.Json().at("active"), false);
  const auto refused = client().Get("/v1/platform/me", as_platform);
  EXPECT_EQ(refused.status, 401) << refused.body;
  EXPECT_EQ(refused.Header("content-type").rfind("application/problem+json", 0), 0u);
  EXPECT_THROW(server_.db().Execute("DELETE FROM platform_keys"), std::exception);
}

TEST_F(PlatformKeys, MalformedOrUnknownKeysAre401) {
  for (const std::string& key :
       {std::string("ntp_court"), "ntp_" + std::string(43, 'A'), "ntp_" + std::string(43, '!')}) {
    const auto answer = client().Get("/v1/platform/me", HttpClient::Bearer(key));
    EXPECT_EQ(answer.status, 401) << key;
  }
}

TEST_F(PlatformKeys, RegistrationRefusalsNameTheField) {
  const auto admin = client().AsStaffOf(murat_);
  const auto unknown = client().PostJson(
      Registrations(murat_), {{"platform_id", "00000000-0000-4000-8000-000000000000"}}, admin);
  ASSERT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(unknown.Json().at("errors")[0].at("pointer"), "/platform_id");
  const auto platform = testing::RegisteredPlatform(client(), "Airbnb", {murat_});
  const auto twice =
      client().PostJson(Registrations(murat_), {{"platform_id", platform.id}}, admin);
  EXPECT_EQ(twice.status, 409) << twice.body;
  // Another collectivity's admin can neither list nor end this registration.
  const auto other_admin = client().AsStaffOf(allanche_);
  EXPECT_EQ(client().Get(Registrations(murat_), other_admin).status, 404);
  EXPECT_EQ(
      client()
          .Request("POST", Registrations(murat_) + "/" + platform.id + "/revoke", "", other_admin)
          .status,
      404);
}

}  // namespace
}  // namespace nuitee
