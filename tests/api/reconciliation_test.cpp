// The budget and the reconciliation report end to end through HTTP on a real database: finance
// enters the budget (then a décision modificative), hosts declare, a taxation d'office is issued,
// payments are recorded (PaymentRepository::Record: POST …/payments is not on this branch), finance
// passes the département's add-on on and pays the tourist office; the report is then checked, in
// every grouping and as CSV and PDF, against sums this test computes from what it seeded.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>

#include "persistence/payment_repository.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestServer;

// The text of a PDF as pdftotext (poppler-utils) extracts it, spaces made ordinary.
std::string PdfText(const std::string& pdf) {
  const std::string path = ::testing::TempDir() + "rapprochement.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  std::string text;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("pdftotext " + path + " -").c_str(), "r"),
                                             pclose);
  if (!pipe) return text;
  std::array<char, 4096> buffer;
  while (std::size_t read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) {
    text.append(buffer.data(), read);
  }
  // No-break and narrow no-break spaces (UTF-8) made ordinary.
  for (const std::string space : {"\xC2\xA0", "\xE2\x80\xAF"}) {
    for (std::size_t at; (at = text.find(space)) != std::string::npos;) text.replace(at, space.size(), " ");
  }
  for (std::size_t at; (at = text.find('\n')) != std::string::npos;) text[at] = ' ';
  return text;
}

// `paid` split between a debt's tax and its add-on, pro rata, to the cent: each rounded down,
// the cent left to the larger remainder (the tax on a tie).
struct Split {
  long long tax = 0;
  long long additional = 0;
};
Split SplitPaid(long long paid, long long tax, long long additional) {
  const long long total = tax + additional;
  Split split{paid * tax / total, paid * additional / total};
  if (split.tax + split.additional < paid) {
    if ((paid * additional) % total > (paid * tax) % total) {
      ++split.additional;
    } else {
      ++split.tax;
    }
  }
  return split;
}

struct Owed {
  long long tax = 0;
  long long additional = 0;
  long long total() const { return tax + additional; }
};

