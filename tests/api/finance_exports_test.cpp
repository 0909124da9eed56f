// What finance exports (issue 7), end to end through HTTP on a real server and database:
// declarations submitted over HTTP (booked by the database), payments seeded with
// PaymentRepository::Record, then the accounting export against the ledger's balances, the état de
// reversement against sums computed here (and its PDF read back with pdftotext), the titres de
// recettes to issue, and late-payment interest with its ledger entry.
#include <gtest/gtest.h>

#include <map>

#include "domain/money/payment_reference.hpp"
#include "letters/french_text.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/office_assessment_repository.hpp"
#include "persistence/payment_repository.hpp"
#include "tests/letters/pdf_text.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using persistence::Transaction;
using testing::HttpResponse;
using testing::TestServer;
using testing::UnclassifiedStay;

class FinanceExports : public ::testing::Test {
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
    PutLetterhead();
  }

  void PutLetterhead() {
    const json settings = {{"chased_from", "2026-09"},
                           {"second_reminder_after_days", 10},
                           {"formal_notice_after_days", 15},
                           {"letter_sender", "Communauté de communes du Pays de Murat"},
                           {"letter_address", "4 rue de la Mairie\n15300 Murat"},
                           {"letter_signatory", "Le Président, Jean Dupont"},
                           {"letter_contact", "04 71 00 00 00"}};
    auto put = server_.client().Request("PUT", Collectivity("/enforcement-settings"),
                                        settings.dump(), {{"Content-Type", "application/json"}});
    ASSERT_EQ(put.status, 200) << put.body;
  }

  std::string Collectivity(const std::string& rest) const {
    return "/v1/collectivities/" + collectivity_ + rest;
  }

  // Submits the month over HTTP; returns the revision's JSON ("current").
  json Declare(const std::string& rental, const std::string& month, std::vector<json> stays) {
    json body = json::object();
    body["stays"] = json::array();
    for (auto& stay : stays) body["stays"].push_back(std::move(stay));
    auto submitted = server_.client().PostJson(
        "/v1/accommodations/" + rental + "/declarations/" + month + "/submit", body);
    EXPECT_EQ(submitted.status, 201) << submitted.body;
    return submitted.Json().at("current");
  }

  void Pay(const std::string& host, long long cents, const std::string& received_on,
           std::optional<Month> target = std::nullopt) {
    persistence::NewPayment payment;
    payment.collectivity_id = CollectivityId(collectivity_);
    payment.host_id = HostId(host);
    payment.method = PaymentMethod::kBankTransfer;
    payment.amount = Money::Cents(cents);
    payment.received_on = *ParseIsoDate(received_on);
    payment.target_month = target;
    payment.recorded_by = "finances@murat.fr";
    auto recorded = server_.db().database().InTransaction(
        [&](Transaction& tx) { return persistence::PaymentRepository::Record(tx, payment); });
    ASSERT_TRUE(recorded) << recorded.error().message;
  }

  // September 2026 of `rental` issued as a taxation d'office of 528 € (480 € + 10 %), notified on
  // 20 November 2026, recoverable from 20 December.
  void IssueSeptember(const std::string& host, const std::string& rental) {
    server_.db().Execute(
        "INSERT INTO enforcement_steps (collectivity_id, host_id, accommodation_id, month, kind, "
        "due_on, taken_on, created_by, delivered_on, delivery_recorded_by, delivery_recorded_at) "
        "VALUES ('" +
        collectivity_ + "', '" + host + "', '" + rental +
        "', '2026-09-01', 'formal_notice', '2026-10-02', '2026-10-02', 'worker', '2026-10-10', "
        "'referente', now())");
    persistence::OfficeAssessmentRevision proposal;
    proposal.collectivity_id = CollectivityId(collectivity_);
    proposal.host_id = HostId(host);
    proposal.accommodation_id = rental;
    proposal.month = Month{date::year{2026}, date::September};
    proposal.capacity_persons = 4;
    proposal.nights = 30;
    proposal.tax = Money::Cents(48000);
    proposal.additional_taxes_json =
        R"([{"beneficiary": "departement", "label": "Taxe additionnelle départementale",)"
        R"( "rate_bp": 1000, "amount_cents": 4800}])";
    proposal.additional = Money::Cents(4800);
    proposal.total = Money::Cents(52800);
    proposal.computed_total = proposal.total;
    proposal.explanation_json = R"(["Taxation d'office (CGCT L. 2333-38)."])";
    proposal.deliberation_version = 1;
    proposal.recorded_by = "worker";
    auto stored = server_.db().database().InTransaction(
        [&](Transaction& tx) -> Result<persistence::OfficeAssessmentRevision> {
          return persistence::OfficeAssessmentRepository::Append(tx, proposal);
        });
    ASSERT_TRUE(stored) << stored.error().message;
    auto issued = server_.client().PostJson(
        "/v1/accommodations/" + rental + "/office-assessments/2026-09/issue",
        {{"notified_on", "2026-11-20"}});
    ASSERT_EQ(issued.status, 201) << issued.body;
  }

  std::vector<persistence::AccountBalance> Balances() {
    auto balances = server_.db().database().InTransaction(
        [&](Transaction& tx) -> Result<std::vector<persistence::AccountBalance>> {
          return persistence::LedgerRepository::Balances(tx, CollectivityId(collectivity_),
                                                         std::nullopt);
        });
    EXPECT_TRUE(balances);
    return *balances;
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string rental_;
};

