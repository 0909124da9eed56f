// The referent's worklist and dashboard over the demo territory, checked against what this test
// computes on its own: the register, the declarations and the steps are read as plain rows (SQL
// with json_agg) and the rules of "who had to declare and did not" are applied here in plain code,
// never through WorklistRepository nor the domain's WhyNotChased.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "demo/seed.hpp"
#include "demo/seed_enforcement.hpp"
#include "demo/territory.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::TestDatabase;
using testing::TestServer;

using AccommodationMonth = std::pair<std::string, std::string>;  // id, "YYYY-MM"

struct RegisterRow {
  std::string id;
  std::string name;
  std::string commune;
  std::string nature;
  std::string marketing;
  int capacity = 0;
  std::string host_id;
  std::string host_name;
  bool host_archived = false;
  std::optional<Day> opened_on;
  std::optional<Day> ceased_on;
  std::vector<DayRange> closures;
};

std::optional<Day> DayOrNull(const json& value) {
  if (value.is_null()) return std::nullopt;
  return ParseIsoDate(value.get<std::string>());
}

std::vector<Month> MonthsFrom(Month from, Month to) {
  std::vector<Month> months;
  for (Month month = from; month <= to; month += date::months{1}) months.push_back(month);
  return months;
}

// Had to declare `month`: open some night of it, its host not archived, not ceased by its first
// day, not marketed only through platforms under a sworn statement of its year.
bool HadToDeclare(const RegisterRow& row, Month month, bool sworn) {
  const Day first = month / date::day{1};
  const Day last = month / date::last;
  if (row.host_archived) return false;
  if (row.opened_on && *row.opened_on > last) return false;
  if (row.ceased_on && *row.ceased_on <= first) return false;
  if (row.marketing == "platforms" && sworn) return false;
  for (Day day = first; day <= last; day = AddDays(day, 1)) {
    bool closed = false;
    for (const auto& closure : row.closures) closed = closed || closure.Contains(day);
    if (!closed) return true;
  }
  return false;  // closed every day of the month
}

