// Monthly declarations over HTTP on a real server and database: a host's journey (draft, submit,
// revise, read), nil returns, the guards, idempotent retries and concurrent submissions.
// "Today" is the test server's fixed 2026-11-23.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::CreateCollectivity;
using testing::CreatedId;
using testing::DeliberationBody;
using testing::ETag;
using testing::HttpResponse;
using testing::PutDeliberation;
using testing::TestServer;

// Example A of the domain reference (taxe-de-sejour.md §3): 100 € a night for 7 nights,
// 4 occupants of whom 2 minors, unclassified, 5 %, departmental tax 10 %: 17,50 € + 1,75 €.
json ExampleAStay() {
  return {{"arrival", "2026-07-01"},
          {"nights", 7},
          {"occupants", 4},
          {"exempt", {{"minors", 2}}},
          {"price_per_night_cents", 10000}};
}

// An Airbnb stay of the same month: counted in the nights, never owed by the host.
json AirbnbStay() {
  return {{"arrival", "2026-07-20"},
          {"nights", 3},
          {"occupants", 2},
          {"price_per_night_cents", 9000},
          {"collector", "airbnb"}};
}

class Declarations : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = CreateCollectivity(client());
    ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, DeliberationBody(2026)).status, 201);
    server_.ActAsStaff(collectivity_);
    accommodation_ = testing::CreateRental(client(), collectivity_,
                                           testing::CreateHost(client(), collectivity_));
  }
  testing::HttpClient& client() { return server_.client(); }
  std::string MonthPath(const std::string& month) {
    return "/v1/accommodations/" + accommodation_ + "/declarations/" + month;
  }
  HttpResponse PutDraft(const std::string& month, const json& body,
                        std::map<std::string, std::string> headers = {}) {
    headers["Content-Type"] = "application/json";
    return client().Request("PUT", MonthPath(month), body.dump(), headers);
  }
  HttpResponse Post(const std::string& path, const json& body,
                    std::map<std::string, std::string> headers = {}) {
    return client().PostJson(path, body, headers);
  }

  TestServer server_;
  std::string collectivity_;
  std::string accommodation_;
};

