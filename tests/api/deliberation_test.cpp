// Deliberations over HTTP: a PUT per year appends versions (If-Match once one exists), every
// version stays readable with who, when and why, and a deliberation that breaks the law or names
// another collectivity's commune is refused with every violation at once, storing nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::CollectivityBody;
using testing::CreateCollectivity;
using testing::DeliberationBody;
using testing::ETag;
using testing::HttpResponse;
using testing::PutDeliberation;
using testing::TestServer;

std::multiset<std::string> Pointers(const HttpResponse& response) {
  std::multiset<std::string> pointers;
  const json body = response.Json();
  for (const auto& each : body.at("errors")) pointers.insert(each.at("pointer"));
  return pointers;
}

std::string Base(const std::string& collectivity) {
  return "/v1/collectivities/" + collectivity + "/deliberations";
}

TEST(Deliberations, APutCreatesVersionOneAndAChangeWithIfMatchVersionTwo) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  json body = DeliberationBody(2026);
  body["reason"] = "Délibération du conseil du 20 juin 2025";

  const auto first = PutDeliberation(client, id, 2026, body);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Header("location"), Base(id) + "/2026");
  EXPECT_EQ(first.Header("etag"), ETag(1));
  const json created = first.Json();
  EXPECT_EQ(created.at("collectivity_id"), id);
  EXPECT_EQ(created.at("year"), 2026);
  EXPECT_EQ(created.at("version"), 1);
  EXPECT_EQ(created.at("recorded_by"), TestServer::StaffEmail(id));
  EXPECT_EQ(created.at("source"), "api");
  EXPECT_EQ(created.at("reason"), "Délibération du conseil du 20 juin 2025");
  EXPECT_FALSE(created.at("recorded_at").get<std::string>().empty());
  json expected = body;
  expected.erase("reason");
  for (const auto& [key, value] : expected.items()) EXPECT_EQ(created.at(key), value) << key;

  json changed = DeliberationBody(2026);
  changed["tariffs_cents"]["star3"] = 120;
  changed["reason"] = "Correction du tarif 3 étoiles";
  const auto second = PutDeliberation(client, id, 2026, changed, ETag(1));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.Header("etag"), ETag(2));
  EXPECT_EQ(second.Json().at("version"), 2);

  const auto latest = client.Get(Base(id) + "/2026");
  ASSERT_EQ(latest.status, 200) << latest.body;
  EXPECT_EQ(latest.Header("etag"), ETag(2));
  EXPECT_EQ(latest.Json().at("tariffs_cents").at("star3"), 120);

  const auto versions = client.Get(Base(id) + "/2026/versions");
  ASSERT_EQ(versions.status, 200) << versions.body;
  const json items = versions.Json().at("items");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("version"), 1);
  EXPECT_EQ(items[0].at("tariffs_cents").at("star3"), 110);
  EXPECT_EQ(items[0].at("reason"), "Délibération du conseil du 20 juin 2025");
  EXPECT_EQ(items[1].at("version"), 2);
  EXPECT_EQ(items[1].at("reason"), "Correction du tarif 3 étoiles");
  EXPECT_EQ(items[1].at("recorded_by"), TestServer::StaffEmail(id));

  const auto one = client.Get(Base(id) + "/2026/versions/1");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Json(), items[0]);
  EXPECT_EQ(client.Get(Base(id) + "/2026/versions/3").status, 404);
  EXPECT_EQ(client.Get(Base(id) + "/2026/versions/zero").status, 404);

  const auto years = client.Get(Base(id));
  ASSERT_EQ(years.status, 200) << years.body;
  ASSERT_EQ(years.Json().at("items").size(), 1u);
  EXPECT_EQ(years.Json().at("items")[0].at("year"), 2026);
  EXPECT_EQ(years.Json().at("items")[0].at("version"), 2);
}

TEST(Deliberations, AChangeNeedsTheCurrentETagAndTheSameContentMakesNoVersion) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  // If-Match names a version; before the first there is none.
  EXPECT_EQ(PutDeliberation(client, id, 2026, DeliberationBody(), ETag(1)).status, 412);
  ASSERT_EQ(PutDeliberation(client, id, 2026, DeliberationBody()).status, 201);

  json changed = DeliberationBody();
  changed["unclassified_rate_bp"] = 400;
  const auto without = PutDeliberation(client, id, 2026, changed);
  EXPECT_EQ(without.status, 428) << without.body;
  const auto stale = PutDeliberation(client, id, 2026, changed, ETag(7));
  EXPECT_EQ(stale.status, 412) << stale.body;
  const auto unreadable = PutDeliberation(client, id, 2026, changed, "la dernière");
  EXPECT_EQ(unreadable.status, 400) << unreadable.body;

  const auto same = PutDeliberation(client, id, 2026, DeliberationBody(), ETag(1));
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.Json().at("version"), 1);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM deliberations"), 1);
  EXPECT_EQ(client.Get(Base(id) + "/2026/versions").Json().at("items").size(), 1u);
}