class BudgetAndReconciliation : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(client());
    ASSERT_EQ(testing::PutDeliberation(client(), collectivity_, 2026, testing::DeliberationBody())
                  .status,
              201);
    server_.ActAsStaff(collectivity_);
    host_a_ = testing::CreateHost(client(), collectivity_, "Anne Aubrac");
    host_b_ = testing::CreateHost(client(), collectivity_, "Bernard Brezons");
    rental_a_ = testing::CreateRental(client(), collectivity_, host_a_, "000101");
    rental_b_ = testing::CreateRental(client(), collectivity_, host_b_, "000102");
  }

  testing::HttpClient& client() { return server_.client(); }
  std::string Base() const { return "/v1/collectivities/" + collectivity_; }

  Owed Declare(const std::string& rental, const std::string& month, const json& stay) {
    const auto submitted = client().PostJson(
        "/v1/accommodations/" + rental + "/declarations/" + month + "/submit",
        {{"stays", {stay}}});
    EXPECT_EQ(submitted.status, 201) << submitted.body;
    const json current = submitted.Json().at("current");
    return {current.at("tax_cents").get<long long>(),
            current.at("additional_cents").get<long long>()};
  }

  // September 2026 of rental B, assessed d'office and notified on 20 October.
  Owed IssueSeptemberAssessment() {
    server_.db().Execute(
        "INSERT INTO office_assessments (collectivity_id, host_id, accommodation_id, month,"
        " revision, status, capacity_persons, nights, computed_total_cents, tax_cents,"
        " additional_taxes, additional_cents, total_cents, deliberation_version, notified_on,"
        " recoverable_from, avis_pdf, recorded_by) VALUES ('" +
        collectivity_ + "', '" + host_b_ + "', '" + rental_b_ +
        "', '2026-09-01', 1, 'issued', 4, 30, 52800, 48000,"
        " '[{\"beneficiary\": \"departement\", \"label\": null, \"rate_bp\": 1000,"
        " \"amount_cents\": 4800}]', 4800, 52800, 1, '2026-10-20', '2026-11-19', '\\x25', 'test')");
    return {48000, 4800};
  }

  void Pay(const std::string& host, long long cents) {
    persistence::NewPayment payment;
    payment.collectivity_id = CollectivityId(collectivity_);
    payment.host_id = HostId(host);
    payment.amount = Money::Cents(cents);
    payment.received_on = Day{date::year{2026}, date::November, date::day{23}};
    payment.payer_reference = "virement";
    payment.recorded_by = "finances@murat.fr";
    auto stored = server_.db().database().InTransaction(
        [&](persistence::Transaction& tx) -> Result<persistence::StoredPayment> {
          return persistence::PaymentRepository::Record(tx, payment);
        });
    ASSERT_TRUE(stored) << stored.error().message;
  }

  HttpResponse PutBudget(const json& body, const std::string& if_match = "") {
    std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
    if (!if_match.empty()) headers["If-Match"] = if_match;
    return client().Request("PUT", Base() + "/budget/2026", body.dump(), headers);
  }

  static json BudgetBody(long long forecast) {
    return {{"stage", "budget_primitif"},
            {"forecast_tax_cents", forecast},
            {"beneficiaries",
             {{{"beneficiary", "departement"}, {"label", "Département du Cantal"},
               {"expected_cents", 100000}}}},
            {"tourist_office_cents", 100000},
            {"instalments",
             {{{"number", 1}, {"due_on", "2026-03-31"}, {"amount_cents", 25000}},
              {{"number", 2}, {"due_on", "2026-06-30"}, {"amount_cents", 25000}},
              {{"number", 3}, {"due_on", "2026-09-30"}, {"amount_cents", 25000}},
              {{"number", 4}, {"due_on", "2026-12-31"}, {"amount_cents", 25000}}}}};
  }

  json Report(const std::string& group_by) {
    const auto answer = client().Get(Base() + "/reconciliation?year=2026&group_by=" + group_by);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.Json();
  }

  // Seeds the whole year; what the test expects is computed here from what it seeded.
  void SeedYear() {
    ASSERT_EQ(PutBudget(BudgetBody(1000000)).status, 201);
    july_a_ = Declare(rental_a_, "2026-07",
                      {{"arrival", "2026-07-01"}, {"nights", 7}, {"occupants", 4},
                       {"exempt", {{"minors", 2}}}, {"price_per_night_cents", 10000}});
    august_a_ = Declare(rental_a_, "2026-08",
                        {{"arrival", "2026-08-03"}, {"nights", 5}, {"occupants", 2},
                         {"price_per_night_cents", 8000}});
    july_b_ = Declare(rental_b_, "2026-07",
                      {{"arrival", "2026-07-10"}, {"nights", 3}, {"occupants", 3},
                       {"price_per_night_cents", 12000}});
    september_b_ = IssueSeptemberAssessment();
    // A pays part of July; B pays its July and part of the September assessment (oldest first).
    Pay(host_a_, 1000);
    Pay(host_b_, july_b_.total() + 10000);
  }

  TestServer server_;
  std::string collectivity_, host_a_, host_b_, rental_a_, rental_b_;
  Owed july_a_, august_a_, july_b_, september_b_;
};

TEST_F(BudgetAndReconciliation, BudgetLinesAreVersionedWithTheirHistory) {
  const auto first = PutBudget(BudgetBody(1000000));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json().at("version"), 1);
  // A décision modificative needs If-Match and names the decision.
  json dm = BudgetBody(1200000);
  dm["stage"] = "decision_modificative";
  const auto unnamed = PutBudget(dm, first.Header("etag"));
  ASSERT_EQ(unnamed.status, 400) << unnamed.body;
  EXPECT_NE(unnamed.body.find("/decision_reference"), std::string::npos);
  dm["decision_reference"] = "DM n° 1, délibération du 12 juin 2026";
  dm["decided_on"] = "2026-06-12";
  EXPECT_EQ(PutBudget(dm).status, 428);
  const auto second = PutBudget(dm, first.Header("etag"));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.Json().at("version"), 2);
  EXPECT_EQ(PutBudget(dm, first.Header("etag")).status, 412);

  const json in_force = client().Get(Base() + "/budget/2026").Json();
  EXPECT_EQ(in_force.at("forecast_tax_cents"), 1200000);
  EXPECT_EQ(in_force.at("stage"), "decision_modificative");
  const json history = client().Get(Base() + "/budget/2026/versions").Json();
  ASSERT_EQ(history.at("items").size(), 2u);
  EXPECT_EQ(history.at("items")[0].at("forecast_tax_cents"), 1000000);
  EXPECT_EQ(history.at("items")[1].at("recorded_by"), TestServer::StaffEmail(collectivity_));
  const std::string changes = history.at("items")[1].at("changes").dump();
  EXPECT_NE(changes.find("Recettes prévues"), std::string::npos) << changes;
  EXPECT_NE(changes.find("Décision modificative"), std::string::npos) << changes;
  EXPECT_EQ(client().Get(Base() + "/budget/2027").status, 404);
}

