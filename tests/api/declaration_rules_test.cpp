// The rules around declarations that protect the figures over time: the stay month rule cannot
// change once months are declared, idempotency keys stay within their collectivity, a statement
// follows who declared when an accommodation changes hands, corrections chain and keep the month's
// lateness, and a correction must name the version it corrects.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using namespace date::literals;
using nlohmann::json;
using testing::CreateCollectivity;
using testing::CreateHost;
using testing::CreateRental;
using testing::DeliberationBody;
using testing::ETag;
using testing::HttpResponse;
using testing::PutDeliberation;
using testing::TestServer;

json StaysOfJuly() {
  return json::array({{{"arrival", "2026-07-01"},
                       {"nights", 7},
                       {"occupants", 4},
                       {"exempt", {{"minors", 2}}},
                       {"price_per_night_cents", 10000}}});
}

class DeclarationRules : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = CreateCollectivity(client());
    ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, DeliberationBody(2026)).status, 201);
    server_.ActAsStaff(collectivity_);
    host_ = CreateHost(client(), collectivity_);
    accommodation_ = CreateRental(client(), collectivity_, host_);
  }
  testing::HttpClient& client() { return server_.client(); }
  std::string MonthPath(const std::string& month) {
    return "/v1/accommodations/" + accommodation_ + "/declarations/" + month;
  }
  HttpResponse Submit(const std::string& month, std::map<std::string, std::string> headers = {}) {
    return client().PostJson(MonthPath(month) + "/submit", {{"stays", StaysOfJuly()}}, headers);
  }
  HttpResponse Revise(const std::string& month, const json& body) {
    const std::string etag = client().Get(MonthPath(month)).Header("etag");
    return client().PostJson(MonthPath(month) + "/revisions", body, {{"If-Match", etag}});
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string accommodation_;
};

