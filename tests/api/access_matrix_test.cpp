// Who may call what, over real HTTP on a real database: every route of openapi.yaml is called by
// every kind of caller, and the answer must be the one the matrix below expects. The matrix is
// written by hand (not derived from api/http/access_policy.cpp) so that a change of the access
// table shows up here as a decision to review. A route documented in openapi.yaml but missing from
// the matrix fails the test.
//
// Legend, per caller: A = admitted (any answer but 401, 403 and 404: writes are sent an invalid
// body, so they stop at validation and change nothing), 1 = 401, 3 = 403, 4 = 404 (the record is
// not the caller's: exactly like a record that does not exist).
//
// The last column is a platform's API key, registered by the first collectivity: it reads its
// identity and that collectivity's deliberations; public routes ignore it; everything else is 403.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/platform_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestServer;

// The callers, in the order of the matrix's columns.
const std::vector<std::string> kCallers = {"anonymous", "operator", "host A", "host B",
                                           "manager of A", "referent", "finance", "admin",
                                           "other collectivity's admin", "platform key"};

// "METHOD path" -> one letter per caller, in the order of kCallers.
const std::map<std::string, std::string> kMatrix = {
    // anonymous, operator, host A, host B, manager of A, referent, finance, admin, other admin,
    // platform key
    {"GET /health", "AAAAAAAAAA"},
    {"GET /ready", "AAAAAAAAAA"},
    {"GET /v1/collectivities", "1A33333333"},
    {"POST /v1/collectivities", "1A33333333"},
    {"GET /v1/collectivities/{id}", "1AAAAAAA43"},
    {"PATCH /v1/collectivities/{id}", "1A33333A43"},
    {"GET /v1/collectivities/{id}/hosts", "13333AAA43"},
    {"POST /v1/collectivities/{id}/hosts", "13333A3A43"},
    {"GET /v1/collectivities/{id}/accommodations", "13333AAA43"},
    {"GET /v1/collectivities/{id}/history", "13333AAA43"},
    {"GET /v1/hosts/{id}", "13A4AAAA43"},
    {"PATCH /v1/hosts/{id}", "13333A3A43"},
    {"GET /v1/hosts/{id}/accommodations", "13A4AAAA43"},
    {"POST /v1/hosts/{id}/accommodations", "13333A3A43"},
    {"GET /v1/hosts/{id}/history", "13333AAA43"},
    {"GET /v1/hosts/{id}/statement", "13A4AAAA43"},
    // Issue 8, receipts: the probe's month has no submission and its payment id names none, so
    // every caller admitted finds nothing (404); another host and collectivity too.
    {"GET /v1/accommodations/{id}/declarations/{month}/receipt", "1344444443"},
    {"GET /v1/hosts/{id}/payments/{payment_id}/receipt", "1344444443"},
    {"GET /v1/accommodations/{id}", "13A4AAAA43"},
    {"PATCH /v1/accommodations/{id}", "13333A3A43"},
    {"GET /v1/accommodations/{id}/classifications", "13A4AAAA43"},
    {"POST /v1/accommodations/{id}/classifications", "13333A3A43"},
    {"GET /v1/accommodations/{id}/category", "13A4AAAA43"},
    {"GET /v1/accommodations/{id}/history", "13333AAA43"},
    {"GET /v1/legal-grid/{year}", "AAAAAAAAAA"},
    {"PUT /v1/legal-grid/{year}", "1A33333333"},
    {"GET /v1/collectivities/{id}/deliberations", "13AAAAAA4A"},
    {"GET /v1/collectivities/{id}/deliberations/{year}", "13AAAAAA4A"},
    {"PUT /v1/collectivities/{id}/deliberations/{year}", "1333333A43"},
    {"GET /v1/collectivities/{id}/deliberations/{year}/versions", "13333AAA43"},
    {"GET /v1/collectivities/{id}/deliberations/{year}/versions/{version}", "13333AAA43"},
    {"POST /v1/collectivities/{id}/deliberations/delta", "1333333A43"},
    // The public simulator: anyone, for any collectivity.
    {"POST /v1/collectivities/{id}/quotes", "AAAAAAAAAA"},
    {"GET /v1/collectivities/{id}/simulator", "AAAAAAAAAA"},
    {"POST /v1/collectivities/{id}/flat-rate-quotes", "AAAAAAAAAA"},
    {"POST /v1/late-interest-quotes", "AAAAAAAAAA"},
    {"GET /v1/collectivities/{id}/nights", "13333AAA43"},
    {"GET /v1/accommodations/{id}/declarations", "13A4AAAA43"},
    {"GET /v1/accommodations/{id}/declarations/{month}", "13A4AAAA43"},
    {"PUT /v1/accommodations/{id}/declarations/{month}", "13A4AA3333"},
    {"POST /v1/accommodations/{id}/declarations/{month}/submit", "13A4AA3333"},
    {"POST /v1/accommodations/{id}/declarations/{month}/nil", "13A4AA3333"},
    {"POST /v1/accommodations/{id}/declarations/{month}/revisions", "13A4AA3333"},
    {"POST /v1/accommodations/{id}/declarations/{month}/stays:import", "13A4AA3333"},
    {"POST /v1/auth/login", "AAAAAAAAAA"},
    {"GET /v1/auth/me", "1AAAAAAAA3"},
    {"GET /v1/auth/sessions", "1AAAAAAAA3"},
    // Another person's (here: nobody's) session is not found, for every signed-in caller.
    {"POST /v1/auth/sessions/{id}/revoke", "1444444443"},
    {"POST /v1/auth/invitations/accept", "AAAAAAAAAA"},
    {"POST /v1/auth/password-resets", "AAAAAAAAAA"},
    {"POST /v1/auth/password-resets/confirm", "AAAAAAAAAA"},
    {"POST /v1/collectivities/{id}/users", "1A33333A43"},
    {"POST /v1/hosts/{id}/users", "13333A3A43"},
    {"GET /v1/collectivities/{id}/mail-templates", "13333A3A43"},
    {"GET /v1/collectivities/{id}/mail-templates/{kind}", "13333A3A43"},
    {"PUT /v1/collectivities/{id}/mail-templates/{kind}", "1333333A43"},
    {"GET /v1/collectivities/{id}/mails", "13333A3A43"},
    {"POST /v1/collectivities/{id}/mails:test", "1333333A43"},
    {"GET /v1/collectivities/{id}/audit", "1333333A43"},
    {"GET /v1/collectivities/{id}/lockouts", "1333333A43"},
    {"GET /v1/lockouts", "1A33333333"},
    {"GET /v1/hosts/{id}/personal-data", "13A4AA3333"},
    // A host's own account or the referent grants managers; a manager never does. The revoked
    // manager here has no grant: not found for whoever may revoke.
    {"GET /v1/hosts/{id}/managers", "13A43AAA43"},
    {"POST /v1/hosts/{id}/managers", "13A43A3333"},
    {"POST /v1/hosts/{id}/managers/{user_id}/revoke", "1344343333"},
    // The operator makes platforms and keys; admins list them to register one.
    {"GET /v1/platforms", "1A33333AA3"},
    {"POST /v1/platforms", "1A33333333"},
    {"GET /v1/platforms/{id}/keys", "1A33333333"},
    {"POST /v1/platforms/{id}/keys", "1A33333333"},
    {"POST /v1/platforms/{id}/keys/{key_id}/revoke", "1433333333"},
    {"GET /v1/collectivities/{id}/platforms", "13333AAA43"},
    {"POST /v1/collectivities/{id}/platforms", "1333333A43"},
    {"POST /v1/collectivities/{id}/platforms/{platform_id}/revoke", "1333333443"},
    {"GET /v1/platform/me", "133333333A"},
    // Issue 6, the referent's side of enforcement: referents and admins act, finance reads. A
    // host reads its own issued taxations d'office and avis; none exists here, so every caller
    // admitted finds nothing (404) like one that is not.
    {"GET /v1/collectivities/{id}/enforcement-settings", "13333AAA43"},
    {"PUT /v1/collectivities/{id}/enforcement-settings", "13333A3A43"},
    {"GET /v1/collectivities/{id}/non-declarers", "13333AAA43"},
    {"GET /v1/collectivities/{id}/enforcement-dashboard", "13333AAA43"},
    {"GET /v1/accommodations/{id}/enforcement-events", "13333AAA43"},
    {"POST /v1/accommodations/{id}/enforcement-events", "13333A3A43"},
    {"GET /v1/hosts/{id}/enforcement-holds", "13333AAA43"},
    {"POST /v1/hosts/{id}/enforcement-holds", "13333A3A43"},
    {"POST /v1/hosts/{id}/enforcement-holds/{hold_id}/release", "13333A3A43"},
    {"GET /v1/hosts/{id}/sworn-statements", "13333AAA43"},
    {"POST /v1/hosts/{id}/sworn-statements", "13333A3A43"},
    {"GET /v1/collectivities/{id}/office-assessments", "13333AAA43"},
    {"GET /v1/accommodations/{id}/office-assessments/{month}", "1344444443"},
    {"POST /v1/accommodations/{id}/office-assessments/{month}/revisions", "13333A3A43"},
    {"POST /v1/accommodations/{id}/office-assessments/{month}/issue", "13333A3A43"},
    {"GET /v1/accommodations/{id}/office-assessments/{month}/avis", "1344444443"},
    // Issue 6: the referent and the admin act on the enforcement procedure; finance reads the
    // letters. Steps and letters are found in the caller's collectivity by the handler: the probe
    // (a collectivity's id) names no step, so writes stop at validation for every admitted
    // caller, and reading a letter answers 404.
    {"POST /v1/accommodations/{id}/enforcement/{month}/remind", "13333A3A43"},
    {"POST /v1/enforcement-steps/{id}/cancel", "13333A3AA3"},
    {"GET /v1/collectivities/{id}/enforcement-letters", "13333AAA43"},
    {"GET /v1/enforcement-letters/{id}", "1333344443"},
    {"POST /v1/enforcement-letters/{id}/delivery", "13333A3AA3"},
    // Issue 7: finance records money; referents read the payments; a host reads its own account
    // and refunds. The probe names no payment: reading one answers 404 to every admitted caller.
    {"POST /v1/collectivities/{id}/payments", "133333AA43"},
    {"GET /v1/collectivities/{id}/payments", "13333AAA43"},
    {"GET /v1/collectivities/{id}/payments/{payment_id}", "1333344443"},
    {"POST /v1/collectivities/{id}/payments/{payment_id}/reversal", "133333AA43"},
    {"POST /v1/hosts/{id}/refunds", "133333AA43"},
    {"GET /v1/hosts/{id}/refunds", "13A4AAAA43"},
    {"GET /v1/hosts/{id}/ledger", "13A4AAAA43"},
    {"GET /v1/collectivities/{id}/ledger/balances", "133333AA43"},
    {"GET /v1/collectivities/{id}/ledger/check", "133333AA43"},
    // Issue 7, what finance exports: finance and admins; a referent reads a host's état de
    // reversement and its interest charges; a host its own état. Reads without their required
    // query parameters answer 400 (admitted), like writes with the probe body.
    {"GET /v1/collectivities/{id}/accounting-settings", "133333AA43"},
    {"PUT /v1/collectivities/{id}/accounting-settings", "133333AA43"},
    {"GET /v1/collectivities/{id}/exports/accounting", "133333AA43"},
    {"GET /v1/collectivities/{id}/exports/period-summary", "133333AA43"},
    {"GET /v1/collectivities/{id}/exports/titres", "133333AA43"},
    {"GET /v1/collectivities/{id}/exports/annual-annex", "133333AA43"},
    {"GET /v1/hosts/{id}/reversement-statement", "13A4AAAA43"},
    {"GET /v1/hosts/{id}/late-interest", "13333AAA43"},
    {"POST /v1/hosts/{id}/late-interest", "133333AA43"},
    {"POST /v1/hosts/{id}/late-interest/{charge_id}/cancel", "133333AA43"},
    // Issue 7, bank statements and online payment: finance imports and resolves, formats are
    // finance's and the admin's, staff read. The probe names no format, statement or line, so
    // admitted callers find nothing (404), except where the probe's body is refused first
    // (400); the other collectivity's admin lacks the finance role (403). A host's own account
    // or its manager starts an online payment (the probe's JSON stops at validation); the
    // provider's notification and the simulator are public, and answer 415 to the probe's JSON,
    // 404 for its unknown idop.
    {"GET /v1/collectivities/{id}/bank-statement-formats", "13333AAA43"},
    {"POST /v1/collectivities/{id}/bank-statement-formats", "133333AA43"},
    {"GET /v1/collectivities/{id}/bank-statement-formats/{format_id}", "1333344443"},
    {"PUT /v1/collectivities/{id}/bank-statement-formats/{format_id}", "133333AA43"},
    {"POST /v1/collectivities/{id}/bank-statement-formats/{format_id}/archive", "1333334443"},
    {"GET /v1/collectivities/{id}/bank-statements", "13333AAA43"},
    {"POST /v1/collectivities/{id}/bank-statements", "133333A333"},
    {"GET /v1/collectivities/{id}/bank-statements/{statement_id}", "1333344443"},
    {"GET /v1/collectivities/{id}/bank-statement-lines", "13333AAA43"},
    {"POST /v1/collectivities/{id}/bank-statement-lines/{line_id}/assign", "133333A333"},
    {"POST /v1/collectivities/{id}/bank-statement-lines/{line_id}/dismiss", "133333A333"},
    {"POST /v1/hosts/{id}/payments", "13A4A33333"},
    {"GET /v1/hosts/{id}/online-payments", "13A4AAAA43"},
    {"POST /v1/payments/notifications/payfip", "AAAAAAAAAA"},
    {"GET /v1/payments/simulator/{idop}", "4444444444"},
    {"POST /v1/payments/simulator/{idop}", "4444444444"},
    // Issue 7, the budget: finance and the admin enter the budget and record transfers; every staff
    // role reads them and the report. No budget was entered for 2026: reading it finds nothing.
    {"GET /v1/collectivities/{id}/budget/{year}", "1333344443"},
    {"PUT /v1/collectivities/{id}/budget/{year}", "133333AA43"},
    {"GET /v1/collectivities/{id}/budget/{year}/versions", "13333AAA43"},
    {"GET /v1/collectivities/{id}/transfers", "13333AAA43"},
    {"POST /v1/collectivities/{id}/transfers", "133333AA43"},
    {"POST /v1/collectivities/{id}/transfers/{transfer_id}/reversal", "133333AA43"},
    {"GET /v1/collectivities/{id}/reconciliation", "13333AAA43"},
    // Issue 7, platforms. Finance and referents upload a statement, and the platform with its
    // key (the probe is JSON, not CSV: 415 for whoever is admitted); staff and the platform read
    // (the probe's statement id names none: 404). Finance records reversements; referents and
    // admins decide on unmatched lines (the probe's line is nobody's: the body is refused first).
    {"POST /v1/collectivities/{id}/platform-statements", "13333AA33A"},
    {"GET /v1/collectivities/{id}/platform-statements", "13333AAA4A"},
    {"GET /v1/platform-statements/{id}", "1333344444"},
    {"POST /v1/collectivities/{id}/platform-reversements", "133333A333"},
    {"GET /v1/collectivities/{id}/platform-reversements", "13333AAA43"},
    {"GET /v1/collectivities/{id}/platform-lines/unmatched", "13333AAA43"},
    {"POST /v1/collectivities/{id}/platform-lines/{line_id}/assign", "13333A3A43"},
    {"POST /v1/collectivities/{id}/platform-lines/{line_id}/set-aside", "13333A3A43"},
    {"GET /v1/collectivities/{id}/platform-reconciliation/reversements", "13333AAA43"},
    {"GET /v1/collectivities/{id}/platform-reconciliation/nights", "13333AAA43"},
    {"GET /v1/collectivities/{id}/platform-reconciliation/overcharges", "13333AAA43"},
    // Last for each caller: it ends the caller's session.
    {"POST /v1/auth/logout", "1AAAAAAAA3"},
};

