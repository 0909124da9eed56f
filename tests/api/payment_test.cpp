// Payments recorded by finance, their allocation to debts, reversals and refunds, over real HTTP
// on a real database (issue 7). "Today" is the test server's 2026-11-23. What a month owes is what
// the server computed for it (the rates engine has its own tests); the test then checks every
// figure of money against sums of those.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "domain/money/payment_reference.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::CreateCollectivity;
using testing::CreateHost;
using testing::CreateRental;
using testing::DeliberationBody;
using testing::HttpResponse;
using testing::PutDeliberation;
using testing::TestServer;

class Payments : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = CreateCollectivity(client());
    ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, DeliberationBody(2026)).status, 201);
    server_.ActAsStaff(collectivity_);
    host_ = CreateHost(client(), collectivity_);
    rental_ = CreateRental(client(), collectivity_, host_, "000101");
  }
  testing::HttpClient& client() { return server_.client(); }
  std::string MonthPath(const std::string& month) {
    return "/v1/accommodations/" + rental_ + "/declarations/" + month;
  }
  // Declares `persons` adults for `nights` nights; answers what the month owes.
  long long Declare(const std::string& month, int persons, int nights) {
    return DeclareJson(month, persons, nights).at("owed_cents").get<long long>();
  }
  json DeclareJson(const std::string& month, int persons, int nights) {
    const json stays = {{{"arrival", month + "-02"},
                         {"nights", nights},
                         {"occupants", persons},
                         {"price_per_night_cents", 8000}}};
    const auto submitted = client().PostJson(MonthPath(month) + "/submit", {{"stays", stays}});
    EXPECT_EQ(submitted.status, 201) << submitted.body;
    etags_[month] = submitted.Header("etag");
    return submitted.Json();
  }
  long long Revise(const std::string& month, int persons, int nights) {
    const json stays = {{{"arrival", month + "-02"},
                         {"nights", nights},
                         {"occupants", persons},
                         {"price_per_night_cents", 8000}}};
    const auto revised = client().Request(
        "POST", MonthPath(month) + "/revisions",
        json{{"stays", stays}, {"reason", "Nombre de nuits corrigé."}}.dump(),
        {{"Content-Type", "application/json"}, {"If-Match", etags_[month]}});
    EXPECT_EQ(revised.status, 201) << revised.body;
    etags_[month] = revised.Header("etag");
    return revised.Json().at("owed_cents").get<long long>();
  }
  HttpResponse Pay(json body) {
    return client().PostJson("/v1/collectivities/" + collectivity_ + "/payments", body);
  }
  json Statement() {
    const auto read =
        client().Get("/v1/hosts/" + host_ + "/statement?from=2026-06&to=2026-11");
    EXPECT_EQ(read.status, 200) << read.body;
    return read.Json();
  }
  static const json& MonthOf(const json& statement, const std::string& month) {
    for (const auto& each : statement.at("months")) {
      if (each.at("month") == month) return each;
    }
    static const json none;
    ADD_FAILURE() << "no month " << month;
    return none;
  }
  json Check() {
    const auto read = client().Get("/v1/collectivities/" + collectivity_ + "/ledger/check");
    EXPECT_EQ(read.status, 200) << read.body;
    return read.Json();
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string rental_;
  std::map<std::string, std::string> etags_;
};

