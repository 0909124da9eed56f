// Bank statement import over HTTP on a real server and database: finance names its bank's CSV
// layout, imports a statement; lines carrying a host's payment reference become its payments, the
// others wait in suspense until finance assigns or dismisses them. "Today" is 2026-11-23.
#include <gtest/gtest.h>

#include "domain/money/payment_reference.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestDatabase;
using testing::TestServer;

// Crédit Agricole's export: semicolon, decimal comma, a debit and a credit column, one header.
json CreditAgricole() {
  return {{"name", "Crédit Agricole"}, {"separator", ";"},      {"decimal_mark", "comma"},
          {"skip_lines", 1},           {"date_column", 1},      {"date_format", "JJ/MM/AAAA"},
          {"label_column", 2},         {"debit_column", 3},     {"credit_column", 4}};
}

// Example A of the domain reference, July 2026: 19,25 € owed.
json ExampleAStay() {
  return {{"arrival", "2026-07-01"},
          {"nights", 7},
          {"occupants", 4},
          {"exempt", {{"minors", 2}}},
          {"price_per_night_cents", 10000}};
}

class BankStatementImport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& http = server_.client();
    collectivity_ = testing::CreateCollectivity(http);
    ASSERT_EQ(testing::PutDeliberation(http, collectivity_, 2026, testing::DeliberationBody())
                  .status,
              201);
    server_.ActAsStaff(collectivity_);
    vidal_ = testing::CreateHost(http, collectivity_, "Jeanne Vidal");
    brezons_ = testing::CreateHost(http, collectivity_, "Bernard Brezons");
    const std::string rental = testing::CreateRental(http, collectivity_, vidal_, "000201");
    const std::string month = "/v1/accommodations/" + rental + "/declarations/2026-07";
    ASSERT_EQ(http.Request("PUT", month, json{{"stays", {ExampleAStay()}}}.dump(),
                           {{"Content-Type", "application/json"}})
                  .status,
              200);
    ASSERT_EQ(http.Request("POST", month + "/submit").status, 201);
    const auto format = http.PostJson(Base() + "/bank-statement-formats", CreditAgricole());
    ASSERT_EQ(format.status, 201) << format.body;
    format_ = format.Json().at("id");
  }

  std::string Base() const { return "/v1/collectivities/" + collectivity_; }
  long long Number(const std::string& host) {
    return std::stoll(
        TestDatabase::QueryText(server_.db().url(), "SELECT seq FROM hosts WHERE id = '" + host + "'"));
  }
  std::string Reference(const std::string& host, std::optional<Month> month = std::nullopt) {
    return FormatPaymentReference({Number(host), month});
  }
  HttpResponse Import(const std::string& csv) {
    return server_.client().Request("POST", Base() + "/bank-statements?format_id=" + format_, csv,
                                    {{"Content-Type", "text/csv"}});
  }
  // A ledger account's balance (debit positive), from the database itself.
  long long Balance(const std::string& account, const std::string& party = "") {
    return std::stoll(TestDatabase::QueryText(
        server_.db().url(), "SELECT coalesce(sum(amount_cents), 0) FROM ledger_postings WHERE"
                            " account = '" + account + "' AND party = '" + party + "'"));
  }
  long long Count(const std::string& table) {
    return server_.db().CountRows("SELECT count(*) FROM " + table);
  }

  TestServer server_;
  std::string collectivity_;
  std::string vidal_;
  std::string brezons_;
  std::string format_;
};