struct Route {
  std::string method;  // upper case
  std::string path;    // as openapi.yaml writes it
  std::string Key() const { return method + " " + path; }
};

std::vector<Route> DocumentedRoutes() {
  const YAML::Node document = YAML::LoadFile(NUITEE_SOURCE_DIR "/openapi.yaml");
  static const std::set<std::string> kMethods = {"get", "put", "post", "patch", "delete"};
  std::vector<Route> routes;
  for (const auto& path : document["paths"]) {
    for (const auto& operation : path.second) {
      std::string method = operation.first.as<std::string>();
      if (!kMethods.count(method)) continue;
      std::transform(method.begin(), method.end(), method.begin(), ::toupper);
      routes.push_back({method, path.first.as<std::string>()});
    }
  }
  // Logging out ends the session the other calls use: it comes last.
  std::stable_partition(routes.begin(), routes.end(),
                        [](const Route& route) { return route.path != "/v1/auth/logout"; });
  return routes;
}

// An id that names nothing: revoking it changes nothing whoever calls.
constexpr const char* kNobody = "00000000-0000-4000-8000-000000000000";

// Two collectivities; in the first, hosts A and B with a rental each and a deliberation for
// 2026; one account per caller.
class AccessMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& client = server_.client();
    collectivity_ = testing::CreateCollectivity(client);
    const std::string other = testing::CreateCollectivity(client, testing::CollectivityBody("200066645"));
    server_.ActAsStaff(collectivity_);
    host_a_ = testing::CreateHost(client, collectivity_, "Anne Aubrac");
    const std::string host_b = testing::CreateHost(client, collectivity_, "Bernard Brezons");
    rental_a_ = testing::CreateRental(client, collectivity_, host_a_, "000101");
    testing::CreateRental(client, collectivity_, host_b, "000102");
    ASSERT_EQ(testing::PutDeliberation(client, collectivity_, 2026, testing::DeliberationBody())
                  .status,
              201);

    tokens_["operator"] = server_.OperatorToken();
    tokens_["host A"] = server_.SignIn(UserKind::kHost, "anne@aubrac.fr", collectivity_, {}, {host_a_});
    tokens_["host B"] =
        server_.SignIn(UserKind::kHost, "bernard@brezons.fr", collectivity_, {}, {host_b});
    tokens_["manager of A"] =
        server_.SignIn(UserKind::kManager, "agence@conciergerie.fr", collectivity_, {}, {host_a_});
    tokens_["referent"] =
        server_.SignIn(UserKind::kStaff, "referente@murat.fr", collectivity_, {Role::kReferent});
    tokens_["finance"] =
        server_.SignIn(UserKind::kStaff, "finances@murat.fr", collectivity_, {Role::kFinance});
    tokens_["admin"] =
        server_.SignIn(UserKind::kStaff, "admin@murat.fr", collectivity_, {Role::kAdmin});
    tokens_["other collectivity's admin"] =
        server_.SignIn(UserKind::kStaff, "admin@allanche.fr", other, {Role::kAdmin});
    const auto platform = testing::RegisteredPlatform(client, "Airbnb", {collectivity_});
    platform_ = platform.id;
    tokens_["platform key"] = platform.key;
    client.ClearDefaultHeader("Authorization");
  }

  // The documented path with its parameters filled in with the first collectivity's records.
  std::string Concrete(const std::string& path) const {
    std::string id = collectivity_;
    if (path.rfind("/v1/hosts/", 0) == 0) id = host_a_;
    if (path.rfind("/v1/accommodations/", 0) == 0) id = rental_a_;
    if (path.rfind("/v1/auth/sessions/", 0) == 0) id = kNobody;
    if (path.rfind("/v1/platforms/", 0) == 0) id = platform_;
    std::string concrete = path;
    for (const auto& [name, value] :
         std::vector<std::pair<std::string, std::string>>{{"{id}", id},
                                                          {"{year}", "2026"},
                                                          {"{version}", "1"},
                                                          {"{month}", "2026-10"},
                                                          {"{kind}", "invitation"},
                                                          {"{user_id}", kNobody},
                                                          {"{key_id}", kNobody},
                                                          {"{platform_id}", kNobody},
                                                          {"{hold_id}", kNobody},
                                                          {"{payment_id}", kNobody},
                                                          {"{charge_id}", kNobody},
                                                          {"{format_id}", kNobody},
                                                          {"{statement_id}", kNobody},
                                                          {"{line_id}", kNobody},
                                                          {"{idop}", kNobody},
                                                          {"{transfer_id}", kNobody}}) {
      for (std::size_t at; (at = concrete.find(name)) != std::string::npos;) {
        concrete.replace(at, name.size(), value);
      }
    }
    return concrete;
  }

  HttpResponse Call(const Route& route, const std::string& caller) {
    std::map<std::string, std::string> headers;
    if (caller != "anonymous") headers = HttpClient::Bearer(tokens_.at(caller));
    std::string body;
    if (route.method != "GET") {
      // An unknown member: every writing route refuses it before changing anything.
      headers["Content-Type"] =
          route.method == "PATCH" ? "application/merge-patch+json" : "application/json";
      headers["If-Match"] = "\"1\"";
      body = R"({"matrix_probe": true})";
    }
    return server_.client().Request(route.method, Concrete(route.path), body, headers);
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_a_;
  std::string rental_a_;
  std::string platform_;
  std::map<std::string, std::string> tokens_;
};