class DemoWorklist : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(TestDatabase::Schema::kDemo);  // the demo of kDemoReferenceDay
    collectivity_ = TestDatabase::QueryText(server_->db().url(),
                                            "SELECT id::text FROM collectivities");
    server_->ActAsStaff(collectivity_);
    ReadRegister();
    chased_ = MonthsFrom(demo::DemoChasedFrom(demo::kDemoReferenceDay),
                         Month{date::year{2026}, date::October});
    for (const auto& row : register_) {
      for (Month month : chased_) {
        if (Missing(row, month)) expected_.insert({row.id, FormatIsoMonth(month)});
      }
    }
    ASSERT_GT(expected_.size(), 10u) << "the demo must leave months undeclared";
    TakeSomeSteps();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static json Rows(const std::string& sql) {
    return json::parse(TestDatabase::QueryText(
        server_->db().url(), "SELECT coalesce(json_agg(t), '[]')::text FROM (" + sql + ") t"));
  }

  static void ReadRegister() {
    for (const auto& each :
         Rows("SELECT a.id, a.name, a.commune_insee_code, a.nature, a.marketing, "
              "a.capacity_persons, a.host_id, h.legal_name, (h.archived_on IS NOT NULL AND "
              "h.archived_on <= '2026-11-23') AS archived, a.opened_on, a.ceased_on, a.closures "
              "FROM accommodations a JOIN hosts h ON h.id = a.host_id ORDER BY a.seq")) {
      RegisterRow row{each["id"],
                      each["name"],
                      each["commune_insee_code"],
                      each["nature"],
                      each["marketing"],
                      each["capacity_persons"],
                      each["host_id"],
                      each["legal_name"],
                      each["archived"],
                      DayOrNull(each["opened_on"]),
                      DayOrNull(each["ceased_on"]),
                      {}};
      for (const auto& closure : each["closures"]) {
        row.closures.push_back({*ParseIsoDate(closure["from"].get<std::string>()),
                                *ParseIsoDate(closure["to"].get<std::string>())});
      }
      register_.push_back(std::move(row));
    }
    for (const auto& each : Rows("SELECT accommodation_id, to_char(month, 'YYYY-MM') AS month "
                                 "FROM declaration_months WHERE latest_revision > 0")) {
      declared_.insert(
          {each["accommodation_id"].get<std::string>(), each["month"].get<std::string>()});
    }
    for (const auto& each : Rows("SELECT host_id, year FROM platform_sworn_statements")) {
      sworn_.insert({each["host_id"].get<std::string>(), each["year"].get<int>()});
    }
  }

  static bool Missing(const RegisterRow& row, Month month) {
    if (declared_.count({row.id, FormatIsoMonth(month)})) return false;
    return HadToDeclare(row, month, sworn_.count({row.host_id, int(month.year())}) > 0);
  }

  // Steps as the worker would have taken them: a first reminder on two months (one of them
  // cancelled by a referent, which still is the month's latest step) and an invitation on a third.
  static void TakeSomeSteps() {
    auto it = expected_.begin();
    const std::vector<std::pair<std::string, bool>> kinds = {
        {"first_reminder", false}, {"first_reminder", true}, {"invitation", false}};
    for (const auto& [kind, cancelled] : kinds) {
      const auto& [accommodation, month] = *it++;
      server_->db().Execute(
          "INSERT INTO enforcement_steps (collectivity_id, host_id, accommodation_id, month, "
          "kind, due_on, taken_on, created_by, cancelled_at, cancelled_by, cancel_reason) "
          "SELECT collectivity_id, host_id, id, '" +
          month + "-01', '" + kind + "', '2026-11-01', '2026-11-01', 'worker', " +
          (cancelled ? "now(), 'referente', 'Appel en cours'" : "NULL, NULL, NULL") +
          " FROM accommodations WHERE id = '" + accommodation + "'");
      steps_[{accommodation, month}] = kind;
    }
  }

  // Every page of the worklist with these filters, as (accommodation, month) pairs.
  static std::set<AccommodationMonth> Listed(const std::string& filters, json* totals = nullptr) {
    std::set<AccommodationMonth> listed;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
      std::string path = "/v1/collectivities/" + collectivity_ + "/non-declarers?limit=37" +
                         filters + (cursor.empty() ? "" : "&cursor=" + cursor);
      auto answer = server_->client().Get(path);
      EXPECT_EQ(answer.status, 200) << answer.body;
      const json body = answer.Json();
      if (totals) *totals = body["totals"];
      for (const auto& item : body["items"]) {
        for (const auto& month : item["months"]) {
          const AccommodationMonth pair{item["accommodation"]["id"].get<std::string>(),
                                        month["month"].get<std::string>()};
          EXPECT_TRUE(listed.insert(pair).second) << "listed twice";
        }
      }
      if (body["next_cursor"].is_null()) break;
      cursor = body["next_cursor"];
    }
    return listed;
  }

  template <class Keep>
  static std::set<AccommodationMonth> ExpectedWhere(Keep keep) {
    std::set<AccommodationMonth> kept;
    for (const auto& pair : expected_) {
      if (keep(pair)) kept.insert(pair);
    }
    return kept;
  }

  static const RegisterRow& RowOf(const std::string& id) {
    for (const auto& row : register_) {
      if (row.id == id) return row;
    }
    throw std::runtime_error("unknown accommodation " + id);
  }

  static TestServer* server_;
  static std::string collectivity_;
  static std::vector<RegisterRow> register_;
  static std::set<AccommodationMonth> declared_;
  static std::set<std::pair<std::string, int>> sworn_;
  static std::vector<Month> chased_;
  static std::set<AccommodationMonth> expected_;
  static std::map<AccommodationMonth, std::string> steps_;
};

TestServer* DemoWorklist::server_ = nullptr;
std::string DemoWorklist::collectivity_;
std::vector<RegisterRow> DemoWorklist::register_;
std::set<AccommodationMonth> DemoWorklist::declared_;
std::set<std::pair<std::string, int>> DemoWorklist::sworn_;
std::vector<Month> DemoWorklist::chased_;
std::set<AccommodationMonth> DemoWorklist::expected_;
std::map<AccommodationMonth, std::string> DemoWorklist::steps_;

