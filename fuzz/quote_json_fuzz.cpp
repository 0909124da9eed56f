// Fuzzes the reader of the tax simulator's request (POST /v1/collectivities/{id}/quotes,
// api/json/quote_json.hpp).
#include <cstddef>
#include <cstdint>

#include "api/json/quote_json.hpp"
#include "fuzz/json_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  auto body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  if (auto quote = api::QuoteRequestFromJson(*body); !quote) fuzz::CheckSendable(quote.error());
  return 0;
}
