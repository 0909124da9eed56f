// Platforms' statements of collected tax, their reversements and the reconciliation reports, over
// HTTP on a real server and database (issue 7). The territory: the Pays de Murat with its 2026
// deliberation (3★ at 1,10 €, unclassified 5 %, departmental tax 10 %), three rentals (000101 and
// 000103 classified 3★ since 2022, 000102 not) and Airbnb, registered with its key. The sample
// file tests/data/platform/airbnb-2026-s1.csv holds four collections: one for 000101 by its
// registration number, one for 000102 by its address only, one for an accommodation missing from
// the register, and one for 000103 charged at the unclassified rate.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/platform_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestServer;

std::string SampleFile() {
  std::ifstream in(NUITEE_SOURCE_DIR "/tests/data/platform/airbnb-2026-s1.csv");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kHeader =
    "siren_commune;siren_collectivite;date_debut_sejour;date_fin_sejour;date_perception;adresse;"
    "code_postal;commune;nombre_personnes;nombre_nuitees;prix_nuitee;montant_taxe_percue;nature;"
    "categorie;numero_enregistrement\n";

class PlatformImport : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(client());
    ASSERT_EQ(testing::PutDeliberation(client(), collectivity_, 2026, testing::DeliberationBody())
                  .status,
              201);
    server_.ActAsStaff(collectivity_);
    host_a_ = testing::CreateHost(client(), collectivity_, "Anne Aubrac");
    host_b_ = testing::CreateHost(client(), collectivity_, "Bernard Brezons");
    rental_1_ = testing::CreateRental(client(), collectivity_, host_a_, "000101");
    rental_2_ = testing::CreateRental(client(), collectivity_, host_b_, "000102");
    rental_3_ = testing::CreateRental(client(), collectivity_, host_b_, "000103");
    for (const auto& rental : {rental_1_, rental_3_}) {
      ASSERT_EQ(client()
                    .PostJson("/v1/accommodations/" + rental + "/classifications",
                              {{"rank", "3"}, {"decided_on", "2022-01-01"}, {"body", "Organisme A"}})
                    .status,
                201);
    }
    platform_ = testing::RegisteredPlatform(client(), "Airbnb", {collectivity_});
    server_.ActAsStaff(collectivity_);
  }

  testing::HttpClient& client() { return server_.client(); }
  std::string Path(const std::string& rest) { return "/v1/collectivities/" + collectivity_ + rest; }

  HttpResponse Upload(const std::string& csv, std::map<std::string, std::string> headers = {},
                      bool name_platform = true) {
    headers["Content-Type"] = "text/csv; charset=utf-8";
    return client().Request(
        "POST", Path("/platform-statements") + (name_platform ? "?platform_id=" + platform_.id : ""),
        csv, headers);
  }
  long long Count(const std::string& sql) { return server_.db().CountRows(sql); }
  long long Posted(const std::string& account, const std::string& party = "") {
    return Count("SELECT coalesce(sum(amount_cents), 0)::bigint FROM ledger_postings"
                 " WHERE account = '" + account + "'" +
                 (party.empty() ? std::string() : " AND party = '" + party + "'"));
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_a_;
  std::string host_b_;
  std::string rental_1_;
  std::string rental_2_;
  std::string rental_3_;
  testing::IssuedPlatform platform_;
};

