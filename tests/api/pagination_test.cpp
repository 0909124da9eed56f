// Keyset pagination of the register over HTTP: stable while rows are added, opaque cursors, and
// strict query parameters.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestServer;
using testing::Created;

struct Register {
  std::string collectivity;
  std::string host;
  std::string list;  // the register's list path
};

Register CreateRegister(TestServer& server) {
  Register made;
  made.collectivity =
      Created(server.client().PostJson("/v1/collectivities",
                                       {{"name", "Communauté de communes du Pays de Murat"},
                                        {"siren", "200066637"},
                                        {"kind", "epci"},
                                        {"department_code", "15"},
                                        {"communes",
                                         {{{"insee_code", "15138"}, {"name", "Murat"}},
                                          {{"insee_code", "15003"}, {"name", "Allanche"}}}}}))
          .at("id");
  server.ActAsStaff(made.collectivity);
  made.host =
      Created(
          server.client().PostJson(
              "/v1/collectivities/" + made.collectivity + "/hosts",
              {{"kind", "company"},
               {"legal_name", "Hôtels du Cantal"},
               {"siret", "73282932000074"},
               {"address",
                {{"line", "1 avenue du Lioran"}, {"postal_code", "15300"}, {"city", "Murat"}}}}))
          .at("id");
  made.list = "/v1/collectivities/" + made.collectivity + "/accommodations";
  return made;
}

// `count` hotels at distinct addresses, inserted straight into the table (fast arrangement; all
// reading goes through HTTP). Odd numbers are in Murat, even ones in Allanche.
void InsertHotels(TestServer& server, const Register& made, int first, int count) {
  server.db().Execute(
      "INSERT INTO accommodations (collectivity_id, host_id, host_name, name, commune_insee_code, "
      "address_line, postal_code, nature, capacity_persons, marketing, unclassified_category) "
      "SELECT '" +
      made.collectivity + "', '" + made.host +
      "', 'Hôtels du Cantal', "
      "'Hôtel n° ' || n, CASE WHEN n % 2 = 1 THEN '15138' ELSE '15003' END, "
      "n || ' avenue du Lioran', '15300', 'hotel', 10, 'direct', 'unclassified' "
      "FROM generate_series(" +
      std::to_string(first) + ", " + std::to_string(first + count - 1) + ") AS n");
}

std::string CreateHotelOverHttp(TestServer& server, const Register& made, int n) {
  return Created(server.client().PostJson(
                     "/v1/hosts/" + made.host + "/accommodations",
                     {{"name", "Hôtel ajouté n° " + std::to_string(n)},
                      {"commune", "15138"},
                      {"address",
                       {{"line", std::to_string(n) + " rue Neuve"}, {"postal_code", "15300"}}},
                      {"nature", "hotel"},
                      {"capacity_persons", 12},
                      {"marketing", "direct"}}))
      .at("id");
}

std::vector<std::string> AllIds(TestServer& server, const Register& made) {
  std::vector<std::string> ids;
  const auto response = server.client().Get(made.list + "?limit=200");
  const json response_body = response.Json();
  for (const auto& item : response_body.at("items")) ids.push_back(item.at("id"));
  return ids;
}

// The first error's pointer of a 400 problem.
std::string FirstPointer(const HttpResponse& response) {
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_EQ(response.Header("content-type").rfind("application/problem+json", 0), 0u);
  const json body = json::parse(response.body, nullptr, false);
  if (!body.is_object() || !body.contains("errors") || body.at("errors").empty()) return "";
  return body.at("errors")[0].at("pointer");
}

