// Fuzzes the readers of an accommodation and of a classification decision
// (api/json/accommodation_json.hpp).
#include <cstddef>
#include <cstdint>

#include "api/json/accommodation_json.hpp"
#include "domain/nature.hpp"
#include "fuzz/json_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  auto body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  fuzz::CheckRecord(*body, api::AccommodationFromJson, api::AccommodationWritableJson);
  for (Nature nature : kAllNatures) {
    auto classification = api::ClassificationFromJson(*body, nature);
    if (!classification) fuzz::CheckSendable(classification.error());
  }
  return 0;
}
