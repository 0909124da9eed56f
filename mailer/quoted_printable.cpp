// Quoted-printable encoding of a plain-text body.
#include "mailer/quoted_printable.hpp"

namespace nuitee::mailer {
namespace {

constexpr std::size_t kMaxLine = 76;  // encoded characters, the soft break "=" included

std::string Escape(unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return {'=', kHex[c >> 4], kHex[c & 0x0F]};
}

// One line of text (no line end) as encoded lines joined by soft breaks.
void EncodeLine(std::string_view line, std::string& out) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    // Spaces at a line end would be stripped in transit; a leading "." could end the data.
    const bool plain = (c >= 33 && c <= 126 && c != '=' && !(c == '.' && width == 0)) ||
                       ((c == ' ' || c == '\t') && !last);
    std::string piece = plain ? std::string(1, static_cast<char>(c)) : Escape(c);
    // Keep a UTF-8 sequence on one line, so a reader of the raw mail sees whole characters.
    if (!plain && c >= 0xC0) {
      std::size_t more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
      for (; more > 0 && i + 1 < line.size() &&
             (static_cast<unsigned char>(line[i + 1]) & 0xC0) == 0x80;
           --more) {
        piece += Escape(static_cast<unsigned char>(line[++i]));
      }
    }
    const bool ends_line = i + 1 == line.size();
    // A soft break "=" needs one column, unless this piece ends the line.
    if (width + piece.size() + (ends_line ? 0 : 1) > kMaxLine) {
      out += "=\r\n";
      width = 0;
      if (piece == ".") piece = Escape('.');
    }
    out += piece;
    width += piece.size();
  }
}

}  // namespace

std::string EncodeQuotedPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) {
        EncodeLine(text.substr(start), out);
        out += "\r\n";
      }
      break;
    }
    EncodeLine(text.substr(start, end - start), out);
    out += "\r\n";
    start = end + 1;
  }
  return out;
}

}  // namespace nuitee::mailer
