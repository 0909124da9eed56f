// The public tax simulator over HTTP: the worked example of the domain reference (taxe-de-sejour.md
// §3, example A) in both rounding modes, the category of each night from an accommodation's
// classification history, a stay across two years and deliberations, and the refusals.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

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

// Example A: 700 € for 7 nights (100 € a night), 4 occupants of whom 2 minors, unclassified,
// rate 5 %, highest tariff 4,00 €, departmental tax 10 %.
json ExampleA() {
  return {{"commune_insee", "15138"},
          {"category", "unclassified"},
          {"arrival", "2026-07-01"},
          {"nights", 7},
          {"occupants", 4},
          {"exempt", {{"minors", 2}}},
          {"price_per_night_cents", 10000}};
}

class Quotes : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = CreateCollectivity(client());
    server_.ActAsStaff(collectivity_);
    ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, DeliberationBody(2026)).status, 201);
  }
  testing::HttpClient& client() { return server_.client(); }
  HttpResponse Quote(const json& body, std::map<std::string, std::string> headers = {}) {
    return client().PostJson("/v1/collectivities/" + collectivity_ + "/quotes", body, headers);
  }
  // A furnished rental in Murat, classified 3 stars until 3 July 2026 inclusive.
  std::string ClassifiedRental() {
    const std::map<std::string, std::string> as = client().AsStaffOf(collectivity_);
    const std::string host = CreatedId(client().PostJson(
        "/v1/collectivities/" + collectivity_ + "/hosts",
        {{"kind", "person"},
         {"legal_name", "Jeanne Vidal"},
         {"address", {{"line", "2 rue du Bourg"}, {"postal_code", "15300"}, {"city", "Murat"}}}}));
    const std::string accommodation = CreatedId(
        client().PostJson("/v1/hosts/" + host + "/accommodations",
                          {{"name", "Le Cantou"},
                           {"commune", "15138"},
                           {"address", {{"line", "2 rue du Bourg"}, {"postal_code", "15300"}}},
                           {"nature", "furnished_rental"},
                           {"capacity_persons", 4},
                           {"registration_number", "15138000123AB"},
                           {"marketing", "direct"}},
                          as));
    EXPECT_EQ(client()
                  .PostJson("/v1/accommodations/" + accommodation + "/classifications",
                            {{"rank", "3"},
                             {"decided_on", "2021-07-04"},
                             {"expires_on", "2026-07-03"},
                             {"body", "Atout France"}},
                            as)
                  .status,
              201);
    return accommodation;
  }

  TestServer server_;
  std::string collectivity_;
};

TEST_F(Quotes, ComputeTheWorkedExampleARoundedPerLine) {
  const auto quote = Quote(ExampleA());
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json body = quote.Json();
  EXPECT_EQ(body.at("tax_cents"), 1750);
  ASSERT_EQ(body.at("additional_taxes").size(), 1u);
  EXPECT_EQ(body.at("additional_taxes")[0].at("beneficiary"), "departement");
  EXPECT_EQ(body.at("additional_taxes")[0].at("rate_bp"), 1000);
  EXPECT_EQ(body.at("additional_taxes")[0].at("amount_cents"), 175);
  EXPECT_FALSE(body.at("additional_taxes")[0].at("label").get<std::string>().empty());
  EXPECT_EQ(body.at("total_cents"), 1925);
  EXPECT_EQ(body.at("unit_cents_per_person_night"), 125);
  EXPECT_EQ(body.at("capped"), false);
  EXPECT_EQ(body.at("taxable_persons"), 2);
  EXPECT_EQ(body.at("taxable_person_nights"), 14);
  EXPECT_EQ(body.at("rounding_mode"), "per_line");
  EXPECT_EQ(body.at("deliberation_version"), 1);
  EXPECT_EQ(body.at("deliberation_versions"), json({{"2026", 1}}));
  ASSERT_EQ(body.at("runs").size(), 1u);
  EXPECT_EQ(body.at("runs")[0].at("first_night"), "2026-07-01");
  EXPECT_EQ(body.at("runs")[0].at("nights"), 7);
  EXPECT_EQ(body.at("runs")[0].at("category"), "unclassified");
  EXPECT_EQ(body.at("runs")[0].at("levied"), true);
  EXPECT_EQ(body.at("runs")[0].at("unit_cents"), 125);
  ASSERT_TRUE(body.at("explanation").is_array());
  EXPECT_FALSE(body.at("explanation").empty());
  for (const auto& sentence : body.at("explanation")) EXPECT_TRUE(sentence.is_string());
}

