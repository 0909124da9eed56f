// The legal grid over HTTP: the shipped grids are readable with their provenance; an administrator
// loads the official barème of a year, which then wins for reading and for validating
// deliberations; a grid that is malformed (400) or incoherent (422) is refused field by field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::CreateCollectivity;
using testing::DeliberationBody;
using testing::ETag;
using testing::HttpResponse;
using testing::PutDeliberation;
using testing::TestServer;

json Row(long long floor, long long ceiling) {
  return {{"floor_cents", floor}, {"ceiling_cents", ceiling}};
}

// The official 2026 barème as an administrator would type it, with a 6 € palace ceiling.
json OfficialGrid() {
  return {{"source", "Note DGCL du 12 décembre 2025, barème 2026"},
          {"rows",
           {{"palace", Row(70, 600)},
            {"star5", Row(70, 350)},
            {"star4", Row(70, 260)},
            {"star3", Row(50, 170)},
            {"star2", Row(30, 100)},
            {"star1", Row(20, 80)},
            {"camping_3_5", Row(20, 60)},
            {"camping_1_2", Row(20, 20)}}}};
}

HttpResponse PutGrid(TestServer& server, int year, const json& body) {
  auto headers = server.client().AsOperator();
  headers["Content-Type"] = "application/json";
  return server.client().Request("PUT", "/v1/legal-grid/" + std::to_string(year), body.dump(),
                                 headers);
}

std::set<std::string> Pointers(const HttpResponse& response) {
  std::set<std::string> pointers;
  const json body = response.Json();
  for (const auto& each : body.at("errors")) pointers.insert(each.at("pointer"));
  return pointers;
}

TEST(LegalGrid, ShippedGridIsReadableWithItsProvenance) {
  TestServer server;
  const auto read = server.client().Get("/v1/legal-grid/2026");
  ASSERT_EQ(read.status, 200) << read.body;
  const json grid = read.Json();
  EXPECT_EQ(grid.at("year"), 2026);
  EXPECT_EQ(grid.at("version"), 0);
  EXPECT_TRUE(grid.at("source").is_null());
  EXPECT_EQ(grid.at("rows").size(), 8u);
  const json palace = grid.at("rows").at("palace");
  EXPECT_EQ(palace.at("floor_cents"), 70);
  EXPECT_EQ(palace.at("ceiling_cents"), 490);
  EXPECT_EQ(palace.at("provenance"), "derived");
  EXPECT_FALSE(palace.at("source").get<std::string>().empty());
  EXPECT_EQ(grid.at("unclassified"), json({{"min_rate_bp", 100}, {"max_rate_bp", 500}}));

  const auto base = server.client().Get("/v1/legal-grid/2019");
  ASSERT_EQ(base.status, 200) << base.body;
  EXPECT_EQ(base.Json().at("rows").at("palace").at("provenance"), "confirmed");
  EXPECT_EQ(base.Json().at("rows").at("palace").at("ceiling_cents"), 400);
}

TEST(LegalGrid, AYearWithoutAGridOrNotAYearIsNotFound) {
  TestServer server;
  for (const char* path :
       {"/v1/legal-grid/2010", "/v1/legal-grid/deux-mille", "/v1/legal-grid/99999"}) {
    const auto read = server.client().Get(path);
    EXPECT_EQ(read.status, 404) << path << ": " << read.body;
    EXPECT_EQ(read.Header("content-type").rfind("application/problem+json", 0), 0u) << path;
  }
}

TEST(LegalGrid, ALoadedGridWinsForReadingAndForValidatingDeliberations) {
  TestServer server;
  const std::string collectivity = CreateCollectivity(server.client());
  server.ActAsStaff(collectivity);
  json deliberation = DeliberationBody(2026);
  deliberation["tariffs_cents"]["palace"] =
      550;  // above the shipped 4,90 €, below the official 6 €

  const auto refused = PutDeliberation(server.client(), collectivity, 2026, deliberation);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Pointers(refused), std::set<std::string>{"/tariffs_cents/palace"});

  const auto loaded = PutGrid(server, 2026, OfficialGrid());
  ASSERT_EQ(loaded.status, 201) << loaded.body;
  EXPECT_EQ(loaded.Header("location"), "/v1/legal-grid/2026");
  EXPECT_EQ(loaded.Json().at("version"), 1);
  EXPECT_EQ(loaded.Json().at("loaded_by"), "operateur@nuitee.test");

  const auto read = server.client().Get("/v1/legal-grid/2026");
  ASSERT_EQ(read.status, 200) << read.body;
  const json grid = read.Json();
  EXPECT_EQ(grid.at("version"), 1);
  EXPECT_EQ(grid.at("source"), "Note DGCL du 12 décembre 2025, barème 2026");
  EXPECT_EQ(grid.at("rows").at("palace").at("ceiling_cents"), 600);
  for (const auto& [category, row] : grid.at("rows").items()) {
    EXPECT_EQ(row.at("provenance"), "loaded") << category;
    EXPECT_EQ(row.at("source"), grid.at("source")) << category;
  }

  const auto accepted = PutDeliberation(server.client(), collectivity, 2026, deliberation);
  EXPECT_EQ(accepted.status, 201) << accepted.body;

  // The same barème again records nothing; a corrected one is version 2.
  const auto again = PutGrid(server, 2026, OfficialGrid());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json().at("version"), 1);
  json corrected = OfficialGrid();
  corrected["rows"]["palace"]["ceiling_cents"] = 610;
  const auto second = PutGrid(server, 2026, corrected);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.Json().at("version"), 2);
  EXPECT_EQ(second.Header("etag"), ETag(2));
  EXPECT_EQ(
      server.client().Get("/v1/legal-grid/2026").Json().at("rows").at("palace").at("ceiling_cents"),
      610);
  // Another year keeps its shipped grid.
  EXPECT_EQ(server.client().Get("/v1/legal-grid/2025").Json().at("version"), 0);
}

TEST(LegalGrid, AMalformedGridIsABadRequestNamingEachField) {
  TestServer server;
  json grid = OfficialGrid();
  grid["rows"].erase("star1");
  grid["rows"]["palace"]["floor_cents"] = "0,70";
  grid["rows"]["star6"] = Row(10, 20);
  grid.erase("source");
  const auto refused = PutGrid(server, 2026, grid);
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(Pointers(refused), (std::set<std::string>{"/source", "/rows/star1",
                                                      "/rows/palace/floor_cents", "/rows/star6"}));
  EXPECT_EQ(server.client().Get("/v1/legal-grid/2026").Json().at("version"), 0);
}

TEST(LegalGrid, AnIncoherentGridIsRefusedWithEveryViolationAndNothingIsStored) {
  TestServer server;
  json grid = OfficialGrid();
  grid["rows"]["star3"] = Row(200, 170);  // floor above ceiling
  grid["rows"]["star2"] = Row(30, 900);   // a 2-star ceiling above the 3-star one
  grid["unclassified"] = {{"min_rate_bp", 600}, {"max_rate_bp", 500}};
  const auto refused = PutGrid(server, 2026, grid);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("type"), "urn:nuitee:problem:rule-violation");
  EXPECT_EQ(Pointers(refused),
            (std::set<std::string>{"/rows/star3/floor_cents", "/rows/star2/ceiling_cents",
                                   "/unclassified/min_rate_bp"}));
  EXPECT_EQ(server.client().Get("/v1/legal-grid/2026").Json().at("version"), 0);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM legal_grids"), 0);
}

}  // namespace
}  // namespace nuitee
