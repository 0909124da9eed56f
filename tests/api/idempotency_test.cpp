// Idempotency-Key on the register's creations: a retried POST gets its first answer back and
// creates nothing twice; the same key on another request is refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::CreateCollectivity;
using testing::TestServer;

json HostBody(const std::string& name) {
  return {{"kind", "person"},
          {"legal_name", name},
          {"address", {{"line", "2 rue du Bourg"}, {"postal_code", "15300"}, {"city", "Murat"}}}};
}

TEST(IdempotentCreation, ARetriedHostCreationCreatesOneHost) {
  TestServer server;
  const std::string collectivity = CreateCollectivity(server.client());
  server.ActAsStaff(collectivity);
  const std::string path = "/v1/collectivities/" + collectivity + "/hosts";
  const auto first = server.client().PostJson(path, HostBody("Jeanne Vidal"),
                                              {{"Idempotency-Key", "create-jeanne"}});
  ASSERT_EQ(first.status, 201) << first.body;
  const auto retry = server.client().PostJson(path, HostBody("Jeanne Vidal"),
                                              {{"Idempotency-Key", "create-jeanne"}});
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.Json().at("id"), first.Json().at("id"));
  EXPECT_EQ(retry.Header("location"), first.Header("location"));
  EXPECT_EQ(retry.Header("idempotent-replayed"), "true");
  EXPECT_EQ(server.client().Get(path).Json().at("items").size(), 1u);

  const auto reused = server.client().PostJson(path, HostBody("Paul Vidal"),
                                               {{"Idempotency-Key", "create-jeanne"}});
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(reused.Json().at("errors").at(0).at("pointer"), "/headers/Idempotency-Key");
  EXPECT_EQ(
      server.client()
          .PostJson(path, HostBody("Paul Vidal"), {{"Idempotency-Key", std::string(201, 'k')}})
          .status,
      400);
  EXPECT_EQ(server.client().Get(path).Json().at("items").size(), 1u);
}

// A failed request stores nothing, its key included: the corrected retry goes through.
TEST(IdempotentCreation, AKeyIsNotSpentByARefusedRequest) {
  TestServer server;
  const std::string collectivity = CreateCollectivity(server.client());
  server.ActAsStaff(collectivity);
  const std::string path = "/v1/collectivities/" + collectivity + "/hosts";
  json bad = HostBody("Jeanne Vidal");
  bad["address"]["postal_code"] = "ABC";
  ASSERT_EQ(server.client().PostJson(path, bad, {{"Idempotency-Key", "k"}}).status, 400);
  ASSERT_EQ(
      server.client().PostJson(path, HostBody("Jeanne Vidal"), {{"Idempotency-Key", "k"}}).status,
      201);
}

}  // namespace
}  // namespace nuitee
