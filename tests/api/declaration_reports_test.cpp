// What is read from declarations over HTTP: the CSV import of stays into a draft, a host's
// statement, and the synthesis of nights, whose figures are checked against sums the test
// computes itself from the stays it declared. "Today" is the test server's 2026-11-23.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

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

json Stay(const std::string& arrival, int nights, int occupants, int minors, int price_cents,
          const std::string& collector = "host") {
  return {{"arrival", arrival},
          {"nights", nights},
          {"occupants", occupants},
          {"exempt", {{"minors", minors}}},
          {"price_per_night_cents", price_cents},
          {"collector", collector}};
}

class DeclarationReports : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = CreateCollectivity(client());
    ASSERT_EQ(PutDeliberation(client(), collectivity_, 2026, DeliberationBody(2026)).status, 201);
    server_.ActAsStaff(collectivity_);
    host_ = CreateHost(client(), collectivity_);
    first_ = CreateRental(client(), collectivity_, host_, "000101");
    second_ = CreateRental(client(), collectivity_, host_, "000102", 6);
  }
  testing::HttpClient& client() { return server_.client(); }
  std::string MonthPath(const std::string& accommodation, const std::string& month) {
    return "/v1/accommodations/" + accommodation + "/declarations/" + month;
  }
  // Submits and remembers what the test expects the synthesis to sum.
  json Submit(const std::string& accommodation, const std::string& month, const json& stays) {
    const auto submitted =
        client().PostJson(MonthPath(accommodation, month) + "/submit", {{"stays", stays}});
    EXPECT_EQ(submitted.status, 201) << submitted.body;
    return submitted.Json();
  }
  HttpResponse ImportCsv(const std::string& month, const std::string& csv) {
    return client().Request("POST", MonthPath(first_, month) + "/stays:import", csv,
                            {{"Content-Type", "text/csv; charset=utf-8"}});
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string first_;
  std::string second_;
};

TEST_F(DeclarationReports, ACsvFileBecomesTheDraftIsSubmittedRevisedAndOwed) {
  const auto imported = ImportCsv("2026-07",
                                  "arrivee;nuits;occupants;mineurs;prix_nuit;percue_par\n"
                                  "01/07/2026;7;4;2;100,00;hote\n"
                                  "2026-07-20;3;2;0;90;airbnb\n");
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.Json().at("state"), "draft");
  EXPECT_EQ(imported.Json().at("imported_stays"), 2);
  const auto submitted = client().Request("POST", MonthPath(first_, "2026-07") + "/submit");
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  EXPECT_EQ(submitted.Json().at("owed_cents"), 1925);  // example A; Airbnb collected the rest

  // The journey goes on: a correction, then the statement shows what is owed under it.
  const auto revised = client().PostJson(
      MonthPath(first_, "2026-07") + "/revisions",
      {{"stays", json::array({Stay("2026-07-01", 7, 4, 1, 10000)})},
       {"reason", "Un seul enfant mineur"}},
      {{"If-Match", submitted.Header("etag")}});
  ASSERT_EQ(revised.status, 201) << revised.body;
  const json statement =
      client().Get("/v1/hosts/" + host_ + "/statement?from=2026-07&to=2026-07").Json();
  EXPECT_EQ(statement.at("totals").at("owed_cents"), 2625 + 263);  // 1,25 × 3 × 7 + 10 %
}