TEST(Deliberations, EveryViolationIsListedAtOnceAndNothingIsStored) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  json body = DeliberationBody(2026);
  body["tariffs_cents"]["palace"] = 500;  // above the 2026 ceiling (4,90 €)
  body["tariffs_cents"]["star3"] = 166;   // above the 4-star tariff (1,65 €)
  body["unclassified_rate_bp"] = 600;     // 6 %: outside 1 %–5 %
  body["perception_periods"] = {{{"first_night", "2026-01-01"}, {"last_night", "2026-06-30"}},
                                {{"first_night", "2026-06-01"}, {"last_night", "2026-12-31"}}};
  body["communes"] = {"15138", "15014"};             // 15014 is not a member commune
  body["flat_rate_natures"] = {"hotel", "chateau"};  // not a nature code

  const auto refused = PutDeliberation(client, id, 2026, body);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Header("content-type").rfind("application/problem+json", 0), 0u);
  const json problem = refused.Json();
  EXPECT_EQ(problem.at("type"), "urn:nuitee:problem:rule-violation");
  EXPECT_EQ(problem.at("status"), 422);
  const auto pointers = Pointers(refused);
  for (const char* pointer :
       {"/tariffs_cents/palace", "/tariffs_cents/star3", "/unclassified_rate_bp",
        "/perception_periods/1", "/communes/1", "/flat_rate_natures/1"}) {
    EXPECT_EQ(pointers.count(pointer), 1u) << pointer << " in " << refused.body;
  }
  EXPECT_EQ(pointers.size(), 6u) << refused.body;
  for (const auto& each : problem.at("errors")) {
    EXPECT_FALSE(each.at("detail").get<std::string>().empty());
  }
  EXPECT_NE(refused.body.find("15014"), std::string::npos);

  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM deliberations"), 0);
  EXPECT_EQ(client.Get(Base(id) + "/2026").status, 404);
  EXPECT_EQ(client.Get(Base(id)).Json().at("items").size(), 0u);
}

TEST(Deliberations, AMalformedBodyIsABadRequest) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  json body = DeliberationBody(2026);
  body["tariffs_cents"].erase("star1");
  body["unclassified_rate_bp"] = "5 %";
  body["additional_taxes"][0]["beneficiary"] = "region";
  body["colour"] = "bleu";
  const auto refused = PutDeliberation(client, id, 2026, body);
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(Pointers(refused),
            (std::multiset<std::string>{"/tariffs_cents/star1", "/unclassified_rate_bp",
                                        "/additional_taxes/0/beneficiary", "/colour"}));
}

TEST(Deliberations, AreScopedToTheirCollectivity) {
  TestServer server;
  auto& client = server.client();
  const std::string a = CreateCollectivity(client);
  server.ActAsStaff(a);
  const std::string b = CreateCollectivity(client, CollectivityBody("200066645"));
  ASSERT_EQ(PutDeliberation(client, a, 2026, DeliberationBody()).status, 201);

  EXPECT_EQ(client.Get(Base(b) + "/2026").status, 404);
  EXPECT_EQ(client.Get(Base(b)).status, 404);
  // Acting for B, A's deliberations do not exist.
  const auto as_b = client.Get(Base(a) + "/2026", client.AsStaffOf(b));
  EXPECT_EQ(as_b.status, 404) << as_b.body;
  const auto put_as_b =
      client.Request("PUT", Base(a) + "/2027", DeliberationBody(2027).dump(),
                     {{"Content-Type", "application/json"}, {"Authorization", client.AsStaffOf(b).at("Authorization")}});
  EXPECT_EQ(put_as_b.status, 404) << put_as_b.body;
  EXPECT_EQ(client.Get(Base(a) + "/20x6").status, 404);
  EXPECT_EQ(
      client.Request("PUT", Base("00000000-0000-4000-8000-000000000000") + "/2026",
                     DeliberationBody().dump(), {{"Content-Type", "application/json"}})
          .status,
      404);
}

}  // namespace
}  // namespace nuitee
