// Injection and abuse (issue 5), over real HTTP on a real database: SQL metacharacters in every
// text field of the register are stored and returned verbatim and in every query parameter of the
// lists and searches never cause a 500; oversized headers and bodies get clear problem answers and
// the server stays up; malformed cookies and bearer tokens get 401 problems; a flood of failed
// logins is answered 429 while another user signs in.
#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <map>
#include <thread>
#include <vector>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestServer;

// Text a careless server would splice into SQL, LIKE patterns, SOCI's named parameters or JSON.
const std::vector<std::string> kNasty = {
    "'; DROP TABLE hosts; --",
    "Robert'); DELETE FROM accommodations WHERE ('1'='1",
    "100 % garanti_sans_joker",
    "C:\\chemin\\vers\\ \\' \\\\ fin\\",
    "\"guillemets\" 'apostrophes' ‘typographiques’ « français »",
    "Gîte l'Œillet – 🏔️ ß 日本語 עברית",
    "$1 :name ::uuid ? %s {{lien}}",
};

std::string Encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '~') {
      encoded += char(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
  }
  return encoded;
}

bool IsProblem(const HttpResponse& answer) {
  return answer.Header("content-type").rfind("application/problem+json", 0) == 0;
}

class Abuse : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(client());
    server_.ActAsStaff(collectivity_);
  }
  HttpClient& client() { return server_.client(); }

  // A host and a rental whose every free-text field is `text`; returns {host, rental}.
  std::pair<std::string, std::string> Register(const std::string& text, int index) {
    const std::string host = testing::CreatedId(
        client().PostJson("/v1/collectivities/" + collectivity_ + "/hosts",
                          {{"kind", "person"},
                           {"legal_name", text},
                           {"address", {{"line", text}, {"postal_code", "15300"}, {"city", text}}},
                           {"manager", {{"name", text}, {"email", "gestion@conciergerie.fr"}}}}));
    const std::string number = "00010" + std::to_string(index);
    const std::string rental = testing::CreatedId(
        client().PostJson("/v1/hosts/" + host + "/accommodations",
                          {{"name", text},
                           {"commune", "15138"},
                           {"address", {{"line", text + " " + number}, {"postal_code", "15300"}}},
                           {"nature", "furnished_rental"},
                           {"capacity_persons", 4},
                           {"registration_number", "15138" + number + "AB"},
                           {"marketing", "both"},
                           {"opened_on", "2025-03-01"}}));
    return {host, rental};
  }

  TestServer server_;
  std::string collectivity_;
};

TEST_F(Abuse, MetacharactersInEveryRegisterTextFieldAreStoredAndReturnedVerbatim) {
  for (std::size_t i = 0; i < kNasty.size(); ++i) {
    const std::string& text = kNasty[i];
    SCOPED_TRACE(text);
    const auto [host, rental] = Register(text, int(i));
    const json stored_host = client().Get("/v1/hosts/" + host).Json();
    EXPECT_EQ(stored_host.at("legal_name"), text);
    EXPECT_EQ(stored_host.at("address").at("line"), text);
    EXPECT_EQ(stored_host.at("address").at("city"), text);
    EXPECT_EQ(stored_host.at("manager").at("name"), text);
    const json stored_rental = client().Get("/v1/accommodations/" + rental).Json();
    EXPECT_EQ(stored_rental.at("name"), text);
    EXPECT_EQ(stored_rental.at("address").at("line"), text + " 00010" + std::to_string(i));
    const auto classified =
        client().PostJson("/v1/accommodations/" + rental + "/classifications",
                          {{"rank", "3"}, {"decided_on", "2024-05-02"}, {"body", text}});
    ASSERT_EQ(classified.status, 201) << classified.body;
    EXPECT_EQ(client()
                  .Get("/v1/accommodations/" + rental + "/classifications")
                  .Json()
                  .at("items")
                  .at(0)
                  .at("body"),
              text);
  }
  // And the collectivity's own texts, written by the operator.
  json body = testing::CollectivityBody("200066645");
  body["name"] = kNasty[0];
  body["communes"][0]["name"] = kNasty[5];
  const std::string other = testing::CreateCollectivity(client(), body);
  const json stored = client().Get("/v1/collectivities/" + other, client().AsOperator()).Json();
  EXPECT_EQ(stored.at("name"), kNasty[0]);
  EXPECT_EQ(stored.at("communes").at(0).at("name"), kNasty[5]);
  // Nothing was dropped nor deleted.
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM hosts"), long(kNasty.size()));
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM accommodations"), long(kNasty.size()));
}

