// Making platforms over HTTP.
#include "tests/support/platform_fixtures.hpp"

#include "tests/support/api_fixtures.hpp"

namespace nuitee::testing {

IssuedPlatform RegisteredPlatform(HttpClient& client, const std::string& name,
                                  const std::vector<std::string>& collectivities) {
  IssuedPlatform platform;
  platform.id = CreatedId(client.PostJson("/v1/platforms", {{"name", name}}, client.AsOperator()));
  const nlohmann::json key = Created(client.PostJson("/v1/platforms/" + platform.id + "/keys",
                                                     {{"label", "tests"}}, client.AsOperator()));
  platform.key = key.at("key").get<std::string>();
  platform.key_id = key.at("id").get<std::string>();
  for (const auto& collectivity : collectivities) {
    Created(client.PostJson("/v1/collectivities/" + collectivity + "/platforms",
                            {{"platform_id", platform.id}}, client.AsStaffOf(collectivity)));
  }
  return platform;
}

}  // namespace nuitee::testing