TEST_F(DeclarationReports, ACsvFileWithBadRowsIsRefusedWholeNamingEachLine) {
  const auto refused = ImportCsv("2026-07",
                                 "arrivee;nuits;occupants;mineurs;prix_nuit\n"
                                 "2026-07-01;7;4;2;100\n"
                                 "2026-07-02;zéro;2;0;80\n"
                                 "2026-06-01;2;2;0;80\n"
                                 "2026-07-10;2;2;3;80\n");
  ASSERT_EQ(refused.status, 422) << refused.body;
  const json problem = refused.Json();
  std::set<std::string> rows;  // "/rows/3/nights" -> "/rows/3"
  for (const auto& error : problem.at("errors")) {
    const std::string pointer = error.at("pointer");
    rows.insert(pointer.substr(0, pointer.find('/', 6)));
  }
  // Rows 3 (not a number) and 5 (more minors than occupants) do not parse; row 4 (a June stay)
  // is only checked against the month once every row parses.
  EXPECT_EQ(rows, (std::set<std::string>{"/rows/3", "/rows/5"}));

  // Once every row parses, the rules name the file's lines too.
  const auto ruled = ImportCsv("2026-07",
                               "arrivee;nuits;occupants;mineurs;prix_nuit\n"
                               "2026-07-01;7;4;2;100\n"
                               "2026-06-01;2;2;0;80\n"
                               "2026-07-10;2;2;0;\n");
  ASSERT_EQ(ruled.status, 422) << ruled.body;
  const json rules = ruled.Json();
  std::set<std::string> ruled_pointers;
  for (const auto& error : rules.at("errors")) ruled_pointers.insert(error.at("pointer"));
  EXPECT_EQ(ruled_pointers,
            (std::set<std::string>{"/rows/3/arrival", "/rows/4/price_per_night_cents"}));
  EXPECT_EQ(client().Get(MonthPath(first_, "2026-07")).Json().at("state"), "to_declare");
  EXPECT_EQ(client()
                .Request("POST", MonthPath(first_, "2026-07") + "/stays:import", "a;b",
                         {{"Content-Type", "application/json"}})
                .status,
            415);
}

TEST_F(DeclarationReports, TheStatementListsWhatWasDeclaredOwedAndStillToDeclare) {
  const json july = Submit(first_, "2026-07", json::array({Stay("2026-07-01", 7, 4, 2, 10000)}));
  ASSERT_EQ(client().PostJson(MonthPath(second_, "2026-07") + "/nil", json::object()).status, 201);
  const auto statement = client().Get("/v1/hosts/" + host_ + "/statement?from=2026-07&to=2026-08");
  ASSERT_EQ(statement.status, 200) << statement.body;
  const json body = statement.Json();
  ASSERT_EQ(body.at("months").size(), 2u);
  const json& first_month = body.at("months").at(0);
  EXPECT_EQ(first_month.at("month"), "2026-07");
  EXPECT_EQ(first_month.at("owed_cents"), july.at("owed_cents"));
  EXPECT_EQ(first_month.at("tax_cents"), 1750);
  EXPECT_EQ(first_month.at("to_declare"), 0);
  EXPECT_EQ(first_month.at("accommodations").size(), 2u);
  EXPECT_EQ(body.at("months").at(1).at("to_declare"), 2);
  EXPECT_EQ(body.at("totals").at("owed_cents"), 1925);
  EXPECT_EQ(body.at("totals").at("to_declare"), 2);
  EXPECT_EQ(client().Get("/v1/hosts/" + host_ + "/statement?from=2026-09&to=2026-08").status, 400);
}