TEST_F(Quotes, FollowTheCollectivitysRoundingMode) {
  const std::string path = "/v1/collectivities/" + collectivity_;
  const auto switched = client().PatchJson(
      path, {{"settings", {{"rounding_mode", "per_person_night"}}}}, {{"If-Match", ETag(1)}});
  ASSERT_EQ(switched.status, 200) << switched.body;
  EXPECT_EQ(switched.Json().at("settings").at("rounding_mode"), "per_person_night");

  const auto quote = Quote(ExampleA());
  ASSERT_EQ(quote.status, 200) << quote.body;
  EXPECT_EQ(quote.Json().at("tax_cents"), 1750);
  EXPECT_EQ(quote.Json().at("additional_taxes")[0].at("amount_cents"), 182);  // 0,13 × 14
  EXPECT_EQ(quote.Json().at("total_cents"), 1932);
  EXPECT_EQ(quote.Json().at("rounding_mode"), "per_person_night");

  // The setting is audited like every other field.
  const auto history = client().Get(path + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_NE(history.body.find("rounding_mode"), std::string::npos) << history.body;
}

TEST_F(Quotes, TakeEachNightsCategoryFromTheClassificationHistory) {
  const std::string accommodation = ClassifiedRental();
  const auto quote = Quote({{"accommodation_id", accommodation},
                            {"arrival", "2026-07-01"},
                            {"nights", 5},
                            {"occupants", 2},
                            {"price_per_night_cents", 10000}});
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json runs = quote.Json().at("runs");
  ASSERT_EQ(runs.size(), 2u) << quote.body;
  EXPECT_EQ(runs[0].at("first_night"), "2026-07-01");
  EXPECT_EQ(runs[0].at("nights"), 3);
  EXPECT_EQ(runs[0].at("category"), "star3");
  EXPECT_EQ(runs[0].at("unit_cents"), 110);
  EXPECT_EQ(runs[1].at("first_night"), "2026-07-04");
  EXPECT_EQ(runs[1].at("nights"), 2);
  EXPECT_EQ(runs[1].at("category"), "unclassified");
  EXPECT_EQ(runs[1].at("unit_cents"), 250);  // 100 € ÷ 2 × 5 %
  EXPECT_EQ(quote.Json().at("tax_cents"), 110 * 2 * 3 + 250 * 2 * 2);

  // The commune, when given, must be the accommodation's.
  const auto elsewhere = Quote({{"accommodation_id", accommodation},
                                {"commune_insee", "15003"},
                                {"arrival", "2026-07-01"},
                                {"nights", 5},
                                {"occupants", 2},
                                {"price_per_night_cents", 10000}});
  ASSERT_EQ(elsewhere.status, 400) << elsewhere.body;
  EXPECT_EQ(elsewhere.Json().at("errors")[0].at("pointer"), "/commune_insee");
}

TEST_F(Quotes, RefuseAnUnclassifiedStayWithoutItsPrice) {
  json body = ExampleA();
  body.erase("price_per_night_cents");
  const auto refused = Quote(body);
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json().at("errors")[0].at("pointer"), "/price_per_night_cents");
}

TEST_F(Quotes, RefuseMalformedStaysFieldByField) {
  const auto neither = Quote({{"commune_insee", "15138"},
                              {"arrival", "2026-07-01"},
                              {"nights", 0},
                              {"occupants", 2},
                              {"exempt", {{"minors", -1}}}});
  ASSERT_EQ(neither.status, 400) << neither.body;
  std::set<std::string> pointers;
  const json problem = neither.Json();
  for (const auto& each : problem.at("errors")) pointers.insert(each.at("pointer"));
  EXPECT_EQ(pointers, (std::set<std::string>{"/category", "/nights", "/exempt/minors"}));

  json both = ExampleA();
  both["accommodation_id"] = "00000000-0000-4000-8000-000000000000";
  EXPECT_EQ(Quote(both).status, 400);
  json outside = ExampleA();
  outside["commune_insee"] = "15014";
  const auto not_member = Quote(outside);
  ASSERT_EQ(not_member.status, 400) << not_member.body;
  EXPECT_EQ(not_member.Json().at("errors")[0].at("pointer"), "/commune_insee");
}

