// The host space's PDFs (issue 8), through the real server and database: the accusé de réception
// of a declaration, the receipt of a payment and the statement as PDF, each read back with
// pdftotext and checked against the amounts the API itself answers; another host's receipts are
// not found, and a month never submitted has no receipt (404 problem+json).
#include <gtest/gtest.h>

#include "domain/money/payment_reference.hpp"
#include "letters/french_text.hpp"
#include "persistence/payment_repository.hpp"
#include "tests/letters/pdf_text.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using persistence::Transaction;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestServer;
using testing::UnclassifiedStay;

// "1 234,56 €" as pdftotext gives it back: ordinary spaces.
std::string Plain(std::string text) {
  for (std::size_t at; (at = text.find("\u00A0")) != std::string::npos;) text.replace(at, 2, " ");
  for (std::size_t at; (at = text.find("\u202F")) != std::string::npos;) text.replace(at, 3, " ");
  return text;
}

std::string Euros(long long cents) { return Plain(letters::FrenchEuros(Money::Cents(cents))); }

class HostReceipts : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& client = server_.client();
    collectivity_ = testing::CreateCollectivity(client);
    server_.ActAsStaff(collectivity_);
    ASSERT_EQ(
        testing::PutDeliberation(client, collectivity_, 2026, testing::DeliberationBody()).status,
        201);
    host_ = testing::CreateHost(client, collectivity_, "Anne Aubrac");
    rental_ = testing::CreateRental(client, collectivity_, host_, "000101", 4, "2025-03-01");
    other_ = testing::CreateHost(client, collectivity_, "Bernard Brezons");
    other_rental_ = testing::CreateRental(client, collectivity_, other_, "000102", 4, "2025-03-01");
    const json settings = {{"chased_from", "2026-09"},
                           {"second_reminder_after_days", 10},
                           {"formal_notice_after_days", 15},
                           {"letter_sender", "Communauté de communes du Pays de Murat"},
                           {"letter_address", "4 rue de la Mairie\n15300 Murat"},
                           {"letter_signatory", "Le Président, Jean Dupont"},
                           {"letter_contact", "04 71 00 00 00"}};
    auto put =
        client.Request("PUT", "/v1/collectivities/" + collectivity_ + "/enforcement-settings",
                       settings.dump(), {{"Content-Type", "application/json"}});
    ASSERT_EQ(put.status, 200) << put.body;
    host_token_ = server_.SignIn(UserKind::kHost, "anne@aubrac.fr", collectivity_, {}, {host_});
    other_token_ =
        server_.SignIn(UserKind::kHost, "bernard@brezons.fr", collectivity_, {}, {other_});
  }

  // Submits the month as the host; returns the revision's JSON ("current").
  json Declare(const std::string& rental, const std::string& month, std::vector<json> stays) {
    json body = {{"stays", json::array()}};
    for (auto& stay : stays) body["stays"].push_back(std::move(stay));
    auto submitted = server_.client().Request(
        "POST", "/v1/accommodations/" + rental + "/declarations/" + month + "/submit", body.dump(),
        Headers(host_token_));
    EXPECT_EQ(submitted.status, 201) << submitted.body;
    return submitted.Json().at("current");
  }

  std::string Pay(const std::string& host, long long cents, const std::string& received_on) {
    persistence::NewPayment payment;
    payment.collectivity_id = CollectivityId(collectivity_);
    payment.host_id = HostId(host);
    payment.method = PaymentMethod::kBankTransfer;
    payment.amount = Money::Cents(cents);
    payment.received_on = *ParseIsoDate(received_on);
    payment.payer_reference = "VIR TAXE SEJOUR AUBRAC";
    payment.recorded_by = "finances@murat.fr";
    auto recorded = server_.db().database().InTransaction(
        [&](Transaction& tx) { return persistence::PaymentRepository::Record(tx, payment); });
    EXPECT_TRUE(recorded) << recorded.error().message;
    return recorded ? recorded->id : "";
  }

  static std::map<std::string, std::string> Headers(const std::string& token) {
    auto headers = HttpClient::Bearer(token);
    headers["Content-Type"] = "application/json";
    return headers;
  }

  // The PDF's text on one line, after checking it is a PDF.
  std::string PdfOf(const std::string& path, const std::string& token) {
    const HttpResponse answer = server_.client().Get(path, HttpClient::Bearer(token));
    EXPECT_EQ(answer.status, 200) << path << ": " << answer.body;
    EXPECT_EQ(answer.Header("content-type").rfind("application/pdf", 0), 0u) << path;
    EXPECT_EQ(answer.body.rfind("%PDF-", 0), 0u) << path;
    if (answer.status != 200) return "";
    return letters::testing::Flat(letters::testing::PdfText(answer.body));
  }

  void ExpectNotFound(const std::string& path, const std::string& token) {
    const HttpResponse answer = server_.client().Get(path, HttpClient::Bearer(token));
    EXPECT_EQ(answer.status, 404) << path << ": " << answer.body;
    EXPECT_EQ(answer.Header("content-type").rfind("application/problem+json", 0), 0u) << path;
  }

  long long HostNumber() {
    auto statement =
        server_.client().Get("/v1/hosts/" + host_ + "/statement?from=2026-07&to=2026-09",
                             HttpClient::Bearer(host_token_));
    const std::string reference = statement.Json()["account"]["payment_reference"];
    return ParsePaymentReference(reference)->host_number;
  }

  TestServer server_;
  std::string collectivity_, host_, rental_, other_, other_rental_;
  std::string host_token_, other_token_;
};

