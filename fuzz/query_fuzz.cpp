// Fuzzes what reads query strings (api/http/query.hpp) and the dates and months given in them:
// percent-decoding, the opaque pagination cursor, ISO dates and months.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/http/query.hpp"
#include "api/http/text.hpp"
#include "domain/core/dates.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  const std::string text(fuzz::AsText(data, size));
  if (auto decoded = api::PercentDecode(text)) {
    fuzz::Check(decoded->size() <= text.size(), "decoding made the text longer");
    (void)api::IsStorableText(*decoded);
  }
  if (auto after = api::DecodeCursor(text)) {
    fuzz::Check(*after >= 0, "a negative cursor");
    fuzz::Check(api::DecodeCursor(api::EncodeCursor(*after)) == after, "cursor round trip");
  }
  if (auto day = ParseIsoDate(text)) {
    fuzz::Check(day->ok() && FormatIsoDate(*day) == text, "ISO date round trip");
  }
  if (auto day = ParseRegisterDay(text)) fuzz::Check(IsPlausibleRegisterDay(*day), "register day");
  if (auto month = ParseIsoMonth(text)) {
    fuzz::Check(month->ok() && FormatIsoMonth(*month) == text, "ISO month round trip");
  }
  return 0;
}