TEST_F(Quotes, NeedADeliberationForTheYear) {
  json body = ExampleA();
  body["arrival"] = "2025-07-01";
  const auto refused = Quote(body);
  ASSERT_EQ(refused.status, 409) << refused.body;
  const json problem = refused.Json();
  EXPECT_EQ(problem.at("type"), "urn:nuitee:problem:failed-precondition");
  EXPECT_NE(problem.at("detail").get<std::string>().find("2025"), std::string::npos)
      << problem.at("detail");
}

TEST_F(Quotes, UseEachYearsDeliberationAcrossTheNewYear) {
  ASSERT_EQ(PutDeliberation(client(), collectivity_, 2025, DeliberationBody(2025)).status, 201);
  json raised = DeliberationBody(2026);
  raised["tariffs_cents"]["star2"] = 90;
  ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, raised, ETag(1)).status, 200);

  const auto quote = Quote({{"commune_insee", "15138"},
                            {"category", "star2"},
                            {"arrival", "2025-12-30"},
                            {"nights", 4},
                            {"occupants", 2}});
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json body = quote.Json();
  ASSERT_EQ(body.at("runs").size(), 2u) << quote.body;
  EXPECT_EQ(body.at("runs")[0].at("unit_cents"), 80);
  EXPECT_EQ(body.at("runs")[1].at("first_night"), "2026-01-01");
  EXPECT_EQ(body.at("runs")[1].at("unit_cents"), 90);
  EXPECT_EQ(body.at("tax_cents"), 80 * 2 * 2 + 90 * 2 * 2);
  EXPECT_EQ(body.at("deliberation_version"), 1);
  EXPECT_EQ(body.at("deliberation_versions"), json({{"2025", 1}, {"2026", 2}}));
}

// Quotes are served from a short-lived cache (api/rate_cache.hpp): a write through the server
// must show in the very next quote, not after the cache's TTL.
TEST_F(Quotes, FollowANewDeliberationVersionAndSettingAtOnce) {
  const auto before = Quote(ExampleA());
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Json().at("tax_cents"), 1750);

  json lower_rate = DeliberationBody(2026);
  lower_rate["unclassified_rate_bp"] = 400;  // 25,00 € × 4 % = 1,00 € a person-night
  ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, lower_rate, ETag(1)).status, 200);
  const auto after = Quote(ExampleA());
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.Json().at("tax_cents"), 1400);
  EXPECT_EQ(after.Json().at("deliberation_version"), 2);

  const auto switched =
      client().PatchJson("/v1/collectivities/" + collectivity_,
                         {{"settings", {{"rounding_mode", "per_person_night"}}}},
                         {{"If-Match", ETag(1)}});
  ASSERT_EQ(switched.status, 200) << switched.body;
  EXPECT_EQ(Quote(ExampleA()).Json().at("rounding_mode"), "per_person_night");
}

TEST_F(Quotes, RefuseAStayOfANatureUnderTheForfait) {
  // L. 2333-26 II: from version 2, the 2026 deliberation taxes hotels and furnished rentals au
  // forfait; such a host owes the forfait on its capacity, not a tax per stay.
  json forfait = DeliberationBody(2026);
  forfait["flat_rate_natures"] = {"hotel", "furnished_rental"};
  ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, forfait, ETag(1)).status, 200);
  const json hotel = {{"commune_insee", "15138"}, {"category", "star2"}, {"nature", "hotel"},
                      {"arrival", "2026-07-01"},  {"nights", 2},         {"occupants", 2}};
  const auto refused = Quote(hotel);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("errors")[0].at("pointer"), "/nature");
  EXPECT_NE(refused.body.find("forfaitaire"), std::string::npos) << refused.body;

  json guest_house = hotel;
  guest_house["nature"] = "guest_house";
  EXPECT_EQ(Quote(guest_house).status, 200);
  json unclassified = hotel;  // LF 2020 art. 112: unclassified lodging is always au réel
  unclassified["category"] = "unclassified";
  unclassified["price_per_night_cents"] = 8000;
  EXPECT_EQ(Quote(unclassified).status, 200);
  json unknown = hotel;
  unknown["nature"] = "igloo";
  EXPECT_EQ(Quote(unknown).status, 400);

  // An accommodation gives its own nature: the rental is 3★ until 3 July 2026, then unclassified.
  const std::string rental = ClassifiedRental();
  const json stay = {{"accommodation_id", rental}, {"arrival", "2026-07-01"}, {"nights", 2},
                     {"occupants", 2}};
  const auto classified = Quote(stay);
  ASSERT_EQ(classified.status, 422) << classified.body;
  EXPECT_EQ(classified.Json().at("errors")[0].at("pointer"), "/accommodation_id");
  json after_expiry = stay;
  after_expiry["arrival"] = "2026-07-10";
  after_expiry["price_per_night_cents"] = 8000;
  EXPECT_EQ(Quote(after_expiry).status, 200);
  json both = stay;
  both["nature"] = "hotel";
  EXPECT_EQ(Quote(both).status, 400);
}