TEST_F(DeclarationRules, TheStayMonthRuleCannotChangeOnceAMonthIsDeclared) {
  const std::string path = "/v1/collectivities/" + collectivity_;
  const json split = {{"settings", {{"stay_month_rule", "split_by_month"}}}};
  const auto before = client().PatchJson(path, split, {{"If-Match", ETag(1)}});
  ASSERT_EQ(before.status, 200) << "no declaration yet: " << before.body;
  const json back = {{"settings", {{"stay_month_rule", "departure_month"}}}};
  ASSERT_EQ(client().PatchJson(path, back, {{"If-Match", ETag(2)}}).status, 200);
  ASSERT_EQ(Submit("2026-07").status, 201);
  const auto refused = client().PatchJson(path, split, {{"If-Match", ETag(3)}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("errors").at(0).at("pointer"), "/settings/stay_month_rule");
  // Other settings still change.
  EXPECT_EQ(client()
                .PatchJson(path, {{"settings", {{"declaration_deadline_day", 20}}}},
                           {{"If-Match", ETag(3)}})
                .status,
            200);
}

TEST_F(DeclarationRules, AnIdempotencyKeyNeverReplaysAnotherCollectivitysAnswer) {
  ASSERT_EQ(Submit("2026-07", {{"Idempotency-Key", "shared-key"}}).status, 201);
  const std::string other = CreateCollectivity(client(), testing::CollectivityBody("200066645"));
  const auto foreign =
      client().PostJson(MonthPath("2026-07") + "/submit", {{"stays", StaysOfJuly()}},
                        {{"Authorization", client().AsStaffOf(other).at("Authorization")},
                         {"Idempotency-Key", "shared-key"}});
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(foreign.Header("idempotent-replayed"), "");
}

TEST_F(DeclarationRules, TheStatementFollowsWhoDeclaredWhenAnAccommodationChangesHands) {
  ASSERT_EQ(Submit("2026-07").status, 201);
  const std::string buyer = CreateHost(client(), collectivity_, "Paul Rouchy");
  const auto moved = client().PatchJson("/v1/accommodations/" + accommodation_,
                                        {{"host_id", buyer}}, {{"If-Match", ETag(1)}});
  ASSERT_EQ(moved.status, 200) << moved.body;

  const json seller =
      client().Get("/v1/hosts/" + host_ + "/statement?from=2026-07&to=2026-08").Json();
  ASSERT_EQ(seller.at("months").size(), 1u);
  EXPECT_EQ(seller.at("months").at(0).at("month"), "2026-07");
  EXPECT_EQ(seller.at("totals").at("owed_cents"), 1925);

  const json new_host =
      client().Get("/v1/hosts/" + buyer + "/statement?from=2026-07&to=2026-08").Json();
  EXPECT_EQ(new_host.at("totals").at("owed_cents"), 0);
  ASSERT_EQ(new_host.at("months").size(), 1u) << "July was declared by the seller";
  EXPECT_EQ(new_host.at("months").at(0).at("month"), "2026-08");
  EXPECT_EQ(new_host.at("totals").at("to_declare"), 1);
}

TEST_F(DeclarationRules, CorrectionsChainAcrossKindsAndTheLatestIsOwed) {
  ASSERT_EQ(Submit("2026-07").status, 201);
  ASSERT_EQ(Revise("2026-07", {{"kind", "nil"}, {"reason", "Séjour annulé"}}).status, 201);
  const auto third =
      Revise("2026-07", {{"stays", StaysOfJuly()}, {"reason", "Finalement, il a eu lieu"}});
  ASSERT_EQ(third.status, 201) << third.body;
  const json month = third.Json();
  ASSERT_EQ(month.at("revisions").size(), 3u);
  EXPECT_EQ(month.at("revisions").at(1).at("kind"), "nil");
  EXPECT_EQ(month.at("revisions").at(1).at("total_cents"), 0);
  EXPECT_EQ(month.at("revisions").at(2).at("changes").at("kind"),
            json({{"from", "nil"}, {"to", "stays"}}));
  EXPECT_EQ(month.at("owed_cents"), 1925);
}

TEST_F(DeclarationRules, ALateCorrectionDoesNotMakeAnOnTimeMonthLate) {
  server_.SetToday(2026_y / date::August / 10);
  ASSERT_EQ(Submit("2026-07").status, 201);
  server_.SetToday(2026_y / date::November / 23);
  ASSERT_EQ(Revise("2026-07", {{"stays", StaysOfJuly()}, {"reason", "Vérification"}}).status, 201);
  const json listed =
      client()
          .Get("/v1/accommodations/" + accommodation_ + "/declarations?from=2026-07&to=2026-07")
          .Json();
  EXPECT_EQ(listed.at("items").at(0).at("latest").at("days_late"), 0);
  const json month = client().Get(MonthPath("2026-07")).Json();
  EXPECT_EQ(month.at("revisions").at(0).at("days_late"), 0);
  EXPECT_GT(month.at("revisions").at(1).at("days_late"), 0);
}

TEST_F(DeclarationRules, ACorrectionNamesTheVersionItCorrectsAndSaysWhy) {
  ASSERT_EQ(Submit("2026-07").status, 201);
  const std::string path = MonthPath("2026-07") + "/revisions";
  const json body = {{"stays", StaysOfJuly()}, {"reason", "Vérification"}};
  EXPECT_EQ(client().PostJson(path, body, {{"If-Match", "*"}}).status, 412);
  const std::string etag = client().Get(MonthPath("2026-07")).Header("etag");
  const auto blank =
      client().PostJson(path, {{"stays", StaysOfJuly()}, {"reason", "   "}}, {{"If-Match", etag}});
  EXPECT_EQ(blank.status, 400);
  EXPECT_EQ(blank.Json().at("errors").at(0).at("pointer"), "/reason");
}

TEST_F(DeclarationRules, AnUntouchedMonthTakesADraftWithTheETagItAnswered) {
  const auto untouched = client().Get(MonthPath("2026-09"));
  ASSERT_EQ(untouched.status, 200);
  EXPECT_EQ(untouched.Header("etag"), ETag(0));
  const auto saved = client().Request(
      "PUT", MonthPath("2026-09"), json({{"stays", json::array()}}).dump(),
      {{"Content-Type", "application/json"}, {"If-Match", untouched.Header("etag")}});
  EXPECT_EQ(saved.status, 200) << saved.body;
  // A second writer that read the same untouched month is now stale.
  const auto stale = client().Request(
      "PUT", MonthPath("2026-09"), json({{"stays", json::array()}}).dump(),
      {{"Content-Type", "application/json"}, {"If-Match", untouched.Header("etag")}});
  EXPECT_EQ(stale.status, 412);
}

}  // namespace
}  // namespace nuitee
