// Fuzzes the UTF-8 check of domain/core/utf8.hpp against nlohmann's (RFC 3629) one: both must
// agree on every text, and every sequence accepted must decode to the code point it encodes.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "api/http/text.hpp"
#include "domain/core/utf8.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

// Our reading of the whole text: true when every sequence is well-formed.
bool IsUtf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = nuitee::Utf8SequenceLength(text, at);
    if (length == 0) return false;
    nuitee::fuzz::Check(length <= 4 && at + length <= text.size(), "sequence past the text");
    at += length;
  }
  return true;
}

bool NlohmannAcceptsUtf8(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  const std::string text(fuzz::AsText(data, size));
  const bool ours = IsUtf8(text);
  fuzz::Check(ours == NlohmannAcceptsUtf8(text), "Utf8SequenceLength disagrees with nlohmann");
  fuzz::Check(api::IsStorableText(text) == (ours && text.find('\0') == std::string::npos),
              "IsStorableText is not UTF-8 without NUL");
  return 0;
}