TEST_F(Quotes, ChargeTheNearestGridValueOnceTheOfficialGridIsLoaded) {
  // The deliberation's 5★ tariff, 2,30 €, was inside the shipped 2026 grid; an official grid
  // with a 2,00 € ceiling is loaded later: 2,00 € applies (L. 2333-30, revaluation rule).
  auto headers = client().AsOperator();
  headers["Content-Type"] = "application/json";
  auto row = [](long long floor, long long ceiling) {
    return json{{"floor_cents", floor}, {"ceiling_cents", ceiling}};
  };
  const json grid = {{"source", "Barème officiel 2026 (test)"},
                     {"rows",
                      {{"palace", row(70, 490)},
                       {"star5", row(70, 200)},
                       {"star4", row(70, 200)},
                       {"star3", row(50, 170)},
                       {"star2", row(30, 100)},
                       {"star1", row(20, 80)},
                       {"camping_3_5", row(20, 60)},
                       {"camping_1_2", row(20, 20)}}}};
  const auto loaded = client().Request("PUT", "/v1/legal-grid/2026", grid.dump(), headers);
  ASSERT_EQ(loaded.status / 100, 2) << loaded.body;

  const auto quote = Quote({{"commune_insee", "15138"},
                            {"category", "star5"},
                            {"arrival", "2026-07-01"},
                            {"nights", 2},
                            {"occupants", 2}});
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json body = quote.Json();
  EXPECT_EQ(body.at("runs")[0].at("unit_cents"), 200);
  EXPECT_EQ(body.at("runs")[0].at("deliberated_tariff_cents"), 230);
  EXPECT_EQ(body.at("tax_cents"), 200 * 2 * 2);
  EXPECT_NE(body.at("explanation").dump().find("hors du barème légal 2026"), std::string::npos)
      << body.dump();
}

TEST_F(Quotes, AreOpenToAnyoneWithoutALoginAndNotFoundForAnUnknownCollectivity) {
  const auto signed_in = Quote(ExampleA());
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  testing::HttpClient anonymous(server_.base_url());
  const auto path = "/v1/collectivities/" + collectivity_ + "/quotes";
  const auto public_answer = anonymous.PostJson(path, ExampleA());
  ASSERT_EQ(public_answer.status, 200) << public_answer.body;
  EXPECT_EQ(public_answer.Json().at("total_cents"), signed_in.Json().at("total_cents"));
  const auto unknown = anonymous.PostJson(
      "/v1/collectivities/00000000-0000-4000-8000-000000000000/quotes", ExampleA());
  EXPECT_EQ(unknown.status, 404) << unknown.body;
}

// The simulator's page reads the collectivity's name and communes without a login (issue 8).
TEST_F(Quotes, TheSimulatorSettingNamesTheCommunesToAnyoneAndNothingElse) {
  testing::HttpClient anonymous(server_.base_url());
  const auto answer = anonymous.Get("/v1/collectivities/" + collectivity_ + "/simulator");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json body = answer.Json();
  EXPECT_EQ(body.at("id"), collectivity_);
  EXPECT_FALSE(body.at("name").get<std::string>().empty());
  std::set<std::string> fields;
  for (const auto& [key, value] : body.items()) fields.insert(key);
  EXPECT_EQ(fields, (std::set<std::string>{"id", "name", "communes"}));
  bool murat = false;
  for (const auto& commune : body.at("communes")) {
    murat = murat || commune.at("insee_code") == "15138";
  }
  EXPECT_TRUE(murat) << body.dump();
  const auto unknown =
      anonymous.Get("/v1/collectivities/00000000-0000-4000-8000-000000000000/simulator");
  EXPECT_EQ(unknown.status, 404) << unknown.body;
}

}  // namespace
}  // namespace nuitee
