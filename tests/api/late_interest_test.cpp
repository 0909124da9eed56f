// Late-payment interest on demand over HTTP (issue 6; CGCT L. 2333-38, L. 2333-46): 0,20 % per
// month started after the due day, public, nothing stored.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;

class LateInterestQuotes : public ::testing::Test {
 protected:
  testing::HttpResponse Quote(const json& body) {
    testing::HttpClient anonymous(server_.base_url());
    return anonymous.PostJson("/v1/late-interest-quotes", body);
  }
  testing::TestServer server_;
};

TEST_F(LateInterestQuotes, ChargeTwentyBasisPointsPerMonthStartedToAnyoneWithoutALogin) {
  // 1 234,56 € due on 31 January 2027, paid on 1 March: 31 Jan → 28 Feb is one month, the 1st of
  // March starts the second. 1 234,56 × 0,20 % × 2 = 4,93824 → 4,94 €.
  const auto quote = Quote({{"amount_cents", 123456}, {"due_on", "2027-01-31"},
                            {"paid_on", "2027-03-01"}});
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json body = quote.Json();
  EXPECT_EQ(body.at("months_started"), 2);
  EXPECT_EQ(body.at("rate_bp_per_month"), 20);
  EXPECT_EQ(body.at("interest_cents"), 494);
  EXPECT_EQ(body.at("due_on"), "2027-01-31");
  const std::string explanation = body.at("explanation");
  EXPECT_NE(explanation.find("2 mois commencés"), std::string::npos) << explanation;
  EXPECT_NE(explanation.find("4,94"), std::string::npos) << explanation;
  EXPECT_NE(explanation.find("L. 2333-38"), std::string::npos) << explanation;
}

TEST_F(LateInterestQuotes, OweNothingForAPaymentOnTheDueDay) {
  const auto quote = Quote({{"amount_cents", 50000}, {"due_on", "2027-01-15"},
                            {"paid_on", "2027-01-15"}});
  ASSERT_EQ(quote.status, 200) << quote.body;
  EXPECT_EQ(quote.Json().at("months_started"), 0);
  EXPECT_EQ(quote.Json().at("interest_cents"), 0);
  // The next day starts a month.
  const auto late = Quote({{"amount_cents", 50000}, {"due_on", "2027-01-15"},
                           {"paid_on", "2027-01-16"}});
  ASSERT_EQ(late.status, 200) << late.body;
  EXPECT_EQ(late.Json().at("months_started"), 1);
  EXPECT_EQ(late.Json().at("interest_cents"), 100);  // 500,00 € × 0,20 %
}

TEST_F(LateInterestQuotes, RefuseMalformedRequestsFieldByFieldInFrench) {
  const auto refused = Quote({{"amount_cents", 0}, {"due_on", "2027-02-30"}, {"paid", "x"}});
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Header("content-type").rfind("application/problem+json", 0), 0u)
      << refused.Header("content-type");
  std::set<std::string> pointers;
  const json problem = refused.Json();
  for (const auto& each : problem.at("errors")) pointers.insert(each.at("pointer"));
  EXPECT_TRUE(pointers.count("/amount_cents")) << refused.body;
  EXPECT_TRUE(pointers.count("/due_on")) << refused.body;
  EXPECT_TRUE(pointers.count("/paid_on")) << refused.body;
  const auto early = Quote({{"amount_cents", 100}, {"due_on", "2027-02-15"},
                            {"paid_on", "2027-02-01"}});
  ASSERT_EQ(early.status, 400) << early.body;
  EXPECT_EQ(early.Json().at("errors")[0].at("pointer"), "/paid_on");
  EXPECT_NE(early.body.find("antérieur"), std::string::npos) << early.body;
}

}  // namespace
}  // namespace nuitee