TEST_F(Declarations, HostJourneyDraftSubmitReviseAndReadBack) {
  // A draft is saved, not computed.
  const auto draft = PutDraft("2026-07", {{"stays", {ExampleAStay()}}});
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.Json().at("state"), "draft");
  EXPECT_EQ(draft.Json().at("draft").at("stays").size(), 1u);
  EXPECT_TRUE(draft.Json().at("current").is_null());

  // The draft grows, then is submitted with an empty body.
  const auto grown = PutDraft("2026-07", {{"stays", {ExampleAStay(), AirbnbStay()}}},
                              {{"If-Match", draft.Header("etag")}});
  ASSERT_EQ(grown.status, 200) << grown.body;
  const auto submitted = client().Request("POST", MonthPath("2026-07") + "/submit");
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  const json month = submitted.Json();
  EXPECT_EQ(month.at("state"), "submitted");
  EXPECT_TRUE(month.at("draft").is_null());
  const json& current = month.at("current");
  EXPECT_EQ(current.at("revision"), 1);
  EXPECT_EQ(current.at("tax_cents"), 1750);
  EXPECT_EQ(current.at("additional_cents"), 175);
  EXPECT_EQ(current.at("total_cents"), 1925);
  EXPECT_EQ(month.at("owed_cents"), 1925);
  EXPECT_EQ(current.at("person_nights"), 4 * 7 + 2 * 3);
  EXPECT_EQ(current.at("platform_person_nights"), 2 * 3);
  EXPECT_EQ(current.at("deliberation_versions"), json({{"2026", 1}}));
  EXPECT_EQ(current.at("rounding_mode"), "per_line");
  EXPECT_EQ(current.at("stays").at(1).at("total_cents"), 0);  // Airbnb collected it
  EXPECT_FALSE(current.at("stays").at(0).at("explanation").empty());
  // Due on 15 August, a Saturday and a public holiday, hence on Monday 17 August; submitted on
  // 23 November (the test server's today): 98 days late.
  EXPECT_EQ(current.at("due_on"), "2026-08-17");
  EXPECT_EQ(current.at("days_late"), 98);
  EXPECT_EQ(current.at("late"), true);

  // A second submission is refused: a correction is a revision with If-Match and a reason.
  EXPECT_EQ(client().Request("POST", MonthPath("2026-07") + "/submit").status, 409);
  json one_minor_less = ExampleAStay();
  one_minor_less["exempt"]["minors"] = 1;  // 3 taxable persons: 1,25 × 3 × 7 = 26,25 €
  const json revision = {{"stays", {one_minor_less, AirbnbStay()}},
                         {"reason", "Un des enfants avait 18 ans."}};
  EXPECT_EQ(Post(MonthPath("2026-07") + "/revisions", revision).status, 428);
  EXPECT_EQ(Post(MonthPath("2026-07") + "/revisions", revision, {{"If-Match", ETag(99)}}).status,
            412);
  const auto revised = Post(MonthPath("2026-07") + "/revisions", revision,
                            {{"If-Match", submitted.Header("etag")}});
  ASSERT_EQ(revised.status, 201) << revised.body;
  EXPECT_EQ(revised.Json().at("state"), "revised");
  EXPECT_EQ(revised.Json().at("owed_cents"), 2625 + 263);

  // Both revisions stay readable: who, when, why, and what changed.
  const auto read = client().Get(MonthPath("2026-07"));
  ASSERT_EQ(read.status, 200);
  const json read_month = read.Json();
  const json& revisions = read_month.at("revisions");
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].at("total_cents"), 1925);
  EXPECT_TRUE(revisions[0].at("reason").is_null());
  EXPECT_EQ(revisions[1].at("submitted_by"), TestServer::StaffEmail(collectivity_));
  EXPECT_EQ(revisions[1].at("reason"), "Un des enfants avait 18 ans.");
  const json& changes = revisions[1].at("changes");
  EXPECT_EQ(changes.at("total_cents"), json({{"from", 1925}, {"to", 2888}}));
  EXPECT_EQ(changes.at("stays_added").size(), 1u);
  EXPECT_EQ(changes.at("stays_removed").size(), 1u);
  EXPECT_EQ(read.Header("etag"), revised.Header("etag"));
}

TEST_F(Declarations, ListShowsEveryMonthWithItsStateAndWhatIsOverdue) {
  ASSERT_EQ(Post(MonthPath("2026-08") + "/nil", json::object()).status, 201);
  ASSERT_EQ(PutDraft("2026-09", {{"stays",
                                  {{{"arrival", "2026-09-02"},
                                    {"nights", 2},
                                    {"occupants", 2},
                                    {"price_per_night_cents", 8000}}}}})
                .status,
            200);
  const auto listed = client().Get("/v1/accommodations/" + accommodation_ +
                                   "/declarations?from=2026-07&to=2026-10");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const json listed_body = listed.Json();
  const json& items = listed_body.at("items");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].at("month"), "2026-07");
  EXPECT_EQ(items[0].at("state"), "to_declare");
  EXPECT_EQ(items[0].at("overdue"), true);
  EXPECT_EQ(items[1].at("state"), "submitted");
  EXPECT_EQ(items[1].at("latest").at("kind"), "nil");
  EXPECT_EQ(items[1].at("overdue"), false);
  EXPECT_EQ(items[2].at("state"), "draft");
  EXPECT_EQ(items[3].at("state"), "to_declare");
  EXPECT_EQ(items[3].at("overdue"), true);  // due 15 November, today is the 23rd

  // Before the accommodation opened (March 2025) there is nothing to declare.
  const auto early = client().Get("/v1/accommodations/" + accommodation_ +
                                  "/declarations?from=2025-01&to=2025-04");
  ASSERT_EQ(early.status, 200);
  EXPECT_EQ(early.Json().at("items").size(), 2u);
  EXPECT_EQ(
      client().Get("/v1/accommodations/" + accommodation_ + "/declarations?from=2026-13").status,
      400);
}

