// Fuzzes the reader of a deliberation (PUT /v1/collectivities/{id}/deliberations/{year},
// api/json/deliberation_json.hpp).
#include <cstddef>
#include <cstdint>

#include "api/json/deliberation_json.hpp"
#include "fuzz/json_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  constexpr int kYear = 2026;
  auto body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  auto input = api::DeliberationFromJson(*body, kYear);
  if (!input) {
    fuzz::CheckSendable(input.error());
    return 0;
  }
  const nlohmann::json written = api::DeliberationBodyJson(input->deliberation);
  auto again = api::DeliberationFromJson(written, kYear);
  if (!again) {
    fuzz::CheckSendable(again.error());
    fuzz::Fail("a deliberation's JSON is refused:", written.dump());
  }
  fuzz::Check(again->deliberation == input->deliberation, "deliberation round trip");
  return 0;
}
