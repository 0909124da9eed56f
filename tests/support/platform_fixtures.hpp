// Platforms for API tests: created and given a key by the operator, registered by collectivities'
// staff, all over HTTP.
#pragma once

#include <string>
#include <vector>

#include "tests/support/http_client.hpp"

namespace nuitee::testing {

struct IssuedPlatform {
  std::string id;
  std::string key;  // the API key, as the platform sends it
  std::string key_id;
};

// Creates the platform `name`, issues it a key and registers it for each of `collectivities`
// (each by its own staff); throws (failing the test) when a step is refused.
IssuedPlatform RegisteredPlatform(HttpClient& client, const std::string& name,
                                  const std::vector<std::string>& collectivities);

}  // namespace nuitee::testing