TEST_F(PlatformImport, ImportsAGoodFileAndMatchesByRegistrationNumberThenAddress) {
  const auto imported = Upload(SampleFile());
  ASSERT_EQ(imported.status, 201) << imported.body;
  const json statement = imported.Json();
  EXPECT_EQ(statement.at("duplicate"), false);
  EXPECT_EQ(statement.at("file_lines"), 4);
  EXPECT_EQ(statement.at("new_lines"), 4);
  EXPECT_EQ(statement.at("collected_cents"), 1089 + 1600 + 9240 + 2200);
  EXPECT_EQ(statement.at("tax_cents"), 990 + 1455 + 8400 + 2000);
  EXPECT_EQ(statement.at("additional_cents"), 99 + 145 + 840 + 200);
  EXPECT_EQ(statement.at("matched_by_registration_number"), 2);
  EXPECT_EQ(statement.at("matched_by_address"), 1);
  EXPECT_EQ(statement.at("unmatched"), 1);
  EXPECT_EQ(imported.Header("location"), "/v1/platform-statements/" + statement.at("id").get<std::string>());

  const auto read = client().Get(imported.Header("location"));
  ASSERT_EQ(read.status, 200) << read.body;
  const json lines = read.Json().at("lines");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].at("file_line"), 2);
  EXPECT_EQ(lines[0].at("matched_by"), "registration_number");
  EXPECT_EQ(lines[0].at("accommodation_id"), rental_1_);
  EXPECT_EQ(lines[0].at("tax_cents"), 990);
  EXPECT_EQ(lines[0].at("additional_taxes")[0].at("party"), "departement");
  EXPECT_EQ(lines[0].at("additional_taxes")[0].at("amount_cents"), 99);
  EXPECT_EQ(lines[1].at("matched_by"), "address");
  EXPECT_EQ(lines[1].at("accommodation_id"), rental_2_);
  EXPECT_EQ(lines[2].at("matched_by"), "none");
  EXPECT_EQ(lines[2].at("status"), "unmatched");
  EXPECT_TRUE(lines[2].at("accommodation_id").is_null());
  EXPECT_EQ(lines[3].at("accommodation_id"), rental_3_);

  const auto listed = client().Get(Path("/platform-statements"));
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.Json().at("items").size(), 1u);
}

TEST_F(PlatformImport, TheLedgerEntryBalancesAndEqualsTheFilesTotal) {
  const auto imported = Upload(SampleFile());
  ASSERT_EQ(imported.status, 201) << imported.body;
  const std::string entry = imported.Json().at("ledger_entry_id");
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries WHERE kind = 'platform_statement'"
                  " AND id = '" + entry + "'"),
            1);
  EXPECT_EQ(Count("SELECT sum(amount_cents)::bigint FROM ledger_postings WHERE entry_id = '" +
                  entry + "'"),
            0);
  EXPECT_EQ(Posted("platform_receivable", platform_.id), 14129);  // the file's total
  EXPECT_EQ(Posted("tax_revenue"), -12845);
  EXPECT_EQ(Posted("additional_tax_payable", "departement"), -1284);
}

TEST_F(PlatformImport, RefusesAMalformedFileWholeWithLineNumbers) {
  const std::string csv =
      kHeader +
      "211501380;200066637;03/02/2026;06/02/2026;20/01/2026;1 rue Haute;15300;Murat;3;3;;10,89;"
      "gîte;3_etoiles;\n"
      "211501380;200066637;03/02/2026;06/02/2026;20/01/2026;1 rue Haute;15300;Murat;3;9;;10,89;"
      "gîte;3_etoiles;\n"
      "211501380;200066637;03/02/2026;06/02/2026;32/01/2026;1 rue Haute;153;Murat;3;3;;10,89;"
      "gîte;3_etoiles;\n";
  const auto refused = Upload(csv);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Header("content-type").rfind("application/problem+json", 0), 0u);
  std::vector<std::string> fields;
  const json problem = refused.Json();
  for (const auto& each : problem.at("errors")) fields.push_back(each.at("pointer"));
  EXPECT_EQ(fields, (std::vector<std::string>{"/lines/3/nights", "/lines/4/collected_on",
                                              "/lines/4/postal_code"}));
  // Nothing stored, not even the good line.
  EXPECT_EQ(Count("SELECT count(*) FROM platform_statements"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM platform_statement_lines"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries WHERE kind = 'platform_statement'"), 0);
}