TEST_F(DemoWorklist, ListsEveryChasedMonthNotDeclaredAndNothingElse) {
  json totals;
  EXPECT_EQ(Listed("", &totals), expected_);
  std::set<std::string> accommodations;
  for (const auto& pair : expected_) accommodations.insert(pair.first);
  EXPECT_EQ(totals["accommodations"], accommodations.size());
  EXPECT_EQ(totals["months"], expected_.size());
}

TEST_F(DemoWorklist, ShowsTheAccommodationAndItsHostAsTheRegisterHasThem) {
  auto answer =
      server_->client().Get("/v1/collectivities/" + collectivity_ + "/non-declarers?limit=200");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json body = answer.Json();
  EXPECT_EQ(body["chased_from"], FormatIsoMonth(demo::DemoChasedFrom(demo::kDemoReferenceDay)));
  EXPECT_EQ(body["as_of"], "2026-11-23");
  for (const auto& item : body["items"]) {
    const RegisterRow& row = RowOf(item["accommodation"]["id"]);
    EXPECT_EQ(item["accommodation"]["name"], row.name);
    EXPECT_EQ(item["accommodation"]["commune_insee_code"], row.commune);
    EXPECT_EQ(item["accommodation"]["nature"], row.nature);
    EXPECT_EQ(item["accommodation"]["capacity_persons"], row.capacity);
    EXPECT_EQ(item["host"]["id"], row.host_id);
    EXPECT_EQ(item["host"]["name"], row.host_name);
    EXPECT_EQ(item["host"]["on_hold"], false);
  }
}

TEST_F(DemoWorklist, PeriodKeepsTheMonthsOfThatPeriodOnly) {
  for (Month month : chased_) {
    const std::string text = FormatIsoMonth(month);
    EXPECT_EQ(Listed("&period=" + text),
              ExpectedWhere([&](const AccommodationMonth& pair) { return pair.second == text; }))
        << text;
  }
}

TEST_F(DemoWorklist, StepKeepsTheMonthsWhoseLatestStepItIsCancelledOrNot) {
  for (const std::string step : {"first_reminder", "invitation", "formal_notice"}) {
    EXPECT_EQ(Listed("&step=" + step), ExpectedWhere([&](const AccommodationMonth& pair) {
                auto found = steps_.find(pair);
                return found != steps_.end() && found->second == step;
              }))
        << step;
  }
  EXPECT_EQ(Listed("&step=none"),
            ExpectedWhere([&](const AccommodationMonth& pair) { return !steps_.count(pair); }));
}

TEST_F(DemoWorklist, CommuneAndNatureKeepThoseAccommodations) {
  std::map<std::string, int> communes;
  std::map<std::string, int> natures;
  for (const auto& pair : expected_) {
    ++communes[RowOf(pair.first).commune];
    ++natures[RowOf(pair.first).nature];
  }
  for (const auto& [commune, count] : communes) {
    EXPECT_EQ(Listed("&commune=" + commune), ExpectedWhere([&](const AccommodationMonth& pair) {
                return RowOf(pair.first).commune == commune;
              }))
        << commune;
  }
  for (const auto& [nature, count] : natures) {
    EXPECT_EQ(Listed("&nature=" + nature), ExpectedWhere([&](const AccommodationMonth& pair) {
                return RowOf(pair.first).nature == nature;
              }))
        << nature;
  }
  const auto& [commune, count] = *communes.begin();
  const auto& [nature, nature_count] = *natures.begin();
  const std::string month = FormatIsoMonth(chased_.back());
  EXPECT_EQ(Listed("&commune=" + commune + "&nature=" + nature + "&period=" + month),
            ExpectedWhere([&](const AccommodationMonth& pair) {
              return RowOf(pair.first).commune == commune && RowOf(pair.first).nature == nature &&
                     pair.second == month;
            }));
  EXPECT_TRUE(Listed("&commune=99999").empty());
}

