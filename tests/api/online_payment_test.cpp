// Online payment over HTTP on a real server and database: the host starts a payment, the provider
// (the local simulator, or PayFiP played by a fake SOAP server) says what happened, and the server
// books one payment only when the provider itself confirms it. "Today" is 2026-11-23.
#include <gtest/gtest.h>

#include "payments/payfip_adapter.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/fake_payfip.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestDatabase;
using testing::TestServer;

json ExampleAStay() {  // July 2026: 19,25 € owed
  return {{"arrival", "2026-07-01"},
          {"nights", 7},
          {"occupants", 4},
          {"exempt", {{"minors", 2}}},
          {"price_per_night_cents", 10000}};
}

const std::map<std::string, std::string> kForm = {
    {"Content-Type", "application/x-www-form-urlencoded"}};

class OnlinePayment : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& http = server_.client();
    collectivity_ = testing::CreateCollectivity(http);
    ASSERT_EQ(testing::PutDeliberation(http, collectivity_, 2026, testing::DeliberationBody())
                  .status,
              201);
    server_.ActAsStaff(collectivity_);
    host_ = testing::CreateHost(http, collectivity_, "Jeanne Vidal");
    const std::string rental = testing::CreateRental(http, collectivity_, host_, "000301");
    const std::string month = "/v1/accommodations/" + rental + "/declarations/2026-07";
    ASSERT_EQ(http.Request("PUT", month, json{{"stays", {ExampleAStay()}}}.dump(),
                           {{"Content-Type", "application/json"}})
                  .status,
              200);
    ASSERT_EQ(http.Request("POST", month + "/submit").status, 201);
    host_token_ =
        server_.SignIn(UserKind::kHost, "jeanne@vidal.fr", collectivity_, {}, {host_});
  }

  HttpResponse Start(const json& body = json::object()) {
    return server_.client().Request("POST", "/v1/hosts/" + host_ + "/payments", body.dump(),
                                    {{"Content-Type", "application/json"},
                                     {"Authorization", "Bearer " + host_token_}});
  }
  HttpResponse Notify(const std::string& idop) {
    return server_.client().Request("POST", "/v1/payments/notifications/payfip", "idop=" + idop,
                                    kForm);
  }
  HttpResponse Simulate(const std::string& idop, const std::string& decision) {
    return server_.client().Request("POST", "/v1/payments/simulator/" + idop,
                                    "decision=" + decision, kForm);
  }
  json Listed() {
    return server_.client()
        .Get("/v1/hosts/" + host_ + "/online-payments", HttpClient::Bearer(host_token_))
        .Json();
  }
  long long OnlinePayments() {
    return server_.db().CountRows(
        "SELECT count(*) FROM payments WHERE origin = 'online' AND method = 'online'");
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string host_token_;
};

TEST_F(OnlinePayment, TheSimulatorPaysOnceAndTheBalanceDrops) {
  const auto started = Start();
  ASSERT_EQ(started.status, 201) << started.body;
  const json payment = started.Json();
  EXPECT_EQ(payment.at("provider"), "simulateur");
  EXPECT_EQ(payment.at("amount_cents"), 1925);  // what the host owes
  EXPECT_EQ(payment.at("status"), "started");
  const std::string idop = payment.at("idop");
  EXPECT_NE(payment.at("payer_url").get<std::string>().find("/v1/payments/simulator/" + idop),
            std::string::npos);

  const auto page = server_.client().Get("/v1/payments/simulator/" + idop);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Simulateur de paiement — aucun argent réel"), std::string::npos);

  // A notification before the payer decided: the provider says nothing yet, nothing is booked.
  ASSERT_EQ(Notify(idop).status, 200);
  EXPECT_EQ(OnlinePayments(), 0);

  ASSERT_EQ(Simulate(idop, "pay").status, 200);
  EXPECT_EQ(OnlinePayments(), 1);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM payments WHERE source_key = 'simulateur:" +
                                   idop + "' AND amount_cents = 1925"),
            1);
  json listed = Listed();
  EXPECT_EQ(listed.at("balance_cents"), 0);
  EXPECT_EQ(listed.at("items").at(0).at("status"), "paid");
  EXPECT_EQ(listed.at("items").at(0).at("result_code"), "P");

  // The same notification again, twice: still one payment.
  for (int i = 0; i < 2; ++i) {
    const auto again = Notify(idop);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.Json().at("status"), "paid");
  }
  EXPECT_EQ(OnlinePayments(), 1);
  EXPECT_EQ(Simulate(idop, "pay").status, 409);
  EXPECT_EQ(OnlinePayments(), 1);
}

