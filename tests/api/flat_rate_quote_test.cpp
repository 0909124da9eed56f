// The public forfait simulator over HTTP (CGCT L. 2333-40 to L. 2333-47): the service-public
// example of taxe-de-sejour.md §3, the regime check against the deliberation, and the refusals.
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
using testing::DeliberationBody;
using testing::HttpResponse;
using testing::PutDeliberation;
using testing::TestServer;

// Service-public: a 2★ hotel of 60 units open 183 nights, 30 % abatement, tariff 0,90 €:
// 60 × 0,70 = 42 × 0,90 × 183 = 6 917,40 € (+ departmental tax 691,74 €).
json ServicePublicExample() {
  return {{"commune_insee", "15138"}, {"year", 2026},          {"category", "star2"},
          {"nature", "hotel"},        {"capacity_units", 60}, {"nights_open", 183}};
}

class FlatRateQuotes : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = CreateCollectivity(client());
    server_.ActAsStaff(collectivity_);
    json deliberation = DeliberationBody(2026);  // abatement 30 % from the first night open
    deliberation["flat_rate_natures"] = {"hotel"};
    deliberation["tariffs_cents"]["star2"] = 90;
    ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, deliberation).status, 201);
  }
  testing::HttpClient& client() { return server_.client(); }
  std::string Path() const { return "/v1/collectivities/" + collectivity_ + "/flat-rate-quotes"; }
  HttpResponse Quote(const json& body) { return client().PostJson(Path(), body); }

  TestServer server_;
  std::string collectivity_;
};

TEST_F(FlatRateQuotes, ComputeTheServicePublicExample) {
  const auto quote = Quote(ServicePublicExample());
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json body = quote.Json();
  EXPECT_EQ(body.at("tariff_cents"), 90);
  EXPECT_FALSE(body.contains("deliberated_tariff_cents"));
  EXPECT_EQ(body.at("abatement_bp"), 3000);
  EXPECT_EQ(body.at("tax_cents"), 691740);
  ASSERT_EQ(body.at("additional_taxes").size(), 1u);
  EXPECT_EQ(body.at("additional_taxes")[0].at("beneficiary"), "departement");
  EXPECT_EQ(body.at("additional_taxes")[0].at("amount_cents"), 69174);
  EXPECT_EQ(body.at("total_cents"), 691740 + 69174);
  EXPECT_EQ(body.at("deliberation_version"), 1);
  EXPECT_EQ(body.at("capacity_units"), 60);
  EXPECT_EQ(body.at("nights_open"), 183);
  ASSERT_TRUE(body.at("explanation").is_array());
  EXPECT_NE(body.at("explanation").dump().find("6 917,40"), std::string::npos) << body.dump();
}

TEST_F(FlatRateQuotes, AreOpenToAnyoneWithoutALogin) {
  testing::HttpClient anonymous(server_.base_url());
  const auto answer = anonymous.PostJson(Path(), ServicePublicExample());
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.Json().at("tax_cents"), 691740);
  const auto unknown = anonymous.PostJson(
      "/v1/collectivities/00000000-0000-4000-8000-000000000000/flat-rate-quotes",
      ServicePublicExample());
  EXPECT_EQ(unknown.status, 404) << unknown.body;
}

TEST_F(FlatRateQuotes, RefuseANatureTheDeliberationLeavesAuReel) {
  json body = ServicePublicExample();
  body["nature"] = "furnished_rental";
  const auto refused = Quote(body);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("errors")[0].at("pointer"), "/nature");
  EXPECT_NE(refused.body.find("au réel"), std::string::npos) << refused.body;
}

TEST_F(FlatRateQuotes, RefuseUnclassifiedLodgingWhichIsAlwaysAuReel) {
  json body = ServicePublicExample();
  body["category"] = "unclassified";
  body.erase("nature");
  const auto refused = Quote(body);
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json().at("errors")[0].at("pointer"), "/category");
}

TEST_F(FlatRateQuotes, RefuseMalformedRequestsFieldByField) {
  const auto refused = Quote({{"commune_insee", "15138"},
                              {"year", 2026},
                              {"category", "star9"},
                              {"nature", "igloo"},
                              {"capacity_units", 0},
                              {"nights_open", 400}});
  ASSERT_EQ(refused.status, 400) << refused.body;
  std::set<std::string> pointers;
  const json problem = refused.Json();
  for (const auto& each : problem.at("errors")) pointers.insert(each.at("pointer"));
  EXPECT_EQ(pointers, (std::set<std::string>{"/category", "/nature", "/capacity_units",
                                             "/nights_open"}));
  json elsewhere = ServicePublicExample();
  elsewhere["commune_insee"] = "15014";
  const auto not_member = Quote(elsewhere);
  ASSERT_EQ(not_member.status, 400) << not_member.body;
  EXPECT_EQ(not_member.Json().at("errors")[0].at("pointer"), "/commune_insee");
}

TEST_F(FlatRateQuotes, NeedADeliberationForTheYear) {
  json body = ServicePublicExample();
  body["year"] = 2025;
  const auto refused = Quote(body);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("2025"), std::string::npos) << refused.body;
}

}  // namespace
}  // namespace nuitee