TEST_F(Payments, ABankTransferPaysTheOldestMonthAndTheStatementShowsWhatIsLeft) {
  const long long july = Declare("2026-07", 2, 5);
  const long long august = Declare("2026-08", 3, 4);
  ASSERT_GT(july, 0);
  ASSERT_GT(august, 1);
  const long long amount = july + august / 2;
  const auto paid = Pay({{"host_id", host_}, {"method", "bank_transfer"}, {"amount_cents", amount},
                         {"received_on", "2026-09-20"}, {"payer_reference", "VIR GITE JUILLET"}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.Json().at("host_balance_cents"), july + august - amount);
  const json shares = paid.Json().at("allocation").at("shares");
  ASSERT_EQ(shares.size(), 2u) << paid.body;
  EXPECT_EQ(shares.at(0).at("month"), "2026-07");
  EXPECT_EQ(shares.at(0).at("amount_cents"), july);
  EXPECT_EQ(shares.at(1).at("amount_cents"), august / 2);

  const json statement = Statement();
  EXPECT_EQ(MonthOf(statement, "2026-07").at("paid_cents"), july);
  EXPECT_EQ(MonthOf(statement, "2026-07").at("outstanding_cents"), 0);
  EXPECT_EQ(MonthOf(statement, "2026-08").at("paid_cents"), august / 2);
  EXPECT_EQ(MonthOf(statement, "2026-08").at("outstanding_cents"), august - august / 2);
  EXPECT_EQ(statement.at("totals").at("paid_cents"), amount);
  EXPECT_EQ(statement.at("account").at("balance_cents"), august - august / 2);
  EXPECT_EQ(statement.at("account").at("owed_cents"), august - august / 2);
  EXPECT_EQ(statement.at("account").at("payments").size(), 1u);
  EXPECT_TRUE(Check().at("sound").get<bool>());
}

TEST_F(Payments, TheReferenceOnTheStatementNamesTheHostAndTheMonth) {
  const long long july = Declare("2026-07", 2, 5);
  const long long august = Declare("2026-08", 3, 4);
  const std::string reference = MonthOf(Statement(), "2026-08").at("payment_reference");
  // No host_id: the reference, as a bank label carries it, says who and which month.
  const auto paid = Pay({{"method", "bank_transfer"}, {"amount_cents", august},
                         {"received_on", "2026-09-20"},
                         {"payer_reference", "VIR SEPA " + reference + " MERCI"}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.Json().at("host_id"), host_);
  EXPECT_EQ(paid.Json().at("target_month"), "2026-08");
  const json statement = Statement();
  EXPECT_EQ(MonthOf(statement, "2026-08").at("outstanding_cents"), 0);
  EXPECT_EQ(MonthOf(statement, "2026-07").at("outstanding_cents"), july);
}

TEST_F(Payments, RefusesWhatFinanceCouldNotHaveReceived) {
  const auto future = Pay({{"host_id", host_}, {"method", "cash"}, {"amount_cents", 100},
                           {"received_on", "2026-12-01"}});
  EXPECT_EQ(future.status, 400);
  EXPECT_NE(future.body.find("/received_on"), std::string::npos);
  const auto cheque = Pay({{"host_id", host_}, {"method", "cheque"}, {"amount_cents", 100},
                           {"received_on", "2026-11-01"}});
  EXPECT_EQ(cheque.status, 400);
  EXPECT_NE(cheque.body.find("/cheque_number"), std::string::npos);
  const auto nobody = Pay({{"method", "bank_transfer"}, {"amount_cents", 100},
                           {"received_on", "2026-11-01"}, {"payer_reference", "TS0000000000"}});
  EXPECT_EQ(nobody.status, 400);
  EXPECT_NE(nobody.body.find("/host_id"), std::string::npos);
  const auto online = Pay({{"host_id", host_}, {"method", "online"}, {"amount_cents", 100},
                           {"received_on", "2026-11-01"}});
  EXPECT_EQ(online.status, 400);
  const auto zero = Pay({{"host_id", host_}, {"method", "cash"}, {"amount_cents", 0},
                         {"received_on", "2026-11-01"}});
  EXPECT_EQ(zero.status, 400);
  EXPECT_EQ(zero.Header("content-type").rfind("application/problem+json", 0), 0u);
  // Nothing was booked.
  EXPECT_EQ(client().Get("/v1/collectivities/" + collectivity_ + "/payments").Json().at("items").size(),
            0u);
}

TEST_F(Payments, APaymentAgainstARevisedDeclarationLeavesACreditThatCanBeRefunded) {
  const long long declared = Declare("2026-07", 2, 5);
  ASSERT_EQ(Pay({{"host_id", host_}, {"method", "cheque"}, {"cheque_number", "0012345"},
                 {"amount_cents", declared}, {"received_on", "2026-08-20"}})
                .status,
            201);
  // July revised down to 2 nights: what was paid too much is a credit.
  const long long revised = Revise("2026-07", 2, 2);
  ASSERT_LT(revised, declared);
  const long long credit = declared - revised;
  json statement = Statement();
  EXPECT_EQ(MonthOf(statement, "2026-07").at("paid_cents"), revised);
  EXPECT_EQ(MonthOf(statement, "2026-07").at("outstanding_cents"), 0);
  EXPECT_EQ(statement.at("account").at("balance_cents"), -credit);
  EXPECT_EQ(statement.at("account").at("credit_cents"), credit);

  const std::string refunds = "/v1/hosts/" + host_ + "/refunds";
  const auto too_much = client().PostJson(refunds, {{"method", "bank_transfer"},
                                                    {"amount_cents", credit + 1},
                                                    {"paid_on", "2026-11-20"},
                                                    {"reason", "Trop-perçu juillet"}});
  EXPECT_EQ(too_much.status, 422) << too_much.body;
  EXPECT_NE(too_much.body.find("/amount_cents"), std::string::npos);
  const auto refunded = client().PostJson(refunds, {{"method", "bank_transfer"},
                                                    {"amount_cents", credit},
                                                    {"paid_on", "2026-11-20"},
                                                    {"reason", "Trop-perçu juillet"}});
  ASSERT_EQ(refunded.status, 201) << refunded.body;
  EXPECT_EQ(refunded.Json().at("host_balance_cents"), 0);
  statement = Statement();
  EXPECT_EQ(statement.at("account").at("balance_cents"), 0);
  EXPECT_EQ(statement.at("account").at("refunds").size(), 1u);
  EXPECT_TRUE(Check().at("sound").get<bool>());
}

TEST_F(Payments, AReversalCancelsAPaymentOnceAndKeepsItListed) {
  const long long declared = Declare("2026-07", 2, 5);
  const auto paid = Pay({{"host_id", host_}, {"method", "cash"}, {"amount_cents", declared},
                         {"received_on", "2026-08-20"}});
  ASSERT_EQ(paid.status, 201);
  const std::string path = paid.Header("location");
  const auto reversed =
      client().PostJson(path + "/reversal", {{"reason", "Saisi deux fois."}});
  ASSERT_EQ(reversed.status, 200) << reversed.body;
  EXPECT_EQ(reversed.Json().at("reversed"), true);
  EXPECT_EQ(reversed.Json().at("host_balance_cents"), declared);
  EXPECT_EQ(client().PostJson(path + "/reversal", {{"reason", "Encore."}}).status, 409);
  const auto read = client().Get(path);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json().at("reversal").at("reason"), "Saisi deux fois.");
  EXPECT_EQ(read.Json().at("allocation").at("shares").size(), 0u);
  // The host's account shows the declaration, the payment and its reversal.
  const auto ledger = client().Get("/v1/hosts/" + host_ + "/ledger");
  ASSERT_EQ(ledger.status, 200);
  const json items = ledger.Json().at("items");
  ASSERT_EQ(items.size(), 3u) << ledger.body;
  EXPECT_EQ(items.at(0).at("kind"), "declaration");
  EXPECT_EQ(items.at(1).at("kind"), "payment");
  EXPECT_EQ(items.at(1).at("host_amount_cents"), -declared);
  EXPECT_EQ(items.at(2).at("kind"), "payment_reversal");
  EXPECT_EQ(ledger.Json().at("balance_cents"), declared);
}

TEST_F(Payments, TheBalancesOfTheLedgerSumToZeroAndShowWhatIsOwedToTheDepartement) {
  const json declared = DeclareJson("2026-07", 2, 5);
  const long long tax = declared.at("current").at("tax_cents");
  const long long additional = declared.at("current").at("additional_cents");
  ASSERT_GT(additional, 0);
  ASSERT_EQ(Pay({{"host_id", host_}, {"method", "bank_transfer"}, {"amount_cents", 500},
                 {"received_on", "2026-08-20"}})
                .status,
            201);
  const auto read = client().Get("/v1/collectivities/" + collectivity_ + "/ledger/balances");
  ASSERT_EQ(read.status, 200) << read.body;
  std::map<std::string, long long> balances;
  long long sum = 0;
  const json accounts = read.Json().at("accounts");
  for (const auto& account : accounts) {
    balances[account.at("account").get<std::string>() + ":" + account.at("party").get<std::string>()] =
        account.at("balance_cents");
    sum += account.at("balance_cents").get<long long>();
  }
  EXPECT_EQ(sum, 0);
  EXPECT_EQ(balances["tax_revenue:"], -tax);
  EXPECT_EQ(balances["additional_tax_payable:departement"], -additional);
  EXPECT_EQ(balances["host_receivable:" + host_], tax + additional - 500);
  EXPECT_EQ(balances["treasury:"], 500);
  // Before the payment, the treasury was empty.
  const auto before =
      client().Get("/v1/collectivities/" + collectivity_ + "/ledger/balances?on=2026-08-19");
  const json accounts_before = before.Json().at("accounts");
  for (const auto& account : accounts_before) {
    EXPECT_NE(account.at("account"), "treasury");
  }
}

}  // namespace
}  // namespace nuitee