TEST_F(Abuse, ANulCharacterIsRefusedCleanly) {
  const auto host = client().Request("POST", "/v1/collectivities/" + collectivity_ + "/hosts",
                                     R"({"kind": "person", "legal_name": "Jeanne\u0000Vidal",
          "address": {"line": "2 rue", "postal_code": "15300", "city": "Murat"}})",
                                     {{"Content-Type", "application/json"}});
  EXPECT_TRUE(host.status == 400 || host.status == 422) << host.status << " " << host.body;
  EXPECT_TRUE(IsProblem(host));
  EXPECT_NE(host.body.find("/legal_name"), std::string::npos) << host.body;
  const auto search =
      client().Get("/v1/collectivities/" + collectivity_ + "/hosts?q=Jeanne%00Vidal");
  EXPECT_EQ(search.status, 400) << search.body;
  EXPECT_TRUE(IsProblem(search));
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM hosts"), 0);
}

TEST_F(Abuse, MetacharactersInEveryQueryParameterAreAnsweredWithoutA500) {
  const auto [host, rental] = Register("Jeanne Vidal", 1);
  const std::string c = "/v1/collectivities/" + collectivity_;
  // Every list and search, with each parameter it reads.
  const std::vector<std::pair<std::string, std::vector<std::string>>> lists = {
      {"/v1/collectivities", {"limit", "cursor"}},
      {c + "/hosts", {"q", "status", "limit", "cursor"}},
      {c + "/accommodations",
       {"q", "on", "commune", "nature", "category", "status", "host_id", "limit", "cursor"}},
      {"/v1/hosts/" + host + "/accommodations", {"q", "on", "commune", "nature", "status"}},
      {"/v1/accommodations/" + rental + "/classifications", {"on"}},
      {"/v1/accommodations/" + rental + "/declarations", {"from", "to"}},
      {"/v1/hosts/" + host + "/statement", {"from", "to"}},
      {c + "/nights", {"from", "to", "group_by"}},
      {c + "/mails", {"status", "limit", "cursor"}},
      {c + "/audit",
       {"principal", "from", "to", "route", "method", "target_kind", "target_id", "on_behalf_of",
        "limit", "cursor"}},
      {c + "/lockouts", {"limit", "cursor"}},
  };
  std::vector<std::string> values;
  for (const auto& text : kNasty) values.push_back(Encode(text));
  values.push_back("%00");
  values.push_back("%FF%FE");
  values.push_back("%");
  values.push_back("%2");
  values.push_back(std::string(2000, 'x'));
  for (const auto& [path, parameters] : lists) {
    for (const auto& parameter : parameters) {
      for (const auto& value : values) {
        // The list of collectivities is the operator's; the others the collectivity's staff's.
        const auto answer =
            client().Get(path + "?" + parameter + "=" + value,
                         path == "/v1/collectivities" ? client().AsOperator()
                                                      : std::map<std::string, std::string>{});
        SCOPED_TRACE(path + "?" + parameter + "=" + value.substr(0, 40));
        EXPECT_TRUE(answer.status == 200 || answer.status == 400) << answer.status << answer.body;
        if (answer.status != 200) {
          EXPECT_TRUE(IsProblem(answer));
        }
      }
    }
  }
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM hosts"), 1);
  EXPECT_EQ(client().Get("/v1/hosts/" + host).status, 200);
}