// The synthesis of nights against sums computed here from the stays declared, with a revision
// that supersedes a first submission (only the latest counts).
TEST_F(DeclarationReports, TheSynthesisOfNightsAddsUpTheLatestRevisionOfEveryMonth) {
  struct Declared {
    std::string accommodation, month;
    json stays;
  };
  const std::vector<Declared> declared = {
      {first_,
       "2026-07",
       {Stay("2026-07-01", 7, 4, 2, 10000), Stay("2026-07-20", 3, 2, 0, 9000, "airbnb")}},
      {second_, "2026-07", json::array({Stay("2026-07-05", 2, 6, 1, 15000)})},
      {first_,
       "2026-08",
       {Stay("2026-08-01", 5, 3, 0, 8000), Stay("2026-08-10", 4, 2, 1, 8000, "booking")}},
  };
  // What the synthesis must add up to, computed here from the stays alone (CGCT L. 2333-30,
  // taxe-de-sejour.md §3): unclassified at 5 % of the price per person (minors included in the
  // divisor), far below the 4,00 € cap, times the taxable persons and nights, each part rounded
  // half-up once per line, plus the 10 % departmental tax; platform stays owe nothing here.
  struct Expected {
    long long person_nights = 0, taxable = 0, minors = 0, platform = 0, tax = 0, total = 0;
  };
  std::map<std::string, Expected> expected;
  auto add_stays = [&](const std::string& month, const json& stays, int sign) {
    for (const auto& stay : stays) {
      const long long nights = stay.at("nights"), occupants = stay.at("occupants");
      const long long minors = stay.at("exempt").at("minors");
      const long long price = stay.at("price_per_night_cents");
      Expected& sums = expected[month];
      sums.person_nights += sign * occupants * nights;
      sums.taxable += sign * (occupants - minors) * nights;
      sums.minors += sign * minors * nights;
      if (stay.at("collector") != "host") {
        sums.platform += sign * occupants * nights;
        continue;
      }
      // tax = price × 5/100 ÷ occupants × taxable × nights, as a fraction num/den of cents.
      const long long num = price * 5 * (occupants - minors) * nights, den = 100 * occupants;
      const long long tax = (2 * num + den) / (2 * den);
      const long long departmental = (2 * num + 10 * den) / (20 * den);
      sums.tax += sign * tax;
      sums.total += sign * (tax + departmental);
    }
  };
  for (const auto& each : declared) {
    Submit(each.accommodation, each.month, each.stays);
    add_stays(each.month, each.stays, +1);
  }
  // A revision of the second rental's July: 2 nights become 3; the first submission drops out.
  const json revised_stays = json::array({Stay("2026-07-05", 3, 6, 1, 15000)});
  const auto revised =
      client().PostJson(MonthPath(second_, "2026-07") + "/revisions",
                        {{"stays", revised_stays}, {"reason", "Une nuit oubliée"}},
                        {{"If-Match", client().Get(MonthPath(second_, "2026-07")).Header("etag")}});
  ASSERT_EQ(revised.status, 201) << revised.body;
  add_stays("2026-07", declared[1].stays, -1);
  add_stays("2026-07", revised_stays, +1);

  const auto synthesis = client().Get("/v1/collectivities/" + collectivity_ +
                                      "/nights?from=2026-07&to=2026-08&group_by=month");
  ASSERT_EQ(synthesis.status, 200) << synthesis.body;
  const json items = synthesis.Json().at("items");
  ASSERT_EQ(items.size(), 2u);
  for (const auto& item : items) {
    const std::string month = item.at("month");
    EXPECT_EQ(item.at("stays"), month == "2026-07" ? 3 : 2) << month;
    EXPECT_EQ(item.at("person_nights"), expected[month].person_nights) << month;
    EXPECT_EQ(item.at("taxable_person_nights"), expected[month].taxable) << month;
    EXPECT_EQ(item.at("exempt_minors_person_nights"), expected[month].minors) << month;
    EXPECT_EQ(item.at("tax_cents"), expected[month].tax) << month;
    EXPECT_EQ(item.at("total_cents"), expected[month].total) << month;
  }

  // By collector: platform nights are counted and carry no tax.
  const auto by_collector = client().Get("/v1/collectivities/" + collectivity_ +
                                         "/nights?from=2026-07&to=2026-08&group_by=collector");
  ASSERT_EQ(by_collector.status, 200);
  long long platform_nights = 0;
  const json collectors = by_collector.Json();
  for (const auto& item : collectors.at("items")) {
    if (item.at("collector") == "host") continue;
    platform_nights += item.at("person_nights").get<long long>();
    EXPECT_EQ(item.at("total_cents"), 0);
  }
  EXPECT_EQ(platform_nights, expected["2026-07"].platform + expected["2026-08"].platform);

  // By commune, category and nature: one group here (Murat, unclassified furnished rentals)
  // holding everything.
  const auto by_place =
      client().Get("/v1/collectivities/" + collectivity_ +
                   "/nights?from=2026-07&to=2026-08&group_by=commune,category,nature");
  ASSERT_EQ(by_place.status, 200);
  const json places = by_place.Json().at("items");
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(places[0].at("commune"), "15138");
  EXPECT_EQ(places[0].at("category"), "unclassified");
  EXPECT_EQ(places[0].at("nature"), "furnished_rental");
  EXPECT_EQ(places[0].at("total_cents"), expected["2026-07"].total + expected["2026-08"].total);

  // The same figures as CSV for a spreadsheet.
  const auto csv = client().Get(
      "/v1/collectivities/" + collectivity_ + "/nights?from=2026-07&to=2026-08&group_by=month",
      {{"Accept", "text/csv"}});
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u);
  std::istringstream lines(csv.body);
  std::string header, july;
  std::getline(lines, header);
  std::getline(lines, july);
  EXPECT_EQ(header.rfind("month;stays;nights;person_nights;", 0), 0u) << header;
  EXPECT_EQ(july.rfind("2026-07;3;", 0), 0u) << july;

  EXPECT_EQ(
      client().Get("/v1/collectivities/" + collectivity_ + "/nights?group_by=month,weather").status,
      400);
}

}  // namespace
}  // namespace nuitee
