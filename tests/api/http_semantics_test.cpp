// HTTP details every client relies on: HEAD answers like GET without a body, oversized bodies get
// a problem+json 413 and leave the connection usable, If-Match "*" matches any version.
#include <gtest/gtest.h>

#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using testing::TestServer;

nlohmann::json SampleCollectivityBody() {
  return {{"name", "CC des Monts du Test"},
          {"siren", "200066637"},
          {"kind", "epci"},
          {"department_code", "15"},
          {"communes", {{{"insee_code", "15138"}, {"name", "Murat"}}}}};
}

TEST(HttpSemantics, HeadAnswersLikeGetWithoutABody) {
  TestServer server;
  auto& client = server.client();
  auto head = client.Request("HEAD", "/health");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_FALSE(head.Header("x-request-id").empty());
  EXPECT_EQ(head.Header("content-type").rfind("application/json", 0), 0u);
  // A path without GET refuses HEAD too, with its Allow list.
  auto refused = client.Request("HEAD", "/v1/accommodations/00000000-0000-4000-8000-000000000000/"
                                        "classifications/none");
  EXPECT_EQ(refused.status, 404);
  auto not_allowed = client.Request("DELETE", "/health");
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_EQ(not_allowed.Header("allow"), "GET, HEAD");
  // The connection stays in step after a HEAD: the next answer is the right one.
  EXPECT_EQ(client.Get("/health").Json().at("status"), "ok");
}

TEST(HttpSemantics, AnOversizedBodyGetsAProblemAndTheConnectionStaysUsable) {
  TestServer server;
  auto& client = server.client();
  const std::string two_mebibytes = "{\"name\": \"" + std::string(2 << 20, 'x') + "\"}";
  auto refused = client.Request("POST", "/v1/collectivities", two_mebibytes,
                                {{"Content-Type", "application/json"}});
  EXPECT_EQ(refused.status, 413);
  EXPECT_EQ(refused.Header("content-type").rfind("application/problem+json", 0), 0u);
  EXPECT_EQ(refused.Json().at("type"), "urn:nuitee:problem:payload-too-large");
  auto next = client.PostJson("/v1/collectivities", SampleCollectivityBody());
  EXPECT_EQ(next.status, 201) << next.body;
}

TEST(HttpSemantics, IfMatchStarUpdatesWhateverTheStoredVersion) {
  TestServer server;
  auto& client = server.client();
  auto created = client.PostJson("/v1/collectivities", SampleCollectivityBody());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = created.Header("location");
  auto renamed = client.PatchJson(path, {{"name", "CC renommée"}}, {{"If-Match", "*"}});
  EXPECT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Header("etag"), "\"2\"");
  auto again = client.PatchJson(path, {{"name", "CC renommée deux fois"}}, {{"If-Match", "*"}});
  EXPECT_EQ(again.Header("etag"), "\"3\"");
}

}  // namespace
}  // namespace nuitee
