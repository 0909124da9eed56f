// Encoding check and conversion of the DELTA file, and line numbering.
#include "imports/delta_text.hpp"

#include <algorithm>
#include <cstdint>

namespace nuitee::imports::delta {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string Lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return out;
}

// The encoding named by `<?xml … encoding="…"?>` at the start of the text, lower-cased; empty
// when there is no declaration or it names none (XML then means UTF-8).
std::string DeclaredEncoding(std::string_view text) {
  if (!text.starts_with("<?xml")) return {};
  const std::string_view declaration = text.substr(0, text.find("?>"));
  const auto key = declaration.find("encoding");
  if (key == std::string_view::npos) return {};
  const auto quote = declaration.find_first_of("\"'", key);
  if (quote == std::string_view::npos) return {};
  const auto end = declaration.find(declaration[quote], quote + 1);
  if (end == std::string_view::npos) return {};
  return Lowered(declaration.substr(quote + 1, end - quote - 1));
}

// The offset of the first byte that does not start a well-formed UTF-8 sequence (no overlong
// forms, no surrogates, nothing past U+10FFFF), or npos.
std::size_t FirstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = std::uint8_t(text[i]);
    std::size_t length = 0;
    std::uint8_t low = 0x80, high = 0xBF;  // bounds of the second byte
    if (byte < 0x80)
      length = 1;
    else if (byte >= 0xC2 && byte <= 0xDF)
      length = 2;
    else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0) low = 0xA0;
      if (byte == 0xED) high = 0x9F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0) low = 0x90;
      if (byte == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = std::uint8_t(text[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// An encoding name as XML writes it (EncName: a letter, then letters, digits, ".", "_" or "-"),
// short enough to quote in a message. Anything else is not repeated: it may not even be UTF-8,
// and the message is sent as JSON.
bool IsQuotableEncodingName(std::string_view name) {
  constexpr std::size_t kMaxQuotedLength = 40;
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (name.empty() || name.size() > kMaxQuotedLength || !is_letter(name.front())) return false;
  return std::all_of(name.begin(), name.end(), [&](char c) {
    return is_letter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

std::string Latin1ToUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    const auto byte = std::uint8_t(c);
    if (byte < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(char(0xC0 | (byte >> 6)));
      out.push_back(char(0x80 | (byte & 0x3F)));
    }
  }
  return out;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') newlines_.push_back(i);
  }
}

int LineIndex::LineAt(std::ptrdiff_t offset) const {
  if (offset < 0) return 1;
  const auto before = std::lower_bound(newlines_.begin(), newlines_.end(), std::size_t(offset));
  return int(before - newlines_.begin()) + 1;
}

std::expected<std::string, EncodingProblem> ToUtf8(std::string_view xml) {
  if (xml.starts_with("\xFE\xFF") || xml.starts_with("\xFF\xFE") ||
      (xml.size() >= 2 && (xml[0] == '\0' || xml[1] == '\0'))) {
    return std::unexpected(
        EncodingProblem{0, "encodage UTF-16 non pris en charge : UTF-8 ou ISO-8859-1 attendu"});
  }
  const bool bom = xml.starts_with(kUtf8Bom);
  const std::string_view text = bom ? xml.substr(kUtf8Bom.size()) : xml;
  const std::string encoding = DeclaredEncoding(text);
  if (!bom && (encoding == "iso-8859-1" || encoding == "latin1" || encoding == "latin-1")) {
    return Latin1ToUtf8(text);
  }
  if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8") {
    const std::string named = IsQuotableEncodingName(encoding) ? "« " + encoding + " » " : "";
    return std::unexpected(EncodingProblem{
        0, "encodage " + named + "non pris en charge : UTF-8 ou ISO-8859-1 attendu"});
  }
  if (const auto bad = FirstInvalidUtf8(text); bad != std::string_view::npos) {
    return std::unexpected(
        EncodingProblem{bad + (bom ? kUtf8Bom.size() : 0),
                        "octet invalide en UTF-8 : le fichier doit être enregistré en UTF-8"});
  }
  return std::string(text);
}

}  // namespace nuitee::imports::delta