TEST_F(Abuse, SearchesMatchMetacharactersLiterally) {
  for (std::size_t i = 0; i < kNasty.size(); ++i) Register(kNasty[i], int(i));
  Register("Jeanne Vidal", 9);
  const auto count = [&](const std::string& list, const std::string& text) {
    const auto answer =
        client().Get("/v1/collectivities/" + collectivity_ + list + "?q=" + Encode(text));
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.Json().at("items").size();
  };
  for (const std::string list : {"/hosts", "/accommodations"}) {
    SCOPED_TRACE(list);
    EXPECT_EQ(count(list, "% garanti"), 1u);  // a literal "%", not "any text"
    EXPECT_EQ(count(list, "_"), 1u);
    EXPECT_EQ(count(list, "\\"), 1u);
    EXPECT_EQ(count(list, "'; drop table hosts; --"), 1u);
    EXPECT_EQ(count(list, "::uuid ?"), 1u);
    EXPECT_EQ(count(list, "日本語"), 1u);
    EXPECT_EQ(count(list, "'"), 5u);  // the five texts with an apostrophe
  }
}

TEST_F(Abuse, OversizedHeadersGetA431ProblemAndTheServerStaysUp) {
  // 64 KiB is far above our 16 KiB limit (curl itself refuses to send 1 MiB of headers).
  for (const std::size_t size : {std::size_t(20 * 1024), std::size_t(64 * 1024)}) {
    const auto padded = client().Get("/v1/collectivities/" + collectivity_,
                                     {{"X-Remplissage", std::string(size, 'a')}});
    EXPECT_EQ(padded.status, 431) << size;
    EXPECT_TRUE(IsProblem(padded));
    const auto cookies =
        client().Get("/v1/auth/me", {{"Cookie", "nuitee_session=" + std::string(size, 'b')}});
    EXPECT_EQ(cookies.status, 431) << size;
    EXPECT_TRUE(IsProblem(cookies));
  }
  EXPECT_EQ(client().Get("/health").status, 200);
  EXPECT_EQ(client().Get("/v1/collectivities/" + collectivity_).status, 200);
}

TEST_F(Abuse, OversizedBodiesGetA413ProblemAndTheServerStaysUp) {
  const std::string big = "{\"legal_name\": \"" + std::string(3 * 1024 * 1024, 'x') + "\"}";
  const auto refused = client().Request("POST", "/v1/collectivities/" + collectivity_ + "/hosts",
                                        big, {{"Content-Type", "application/json"}});
  EXPECT_EQ(refused.status, 413);
  EXPECT_TRUE(IsProblem(refused));
  EXPECT_EQ(client().Get("/health").status, 200);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM hosts"), 0);
}

TEST_F(Abuse, MalformedBearerTokensAndCookiesGet401Problems) {
  const std::vector<std::string> authorizations = {
      "Bearer",
      "Bearer ",
      "Bearer x",
      "Bearer " + std::string(43, 'A'),
      "Bearer " + std::string(5000, 'A'),
      "Bearer jéton-ünïcode",
      "Bearer a b c",
      "Bearer '; DROP TABLE sessions; --",
      "Bearer %00%00",
      "Basic dXNlcjpwYXNzd29yZA==",
      "bearer " + std::string(43, 'a'),
      "Token abc",
      "",
  };
  const std::string write_path = "/v1/collectivities/" + collectivity_ + "/hosts";
  for (const auto& authorization : authorizations) {
    SCOPED_TRACE(authorization.substr(0, 50));
    const auto me = client().Get("/v1/auth/me", {{"Authorization", authorization}});
    EXPECT_EQ(me.status, 401) << me.body;
    EXPECT_TRUE(IsProblem(me));
    const auto write =
        client().PostJson(write_path, {{"kind", "person"}}, {{"Authorization", authorization}});
    EXPECT_EQ(write.status, 401) << write.body;
    EXPECT_TRUE(IsProblem(write));
  }
  client().ClearDefaultHeader("Authorization");
  const std::vector<std::string> cookies = {
      "nuitee_session=",
      "nuitee_session=x",
      "nuitee_session=" + std::string(43, 'A'),
      "nuitee_session=\"" + std::string(43, 'A') + "\"",
      "nuitee_session=%27%3B%20DROP%20TABLE%20sessions%3B%20--",
      "nuitee_session=a; nuitee_session=b",
      "nuitee_session=%00",
      "nuitee_session=jéton",
  };
  for (const auto& cookie : cookies) {
    SCOPED_TRACE(cookie);
    const auto me = client().Get("/v1/auth/me", {{"Cookie", cookie}});
    EXPECT_EQ(me.status, 401) << me.body;
    EXPECT_TRUE(IsProblem(me));
  }
  EXPECT_GT(server_.db().CountRows("SELECT count(*) FROM sessions"), 0);
  EXPECT_EQ(client().Get("/health").status, 200);
}

