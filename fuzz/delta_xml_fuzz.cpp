// Fuzzes the DGFiP DELTA deliberation import (imports/delta_xml.hpp): any bytes are either
// deliberations or a refusal whose every message can be sent as JSON.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.hpp"
#include "imports/delta_xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  auto deliberations = imports::ParseDeltaXml(fuzz::AsText(data, size));
  if (!deliberations) {
    fuzz::CheckSendable(deliberations.error());
    fuzz::Check(!deliberations.error().field_errors.empty(), "a refusal without a problem");
    return 0;
  }
  for (const auto& each : *deliberations) {
    fuzz::Check(each.line >= 1, "a deliberation without a line");
    fuzz::CheckSendable(Error::Invalid({{each.siren, each.collectivity_name}}));
  }
  return 0;
}