TEST_F(BudgetAndReconciliation, RefusesInstalmentsThatDoNotAddUpToTheAllocation) {
  json body = BudgetBody(1000000);
  body["instalments"][3]["amount_cents"] = 24999;
  body["instalments"][2]["due_on"] = "2028-01-01";
  const auto refused = PutBudget(body);
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.body.find("/instalments/2/due_on"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("999,99 €"), std::string::npos) << refused.body;
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM budget_versions"), 0);
}

TEST_F(BudgetAndReconciliation, TransfersAreBookedCappedAndReversedByAnEntry) {
  SeedYear();
  const std::string path = Base() + "/transfers";
  const long long payable = july_a_.additional + august_a_.additional + july_b_.additional +
                            september_b_.additional;
  const auto too_much = client().PostJson(path, {{"kind", "beneficiary"},
                                                 {"beneficiary", "departement"},
                                                 {"paid_on", "2026-11-23"},
                                                 {"amount_cents", payable + 1},
                                                 {"reference", "Mandat 2026-0412"}});
  EXPECT_EQ(too_much.status, 422) << too_much.body;
  const auto passed = client().PostJson(path, {{"kind", "beneficiary"},
                                               {"beneficiary", "departement"},
                                               {"paid_on", "2026-11-23"},
                                               {"amount_cents", 500},
                                               {"reference", "Mandat 2026-0412"}});
  ASSERT_EQ(passed.status, 201) << passed.body;
  const auto office = client().PostJson(path, {{"kind", "tourist_office"},
                                               {"instalment", 1},
                                               {"paid_on", "2026-03-31"},
                                               {"amount_cents", 25000},
                                               {"reference", "Mandat 2026-0101"}});
  ASSERT_EQ(office.status, 201) << office.body;
  EXPECT_EQ(client().PostJson(path, {{"kind", "tourist_office"},
                                     {"instalment", 5},
                                     {"paid_on", "2026-03-31"},
                                     {"amount_cents", 25000},
                                     {"reference", "Mandat 2026-0102"}})
                .status,
            422);
  const auto mistaken = client().PostJson(path, {{"kind", "tourist_office"},
                                                 {"paid_on", "2026-04-02"},
                                                 {"amount_cents", 999},
                                                 {"reference", "Mandat 2026-0103"}});
  ASSERT_EQ(mistaken.status, 201) << mistaken.body;
  const std::string reversal = path + "/" + mistaken.Json().at("id").get<std::string>() + "/reversal";
  EXPECT_EQ(client().PostJson(reversal, {{"reason", ""}}).status, 400);
  const auto reversed = client().PostJson(reversal, {{"reason", "Saisi deux fois"}});
  ASSERT_EQ(reversed.status, 200) << reversed.body;
  EXPECT_EQ(reversed.Json().at("reversal").at("reason"), "Saisi deux fois");
  EXPECT_EQ(client().PostJson(reversal, {{"reason", "encore"}}).status, 409);

  // The ledger: the département's payable debited 500, the office 25 000 (999 in and out), the
  // treasury credited as much; every entry balances.
  EXPECT_EQ(server_.db().CountRows(
                "SELECT sum(amount_cents) FROM ledger_postings WHERE account = 'tourist_office'"),
            25000);
  EXPECT_EQ(server_.db().CountRows("SELECT sum(amount_cents) FROM ledger_postings WHERE account ="
                                   " 'additional_tax_payable' AND kind = 'beneficiary_transfer'"),
            500);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM (SELECT entry_id FROM ledger_postings"
                                   " GROUP BY entry_id HAVING sum(amount_cents) <> 0) AS bad"),
            0);
  const json listed = client().Get(path + "?year=2026").Json();
  EXPECT_EQ(listed.at("items").size(), 3u);
}