TEST_F(Declarations, ClosedMonthAndNilReturnOweNothing) {
  const auto closed = Post(MonthPath("2026-03") + "/nil", {{"closed", true}});
  ASSERT_EQ(closed.status, 201) << closed.body;
  EXPECT_EQ(closed.Json().at("current").at("kind"), "closed");
  EXPECT_EQ(closed.Json().at("owed_cents"), 0);
  const auto nil = client().Request("POST", MonthPath("2026-04") + "/nil");
  ASSERT_EQ(nil.status, 201) << nil.body;
  EXPECT_EQ(nil.Json().at("current").at("kind"), "nil");
  EXPECT_EQ(Post(MonthPath("2026-04") + "/nil", json::object()).status, 409);
}

// A first submission is answered from what was just stored (not read back): the answer must be
// what a later GET reads, field for field, for stays, a nil return and a submitted draft.
TEST_F(Declarations, TheAnswerToAFirstSubmissionIsTheMonthAsStored) {
  const auto stays =
      Post(MonthPath("2026-07") + "/submit", {{"stays", {ExampleAStay(), AirbnbStay()}}});
  ASSERT_EQ(stays.status, 201) << stays.body;
  const auto nil = Post(MonthPath("2026-08") + "/nil", json::object());
  ASSERT_EQ(nil.status, 201) << nil.body;
  json september = ExampleAStay();
  september["arrival"] = "2026-09-03";
  ASSERT_EQ(PutDraft("2026-09", {{"stays", {september}}}).status, 200);
  const auto drafted = client().Request("POST", MonthPath("2026-09") + "/submit");
  ASSERT_EQ(drafted.status, 201) << drafted.body;

  for (const auto& [month, answer] :
       {std::pair{"2026-07", stays}, std::pair{"2026-08", nil}, std::pair{"2026-09", drafted}}) {
    const auto read = client().Get(MonthPath(month));
    ASSERT_EQ(read.status, 200) << month;
    EXPECT_EQ(answer.Json(), read.Json()) << month;
    EXPECT_EQ(answer.Header("etag"), read.Header("etag")) << month;
  }
}

TEST_F(Declarations, BadStaysAreRefusedWithEveryProblemAndNothingIsStored) {
  json future = ExampleAStay();
  future["arrival"] = "2026-12-01";
  json too_many_exempt = ExampleAStay();
  too_many_exempt["exempt"] = {{"minors", 5}};
  json no_price = ExampleAStay();
  no_price.erase("price_per_night_cents");
  json other_month = ExampleAStay();
  other_month["arrival"] = "2026-06-10";
  const auto refused = Post(MonthPath("2026-07") + "/submit",
                            {{"stays", {future, too_many_exempt, no_price, other_month}}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Header("content-type").rfind("application/problem+json", 0), 0u);
  std::set<std::string> pointers;
  const json problem = refused.Json();
  for (const auto& error : problem.at("errors")) pointers.insert(error.at("pointer"));
  EXPECT_EQ(pointers,
            (std::set<std::string>{"/stays/0/arrival", "/stays/1/exempt",
                                   "/stays/2/price_per_night_cents", "/stays/3/arrival"}));
  const auto after = client().Get(MonthPath("2026-07"));
  EXPECT_EQ(after.Json().at("state"), "to_declare");
  EXPECT_EQ(after.Json().at("version"), 0);

  // Malformed input is a 400 naming the field; a month not started or before opening is a 409.
  EXPECT_EQ(Post(MonthPath("2026-07") + "/submit", {{"stays", {{{"nights", "7"}}}}}).status, 400);
  EXPECT_EQ(Post(MonthPath("2026-12") + "/nil", json::object()).status, 409);
  EXPECT_EQ(Post(MonthPath("2025-02") + "/nil", json::object()).status, 409);
  EXPECT_EQ(client().Get(MonthPath("2026-13")).status, 404);
}

TEST_F(Declarations, OccupantsAboveCapacityAreAWarningNotARefusal) {
  json crowded = ExampleAStay();
  crowded["occupants"] = 6;
  const auto submitted = Post(MonthPath("2026-07") + "/submit", {{"stays", {crowded}}});
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  const json warnings = submitted.Json().at("current").at("warnings");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].at("pointer"), "/stays/0/occupants");
}