// A Cookie header with a pair that has no "=" ("a=1; b") makes Pistache's own request parser
// throw before any route runs; Pistache then answers 500 with the parser's message in plain text
// (docs/decisions.md, "Malformed Cookie header"). Nothing is read, nothing leaks, and the server
// goes on serving.
TEST_F(Abuse, ACookieHeaderPistacheCannotParseIsRefusedAndTheServerStaysUp) {
  client().ClearDefaultHeader("Authorization");
  const auto answer =
      client().Get("/v1/auth/me", {{"Cookie", "nuitee_session='; DROP TABLE sessions; --"}});
  EXPECT_GE(answer.status, 400);
  EXPECT_EQ(answer.body.find("nuitee"), std::string::npos) << answer.body;
  EXPECT_GT(server_.db().CountRows("SELECT count(*) FROM sessions"), 0);
  EXPECT_EQ(client().Get("/health").status, 200);
  EXPECT_EQ(client().Get("/v1/auth/me", {{"Cookie", "nuitee_session=abc"}}).status, 401);
}

TEST_F(Abuse, AThousandFailedLoginsAreThrottledWhileAnotherUserSignsIn) {
  server_.SignIn(UserKind::kStaff, "cible@murat.fr", collectivity_, {Role::kReferent});
  server_.SignIn(UserKind::kStaff, "autre@murat.fr", collectivity_, {Role::kReferent});
  std::atomic<bool> flooding{true};
  int unauthorized = 0;
  int throttled = 0;
  int other = 0;
  bool every_429_says_when = true;
  std::thread flood([&] {
    HttpClient attacker(server_.base_url());
    for (int attempt = 0; attempt < 1000; ++attempt) {
      const auto answer = attacker.PostJson(
          "/v1/auth/login",
          {{"email", "cible@murat.fr"}, {"password", "essai-" + std::to_string(attempt)}});
      if (answer.status == 401) {
        ++unauthorized;
      } else if (answer.status == 429) {
        ++throttled;
        every_429_says_when = every_429_says_when && !answer.Header("retry-after").empty();
      } else {
        ++other;
      }
    }
    flooding = false;
  });
  // The other user signs in from another address, again and again, throughout the flood.
  HttpClient user(server_.base_url());
  user.SetSourceAddress("127.0.0.2");
  int signed_in = 0;
  int refused = 0;
  while (flooding || signed_in < 3) {
    const auto answer = user.PostJson(
        "/v1/auth/login", {{"email", "autre@murat.fr"}, {"password", testing::kTestPassword}});
    (answer.status == 201 ? signed_in : refused) += 1;
  }
  flood.join();
  EXPECT_EQ(unauthorized, 5);  // max_failures_per_account
  EXPECT_EQ(throttled, 995);
  EXPECT_EQ(other, 0);
  EXPECT_TRUE(every_429_says_when);
  EXPECT_GE(signed_in, 3);
  EXPECT_EQ(refused, 0);
}

}  // namespace
}  // namespace nuitee
