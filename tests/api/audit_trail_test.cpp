// The write audit (issue 5): every committed write leaves a row with its principal, on-behalf-of,
// time, address, request id, route and target; the server's own database role can only read and
// append to the audit tables (PostgreSQL privileges); admins read the rows with filters.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <utility>
#include <vector>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::TestServer;

std::string SqlStateOf(const std::string& url, const std::string& sql) {
  return testing::TestDatabase::SqlStateOf(url, sql);
}

std::string Scalar(const std::string& url, const std::string& sql) {
  return testing::TestDatabase::QueryText(url, sql);
}

// YYYY-MM-DD of today shifted by `days`, in UTC (the test's writes happen now).
std::string DayFromToday(int days) {
  const auto when = std::chrono::system_clock::now() + std::chrono::hours(24 * days);
  const std::time_t time = std::chrono::system_clock::to_time_t(when);
  char text[11];
  std::strftime(text, sizeof text, "%Y-%m-%d", std::gmtime(&time));
  return text;
}

class WriteAudit : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(client());
    server_.ActAsStaff(collectivity_);
  }
  HttpClient& client() { return server_.client(); }
  json Audit(const std::string& query = "") {
    const auto answer = client().Get("/v1/collectivities/" + collectivity_ + "/audit" + query);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.Json();
  }

  TestServer server_;
  std::string collectivity_;
};

TEST_F(WriteAudit, ServerRoleCannotUpdateDeleteOrTruncateTheAuditTables) {
  testing::CreateHost(client(), collectivity_);  // at least one row in each trail
  const std::string url = server_.db().ServerRoleUrl();
  ASSERT_EQ(Scalar(url, "SELECT current_user::text"), testing::kServerRole);
  EXPECT_EQ(Scalar(url, "SELECT rolsuper::int::text FROM pg_roles WHERE rolname = current_user"),
            "0");
  // A plain column of each (identity columns refuse UPDATE for another reason).
  for (const auto& [table, column] : std::vector<std::pair<std::string, std::string>>{
           {"write_audit", "principal"}, {"audit_events", "actor"}, {"login_lockouts", "email"}}) {
    EXPECT_NE(
        Scalar(url, "SELECT tableowner::text FROM pg_tables WHERE tablename = '" + table + "'"),
        testing::kServerRole)
        << table;
    // 42501: insufficient_privilege, refused before any trigger runs.
    EXPECT_EQ(SqlStateOf(url, "UPDATE " + table + " SET " + column + " = " + column), "42501")
        << table;
    EXPECT_EQ(SqlStateOf(url, "DELETE FROM " + table), "42501") << table;
    EXPECT_EQ(SqlStateOf(url, "TRUNCATE " + table), "42501") << table;
    EXPECT_EQ(SqlStateOf(url, "ALTER TABLE " + table + " DISABLE TRIGGER ALL"), "42501") << table;
    EXPECT_EQ(SqlStateOf(url, "DROP TABLE " + table), "42501") << table;
    EXPECT_EQ(SqlStateOf(url, "SELECT count(*) FROM " + table), "") << table;
  }
  EXPECT_GT(server_.db().CountRows("SELECT count(*) FROM write_audit"), 0);
  EXPECT_GT(server_.db().CountRows("SELECT count(*) FROM audit_events"), 0);
}

TEST_F(WriteAudit, TheServerUnderTestRunsUnderTheApplicationRole) {
  // The pool the server was given connects as the application role…
  EXPECT_EQ(Scalar(server_.server_database().url(), "SELECT current_user::text"),
            testing::kServerRole);
  // …and so does every connection the server holds open on the test's database.
  testing::CreateHost(client(), collectivity_);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                   "current_database() AND usename = '" +
                                   std::string(testing::kServerRole) + "'"),
            4);  // the server's pool, opened as kServerRole
}