char Outcome(long status) {
  if (status == 401) return '1';
  if (status == 403) return '3';
  if (status == 404) return '4';
  return 'A';
}

TEST_F(AccessMatrix, EveryDocumentedRouteIsInTheMatrix) {
  std::set<std::string> documented;
  for (const auto& route : DocumentedRoutes()) {
    documented.insert(route.Key());
    EXPECT_TRUE(kMatrix.count(route.Key()))
        << route.Key() << " is not in the access matrix: decide who may call it";
  }
  for (const auto& [key, expected] : kMatrix) {
    EXPECT_TRUE(documented.count(key)) << key << " is in the matrix but not in openapi.yaml";
    EXPECT_EQ(expected.size(), kCallers.size()) << key;
  }
}

TEST_F(AccessMatrix, EveryCallerGetsWhatTheMatrixSays) {
  for (std::size_t column = 0; column < kCallers.size(); ++column) {
    const std::string& caller = kCallers[column];
    for (const auto& route : DocumentedRoutes()) {
      const auto expected = kMatrix.find(route.Key());
      if (expected == kMatrix.end()) continue;  // reported by the test above
      const HttpResponse answer = Call(route, caller);
      EXPECT_EQ(Outcome(answer.status), expected->second[column])
          << caller << " → " << route.Key() << ": " << answer.status << " " << answer.body;
      if (answer.status == 401 || answer.status == 403 || answer.status == 404) {
        EXPECT_EQ(answer.Header("content-type").rfind("application/problem+json", 0), 0u)
            << caller << " → " << route.Key();
      }
    }
  }
}

}  // namespace
}  // namespace nuitee