TEST_F(PlatformImport, TheSameFileTwiceChangesNothingAndLinesAreNotBookedTwice) {
  const auto first = Upload(SampleFile());
  ASSERT_EQ(first.status, 201) << first.body;
  const auto again = Upload(SampleFile());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json().at("duplicate"), true);
  EXPECT_EQ(again.Json().at("id"), first.Json().at("id"));
  EXPECT_EQ(Count("SELECT count(*) FROM platform_statements"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM platform_statement_lines"), 4);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries WHERE kind = 'platform_statement'"), 1);

  // Another file repeating a line already imported, and one new collection: only the new one is
  // imported and booked.
  std::string sample = SampleFile();
  const std::string first_line = sample.substr(0, sample.find('\n', sample.find('\n') + 1) + 1);
  const auto overlapping = Upload(
      first_line +
      "211501380;200066637;01/06/2026;03/06/2026;15/05/2026;000101 route du Lioran;15300;Murat;2;"
      "2;;4,84;meublé de tourisme;3_etoiles;15138000101AB\n");
  ASSERT_EQ(overlapping.status, 201) << overlapping.body;
  EXPECT_EQ(overlapping.Json().at("file_lines"), 2);
  EXPECT_EQ(overlapping.Json().at("new_lines"), 1);
  EXPECT_EQ(overlapping.Json().at("already_imported_lines"), 1);
  EXPECT_EQ(overlapping.Json().at("collected_cents"), 484);
  EXPECT_EQ(Posted("platform_receivable", platform_.id), 14129 + 484);
}

TEST_F(PlatformImport, APlatformFilesWithItsKeyOnlyWhereItIsRegistered) {
  const auto as_platform = testing::HttpClient::Bearer(platform_.key);
  const auto filed = Upload(SampleFile(), as_platform, false);
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(filed.Json().at("platform_id"), platform_.id);
  EXPECT_EQ(filed.Json().at("uploaded_by").get<std::string>().rfind("plateforme Airbnb", 0), 0u);
  EXPECT_EQ(client().Get("/v1/platform-statements/" + filed.Json().at("id").get<std::string>(),
                         as_platform)
                .status,
            200);

  // Another collectivity, which did not register it: as if it did not exist.
  server_.ActAsOperator();
  const std::string other =
      testing::CreateCollectivity(client(), testing::CollectivityBody("200066645"));
  auto headers = as_platform;
  headers["Content-Type"] = "text/csv";
  EXPECT_EQ(client()
                .Request("POST", "/v1/collectivities/" + other + "/platform-statements",
                         SampleFile(), headers)
                .status,
            404);
}

TEST_F(PlatformImport, AStatementIsReadOnlyByItsCollectivityAndItsPlatform) {
  const auto imported = Upload(SampleFile());
  ASSERT_EQ(imported.status, 201) << imported.body;
  const std::string location = imported.Header("location");

  // Booking, registered by the same collectivity, neither reads Airbnb's statement, nor lists
  // it, nor files in Airbnb's name.
  const auto booking = testing::RegisteredPlatform(client(), "Booking", {collectivity_});
  const auto as_booking = testing::HttpClient::Bearer(booking.key);
  EXPECT_EQ(client().Get(location, as_booking).status, 404);
  const auto listed = client().Get(Path("/platform-statements"), as_booking);
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(listed.Json().at("items").empty());
  auto headers = as_booking;
  headers["Content-Type"] = "text/csv";
  EXPECT_EQ(client()
                .Request("POST", Path("/platform-statements?platform_id=" + platform_.id),
                         SampleFile(), headers)
                .status,
            400);

  // Another collectivity's staff: as if it did not exist.
  server_.ActAsOperator();
  const std::string other =
      testing::CreateCollectivity(client(), testing::CollectivityBody("200066645"));
  EXPECT_EQ(client().Get(location, client().AsStaffOf(other)).status, 404);
}