TEST_F(WriteAudit, RecordsAWriteWithPrincipalAddressRequestIdRouteAndTarget) {
  const auto created = client().PostJson(
      "/v1/collectivities/" + collectivity_ + "/hosts",
      {{"kind", "person"},
       {"legal_name", "Jeanne Vidal"},
       {"address", {{"line", "2 rue du Faubourg"}, {"postal_code", "15300"}, {"city", "Murat"}}}},
      {{"X-Request-Id", "creation-hebergeur-1"}});
  const std::string host = testing::CreatedId(created);

  const json page = Audit("?route=" + std::string("/v1/collectivities/%7Bid%7D/hosts"));
  ASSERT_EQ(page.at("items").size(), 1u) << page.dump();
  const json& row = page.at("items").at(0);
  EXPECT_EQ(row.at("principal").at("email"), TestServer::StaffEmail(collectivity_));
  EXPECT_EQ(row.at("principal").at("kind"), "staff");
  EXPECT_FALSE(row.at("principal").at("user_id").is_null());
  EXPECT_TRUE(row.at("on_behalf_of_host_id").is_null());  // staff act for themselves
  EXPECT_EQ(row.at("address"), "127.0.0.1");
  EXPECT_EQ(row.at("request_id"), "creation-hebergeur-1");
  EXPECT_EQ(row.at("method"), "POST");
  EXPECT_EQ(row.at("path"), "/v1/collectivities/" + collectivity_ + "/hosts");
  EXPECT_EQ(row.at("target").at("kind"), "host");
  EXPECT_EQ(row.at("target").at("id"), host);
  EXPECT_FALSE(row.at("at").get<std::string>().empty());
}

TEST_F(WriteAudit, AManagersWriteIsRecordedOnBehalfOfTheHost) {
  ASSERT_EQ(
      testing::PutDeliberation(client(), collectivity_, 2026, testing::DeliberationBody()).status,
      201);
  const std::string host = testing::CreateHost(client(), collectivity_);
  const std::string rental = testing::CreateRental(client(), collectivity_, host);
  const std::string manager =
      server_.SignIn(UserKind::kManager, "agence@conciergerie.fr", collectivity_, {}, {host});
  const json draft = {{"stays",
                       {{{"arrival", "2026-07-01"},
                         {"nights", 2},
                         {"occupants", 2},
                         {"price_per_night_cents", 8000}}}}};
  const auto saved = client().Request(
      "PUT", "/v1/accommodations/" + rental + "/declarations/2026-07", draft.dump(),
      {{"Authorization", "Bearer " + manager}, {"Content-Type", "application/json"}});
  ASSERT_EQ(saved.status, 200) << saved.body;

  const json page = Audit("?principal=Agence@Conciergerie.fr&method=PUT");
  ASSERT_EQ(page.at("items").size(), 1u) << page.dump();
  const json& row = page.at("items").at(0);
  EXPECT_EQ(row.at("principal").at("kind"), "manager");
  EXPECT_EQ(row.at("on_behalf_of_host_id"), host);
  EXPECT_EQ(row.at("method"), "PUT");
  EXPECT_EQ(row.at("route"), "/v1/accommodations/{id}/declarations/{month}");
  EXPECT_EQ(row.at("target").at("kind"), "accommodation");
  EXPECT_EQ(row.at("target").at("id"), rental);
  // And the same row is found by host.
  EXPECT_EQ(Audit("?on_behalf_of=" + host).at("items").size(), 1u);
}

TEST_F(WriteAudit, RefusedRequestsReadsAndFailedLoginsLeaveNoRow) {
  const long long before = server_.db().CountRows("SELECT count(*) FROM write_audit");
  // Refused by validation: rolled back, with its audit row.
  EXPECT_EQ(client()
                .PostJson("/v1/collectivities/" + collectivity_ + "/hosts", {{"kind", "robot"}})
                .status,
            400);
  EXPECT_EQ(client().Get("/v1/collectivities/" + collectivity_ + "/hosts").status, 200);
  HttpClient anonymous(server_.base_url());
  EXPECT_EQ(anonymous
                .PostJson("/v1/auth/login", {{"email", TestServer::StaffEmail(collectivity_)},
                                             {"password", "pas le bon mot de passe"}})
                .status,
            401);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM write_audit"), before);
}

TEST_F(WriteAudit, ALoginIsRecordedAsTheAccountThatSignedIn) {
  server_.SignIn(UserKind::kStaff, "finances@murat.fr", collectivity_, {Role::kFinance});
  const json page = Audit("?principal=finances@murat.fr&route=/v1/auth/login");
  ASSERT_EQ(page.at("items").size(), 1u) << page.dump();
  EXPECT_EQ(page.at("items").at(0).at("target").at("kind"), "user");
  EXPECT_EQ(page.at("items").at(0).at("principal").at("kind"), "staff");
}