TEST_F(BankStatementImport, MatchesLinesByReferenceAndParksTheRestInSuspense) {
  ASSERT_EQ(Balance("host_receivable", vidal_), 1925);
  const std::string csv =
      "Date;Libellé;Débit;Crédit\n"
      "02/11/2026;VIR SEPA JEANNE VIDAL " + Reference(vidal_, date::year{2026} / date::July) +
      ";;19,25\n"
      "03/11/2026;VIR BREZONS REF " + Reference(brezons_) + ";;10,00\n"
      "04/11/2026;VIR M INCONNU SANS REFERENCE;;50,00\n"
      "05/11/2026;FRAIS TENUE DE COMPTE;3,00;\n";
  const auto imported = Import(csv);
  ASSERT_EQ(imported.status, 201) << imported.body;
  const json statement = imported.Json();
  EXPECT_EQ(statement.at("credit_lines"), 3);
  EXPECT_EQ(statement.at("debit_lines"), 1);
  EXPECT_EQ(statement.at("counts").at("matched"), 2);
  EXPECT_EQ(statement.at("counts").at("unmatched"), 1);
  const json& lines = statement.at("lines");
  // With the month: that month's payment.
  EXPECT_EQ(lines.at(0).at("status"), "matched");
  EXPECT_EQ(lines.at(0).at("host_id"), vidal_);
  EXPECT_EQ(lines.at(0).at("target_month"), "2026-07");
  // Without: the host's, to its oldest debts.
  EXPECT_EQ(lines.at(1).at("host_id"), brezons_);
  EXPECT_TRUE(lines.at(1).at("target_month").is_null());
  EXPECT_EQ(lines.at(2).at("status"), "unmatched");

  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM payments WHERE origin = 'bank_statement'"
                                   " AND method = 'bank_transfer'"),
            2);
  EXPECT_EQ(Balance("host_receivable", vidal_), 0);
  EXPECT_EQ(Balance("host_receivable", brezons_), -1000);  // a credit
  EXPECT_EQ(Balance("suspense"), -5000);
  EXPECT_EQ(Balance("treasury"), 1925 + 1000 + 5000);

  const auto worklist = server_.client().Get(Base() + "/bank-statement-lines");
  ASSERT_EQ(worklist.status, 200) << worklist.body;
  ASSERT_EQ(worklist.Json().at("items").size(), 1u);
  EXPECT_EQ(worklist.Json().at("total_cents"), 5000);
  EXPECT_EQ(worklist.Json().at("items").at(0).at("label"), "VIR M INCONNU SANS REFERENCE");

  const auto read = server_.client().Get(Base() + "/bank-statements/" +
                                         statement.at("id").get<std::string>());
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json().at("lines").size(), 3u);
}

TEST_F(BankStatementImport, AnUnmatchedLineIsAssignedByHandFromSuspense) {
  const auto imported = Import("Date;Libellé;Débit;Crédit\n04/11/2026;VIR VIDAL JUILLET;;19,25\n");
  ASSERT_EQ(imported.status, 201) << imported.body;
  const std::string line = imported.Json().at("lines").at(0).at("id");
  const std::string path = Base() + "/bank-statement-lines/" + line;

  EXPECT_EQ(server_.client().PostJson(path + "/assign", {{"host_id", "pas un id"}}).status, 400);
  const auto assigned = server_.client().PostJson(
      path + "/assign", {{"host_id", vidal_}, {"target_month", "2026-07"}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Json().at("status"), "assigned");
  EXPECT_EQ(assigned.Json().at("host_id"), vidal_);
  EXPECT_EQ(assigned.Json().at("target_month"), "2026-07");
  EXPECT_EQ(Balance("suspense"), 0);
  EXPECT_EQ(Balance("host_receivable", vidal_), 0);
  EXPECT_EQ(Balance("treasury"), 1925);
  EXPECT_TRUE(server_.client().Get(Base() + "/bank-statement-lines").Json().at("items").empty());
  // Once.
  EXPECT_EQ(server_.client().PostJson(path + "/assign", {{"host_id", brezons_}}).status, 409);
  EXPECT_EQ(server_.client().PostJson(path + "/dismiss", {{"reason", "x"}}).status, 409);
  EXPECT_EQ(Count("payments"), 1);
}

TEST_F(BankStatementImport, ALineThatIsNoTouristTaxLeavesSuspenseAndTheBooks) {
  const auto imported =
      Import("Date;Libellé;Débit;Crédit\n04/11/2026;VIR LOYER CAMPING MUNICIPAL;;800,00\n");
  ASSERT_EQ(imported.status, 201) << imported.body;
  const std::string path = Base() + "/bank-statement-lines/" +
                           imported.Json().at("lines").at(0).at("id").get<std::string>();
  EXPECT_EQ(server_.client().PostJson(path + "/dismiss", json::object()).status, 400);
  const auto dismissed = server_.client().PostJson(
      path + "/dismiss", {{"reason", "Loyer du camping : budget annexe, transmis au comptable."}});
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(dismissed.Json().at("status"), "dismissed");
  EXPECT_EQ(Balance("suspense"), 0);
  EXPECT_EQ(Balance("treasury"), 0);
  EXPECT_EQ(Count("payments"), 0);
}

TEST_F(BankStatementImport, TheSameFileTwiceChangesNothing) {
  const std::string csv = "Date;Libellé;Débit;Crédit\n02/11/2026;VIR " + Reference(vidal_) +
                          ";;19,25\n04/11/2026;VIR INCONNU;;5,00\n";
  const auto first = Import(csv);
  ASSERT_EQ(first.status, 201) << first.body;
  const long long entries = Count("ledger_entries");
  const auto again = Import(csv);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json().at("already_imported_file"), true);
  EXPECT_EQ(again.Json().at("id"), first.Json().at("id"));
  EXPECT_EQ(Count("bank_statements"), 1);
  EXPECT_EQ(Count("payments"), 1);
  EXPECT_EQ(Count("ledger_entries"), entries);

  // A later statement that repeats a day already imported brings only its new lines.
  const auto overlapping = Import(csv + "06/11/2026;VIR " + Reference(brezons_) + ";;7,00\n");
  ASSERT_EQ(overlapping.status, 201) << overlapping.body;
  EXPECT_EQ(overlapping.Json().at("already_imported"), 2);
  EXPECT_EQ(overlapping.Json().at("lines").size(), 1u);
  EXPECT_EQ(Count("payments"), 2);
  EXPECT_EQ(Balance("suspense"), -500);
}

