// Through HTTP: a lost database gives 503 problem+json (never SQL text), /ready says so, and the
// server serves again once the database is back, without a restart.
#include <gtest/gtest.h>

#include "api/server.hpp"
#include "persistence/account_repository.hpp"
#include "persistence/migrations.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/private_cluster.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee::api {
namespace {

using namespace date::literals;

TEST(DatabaseOutage, AnswersServiceUnavailableThenRecoversWithoutRestart) {
  testing::PrivateCluster cluster;
  ASSERT_TRUE(persistence::ApplyMigrations(cluster.Url(), persistence::EmbeddedMigrations()));
  persistence::Database database({cluster.Url(), 3});
  Services services{database, [] { return Day{2026_y / date::November / 23}; }};
  Server server({"127.0.0.1", 0, 2}, services);
  testing::HttpClient client("http://127.0.0.1:" + std::to_string(server.Start()));
  auto made = database.InTransaction([](persistence::Transaction& tx) {
    return persistence::AccountRepository::CreateUser(
        tx, {UserKind::kOperator, "operateur@nuitee.test", "Opérateur", std::nullopt,
             *security::HashPassword(testing::kTestPassword, testing::kTestScrypt), {}, {},
             "test"});
  });
  ASSERT_TRUE(made) << made.error().message;
  const auto login = client.PostJson(
      "/v1/auth/login", {{"email", "operateur@nuitee.test"}, {"password", testing::kTestPassword}});
  ASSERT_EQ(login.status, 201) << login.body;
  client.SetDefaultHeader("Authorization", "Bearer " + login.Json().at("token").get<std::string>());

  EXPECT_EQ(client.Get("/ready").status, 200);
  EXPECT_EQ(client.Get("/v1/collectivities").status, 200);

  cluster.Stop();
  EXPECT_EQ(client.Get("/health").status, 200);  // the process itself is alive
  auto ready = client.Get("/ready");
  EXPECT_EQ(ready.status, 503);
  auto listed = client.Get("/v1/collectivities");
  EXPECT_EQ(listed.status, 503);
  EXPECT_EQ(listed.Header("content-type").rfind("application/problem+json", 0), 0u);
  EXPECT_EQ(listed.Json()["type"], "urn:nuitee:problem:unavailable");
  EXPECT_FALSE(listed.Header("retry-after").empty());
  for (const char* leak : {"PQ", "connection", "socket", "soci", "server closed"}) {
    EXPECT_EQ(listed.body.find(leak), std::string::npos) << leak << " in " << listed.body;
  }

  cluster.Start();
  for (int i = 0; i < 4; ++i) {  // more requests than pooled sessions: each one has healed
    EXPECT_EQ(client.Get("/v1/collectivities").status, 200) << "request " << i;
  }
  EXPECT_EQ(client.Get("/ready").status, 200);
  server.Shutdown();
}

}  // namespace
}  // namespace nuitee::api
