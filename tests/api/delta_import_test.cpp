// Importing a DGFiP DELTA file over HTTP: the collectivity's own deliberations are checked like a
// PUT and recorded together with source "delta"; a file that cannot be read, that holds none of the
// collectivity's deliberations, or whose deliberations break a rule stores nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::CreateCollectivity;
using testing::HttpResponse;
using testing::TestServer;

std::string ReadDeltaFile(const std::string& name) {
  std::ifstream file(std::string(NUITEE_SOURCE_DIR) + "/tests/data/delta/" + name);
  if (!file) throw std::runtime_error("cannot read tests/data/delta/" + name);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

json Commune(const std::string& insee_code, const std::string& name) {
  return {{"insee_code", insee_code}, {"name", name}};
}

// The Monts du Cézallier of sample-2026.xml (SIREN 200999993), with every commune its deliberation
// covers unless `without_besse`.
json CezallierBody(bool without_besse = false) {
  json communes = {Commune("15001", "Allanche"),        Commune("15054", "Condat"),
                   Commune("15101", "Laveissière"),     Commune("15138", "Murat"),
                   Commune("63077", "Chambon-sur-Lac"), Commune("63169", "La Godivelle")};
  if (!without_besse) communes.push_back(Commune("63038", "Besse-et-Saint-Anastaise"));
  return {{"name", "Communauté de communes des Monts du Cézallier"},
          {"siren", "200999993"},
          {"kind", "epci"},
          {"department_code", "15"},
          {"communes", communes}};
}

HttpResponse Import(TestServer& server, const std::string& collectivity, const std::string& xml,
                    const std::string& media_type = "application/xml") {
  return server.client().Request("POST",
                                 "/v1/collectivities/" + collectivity + "/deliberations/delta", xml,
                                 {{"Content-Type", media_type}});
}

std::set<std::string> Pointers(const HttpResponse& response) {
  std::set<std::string> pointers;
  const json body = response.Json();
  for (const auto& each : body.at("errors")) pointers.insert(each.at("pointer"));
  return pointers;
}

TEST(DeltaImport, RecordsTheCollectivitysDeliberationFromTheSampleFile) {
  TestServer server;
  const std::string id = CreateCollectivity(server.client(), CezallierBody());
  server.ActAsStaff(id);
  const auto imported = Import(server, id, ReadDeltaFile("sample-2026.xml"));
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.Json().at("items"),
            json::array({{{"year", 2026}, {"version", 1}, {"created", true}}}));

  const auto read = server.client().Get("/v1/collectivities/" + id + "/deliberations/2026");
  ASSERT_EQ(read.status, 200) << read.body;
  const json deliberation = read.Json();
  EXPECT_EQ(deliberation.at("source"), "delta");
  EXPECT_EQ(deliberation.at("recorded_by"), TestServer::StaffEmail(id));
  EXPECT_EQ(deliberation.at("adopted_on"), "2025-06-19");
  EXPECT_EQ(deliberation.at("tariffs_cents").at("palace"), 280);
  EXPECT_EQ(deliberation.at("tariffs_cents").at("camping_1_2"), 20);
  EXPECT_EQ(deliberation.at("unclassified_rate_bp"), 440);
  EXPECT_EQ(deliberation.at("communes").size(), 7u);
  ASSERT_EQ(deliberation.at("additional_taxes").size(), 1u);
  EXPECT_EQ(deliberation.at("additional_taxes")[0].at("beneficiary"), "departement");
  EXPECT_EQ(deliberation.at("perception_periods"),
            json::array({{{"first_night", "2026-01-01"}, {"last_night", "2026-12-31"}}}));

  // The same file again records nothing new.
  const auto again = Import(server, id, ReadDeltaFile("sample-2026.xml"), "text/xml");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.Json().at("items")[0].at("created"), false);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM deliberations"), 1);

  // And the simulator uses it at once.
  const auto quote =
      server.client().PostJson("/v1/collectivities/" + id + "/quotes", {{"commune_insee", "15138"},
                                                                        {"category", "star3"},
                                                                        {"arrival", "2026-08-01"},
                                                                        {"nights", 2},
                                                                        {"occupants", 2}});
  ASSERT_EQ(quote.status, 200) << quote.body;
  EXPECT_EQ(quote.Json().at("tax_cents"), 110 * 2 * 2);
}

TEST(DeltaImport, ABrokenFileIsRefusedWithItsLinesAndNothingIsStored) {
  TestServer server;
  const std::string id = CreateCollectivity(server.client(), CezallierBody());
  server.ActAsStaff(id);
  const auto refused = Import(server, id, ReadDeltaFile("broken-unknown-category.xml"));
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("type"), "urn:nuitee:problem:rule-violation");
  EXPECT_EQ(Pointers(refused), std::set<std::string>{"/line/40"});
  EXPECT_NE(refused.body.find("12"), std::string::npos);

  const auto malformed = Import(server, id, ReadDeltaFile("broken-malformed.xml"));
  ASSERT_EQ(malformed.status, 422) << malformed.body;
  for (const auto& pointer : Pointers(malformed)) EXPECT_EQ(pointer.rfind("/line/", 0), 0u);

  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM deliberations"), 0);
  EXPECT_EQ(server.client().Get("/v1/collectivities/" + id + "/deliberations/2026").status, 404);
}

TEST(DeltaImport, ADeliberationThatBreaksARuleIsRefusedWithItsPlaceInTheFile) {
  TestServer server;
  // Besse-et-Saint-Anastaise is not a member here, so the file's deliberation covers a stranger.
  const std::string id = CreateCollectivity(server.client(), CezallierBody(/*without_besse=*/true));
  server.ActAsStaff(id);
  const auto refused = Import(server, id, ReadDeltaFile("sample-2026.xml"));
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Pointers(refused), std::set<std::string>{"/deliberations/0/communes/4"});
  EXPECT_NE(refused.body.find("63038"), std::string::npos);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM deliberations"), 0);
}

TEST(DeltaImport, AFileWithoutTheCollectivitysDeliberationIsRefused) {
  TestServer server;
  const std::string id = CreateCollectivity(server.client());  // SIREN 200066637: not in the file
  server.ActAsStaff(id);
  const auto refused = Import(server, id, ReadDeltaFile("sample-2026.xml"));
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("200066637"), std::string::npos);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM deliberations"), 0);
}

TEST(DeltaImport, AcceptsOnlyXml) {
  TestServer server;
  const std::string id = CreateCollectivity(server.client(), CezallierBody());
  server.ActAsStaff(id);
  const auto refused = Import(server, id, ReadDeltaFile("sample-2026.xml"), "application/json");
  EXPECT_EQ(refused.status, 415) << refused.body;
  // "delta" is not a year: the import path answers only POST.
  const auto read = server.client().Get("/v1/collectivities/" + id + "/deliberations/delta");
  EXPECT_EQ(read.status, 405) << read.body;
  EXPECT_EQ(read.Header("allow"), "POST");
  EXPECT_EQ(Import(server, "00000000-0000-4000-8000-000000000000", ReadDeltaFile("sample-2026.xml"))
                .status,
            404);
}

}  // namespace
}  // namespace nuitee