TEST_F(WriteAudit, LinkHoldersAreRecordedAsTheirAccountAndResetRequestsAsAnonymous) {
  const auto invited = client().PostJson(
      "/v1/collectivities/" + collectivity_ + "/users",
      {{"email", "compta@murat.fr"}, {"display_name", "Paul Rouquet"}, {"roles", {"finance"}}});
  ASSERT_EQ(invited.status, 201) << invited.body;
  const std::string body =
      Scalar(server_.db().url(), "SELECT body FROM mail_outbox ORDER BY seq DESC LIMIT 1");
  const auto at = body.find("#jeton=");
  ASSERT_NE(at, std::string::npos) << body;
  HttpClient anonymous(server_.base_url());
  ASSERT_EQ(anonymous
                .PostJson("/v1/auth/invitations/accept",
                          {{"token", body.substr(at + 7, 43)},
                           {"password", "un mot de passe tout neuf et long"}})
                .status,
            204);
  const json accepted = Audit("?route=/v1/auth/invitations/accept");
  ASSERT_EQ(accepted.at("items").size(), 1u) << accepted.dump();
  EXPECT_EQ(accepted.at("items").at(0).at("principal").at("email"), "compta@murat.fr");
  EXPECT_EQ(accepted.at("items").at(0).at("principal").at("kind"), "staff");

  // Asked by nobody in particular, about this account: for its collectivity's admins to see.
  ASSERT_EQ(anonymous.PostJson("/v1/auth/password-resets", {{"email", "compta@murat.fr"}}).status,
            202);
  const json reset = Audit("?route=/v1/auth/password-resets");
  ASSERT_EQ(reset.at("items").size(), 1u) << reset.dump();
  EXPECT_EQ(reset.at("items").at(0).at("principal").at("kind"), "anonymous");
  EXPECT_EQ(reset.at("items").at(0).at("target").at("id"), invited.Json().at("id"));
}

TEST_F(WriteAudit, TheOperatorsWritesBelongToTheCollectivityTheyConcern) {
  server_.ActAsOperator();
  const auto patched =
      client().PatchJson("/v1/collectivities/" + collectivity_,
                         {{"name", "Pays de Murat (nouveau nom)"}}, {{"If-Match", "*"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  server_.ActAsStaff(collectivity_);
  const json page = Audit("?principal=operateur@nuitee.test");
  // The creation of the collectivity and the renaming, both by the operator.
  ASSERT_EQ(page.at("items").size(), 2u) << page.dump();
  EXPECT_EQ(page.at("items").at(0).at("route"), "/v1/collectivities");
  EXPECT_EQ(page.at("items").at(0).at("target").at("id"), collectivity_);
  EXPECT_EQ(page.at("items").at(1).at("method"), "PATCH");
}

TEST_F(WriteAudit, FiltersByDatesTargetAndMethodAndPaginates) {
  const std::string first = testing::CreateHost(client(), collectivity_, "Première Hôtesse");
  testing::CreateHost(client(), collectivity_, "Deuxième Hôtesse");
  testing::CreateHost(client(), collectivity_, "Troisième Hôtesse");
  const std::string hosts = "&route=/v1/collectivities/%7Bid%7D/hosts";
  EXPECT_EQ(
      Audit("?from=" + DayFromToday(-1) + "&to=" + DayFromToday(1) + hosts).at("items").size(), 3u);
  EXPECT_EQ(Audit("?from=" + DayFromToday(2) + hosts).at("items").size(), 0u);
  EXPECT_EQ(Audit("?to=" + DayFromToday(-2) + hosts).at("items").size(), 0u);
  EXPECT_EQ(Audit("?target_kind=host&target_id=" + first).at("items").size(), 1u);
  EXPECT_EQ(Audit("?method=patch").at("items").size(), 0u);

  // Pages of one, in order, until the last.
  std::vector<std::string> seen;
  std::string query = "?limit=1" + hosts;
  for (int guard = 0; guard < 10; ++guard) {
    const json page = Audit(query);
    for (const auto& item : page.at("items"))
      seen.push_back(item.at("target").at("id").get<std::string>());
    if (page.at("next_cursor").is_null()) break;
    query = "?limit=1" + hosts + "&cursor=" + page.at("next_cursor").get<std::string>();
  }
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen.front(), first);
}

TEST_F(WriteAudit, BadFiltersAreRefusedInFrench) {
  const auto answer =
      client().Get("/v1/collectivities/" + collectivity_ + "/audit?from=hier&method=GET");
  ASSERT_EQ(answer.status, 400) << answer.body;
  EXPECT_EQ(answer.Header("content-type").rfind("application/problem+json", 0), 0u);
  EXPECT_NE(answer.body.find("AAAA-MM-JJ"), std::string::npos) << answer.body;
}

}  // namespace
}  // namespace nuitee