void ExpectIn(const std::string& text, const std::string& expected) {
  EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in: " << text;
}

TEST_F(HostReceipts, DeclarationReceiptShowsTheLatestRevisionAndItsAmounts) {
  Declare(rental_, "2026-07", {UnclassifiedStay("2026-07-01", 7, 4, 2)});
  // A correction: the receipt is the latest revision's, with its reason.
  auto month = server_.client().Get("/v1/accommodations/" + rental_ + "/declarations/2026-07",
                                    HttpClient::Bearer(host_token_));
  ASSERT_EQ(month.status, 200) << month.body;
  auto headers = Headers(host_token_);
  headers["If-Match"] = month.Header("etag");
  const json correction = {
      {"reason", "Un séjour oublié"},
      {"stays",
       {UnclassifiedStay("2026-07-01", 7, 4, 2), UnclassifiedStay("2026-07-20", 3, 2, 0)}}};
  auto revised = server_.client().Request(
      "POST", "/v1/accommodations/" + rental_ + "/declarations/2026-07/revisions",
      correction.dump(), headers);
  ASSERT_EQ(revised.status, 201) << revised.body;
  const json current = revised.Json().at("current");
  const long long tax = current["tax_cents"];
  const long long total = current["total_cents"];
  ASSERT_GT(total, tax);  // the département's additional tax

  const std::string path = "/v1/accommodations/" + rental_ + "/declarations/2026-07/receipt";
  const std::string text = PdfOf(path, host_token_);
  const std::string reference =
      FormatPaymentReference({HostNumber(), Month{date::year{2026}, date::July}});
  for (const std::string& expected :
       {std::string("Accusé de réception de votre déclaration"),
        std::string("Communauté de communes du Pays de Murat"), std::string("Anne Aubrac"),
        std::string("juillet 2026"), std::string("version n° 2"), std::string("Un séjour oublié"),
        std::string("anne@aubrac.fr"), std::string("non classé"), Euros(tax), Euros(total - tax),
        Euros(total), reference}) {
    ExpectIn(text, Plain(expected));
  }
  // 10 nights; 7 × 4 + 3 × 2 = 34 person-nights; 2 exempt persons, 14 exempt person-nights.
  ExpectIn(text, "Nuits 10");
  ExpectIn(text, "Nuitées-personnes 34");
  ExpectIn(text, "Personnes exonérées 2");
  ExpectIn(text, "Nuitées-personnes exonérées 14");

  // Its manager and the staff read it too; another host does not find it.
  const std::string manager =
      server_.SignIn(UserKind::kManager, "agence@conciergerie.fr", collectivity_, {}, {host_});
  ExpectIn(PdfOf(path, manager), "Accusé de réception");
  ExpectIn(PdfOf(path, server_.StaffToken(collectivity_)), "Accusé de réception");
  ExpectNotFound(path, other_token_);
}