TEST_F(BankStatementImport, RefusesAMalformedFileWholeWithLineNumbers) {
  const auto refused = Import("Date;Libellé;Débit;Crédit\n"
                              "02/11/2026;VIR " + Reference(vidal_) + ";;19,25\n"
                              "2026-11-03;VIR B;;10,00\n"
                              "04/11/2026;VIR C;;dix euros\n");
  ASSERT_EQ(refused.status, 422) << refused.body;
  const json errors = refused.Json().at("errors");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors.at(0).at("pointer"), "/lines/3/date");
  EXPECT_EQ(errors.at(0).at("detail").get<std::string>().rfind("Ligne 3 : ", 0), 0u);
  EXPECT_EQ(errors.at(1).at("pointer"), "/lines/4/credit");
  EXPECT_EQ(Count("bank_statements"), 0);
  EXPECT_EQ(Count("payments"), 0);
  EXPECT_EQ(Balance("host_receivable", vidal_), 1925);
}

TEST_F(BankStatementImport, FormatsAreCheckedAndNamedOnce) {
  auto& http = server_.client();
  json bad = CreditAgricole();
  bad["name"] = "Banque Postale";
  bad["amount_column"] = 5;  // and the two columns: ambiguous
  bad["date_format"] = "MM/DD/YYYY";
  const auto refused = http.PostJson(Base() + "/bank-statement-formats", bad);
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json().at("errors").at(0).at("pointer"), "/date_format");
  EXPECT_EQ(http.PostJson(Base() + "/bank-statement-formats", CreditAgricole()).status, 409);
  const auto listed = http.Get(Base() + "/bank-statement-formats");
  ASSERT_EQ(listed.Json().at("items").size(), 1u);
  EXPECT_EQ(listed.Json().at("items").at(0).at("credit_column"), 4);
  // Replaced with If-Match; archived, it is no longer offered.
  json changed = CreditAgricole();
  changed["skip_lines"] = 2;
  const std::string path = Base() + "/bank-statement-formats/" + format_;
  EXPECT_EQ(http.Request("PUT", path, changed.dump(), {{"Content-Type", "application/json"}}).status,
            428);
  const auto replaced = http.Request("PUT", path, changed.dump(),
                                     {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.Json().at("skip_lines"), 2);
  EXPECT_EQ(http.PostJson(path + "/archive", json::object()).status, 200);
  EXPECT_EQ(Import("Date;Libellé;Débit;Crédit\n02/11/2026;VIR;;1,00\n").status, 400);
}

TEST_F(BankStatementImport, StatementsLinesAndResolutionsAreAppendOnlyForTheServer) {
  ASSERT_EQ(Import("Date;Libellé;Débit;Crédit\n04/11/2026;VIR INCONNU;;5,00\n").status, 201);
  const std::string url = server_.db().ServerRoleUrl();
  for (const std::string& table :
       {"bank_statements", "bank_statement_lines", "bank_line_resolutions", "online_payments",
        "online_payment_events"}) {
    // 42501: insufficient_privilege (migration 0018 revokes them from nuitee_app).
    EXPECT_EQ(TestDatabase::SqlStateOf(url, "DELETE FROM " + table), "42501") << table;
    EXPECT_EQ(TestDatabase::SqlStateOf(url, "TRUNCATE " + table), "42501") << table;
  }
  EXPECT_EQ(TestDatabase::SqlStateOf(url, "UPDATE bank_statement_lines SET label = 'x'"), "42501");
}

}  // namespace
}  // namespace nuitee