TEST(Pagination, PagingWhileRowsAreAddedSeesEveryRowExactlyOnce) {
  TestServer server;
  const Register made = CreateRegister(server);
  InsertHotels(server, made, 1, 120);
  const std::vector<std::string> at_start = AllIds(server, made);
  ASSERT_EQ(at_start.size(), 120u);

  std::map<std::string, int> seen;
  std::vector<std::string> added;
  std::string cursor;
  int pages = 0;
  while (true) {
    const std::string query = "?limit=25" + (cursor.empty() ? "" : "&cursor=" + cursor);
    const auto page = server.client().Get(made.list + query);
    ASSERT_EQ(page.status, 200) << page.body;
    const json body = page.Json();
    ASSERT_LE(body.at("items").size(), 25u);
    for (const auto& item : body.at("items")) ++seen[item.at("id").get<std::string>()];
    ++pages;
    ASSERT_LT(pages, 20) << "pagination does not end";
    // Others keep registering while we read: two new rows between each of the first pages.
    if (pages <= 3) {
      added.push_back(CreateHotelOverHttp(server, made, 2 * pages));
      added.push_back(CreateHotelOverHttp(server, made, 2 * pages + 1));
    }
    if (body.at("next_cursor").is_null()) {
      EXPECT_LT(body.at("items").size(), 26u);
      break;
    }
    cursor = body.at("next_cursor").get<std::string>();
    ASSERT_FALSE(cursor.empty());
  }

  // Every row present at the start was seen once: no gap, no duplicate.
  for (const auto& id : at_start) EXPECT_EQ(seen[id], 1) << id;
  for (const auto& [id, times] : seen) EXPECT_EQ(times, 1) << id;
  // Rows added while paging come after those already there, so a reader reaches them too.
  for (const auto& id : added) EXPECT_EQ(seen[id], 1) << id;
  EXPECT_EQ(seen.size(), 126u);
  EXPECT_EQ(pages, 6);  // 126 rows by 25

  // The last page is the end: a page of exactly `limit` rows with nothing after has no cursor.
  const auto exact = server.client().Get(made.list + "?limit=126");
  ASSERT_EQ(exact.status, 200);
  EXPECT_EQ(exact.Json().at("items").size(), 126u);
  EXPECT_TRUE(exact.Json().at("next_cursor").is_null());
  const auto one_short = server.client().Get(made.list + "?limit=125");
  EXPECT_FALSE(one_short.Json().at("next_cursor").is_null());
}