TEST_F(BudgetAndReconciliation, ReportMatchesTheSumsOfWhatWasSeeded) {
  SeedYear();
  json dm = BudgetBody(1200000);
  dm["stage"] = "decision_modificative";
  dm["decision_reference"] = "DM n° 1";
  ASSERT_EQ(PutBudget(dm, "\"1\"").status, 200);
  ASSERT_EQ(client().PostJson(Base() + "/transfers", {{"kind", "beneficiary"},
                                                      {"beneficiary", "departement"},
                                                      {"paid_on", "2026-11-23"},
                                                      {"amount_cents", 300},
                                                      {"reference", "Mandat 1"}})
                .status,
            201);
  ASSERT_EQ(client().PostJson(Base() + "/transfers", {{"kind", "tourist_office"},
                                                      {"instalment", 2},
                                                      {"paid_on", "2026-06-30"},
                                                      {"amount_cents", 25000},
                                                      {"reference", "Mandat 2"}})
                .status,
            201);

  // What was paid, by the allocation's rule (oldest month first): A's 10 € to July; B's payment
  // to its July, then 100 € to the September assessment.
  const long long paid_july = 1000 + july_b_.total();
  const long long paid_september = 10000;
  const long long declared_july = july_a_.total() + july_b_.total();
  const long long declared_tax = july_a_.tax + august_a_.tax + july_b_.tax;
  const long long declared_additional =
      july_a_.additional + august_a_.additional + july_b_.additional;
  const Split a_july = SplitPaid(1000, july_a_.tax, july_a_.additional);
  const Split b_september = SplitPaid(10000, september_b_.tax, september_b_.additional);
  const long long collected = a_july.additional + july_b_.additional + b_september.additional;

  const json by_month = Report("month");
  ASSERT_EQ(by_month.at("rows").size(), 3u) << by_month.dump();
  const json& july = by_month.at("rows")[0];
  EXPECT_EQ(july.at("key"), "2026-07");
  EXPECT_EQ(july.at("label"), "juillet 2026");
  EXPECT_EQ(july.at("declared_cents"), declared_july);
  EXPECT_EQ(july.at("paid_cents"), paid_july);
  EXPECT_EQ(july.at("outstanding_cents"), declared_july - paid_july);
  const json& august = by_month.at("rows")[1];
  EXPECT_EQ(august.at("declared_cents"), august_a_.total());
  EXPECT_EQ(august.at("paid_cents"), 0);
  const json& september = by_month.at("rows")[2];
  EXPECT_EQ(september.at("declared_cents"), 0);
  EXPECT_EQ(september.at("assessed_cents"), september_b_.total());
  EXPECT_EQ(september.at("paid_cents"), paid_september);
  EXPECT_EQ(september.at("outstanding_cents"), september_b_.total() - paid_september);

  const json& totals = by_month.at("totals");
  EXPECT_EQ(totals.at("declared_tax_cents"), declared_tax);
  EXPECT_EQ(totals.at("declared_additional_cents"), declared_additional);
  EXPECT_EQ(totals.at("declared_cents"), declared_tax + declared_additional);
  EXPECT_EQ(totals.at("assessed_cents"), september_b_.total());
  EXPECT_EQ(totals.at("paid_cents"), paid_july + paid_september);
  EXPECT_EQ(totals.at("outstanding_cents"),
            declared_tax + declared_additional + september_b_.total() - paid_july - paid_september);
  EXPECT_EQ(by_month.at("paid_additional_cents"), collected);
  EXPECT_EQ(by_month.at("paid_tax_cents"), paid_july + paid_september - collected);

  const json& budget = by_month.at("budget");
  EXPECT_EQ(budget.at("version"), 2);
  EXPECT_EQ(budget.at("forecast_tax_cents"), 1200000);
  const long long realised = declared_tax + september_b_.tax;
  EXPECT_EQ(budget.at("realised_tax_cents"), realised);
  EXPECT_EQ(budget.at("realised_per_10000"), realised * 10000 / 1200000);

  ASSERT_EQ(by_month.at("beneficiaries").size(), 1u);
  const json& departement = by_month.at("beneficiaries")[0];
  EXPECT_EQ(departement.at("beneficiary"), "departement");
  EXPECT_EQ(departement.at("label"), "Département du Cantal");
  EXPECT_EQ(departement.at("expected_cents"), 100000);
  EXPECT_EQ(departement.at("declared_cents"), declared_additional + september_b_.additional);
  EXPECT_EQ(departement.at("collected_cents"), collected);
  EXPECT_EQ(departement.at("passed_on_cents"), 300);
  EXPECT_EQ(departement.at("to_pass_on_cents"), collected - 300);

  const json& office = by_month.at("tourist_office");
  EXPECT_EQ(office.at("allocation_cents"), 100000);
  EXPECT_EQ(office.at("paid_cents"), 25000);
  EXPECT_EQ(office.at("remaining_cents"), 75000);
  EXPECT_EQ(office.at("instalments")[1].at("paid_cents"), 25000);
  EXPECT_EQ(office.at("instalments")[0].at("paid_cents"), 0);

  // Every grouping adds up to the same totals.
  for (const std::string group : {"quarter", "year", "commune", "nature", "category"}) {
    const json report = Report(group);
    EXPECT_EQ(report.at("totals"), totals) << group;
    json sum = {{"declared_cents", 0}, {"assessed_cents", 0}, {"paid_cents", 0},
                {"outstanding_cents", 0}};
    for (const auto& row : report.at("rows")) {
      for (auto& [key, value] : sum.items()) value = value.get<long long>() + row.at(key).get<long long>();
    }
    for (const auto& [key, value] : sum.items()) EXPECT_EQ(value, totals.at(key)) << group << key;
  }
  const json by_quarter = Report("quarter");
  ASSERT_EQ(by_quarter.at("rows").size(), 1u);
  EXPECT_EQ(by_quarter.at("rows")[0].at("key"), "2026-T3");
  EXPECT_EQ(by_quarter.at("rows")[0].at("label"), "3e trimestre 2026");
  const json by_commune = Report("commune");
  ASSERT_EQ(by_commune.at("rows").size(), 1u);
  EXPECT_EQ(by_commune.at("rows")[0].at("key"), "15138");
  EXPECT_EQ(by_commune.at("rows")[0].at("label"), "Murat");
  const json by_category = Report("category");
  ASSERT_EQ(by_category.at("rows").size(), 2u) << by_category.dump();
  // In the order of their keys: "taxation_d_office", then the declared category.
  const json& assessed = by_category.at("rows")[0];
  EXPECT_EQ(assessed.at("key"), "taxation_d_office");
  EXPECT_EQ(assessed.at("assessed_cents"), september_b_.total());
  EXPECT_EQ(assessed.at("paid_cents"), paid_september);
  EXPECT_EQ(by_category.at("rows")[1].at("key"), "unclassified");
  EXPECT_EQ(by_category.at("rows")[1].at("declared_cents"), declared_tax + declared_additional);

  EXPECT_EQ(client().Get(Base() + "/reconciliation?year=2026&group_by=week").status, 400);
}