TEST_F(HostReceipts, NilReturnHasAReceiptAndAMonthNeverSubmittedHasNone) {
  auto nil = server_.client().Request("POST",
                                      "/v1/accommodations/" + rental_ + "/declarations/2026-08/nil",
                                      "{}", Headers(host_token_));
  ASSERT_EQ(nil.status, 201) << nil.body;
  const std::string text =
      PdfOf("/v1/accommodations/" + rental_ + "/declarations/2026-08/receipt", host_token_);
  ExpectIn(text, "Déclaration « néant »");
  ExpectIn(text, "août 2026");

  ExpectNotFound("/v1/accommodations/" + rental_ + "/declarations/2026-09/receipt", host_token_);
  // A draft is not a submission.
  auto draft = server_.client().Request(
      "PUT", "/v1/accommodations/" + rental_ + "/declarations/2026-10",
      json{{"stays", {UnclassifiedStay("2026-10-02", 2, 2, 0)}}}.dump(), Headers(host_token_));
  ASSERT_EQ(draft.status, 200) << draft.body;
  ExpectNotFound("/v1/accommodations/" + rental_ + "/declarations/2026-10/receipt", host_token_);
}

TEST_F(HostReceipts, PaymentReceiptShowsWhatItPaidAndTheBalanceAfter) {
  const json july = Declare(rental_, "2026-07", {UnclassifiedStay("2026-07-01", 7, 4, 2)});
  const json august = Declare(rental_, "2026-08", {UnclassifiedStay("2026-08-03", 5, 2, 0)});
  const long long july_total = july["total_cents"];
  const long long august_total = august["total_cents"];
  // July whole and 1 € of August; then August is owed less that euro.
  const long long paid = july_total + 100;
  const std::string payment = Pay(host_, paid, "2026-11-02");

  const std::string path = "/v1/hosts/" + host_ + "/payments/" + payment + "/receipt";
  const std::string text = PdfOf(path, host_token_);
  for (const std::string& expected :
       {std::string("Reçu de votre paiement de taxe de séjour"), std::string("Anne Aubrac"),
        std::string("2 novembre 2026"), std::string("virement"),
        std::string("VIR TAXE SEJOUR AUBRAC"), std::string("juillet 2026"),
        std::string("août 2026"), Euros(paid), Euros(july_total), Euros(100),
        Euros(august_total - 100), FormatPaymentReference({HostNumber(), std::nullopt})}) {
    ExpectIn(text, Plain(expected));
  }
  ExpectIn(text, Plain(Euros(august_total - 100) + " restant à payer"));

  // Another host's payment is not found, by its host or through the other host's path.
  ExpectNotFound(path, other_token_);
  ExpectNotFound("/v1/hosts/" + other_ + "/payments/" + payment + "/receipt", other_token_);
  ExpectNotFound("/v1/hosts/" + host_ + "/payments/00000000-0000-4000-8000-000000000000/receipt",
                 host_token_);
}

TEST_F(HostReceipts, StatementAsPdfSaysWhatTheJsonSays) {
  const json july = Declare(rental_, "2026-07", {UnclassifiedStay("2026-07-01", 7, 4, 2)});
  const long long july_total = july["total_cents"];
  Pay(host_, 1500, "2026-11-02");

  const std::string base = "/v1/hosts/" + host_ + "/statement?from=2026-07&to=2026-11";
  auto answer = server_.client().Get(base, HttpClient::Bearer(host_token_));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json statement = answer.Json();
  const json totals = statement["totals"];
  EXPECT_EQ(totals["owed_cents"], july_total);

  const std::string text = PdfOf(base + "&format=pdf", host_token_);
  for (const std::string& expected :
       {std::string("Relevé de votre compte de taxe de séjour"), std::string("Anne Aubrac"),
        std::string("juillet 2026 à novembre 2026"), std::string("07/2026"), Euros(july_total),
        Euros(totals["paid_cents"]), Euros(totals["outstanding_cents"]), Euros(1500),
        statement["account"]["payment_reference"].get<std::string>(),
        statement["months"][0]["payment_reference"].get<std::string>(),
        std::string("2 novembre 2026")}) {
    ExpectIn(text, Plain(expected));
  }
  // Accept: application/pdf says the same; another host does not find it.
  auto accepted = server_.client().Get(
      base, {{"Authorization", "Bearer " + host_token_}, {"Accept", "application/pdf"}});
  EXPECT_EQ(accepted.status, 200);
  EXPECT_EQ(accepted.body.rfind("%PDF-", 0), 0u);
  ExpectNotFound(base + "&format=pdf", other_token_);
  auto bad = server_.client().Get(base + "&format=csv", HttpClient::Bearer(host_token_));
  EXPECT_EQ(bad.status, 400) << bad.body;
}

}  // namespace
}  // namespace nuitee
