// Fuzzes the reader of the legal grid (PUT /v1/legal-grid/{year}, api/json/legal_grid_json.hpp).
#include <cstddef>
#include <cstdint>

#include "api/json/legal_grid_json.hpp"
#include "fuzz/json_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  auto body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  auto input = api::LegalGridFromJson(*body, 2026);
  if (!input) {
    fuzz::CheckSendable(input.error());
    return 0;
  }
  const auto violations = api::LegalGridViolations(input->grid);
  if (!violations.empty()) fuzz::CheckSendable(Error::RuleViolation(violations));
  (void)api::ShippedLegalGridToJson(input->grid).dump();
  return 0;
}