std::string Euros(long long cents) {
  return std::to_string(cents / 100) + "," + (cents % 100 < 10 ? "0" : "") +
         std::to_string(cents % 100);
}

TEST_F(BudgetAndReconciliation, ReportAsCsvForFrenchSpreadsheets) {
  SeedYear();
  const auto csv = client().Request("GET", Base() + "/reconciliation?year=2026", "",
                                    {{"Accept", "text/csv"}});
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_EQ(csv.body.rfind("Clé;Libellé;Taxe de séjour déclarée (€);", 0), 0u) << csv.body;
  const long long declared_july = july_a_.total() + july_b_.total();
  const long long paid_july = 1000 + july_b_.total();
  EXPECT_NE(csv.body.find("2026-07;juillet 2026;"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(";" + Euros(declared_july) + ";0,00;" + Euros(paid_july) + ";" +
                          Euros(declared_july - paid_july) + "\n"),
            std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find("2026-09;septembre 2026;0,00;0,00;0,00;528,00;100,00;428,00\n"),
            std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find("departement;Département du Cantal;1000,00;"), std::string::npos);
  EXPECT_NE(csv.body.find("échéance 4;2026-12-31;250,00;0,00"), std::string::npos);
}

TEST_F(BudgetAndReconciliation, ReportAsAPdfForTheCouncil) {
  SeedYear();
  const auto pdf = client().Request("GET", Base() + "/reconciliation?year=2026&group_by=quarter",
                                    "", {{"Accept", "application/pdf"}});
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  ASSERT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  const std::string text = PdfText(pdf.body);
  const json collectivity = client().Get(Base()).Json();
  EXPECT_NE(text.find(collectivity.at("name").get<std::string>()), std::string::npos) << text;
  EXPECT_NE(text.find("exercice 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Édité le 23 novembre 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("3e trimestre 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("528,00 €"), std::string::npos) << text;  // assessed
  EXPECT_NE(text.find("Département du Cantal"), std::string::npos) << text;
  EXPECT_NE(text.find("Échéance 4 du 31 décembre 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("10 000,00 €"), std::string::npos) << text;  // the forecast
}

}  // namespace
}  // namespace nuitee