TEST_F(DemoWorklist, NextStepFollowsTheStepsTaken) {
  auto answer =
      server_->client().Get("/v1/collectivities/" + collectivity_ + "/non-declarers?limit=200");
  ASSERT_EQ(answer.status, 200);
  const json body = answer.Json();
  for (const auto& item : body["items"]) {
    for (const auto& month : item["months"]) {
      const AccommodationMonth pair{item["accommodation"]["id"].get<std::string>(),
                                    month["month"].get<std::string>()};
      auto step = steps_.find(pair);
      if (step == steps_.end()) {
        EXPECT_TRUE(month["current_step"].is_null());
        // Nothing taken and the deadline gone: the first reminder comes next.
        ASSERT_FALSE(month["next_step"].is_null());
        EXPECT_EQ(month["next_step"]["kind"], "first_reminder");
      } else {
        EXPECT_EQ(month["current_step"]["kind"], step->second);
      }
      if (step != steps_.end() && month["current_step"]["cancelled"] == true) {
        EXPECT_TRUE(month["next_step"].is_null()) << "a cancelled step ends the procedure";
      }
      if (step != steps_.end() && step->second == "invitation") {
        EXPECT_EQ(month["next_step"]["kind"], "first_reminder");
      }
    }
  }
}

TEST_F(DemoWorklist, AmountsAtStakeAddUpToTheTotals) {
  json totals;
  Listed("", &totals);
  auto answer =
      server_->client().Get("/v1/collectivities/" + collectivity_ + "/non-declarers?limit=200");
  ASSERT_EQ(answer.status, 200);
  long long sum = 0;
  const json body = answer.Json();
  for (const auto& item : body["items"]) {
    long long of_item = 0;
    for (const auto& month : item["months"]) {
      ASSERT_TRUE(month["amount_at_stake_cents"].is_number()) << month.dump();
      EXPECT_GT(month["amount_at_stake_cents"].get<long long>(), 0) << month.dump();
      of_item += month["amount_at_stake_cents"].get<long long>();
    }
    EXPECT_EQ(item["amount_at_stake_cents"], of_item);
    sum += of_item;
  }
  EXPECT_EQ(totals["amount_at_stake_cents"], sum);
}

std::vector<std::vector<std::string>> CsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::stringstream stream(line);
    std::string cell;
    while (std::getline(stream, cell, ';')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST_F(DemoWorklist, CsvHasOneRowPerAccommodationMonthWithFrenchHeadersAndDecimalCommas) {
  const std::string path = "/v1/collectivities/" + collectivity_ + "/non-declarers";
  auto answer = server_->client().Get(path, {{"Accept", "text/csv"}});
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.Header("content-type").rfind("text/csv", 0), 0u);
  const auto rows = CsvRows(answer.body);
  ASSERT_EQ(rows.size(), expected_.size() + 1);
  EXPECT_EQ(rows[0][0], "Hébergement");
  EXPECT_EQ(rows[0][8], "Mois");
  EXPECT_EQ(rows[0][13], "Montant en jeu (€)");
  std::set<AccommodationMonth> listed;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 14u) << i;
    listed.insert({rows[i][1], rows[i][8]});
    EXPECT_NE(rows[i][13].find(','), std::string::npos) << rows[i][13];
  }
  EXPECT_EQ(listed, expected_);
  EXPECT_EQ(server_->client().Get(path + "?format=csv").body, answer.body);
  const auto period = CsvRows(
      server_->client().Get(path + "?format=csv&period=" + FormatIsoMonth(chased_.front())).body);
  EXPECT_EQ(period.size(), ExpectedWhere([&](const AccommodationMonth& pair) {
                             return pair.second == FormatIsoMonth(chased_.front());
                           }).size() +
                               1);
}

