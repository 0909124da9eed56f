// Fuzzes the reader of a host (POST/PATCH /v1/hosts, api/json/host_json.hpp).
#include <cstddef>
#include <cstdint>

#include "api/json/host_json.hpp"
#include "fuzz/json_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  auto body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (body) fuzz::CheckRecord(*body, api::HostFromJson, api::HostWritableJson);
  return 0;
}