TEST_F(PlatformImport, UnmatchedLinesGoToTheReferentsWorklist) {
  ASSERT_EQ(Upload(SampleFile()).status, 201);
  auto worklist = client().Get(Path("/platform-lines/unmatched"));
  ASSERT_EQ(worklist.status, 200) << worklist.body;
  ASSERT_EQ(worklist.Json().at("items").size(), 1u);
  const json line = worklist.Json().at("items")[0];
  EXPECT_EQ(line.at("registration_number"), "15138999999ZZ");
  const std::string id = line.at("id");

  const auto assigned = client().PostJson(Path("/platform-lines/" + id + "/assign"),
                                          {{"accommodation_id", rental_1_}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Json().at("status"), "assigned");
  EXPECT_EQ(assigned.Json().at("accommodation_id"), rental_1_);
  EXPECT_EQ(assigned.Json().at("resolution").at("decided_by"),
            TestServer::StaffEmail(collectivity_));
  EXPECT_TRUE(client().Get(Path("/platform-lines/unmatched")).Json().at("items").empty());
  // Once decided, a line is not decided again.
  EXPECT_EQ(client()
                .PostJson(Path("/platform-lines/" + id + "/set-aside"), {{"reason", "Ailleurs"}})
                .status,
            409);
}

TEST_F(PlatformImport, ALineIsSetAsideAsNotInTheTerritoryWithAReason) {
  ASSERT_EQ(Upload(SampleFile()).status, 201);
  const std::string id =
      client().Get(Path("/platform-lines/unmatched")).Json().at("items")[0].at("id");
  EXPECT_EQ(client().PostJson(Path("/platform-lines/" + id + "/set-aside"), json::object()).status,
            400);
  const auto set_aside = client().PostJson(Path("/platform-lines/" + id + "/set-aside"),
                                           {{"reason", "Adresse à Allanche, hors périmètre"}});
  ASSERT_EQ(set_aside.status, 200) << set_aside.body;
  EXPECT_EQ(set_aside.Json().at("status"), "outside_territory");
  EXPECT_EQ(set_aside.Json().at("resolution").at("reason"), "Adresse à Allanche, hors périmètre");
}

TEST_F(PlatformImport, ReversementVersusStatementReport) {
  ASSERT_EQ(Upload(SampleFile()).status, 201);
  const auto paid = client().PostJson(Path("/platform-reversements"),
                                      {{"platform_id", platform_.id},
                                       {"received_on", "2026-06-28"},
                                       {"amount_cents", 10000},
                                       {"period_start", "2026-01-01"},
                                       {"period_end", "2026-06-30"},
                                       {"bank_reference", "AIRBNB PAYOUT 2026-S1"}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(Posted("treasury"), 10000);
  EXPECT_EQ(Posted("platform_receivable", platform_.id), 14129 - 10000);

  const auto report =
      client().Get(Path("/platform-reconciliation/reversements?from=2026-01&to=2026-12"));
  ASSERT_EQ(report.status, 200) << report.body;
  const json items = report.Json().at("items");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("platform_name"), "Airbnb");
  EXPECT_EQ(items[0].at("period_start"), "2026-01-01");
  EXPECT_EQ(items[0].at("period_end"), "2026-06-30");
  EXPECT_EQ(items[0].at("collected_cents"), 14129);
  EXPECT_EQ(items[0].at("reversed_cents"), 10000);
  EXPECT_EQ(items[0].at("difference_cents"), 4129);

  const auto csv = client().Get(
      Path("/platform-reconciliation/reversements?from=2026-01&to=2026-12&format=csv"));
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_NE(csv.body.find("Airbnb;" + platform_.id + ";2026-01-01;2026-06-30;141,29;100,00;41,29"),
            std::string::npos)
      << csv.body;
}

TEST_F(PlatformImport, NightsComparisonGoesBothWays) {
  // Host A declares its Airbnb stay of February, as in the file; host B declares a Booking stay
  // of March for 000102, which no file holds, and not the February stay the file has.
  ASSERT_EQ(client()
                .PostJson("/v1/accommodations/" + rental_1_ + "/declarations/2026-02/submit",
                          {{"stays", {{{"arrival", "2026-02-03"},
                                       {"nights", 3},
                                       {"occupants", 3},
                                       {"exempt", {{"minors", 1}}},
                                       {"collector", "airbnb"}}}}})
                .status,
            201);
  ASSERT_EQ(client()
                .PostJson("/v1/accommodations/" + rental_2_ + "/declarations/2026-03/submit",
                          {{"stays", {{{"arrival", "2026-03-05"},
                                       {"nights", 4},
                                       {"occupants", 2},
                                       {"price_per_night_cents", 8000},
                                       {"collector", "booking"}}}}})
                .status,
            201);
  ASSERT_EQ(Upload(SampleFile()).status, 201);

  const auto report = client().Get(Path("/platform-reconciliation/nights?from=2026-01&to=2026-06"));
  ASSERT_EQ(report.status, 200) << report.body;
  std::map<std::string, json> rows;
  const json body = report.Json();
  for (const auto& item : body.at("items")) {
    rows[item.at("accommodation_id").get<std::string>() + " " + item.at("month").get<std::string>()] =
        item;
  }
  EXPECT_FALSE(rows.count(rental_1_ + " 2026-02"));  // 3 nights on both sides
  ASSERT_TRUE(rows.count(rental_2_ + " 2026-03"));
  EXPECT_EQ(rows[rental_2_ + " 2026-03"].at("declared_nights"), 4);
  EXPECT_EQ(rows[rental_2_ + " 2026-03"].at("platform_nights"), 0);
  EXPECT_EQ(rows[rental_2_ + " 2026-03"].at("direction"), "declared_not_in_platform_files");
  ASSERT_TRUE(rows.count(rental_2_ + " 2026-02"));
  EXPECT_EQ(rows[rental_2_ + " 2026-02"].at("declared_nights"), 0);
  EXPECT_EQ(rows[rental_2_ + " 2026-02"].at("platform_nights"), 2);
  EXPECT_EQ(rows[rental_2_ + " 2026-02"].at("direction"), "in_platform_files_not_declared");
  ASSERT_TRUE(rows.count(rental_3_ + " 2026-04"));
  EXPECT_EQ(rows.size(), 3u);
}

TEST_F(PlatformImport, DetectsTheUnclassifiedRateOnAClassifiedRentalAndTaxedMinors) {
  // The host of 000101 says one of the three guests of February was a minor.
  ASSERT_EQ(client()
                .PostJson("/v1/accommodations/" + rental_1_ + "/declarations/2026-02/submit",
                          {{"stays", {{{"arrival", "2026-02-03"},
                                       {"nights", 3},
                                       {"occupants", 3},
                                       {"exempt", {{"minors", 1}}},
                                       {"collector", "airbnb"}}}}})
                .status,
            201);
  ASSERT_EQ(Upload(SampleFile()).status, 201);
  const auto report =
      client().Get(Path("/platform-reconciliation/overcharges?from=2026-01&to=2026-06"));
  ASSERT_EQ(report.status, 200) << report.body;
  const json items = report.Json().at("items");
  ASSERT_EQ(items.size(), 2u) << items.dump();
  // 000101: 10,89 € collected for 3 persons × 3 nights at 1,10 € + 10 %; 2 liable: 7,26 €.
  EXPECT_EQ(items[0].at("kind"), "minors_taxed");
  EXPECT_EQ(items[0].at("accommodation_id"), rental_1_);
  EXPECT_EQ(items[0].at("liable_persons"), 2);
  EXPECT_EQ(items[0].at("host_declared"), true);
  EXPECT_EQ(items[0].at("expected_cents"), 726);
  EXPECT_EQ(items[0].at("excess_cents"), 363);
  // 000103, classified 3★, charged 5 % of 100 € a night: 22,00 € instead of 4,84 €.
  EXPECT_EQ(items[1].at("kind"), "unclassified_rate_on_classified");
  EXPECT_EQ(items[1].at("accommodation_id"), rental_3_);
  EXPECT_EQ(items[1].at("expected_cents"), 484);
  EXPECT_EQ(items[1].at("excess_cents"), 1716);
  EXPECT_EQ(report.Json().at("total_excess_cents"), 363 + 1716);
}

}  // namespace
}  // namespace nuitee