TEST_F(DemoWorklist, BadFiltersAreRefusedWithAFrenchMessageOnTheParameter) {
  const std::string path = "/v1/collectivities/" + collectivity_ + "/non-declarers";
  for (const auto& [query, pointer] :
       std::vector<std::pair<std::string, std::string>>{{"?period=2026-13", "/query/period"},
                                                        {"?step=relance", "/query/step"},
                                                        {"?format=xlsx", "/query/format"},
                                                        {"?tri=nom", "/query/tri"}}) {
    auto answer = server_->client().Get(path + query);
    EXPECT_EQ(answer.status, 400) << query << " " << answer.body;
    EXPECT_EQ(answer.Header("content-type").rfind("application/problem+json", 0), 0u);
    EXPECT_NE(answer.body.find(pointer), std::string::npos) << answer.body;
  }
}

// The dashboard, month by month, against the declarations read here and the missing months
// computed here.
TEST_F(DemoWorklist, DashboardFiguresMatchTheDeclarationsAndTheMissingMonths) {
  const Month from{date::year{2026}, date::January};
  const Month to{date::year{2026}, date::October};
  auto answer = server_->client().Get("/v1/collectivities/" + collectivity_ +
                                      "/enforcement-dashboard?from=2026-01&to=2026-10");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json body = answer.Json();
  ASSERT_EQ(body["months"].size(), 10u);
  // Declared months, per month and commune: first revision on time or not, latest nil or not.
  std::map<std::pair<std::string, std::string>, std::map<std::string, long long>> expected;
  for (const auto& each :
       Rows("SELECT to_char(d.month, 'YYYY-MM') AS month, a.commune_insee_code AS commune, "
            "f.submitted_on <= f.due_on AS on_time, l.kind, l.total_cents "
            "FROM declaration_months d JOIN accommodations a ON a.id = d.accommodation_id "
            "JOIN declaration_revisions f ON f.accommodation_id = d.accommodation_id "
            "AND f.month = d.month AND f.revision = 1 "
            "JOIN declaration_revisions l ON l.accommodation_id = d.accommodation_id "
            "AND l.month = d.month AND l.revision = d.latest_revision "
            "WHERE d.latest_revision > 0 AND d.month BETWEEN '2026-01-01' AND '2026-10-01'")) {
    auto& figures =
        expected[{each["month"].get<std::string>(), each["commune"].get<std::string>()}];
    ++figures["declared"];
    ++figures[each["on_time"].get<bool>() ? "declared_on_time" : "declared_late"];
    if (each["kind"] != "stays") ++figures["nil"];
    figures["tax_declared_cents"] += each["total_cents"].get<long long>();
  }
  for (const auto& row : register_) {
    for (Month month : MonthsFrom(from, to)) {
      if (Missing(row, month)) ++expected[{FormatIsoMonth(month), row.commune}]["missing"];
    }
  }
  const std::vector<std::string> kFigures = {"declared", "declared_on_time", "declared_late",
                                             "nil",      "missing",          "tax_declared_cents"};
  for (const auto& month : body["months"]) {
    std::map<std::string, long long> total;
    for (const auto& [key, figures] : expected) {
      if (key.first != month["month"]) continue;
      for (const auto& [name, value] : figures) total[name] += value;
    }
    for (const auto& name : kFigures) EXPECT_EQ(month[name], total[name]) << month["month"] << name;
    EXPECT_EQ(month["expected"], total["declared"] + total["missing"]) << month["month"];
    EXPECT_EQ(month["awaited"], 0) << "every deadline of 2026-01 to 2026-10 has passed";
    for (const auto& commune : month["communes"]) {
      auto found = expected.find(
          {month["month"].get<std::string>(), commune["commune_insee_code"].get<std::string>()});
      ASSERT_NE(found, expected.end()) << commune.dump();
      for (const auto& name : kFigures) {
        EXPECT_EQ(commune[name], found->second[name]) << month["month"] << " " << name;
      }
    }
  }
  // The tax at stake in the chased months is the worklist's (no host is on hold).
  json totals;
  Listed("", &totals);
  long long at_stake = 0;
  for (const auto& month : body["months"]) {
    if (month["chased"] == true) at_stake += month["tax_at_stake_cents"].get<long long>();
  }
  EXPECT_EQ(at_stake, totals["amount_at_stake_cents"]);
}

}  // namespace
}  // namespace nuitee