TEST_F(Declarations, ASubmittedAmountNeverChangesWhenTheDeliberationChangesAfterwards) {
  ASSERT_EQ(Post(MonthPath("2026-07") + "/submit", {{"stays", {ExampleAStay()}}}).status, 201);
  json lower = DeliberationBody(2026);
  lower["unclassified_rate_bp"] = 400;
  ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, lower, ETag(1)).status, 200);
  const json current = client().Get(MonthPath("2026-07")).Json().at("current");
  EXPECT_EQ(current.at("total_cents"), 1925);
  EXPECT_EQ(current.at("deliberation_versions"), json({{"2026", 1}}));
  // A revision made now uses the new version.
  const auto revised = Post(MonthPath("2026-07") + "/revisions",
                            {{"stays", {ExampleAStay()}}, {"reason", "Nouveau taux"}},
                            {{"If-Match", client().Get(MonthPath("2026-07")).Header("etag")}});
  ASSERT_EQ(revised.status, 201) << revised.body;
  EXPECT_EQ(revised.Json().at("current").at("deliberation_versions"), json({{"2026", 2}}));
  EXPECT_EQ(revised.Json().at("current").at("tax_cents"), 1400);
}

TEST_F(Declarations, ARetryWithTheSameIdempotencyKeyReplaysTheFirstAnswer) {
  const json body = {{"stays", {ExampleAStay()}}};
  const auto first = Post(MonthPath("2026-07") + "/submit", body, {{"Idempotency-Key", "k-1"}});
  ASSERT_EQ(first.status, 201) << first.body;
  const auto retry = Post(MonthPath("2026-07") + "/submit", body, {{"Idempotency-Key", "k-1"}});
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.Header("idempotent-replayed"), "true");
  EXPECT_EQ(retry.Header("location"), first.Header("location"));
  EXPECT_EQ(client().Get(MonthPath("2026-07")).Json().at("revisions").size(), 1u);
  // The same key on another request is refused; no key gives the plain conflict.
  const auto reused =
      Post(MonthPath("2026-08") + "/nil", json::object(), {{"Idempotency-Key", "k-1"}});
  EXPECT_EQ(reused.status, 201) << "a key is scoped by the request's path";
  const auto other_body = Post(MonthPath("2026-07") + "/submit", {{"stays", {AirbnbStay()}}},
                               {{"Idempotency-Key", "k-1"}});
  EXPECT_EQ(other_body.status, 422);
  EXPECT_EQ(Post(MonthPath("2026-07") + "/submit", body).status, 409);
}

TEST_F(Declarations, TwoConcurrentSubmissionsOfAMonthGiveOneSuccessAndOneConflict) {
  const json body = {{"stays", {ExampleAStay()}}};
  const std::string base = server_.base_url();
  std::vector<long> statuses(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      testing::HttpClient own(base);
      own.SetDefaultHeader("Authorization", "Bearer " + server_.StaffToken(collectivity_));
      statuses[i] = own.PostJson(MonthPath("2026-07") + "/submit", body).status;
    });
  }
  for (auto& thread : threads) thread.join();
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<long>{201, 409}));
  EXPECT_EQ(client().Get(MonthPath("2026-07")).Json().at("revisions").size(), 1u);
}

TEST_F(Declarations, AreNotFoundForAnotherCollectivity) {
  const std::string other = CreateCollectivity(client(), testing::CollectivityBody("200066645"));
  EXPECT_EQ(client().Get(MonthPath("2026-07"), client().AsStaffOf(other)).status, 404);
  EXPECT_EQ(
      Post(MonthPath("2026-07") + "/nil", json::object(), client().AsStaffOf(other)).status,
      404);
}

}  // namespace
}  // namespace nuitee
