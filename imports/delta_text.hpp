// The text layer of the DELTA file: its encoding, checked or converted to UTF-8 before parsing,
// and the line numbers every message refers to.
#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace nuitee::imports::delta {

// Line numbers (1-based) of byte offsets in a text.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // Offsets before the text (pugixml's -1 for "unknown") count as line 1.
  int LineAt(std::ptrdiff_t offset) const;

 private:
  std::vector<std::size_t> newlines_;
};

struct EncodingProblem {
  std::size_t offset = 0;  // in the text as received
  std::string reason;      // French
};

// The file as UTF-8 text. UTF-8 (with or without a byte order mark) is checked byte by byte;
// ISO-8859-1, when the XML declaration says so, is converted. Anything else (UTF-16, another
// declared encoding, invalid UTF-8) is refused rather than read as mojibake. Line breaks are kept
// where they were, so line numbers mean the same in both texts.
std::expected<std::string, EncodingProblem> ToUtf8(std::string_view xml);

}  // namespace nuitee::imports::delta
