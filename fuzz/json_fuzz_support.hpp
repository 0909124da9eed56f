// The start of every JSON fuzz target: the bytes become a request body as the routes get it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "api/http/json_body.hpp"
#include "api/http/problem.hpp"
#include "fuzz/fuzz_support.hpp"

namespace nuitee::fuzz {

// ParseJsonObject's checks (size, syntax, an object); a refused body's problem must serialise.
inline std::optional<nlohmann::json> ParseBody(std::string_view text) {
  auto body = api::ParseJsonObject(text);
  if (body) return std::move(*body);
  try {
    (void)api::ProblemBody(body.error(), "/fuzz", "fuzz").dump();
  } catch (const nlohmann::json::type_error& e) {
    Fail("a body problem is not UTF-8:", e.what());
  }
  return std::nullopt;
}

}  // namespace nuitee::fuzz
