// Classification decisions over HTTP: a later decision supersedes an earlier one for good, and
// recording one changes the accommodation's version (its category may have changed).
#include <gtest/gtest.h>

#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using testing::TestServer;
using Headers = std::map<std::string, std::string>;

struct Registered {
  std::string accommodation;
  Headers as;
};

Registered RegisterMeuble(TestServer& server) {
  auto& client = server.client();
  auto collectivity = client.PostJson(
      "/v1/collectivities", {{"name", "Commune de Murat"},
                             {"siren", "200066637"},
                             {"kind", "commune"},
                             {"department_code", "15"},
                             {"communes", {{{"insee_code", "15138"}, {"name", "Murat"}}}}});
  const std::string id = collectivity.Json().at("id");
  Headers as = client.AsStaffOf(id);
  auto host = client.PostJson("/v1/collectivities/" + id + "/hosts",
                              {{"kind", "person"},
                               {"legal_name", "Jeanne Vidal"},
                               {"address",
                                {{"line", "2 rue du Bourg"}, {"postal_code", "15300"}, {"city", "Murat"}}}},
                              as);
  auto accommodation = client.PostJson(
      "/v1/hosts/" + host.Json().at("id").get<std::string>() + "/accommodations",
      {{"name", "Le Cantou"},
       {"commune", "15138"},
       {"address", {{"line", "2 rue du Bourg"}, {"postal_code", "15300"}}},
       {"nature", "furnished_rental"},
       {"capacity_persons", 4},
       {"registration_number", "15138000123AB"},
       {"marketing", "direct"}},
      as);
  EXPECT_EQ(accommodation.status, 201) << accommodation.body;
  return {accommodation.Json().at("id"), as};
}

TEST(ClassificationHistory, ALaterDecisionSupersedesTheEarlierOneEvenBeforeItExpires) {
  TestServer server;
  auto& client = server.client();
  const auto [id, as] = RegisterMeuble(server);
  const std::string base = "/v1/accommodations/" + id;
  EXPECT_EQ(client.PostJson(base + "/classifications",
                            {{"rank", "3"}, {"decided_on", "2022-01-01"}, {"body", "Organisme A"}}, as)
                .status,
            201);
  EXPECT_EQ(client.PostJson(base + "/classifications",
                            {{"rank", "2"},
                             {"decided_on", "2024-01-01"},
                             {"expires_on", "2025-06-30"},
                             {"body", "Organisme B"}},
                            as)
                .status,
            201);
  auto listed = client.Get(base + "/classifications", as).Json().at("items");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].at("rank"), "3");
  EXPECT_EQ(listed[0].at("in_force"), false);  // superseded in 2024, although valid until 2026
  EXPECT_EQ(listed[1].at("in_force"), false);  // expired on 2025-06-30
  // The 3★ decision does not come back after the 2★ one expired.
  EXPECT_EQ(client.Get(base + "/category?on=2025-07-01", as).Json().at("category"), "unclassified");
  EXPECT_EQ(client.Get(base + "/category?on=2024-06-01", as).Json().at("category"), "star2");
  EXPECT_EQ(client.Get(base + "/category?on=2023-06-01", as).Json().at("category"), "star3");
}

TEST(ClassificationHistory, RecordingADecisionChangesTheAccommodationsVersion) {
  TestServer server;
  auto& client = server.client();
  const auto [id, as] = RegisterMeuble(server);
  const std::string base = "/v1/accommodations/" + id;
  EXPECT_EQ(client.Get(base, as).Header("etag"), "\"1\"");
  ASSERT_EQ(client.PostJson(base + "/classifications",
                            {{"rank", "4"}, {"decided_on", "2025-03-01"}, {"body", "Organisme A"}}, as)
                .status,
            201);
  auto read = client.Get(base, as);
  EXPECT_EQ(read.Header("etag"), "\"2\"");
  EXPECT_EQ(read.Json().at("category"), "star4");
  // A client holding the old ETag must reload before changing it.
  Headers stale = as;
  stale["If-Match"] = "\"1\"";
  EXPECT_EQ(client.PatchJson(base, {{"capacity_persons", 6}}, stale).status, 412);
  auto history = client.Get(base + "/history", as).Json().at("items");
  EXPECT_EQ(history.back().at("action"), "classified");
  EXPECT_EQ(history.back().at("version"), 2);
}

}  // namespace
}  // namespace nuitee
