// RFC 2047 encoded words and header folding.
#include "mailer/encoded_words.hpp"

#include <vector>

namespace nuitee::mailer {
namespace {

// 39 bytes make 52 base64 characters: with "=?UTF-8?B?" and "?=" a word is 64 characters, which
// fits after "Subject: " on a 78-character line.
constexpr std::size_t kBytesPerWord = 39;
constexpr std::size_t kMaxPlainLine = 66;  // leaves room for the header's name

bool IsPlainAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return text.find("=?") == std::string_view::npos;
}

// Cuts UTF-8 text into pieces of at most `max_bytes`, never inside a character.
std::vector<std::string_view> CutAtCharacters(std::string_view text, std::size_t max_bytes) {
  std::vector<std::string_view> pieces;
  while (!text.empty()) {
    std::size_t end = std::min(max_bytes, text.size());
    while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (end == 0) end = std::min(max_bytes, text.size());  // not UTF-8: cut anyway
    pieces.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return pieces;
}

std::string EncodedWords(std::string_view text) {
  std::string out;
  for (auto piece : CutAtCharacters(text, kBytesPerWord)) {
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(piece) + "?=";
  }
  return out;
}

// Folds ASCII text at spaces so that lines stay short.
std::string Folded(std::string_view text) {
  std::string out;
  std::size_t width = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t space = text.find(' ', start + 1);
    if (space == std::string_view::npos) space = text.size();
    std::string_view word = text.substr(start, space - start);  // with its leading space
    if (width > 0 && width + word.size() > kMaxPlainLine && word.front() == ' ') {
      out += "\r\n";
      width = 0;
    }
    out += word;
    width += word.size();
    start = space;
  }
  return out;
}

}  // namespace

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
    if (n > 1) value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (n > 2) value |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(value >> 18) & 0x3F];
    out += kAlphabet[(value >> 12) & 0x3F];
    out += n > 1 ? kAlphabet[(value >> 6) & 0x3F] : '=';
    out += n > 2 ? kAlphabet[value & 0x3F] : '=';
  }
  return out;
}

std::string EncodeHeaderText(std::string_view text) {
  if (IsPlainAscii(text)) return Folded(text);
  return EncodedWords(text);
}

std::string EncodeDisplayName(std::string_view name) {
  if (IsPlainAscii(name) && name.find_first_of("\"\\") == std::string_view::npos) {
    return "\"" + std::string(name) + "\"";
  }
  return EncodedWords(name);
}

}  // namespace nuitee::mailer