TEST_F(OnlinePayment, ARefusedPaymentBooksNothing) {
  const auto started = Start({{"amount_cents", 500}});
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string idop = started.Json().at("idop");
  ASSERT_EQ(Simulate(idop, "refuse").status, 200);
  EXPECT_EQ(Notify(idop).Json().at("status"), "refused");
  EXPECT_EQ(OnlinePayments(), 0);
  EXPECT_EQ(Listed().at("balance_cents"), 1925);
}

TEST_F(OnlinePayment, AnUnknownOperationBooksNothing) {
  EXPECT_EQ(Notify("INCONNU123").status, 404);
  EXPECT_EQ(server_.client().Request("POST", "/v1/payments/notifications/payfip", "x=1", kForm).status,
            400);
  EXPECT_EQ(OnlinePayments(), 0);
}

TEST_F(OnlinePayment, NothingOwedNeedsAnAmount) {
  const auto started = Start({{"months", {"2026-08"}}});
  EXPECT_EQ(started.status, 422) << started.body;
  const auto july = Start({{"months", {"2026-07"}}});
  ASSERT_EQ(july.status, 201) << july.body;
  EXPECT_EQ(july.Json().at("amount_cents"), 1925);
  EXPECT_EQ(july.Json().at("months"), json({"2026-07"}));
}

class OnlinePaymentThroughPayfip : public OnlinePayment {
 protected:
  void SetUp() override {
    OnlinePayment::SetUp();
    payments::PayfipSettings settings;
    settings.soap_url = payfip_.url();
    settings.numcli = "012345";
    settings.saisie = "T";
    settings.payer_page = "https://payfip.test/tpa/paiementws.web";
    server_.payment_providers()->Add(std::make_shared<payments::PayfipAdapter>(settings), true);
  }
  testing::FakePayfip payfip_;
};

TEST_F(OnlinePaymentThroughPayfip, BooksOnlyWhatPayfipSaysIsPaid) {
  const auto started = Start();
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string idop = started.Json().at("idop");
  EXPECT_EQ(started.Json().at("provider"), "payfip");
  EXPECT_EQ(idop, payfip_.last_idop());
  EXPECT_EQ(started.Json().at("payer_url"), "https://payfip.test/tpa/paiementws.web?idop=" + idop);

  // The creation envelope, as PayFiP's guide describes it.
  ASSERT_EQ(payfip_.requests().size(), 1u);
  const std::string created = payfip_.requests().at(0);
  const std::string reference = started.Json().at("refdet");
  for (const std::string& expected :
       {std::string("<pai:creerPaiementSecurise><arg0>"), std::string("<exer>2026</exer>"),
        std::string("<mel>jeanne@vidal.fr</mel>"), std::string("<montant>1925</montant>"),
        std::string("<numcli>012345</numcli>"), "<refdet>" + reference + "</refdet>",
        std::string("<saisie>T</saisie>"),
        std::string("/v1/payments/notifications/payfip</urlnotif>")}) {
    EXPECT_NE(created.find(expected), std::string::npos) << expected << " in " << created;
  }

  // Not yet paid; then refused codes are not booked either…
  EXPECT_EQ(Notify(idop).Json().at("status"), "started");
  EXPECT_NE(payfip_.requests().back().find("<idOp>" + idop + "</idOp>"), std::string::npos);
  EXPECT_EQ(OnlinePayments(), 0);

  // …P is, once.
  payfip_.SetResult(idop, "P");
  const auto paid = Notify(idop);
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(paid.Json().at("status"), "paid");
  EXPECT_EQ(Notify(idop).Json().at("status"), "paid");
  EXPECT_EQ(OnlinePayments(), 1);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM payments WHERE source_key = 'payfip:" +
                                   idop + "' AND received_on = '2026-11-20'"),
            1);
  EXPECT_EQ(Listed().at("balance_cents"), 0);
}

TEST_F(OnlinePaymentThroughPayfip, RefusedAbandonedAndMismatchedOperationsAreNotBooked) {
  const std::string refused = Start({{"amount_cents", 100}}).Json().at("idop");
  payfip_.SetResult(refused, "R");
  EXPECT_EQ(Notify(refused).Json().at("status"), "refused");
  const std::string abandoned = Start({{"amount_cents", 200}}).Json().at("idop");
  payfip_.SetResult(abandoned, "A");
  EXPECT_EQ(Notify(abandoned).Json().at("status"), "abandoned");
  // PayFiP says paid, but not the amount asked: nothing is booked, finance looks into it.
  const std::string other = Start({{"amount_cents", 300}}).Json().at("idop");
  payfip_.SetResult(other, "P");
  payfip_.SetAmount(other, 30000);
  EXPECT_EQ(Notify(other).status, 409);
  EXPECT_EQ(OnlinePayments(), 0);
  EXPECT_EQ(Listed().at("balance_cents"), 1925);
}

}  // namespace
}  // namespace nuitee