TEST(Pagination, FilteredPagesKeepTheirFilterAndOrder) {
  TestServer server;
  const Register made = CreateRegister(server);
  InsertHotels(server, made, 1, 120);  // 60 in Murat, 60 in Allanche

  std::vector<std::string> names;
  std::string cursor;
  for (int page_number = 0; page_number < 10; ++page_number) {
    const auto page = server.client().Get(made.list + "?commune=15003&limit=25" +
                                          (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(page.status, 200) << page.body;
    const json page_body = page.Json();
    for (const auto& item : page_body.at("items")) {
      EXPECT_EQ(item.at("commune"), "15003");
      EXPECT_EQ(item.at("commune_name"), "Allanche");
      names.push_back(item.at("name"));
    }
    if (page.Json().at("next_cursor").is_null()) break;
    cursor = page.Json().at("next_cursor");
  }
  ASSERT_EQ(names.size(), 60u);
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(names[i], "Hôtel n° " + std::to_string(2 * (i + 1)));  // insertion order
  }

  // Host and collectivity lists page the same way.
  for (int i = 0; i < 4; ++i) {
    Created(server.client().PostJson(
        "/v1/collectivities/" + made.collectivity + "/hosts",
        {{"kind", "person"},
         {"legal_name", "Hôte " + std::to_string(i)},
         {"address", {{"line", "Le bourg"}, {"postal_code", "15300"}, {"city", "Murat"}}}}));
  }
  const std::string hosts = "/v1/collectivities/" + made.collectivity + "/hosts?limit=2";
  std::set<std::string> host_ids;
  cursor.clear();
  int host_pages = 0;
  do {
    const auto page = server.client().Get(hosts + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(page.status, 200) << page.body;
    const json page_body = page.Json();
    for (const auto& item : page_body.at("items")) host_ids.insert(item.at("id"));
    cursor = page.Json().at("next_cursor").is_null() ? "" : page.Json().at("next_cursor");
    ++host_pages;
  } while (!cursor.empty() && host_pages < 10);
  EXPECT_EQ(host_ids.size(), 5u);
  EXPECT_EQ(host_pages, 3);

  const auto collectivities =
      server.client().Get("/v1/collectivities?limit=1", server.client().AsOperator());
  ASSERT_EQ(collectivities.status, 200);
  EXPECT_EQ(collectivities.Json().at("items").size(), 1u);
  EXPECT_TRUE(collectivities.Json().at("next_cursor").is_null());
}

TEST(Pagination, InvalidCursorIsBadRequest) {
  TestServer server;
  const Register made = CreateRegister(server);
  InsertHotels(server, made, 1, 3);
  const auto first = server.client().Get(made.list + "?limit=1");
  ASSERT_EQ(first.status, 200);
  const std::string cursor = first.Json().at("next_cursor");

  for (const std::string& bad : std::vector<std::string>{
           std::string("not-a-cursor!"), std::string("AAAA"), "x" + cursor, cursor + "!",
           std::string(40, 'c'), std::string("%ZZ"), std::string("czE=")}) {
    const auto response = server.client().Get(made.list + "?cursor=" + bad);
    EXPECT_EQ(FirstPointer(response), "/query/cursor") << bad << " " << response.body;
  }
  const auto hosts =
      server.client().Get("/v1/collectivities/" + made.collectivity + "/hosts?cursor=garbage!");
  EXPECT_EQ(FirstPointer(hosts), "/query/cursor");
  const auto message = server.client().Get(made.list + "?cursor=AAAA").Json();
  EXPECT_EQ(message.at("errors")[0].at("detail"),
            "Ce curseur n'est pas valide : reprenez la liste depuis le début.");

  // The cursor from a page still works.
  const auto second = server.client().Get(made.list + "?limit=1&cursor=" + cursor);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.Json().at("items")[0].at("name"), "Hôtel n° 2");
}

TEST(Pagination, LimitOutsideOneToTwoHundredIsBadRequest) {
  TestServer server;
  const Register made = CreateRegister(server);
  InsertHotels(server, made, 1, 3);
  for (const std::string& bad :
       std::vector<std::string>{"0", "500", "201", "-1", "abc", "25abc", "2.5", "99999999999"}) {
    const auto response = server.client().Get(made.list + "?limit=" + bad);
    EXPECT_EQ(FirstPointer(response), "/query/limit") << bad;
    EXPECT_EQ(response.Json().at("errors")[0].at("detail"),
              "« limit » doit être un entier entre 1 et 200.");
  }
  for (const std::string& list : std::vector<std::string>{
           "/v1/collectivities", "/v1/collectivities/" + made.collectivity + "/hosts",
           "/v1/hosts/" + made.host + "/accommodations"}) {
    // The list of collectivities is the operator's.
    const auto as = list == "/v1/collectivities" ? server.client().AsOperator()
                                                 : std::map<std::string, std::string>{};
    EXPECT_EQ(FirstPointer(server.client().Get(list + "?limit=0", as)), "/query/limit") << list;
  }

  const auto smallest = server.client().Get(made.list + "?limit=1");
  ASSERT_EQ(smallest.status, 200);
  EXPECT_EQ(smallest.Json().at("items").size(), 1u);
  const auto largest = server.client().Get(made.list + "?limit=200");
  ASSERT_EQ(largest.status, 200);
  EXPECT_EQ(largest.Json().at("items").size(), 3u);
  // Without a limit, a page holds up to 50 rows.
  InsertHotels(server, made, 4, 57);
  const auto by_default = server.client().Get(made.list);
  ASSERT_EQ(by_default.status, 200);
  EXPECT_EQ(by_default.Json().at("items").size(), 50u);
  EXPECT_FALSE(by_default.Json().at("next_cursor").is_null());
}

TEST(Pagination, UnknownQueryParameterIsBadRequest) {
  TestServer server;
  const Register made = CreateRegister(server);
  const auto sorted = server.client().Get(made.list + "?sort=name");
  EXPECT_EQ(FirstPointer(sorted), "/query/sort");
  EXPECT_EQ(sorted.Json().at("errors")[0].at("detail"), "Paramètre inconnu : « sort ».");

  // Every unknown parameter is named, known ones next to them do not hide them.
  const auto several = server.client().Get(made.list + "?limit=10&page=2&offset=20");
  ASSERT_EQ(several.status, 400);
  std::set<std::string> pointers;
  const json several_body = several.Json();
  for (const auto& each : several_body.at("errors")) pointers.insert(each.at("pointer"));
  EXPECT_EQ(pointers, (std::set<std::string>{"/query/page", "/query/offset"}));

  for (const std::string& path : std::vector<std::string>{
           "/v1/collectivities?name=Murat",
           "/v1/collectivities/" + made.collectivity + "/hosts?page=2",
           "/v1/hosts/" + made.host + "/accommodations?host=1",
           "/v1/accommodations/" + CreateHotelOverHttp(server, made, 1) + "/category?day=2026-01-01"}) {
    const auto as = path.rfind("/v1/collectivities?", 0) == 0
                        ? server.client().AsOperator()
                        : std::map<std::string, std::string>{};
    const auto response = server.client().Get(path, as);
    EXPECT_EQ(response.status, 400) << path << " " << response.body;
    EXPECT_EQ(FirstPointer(response).rfind("/query/", 0), 0u) << path;
  }
  // Names are matched exactly: case matters.
  EXPECT_EQ(FirstPointer(server.client().Get(made.list + "?Limit=10")), "/query/Limit");
}

}  // namespace
}  // namespace nuitee