TEST_F(FinanceExports, AccountingExportBalancesAndMatchesTheLedgerBalances) {
  Declare(rental_, "2026-07", {UnclassifiedStay("2026-07-01", 7, 4, 2)});
  Declare(rental_, "2026-08",
          {UnclassifiedStay("2026-08-03", 5, 2, 0), UnclassifiedStay("2026-08-20", 3, 3, 1)});
  Pay(host_, 1500, "2026-11-10");
  IssueSeptember(host_, rental_);

  auto exported =
      server_.client().Get(Collectivity("/exports/accounting?from=2026-01-01&to=2026-12-31"));
  ASSERT_EQ(exported.status, 200) << exported.body;
  const json body = exported.Json();
  EXPECT_EQ(body["nomenclature"], "M57");
  long long debits = 0, credits = 0;
  std::map<std::pair<std::string, std::string>, long long> per_account;
  for (const auto& line : body["lines"]) {
    const long long debit = line["debit_cents"], credit = line["credit_cents"];
    EXPECT_TRUE((debit > 0) != (credit > 0)) << line.dump();
    debits += debit;
    credits += credit;
    per_account[{line["account"], line["party"]}] += debit - credit;
  }
  EXPECT_GT(body["lines"].size(), 6u);
  EXPECT_EQ(debits, credits);
  EXPECT_EQ(body["totals"]["debit_cents"], debits);
  EXPECT_EQ(body["totals"]["credit_cents"], credits);
  EXPECT_TRUE(body["totals"]["balanced"]);
  // Everything happened in 2026: the export's net per account is the ledger's balance.
  std::map<std::pair<std::string, std::string>, long long> ledger;
  for (const auto& balance : Balances()) {
    ledger[{std::string(LedgerAccountCode(balance.account)), balance.party}] =
        balance.balance.cents();
  }
  EXPECT_EQ(per_account, ledger);

  // The line of the payment names the host and credits its account (4111).
  bool payment_seen = false;
  for (const auto& line : body["lines"]) {
    if (line["kind"] != "payment" || line["account"] != "host_receivable") continue;
    payment_seen = true;
    EXPECT_EQ(line["account_number"], "4111");
    EXPECT_EQ(line["credit_cents"], 1500);
    EXPECT_EQ(line["host"]["id"], host_);
    EXPECT_EQ(line["host"]["name"], "Anne Aubrac");
  }
  EXPECT_TRUE(payment_seen);

  // M14, with the collectivity's own account for the département's add-on.
  auto put = server_.client().Request(
      "PUT", Collectivity("/accounting-settings"),
      json({{"nomenclature", "M14"},
            {"account_numbers", {{"additional_tax_payable", {{"number", "4671"}}}}}})
          .dump(),
      {{"Content-Type", "application/json"}});
  ASSERT_EQ(put.status, 200) << put.body;
  auto bad = server_.client().Request(
      "PUT", Collectivity("/accounting-settings"),
      json({{"nomenclature", "M15"}, {"account_numbers", {{"treasury", {{"number", "5x"}}}}}})
          .dump(),
      {{"Content-Type", "application/json"}, {"If-Match", put.Header("etag")}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("/nomenclature"), std::string::npos);
  EXPECT_NE(bad.body.find("/account_numbers/treasury/number"), std::string::npos);

  auto csv = server_.client().Get(
      Collectivity("/exports/accounting?from=2026-01-01&to=2026-12-31&format=csv"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_EQ(csv.body.rfind("Date;N° d'écriture;Compte;Libellé du compte;Chapitre;Débit (€);"
                           "Crédit (€);Référence;Hébergeur;Identifiant de l'hébergeur;"
                           "Hébergement;Période;Libellé\n",
                           0),
            0u)
      << csv.body;
  EXPECT_NE(csv.body.find(";7362;Taxe de séjour;73;"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(";4671;Taxes additionnelles à reverser – "), std::string::npos)
      << csv.body;
  const std::string total = ";;;Total;;" + std::to_string(debits / 100) + "," +
                            (debits % 100 < 10 ? "0" : "") + std::to_string(debits % 100);
  EXPECT_NE(csv.body.find(total), std::string::npos) << csv.body;

  auto missing = server_.client().Get(Collectivity("/exports/accounting?from=2026-01-01"));
  ASSERT_EQ(missing.status, 400) << missing.body;
  EXPECT_NE(missing.body.find("/query/to"), std::string::npos);
}

TEST_F(FinanceExports, ReversementStatementAddsUpWhatWasDeclaredPaidAndOwed) {
  const json july = Declare(rental_, "2026-07", {UnclassifiedStay("2026-07-01", 7, 4, 2)});
  const json august =
      Declare(rental_, "2026-08",
              {UnclassifiedStay("2026-08-03", 5, 2, 0), UnclassifiedStay("2026-08-20", 3, 3, 1)});
  const long long declared =
      july["total_cents"].get<long long>() + august["total_cents"].get<long long>();
  const long long tax = july["tax_cents"].get<long long>() + august["tax_cents"].get<long long>();
  const long long additional =
      july["additional_cents"].get<long long>() + august["additional_cents"].get<long long>();
  ASSERT_EQ(declared, tax + additional);
  const long long paid = july["total_cents"].get<long long>() + 100;  // July, and 1 € of August
  Pay(host_, paid, "2026-11-02");

  auto answer =
      server_.client().Get("/v1/hosts/" + host_ + "/reversement-statement?from=2026-07&to=2026-09");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json statement = answer.Json();
  const json totals = statement["totals"];
  EXPECT_EQ(totals["nights"], 7 + 5 + 3);
  EXPECT_EQ(totals["person_nights"], 7 * 4 + 5 * 2 + 3 * 3);
  EXPECT_EQ(totals["exempt_person_nights"], 7 * 2 + 3 * 1);
  EXPECT_EQ(totals["tax_cents"], tax);
  ASSERT_EQ(totals["additional_taxes"].size(), 1u);
  EXPECT_EQ(totals["additional_taxes"][0]["beneficiary"], "departement");
  EXPECT_EQ(totals["additional_taxes"][0]["amount_cents"], additional);
  EXPECT_EQ(totals["total_cents"], declared);
  EXPECT_EQ(totals["paid_cents"], paid);
  EXPECT_EQ(totals["outstanding_cents"], declared - paid);
  EXPECT_EQ(statement["balance_cents"], declared - paid);
  ASSERT_EQ(statement["lines"].size(), 2u);
  EXPECT_EQ(statement["lines"][0]["month"], "2026-07");
  EXPECT_EQ(statement["lines"][0]["outstanding_cents"], 0);
  EXPECT_EQ(statement["lines"][1]["paid_cents"], 100);
  ASSERT_EQ(statement["payments"].size(), 1u);
  EXPECT_EQ(statement["payments"][0]["allocated_cents"], paid);
  const long long number = statement["host"]["number"];
  const std::string reference = FormatPaymentReference({number, std::nullopt});
  EXPECT_EQ(statement["payment_reference"], reference);

  // The host reads its own; another host's is not found.
  const std::string token =
      server_.SignIn(UserKind::kHost, "anne@aubrac.fr", collectivity_, {}, {host_});
  auto own = server_.client().Get(
      "/v1/hosts/" + host_ + "/reversement-statement?from=2026-07&to=2026-09&format=pdf",
      testing::HttpClient::Bearer(token));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.Header("content-type").rfind("application/pdf", 0), 0u);
  const std::string text = letters::testing::Flat(letters::testing::PdfText(own.body));
  for (const std::string& expected :
       {std::string("État de reversement de la taxe de séjour"), std::string("Anne Aubrac"),
        std::string("Communauté de communes du Pays de Murat"), reference,
        letters::FrenchEuros(Money::Cents(declared)), letters::FrenchEuros(Money::Cents(paid)),
        letters::FrenchEuros(Money::Cents(declared - paid)),
        letters::FrenchEuros(Money::Cents(tax))}) {
    std::string plain = expected;
    for (std::size_t at; (at = plain.find("\u00A0")) != std::string::npos;)
      plain.replace(at, 2, " ");
    for (std::size_t at; (at = plain.find("\u202F")) != std::string::npos;)
      plain.replace(at, 3, " ");
    EXPECT_NE(text.find(plain), std::string::npos) << plain << " not in: " << text;
  }

  auto csv =
      server_.client().Get("/v1/hosts/" + host_ + "/reversement-statement?from=2026-07&to=2026-09",
                           {{"Accept", "text/csv"}});
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("Taxe additionnelle départementale (€)"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("07/2026;"), std::string::npos) << csv.body;
}

TEST_F(FinanceExports, TitresListAnIssuedUnpaidAssessmentAndNotAPaidOne) {
  const std::string other = testing::CreateHost(server_.client(), collectivity_, "Bernard Brezons");
  const std::string other_rental =
      testing::CreateRental(server_.client(), collectivity_, other, "000102", 4, "2025-03-01");
  IssueSeptember(host_, rental_);
  IssueSeptember(other, other_rental);
  Pay(other, 52800, "2026-11-22", Month{date::year{2026}, date::September});

  // Not yet recoverable on 23 November: the avis gives 30 days.
  auto early = server_.client().Get(Collectivity("/exports/titres"));
  ASSERT_EQ(early.status, 200) << early.body;
  EXPECT_EQ(early.Json()["items"].size(), 0u) << early.body;

  auto titres = server_.client().Get(Collectivity("/exports/titres?as_of=2026-12-31"));
  ASSERT_EQ(titres.status, 200) << titres.body;
  const json items = titres.Json()["items"];
  ASSERT_EQ(items.size(), 1u) << titres.body;
  EXPECT_EQ(items[0]["debtor"]["host_id"], host_);
  EXPECT_EQ(items[0]["debtor"]["legal_name"], "Anne Aubrac");
  EXPECT_FALSE(items[0]["debtor"]["address"]["line"].get<std::string>().empty());
  EXPECT_EQ(items[0]["kind"], "assessment");
  EXPECT_EQ(items[0]["month"], "2026-09");
  EXPECT_EQ(items[0]["amount_cents"], 52800);
  EXPECT_EQ(items[0]["exigible_on"], "2026-12-20");
  EXPECT_NE(items[0]["legal_basis"].get<std::string>().find("L. 2333-38"), std::string::npos);
  EXPECT_EQ(titres.Json()["totals"]["amount_cents"], 52800);

  auto csv = server_.client().Get(Collectivity("/exports/titres?as_of=2026-12-31&format=csv"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("Anne Aubrac"), std::string::npos);
  EXPECT_EQ(csv.body.find("Bernard Brezons"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(";528,00;"), std::string::npos) << csv.body;
}

TEST_F(FinanceExports, LateInterestIsChargedOnWhatWasLateAndBookedOnTheMonth) {
  const json july = Declare(rental_, "2026-07", {UnclassifiedStay("2026-07-01", 7, 4, 2)});
  const long long base = july["total_cents"];
  const std::string path = "/v1/hosts/" + host_ + "/late-interest";

  auto refused = server_.client().PostJson(path, {{"month", "2026-07"}, {"paid_on", "2026-08-10"}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("/paid_on"), std::string::npos);

  // Due on Monday 17 August 2026 (15 August is a Saturday and a public holiday); paid on
  // 20 November: four months started.
  auto charged = server_.client().PostJson(path, {{"month", "2026-07"}, {"paid_on", "2026-11-20"}});
  ASSERT_EQ(charged.status, 201) << charged.body;
  ASSERT_EQ(charged.Json()["items"].size(), 1u);
  const json charge = charged.Json()["items"][0];
  const long long expected = (base * 20 * 4 + 5000) / 10000;  // 0,20 % × 4, half up
  EXPECT_EQ(charge["due_on"], "2026-08-17");
  EXPECT_EQ(charge["months_started"], 4);
  EXPECT_EQ(charge["base_cents"], base);
  EXPECT_EQ(charge["interest_cents"], expected);
  EXPECT_EQ(charge["accommodation_id"], rental_);

  // Its ledger entry: the host owes the interest for July, the revenue is credited.
  const std::string entry = charge["entry_id"];
  EXPECT_EQ(server_.db().CountRows(
                "SELECT count(*) FROM ledger_entries WHERE id = '" + entry +
                "' AND kind = 'late_interest' AND period = '2026-07-01' AND accommodation_id = '" +
                rental_ + "' AND host_id = '" + host_ + "'"),
            1);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM ledger_postings WHERE entry_id = '" +
                                   entry + "' AND account = 'host_receivable' AND party = '" +
                                   host_ + "' AND amount_cents = " + std::to_string(expected)),
            1);
  EXPECT_EQ(
      server_.db().CountRows("SELECT count(*) FROM ledger_postings WHERE entry_id = '" + entry +
                             "' AND account = 'late_interest_revenue' AND amount_cents = " +
                             std::to_string(-expected)),
      1);

  auto twice = server_.client().PostJson(path, {{"month", "2026-07"}, {"paid_on", "2026-11-20"}});
  EXPECT_EQ(twice.status, 409) << twice.body;

  // The interest is a debt of July: the titres list it, and the host's statement.
  auto titres = server_.client().Get(Collectivity("/exports/titres"));
  ASSERT_EQ(titres.status, 200);
  bool interest_listed = false;
  const json listed_titres = titres.Json();  // outlives the loop
  for (const auto& item : listed_titres["items"]) {
    if (item["kind"] == "late_interest") {
      interest_listed = true;
      EXPECT_EQ(item["amount_cents"], expected);
    }
  }
  EXPECT_TRUE(interest_listed) << titres.body;

  // A mistaken charge is cancelled by a reversing entry, with a reason; then charged again.
  const std::string cancel = path + "/" + charge["id"].get<std::string>() + "/cancel";
  EXPECT_EQ(server_.client().PostJson(cancel, json::object()).status, 400);
  auto cancelled =
      server_.client().PostJson(cancel, {{"reason", "Paiement reçu le 12 août, mal saisi."}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_TRUE(cancelled.Json()["cancelled"]);
  EXPECT_EQ(server_.client().PostJson(cancel, {{"reason", "Encore."}}).status, 409);
  EXPECT_EQ(server_.db().CountRows("SELECT coalesce(sum(amount_cents), 0) FROM ledger_postings "
                                   "WHERE kind = 'late_interest' AND account = 'host_receivable'"),
            0);
  auto again =
      server_.client().PostJson(path, {{"month", "2026-07"}, {"accommodation_id", rental_}});
  ASSERT_EQ(again.status, 201) << again.body;
  auto listed = server_.client().Get(path);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.Json()["items"].size(), 2u);
  // Append-only: the server's role can neither change nor delete a charge or a cancellation.
  const std::string server_role = server_.db().ServerRoleUrl();
  EXPECT_EQ(testing::TestDatabase::SqlStateOf(
                server_role, "UPDATE late_interest_charges SET interest_cents = 1"),
            "42501");
  EXPECT_EQ(
      testing::TestDatabase::SqlStateOf(server_role, "DELETE FROM late_interest_cancellations"),
      "42501");
}

TEST_F(FinanceExports, PeriodSummaryAndAnnexAddUpTheMonth) {
  const json july = Declare(rental_, "2026-07", {UnclassifiedStay("2026-07-01", 7, 4, 2)});
  Pay(host_, 1000, "2026-11-05");
  auto summary =
      server_.client().Get(Collectivity("/exports/period-summary?from=2026-10&to=2026-11"));
  ASSERT_EQ(summary.status, 200) << summary.body;
  const json body = summary.Json();
  ASSERT_EQ(body["months"].size(), 2u);
  const json november = body["months"][1];
  EXPECT_EQ(november["month"], "2026-11");
  EXPECT_EQ(november["declared_cents"], july["total_cents"]);  // submitted on 23 November
  EXPECT_EQ(november["collected_cents"], 1000);
  EXPECT_EQ(november["outstanding_at_end_cents"], july["total_cents"].get<long long>() - 1000);
  long long treasury = 0;
  for (const auto& balance : body["balances"]) {
    if (balance["account"] == "treasury") treasury = balance["balance_cents"];
  }
  EXPECT_EQ(treasury, 1000);
  auto pdf = server_.client().Get(
      Collectivity("/exports/period-summary?from=2026-10&to=2026-11&format=pdf"));
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  const std::string text = letters::testing::Flat(letters::testing::PdfText(pdf.body));
  EXPECT_NE(text.find("comptable public"), std::string::npos) << text;
  EXPECT_NE(text.find("10,00 €"), std::string::npos) << text;

  auto annex = server_.client().Get(Collectivity("/exports/annual-annex?year=2026&format=pdf"));
  ASSERT_EQ(annex.status, 200) << annex.body;
  const std::string annex_text = letters::testing::Flat(letters::testing::PdfText(annex.body));
  EXPECT_NE(annex_text.find("Exercice 2026"), std::string::npos) << annex_text;
  auto annex_json = server_.client().Get(Collectivity("/exports/annual-annex?year=2026"));
  ASSERT_EQ(annex_json.status, 200) << annex_json.body;
  EXPECT_EQ(annex_json.Json()["receipts"]["tax_revenue_cents"], july["tax_cents"]);
  EXPECT_EQ(server_.client().Get(Collectivity("/exports/annual-annex?year=26")).status, 400);
}

}  // namespace
}  // namespace nuitee
