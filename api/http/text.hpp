// Checks on text that reaches the database from outside a JSON body (query strings, headers):
// PostgreSQL refuses invalid UTF-8 and NUL bytes with an error, which must be the client's 400,
// not our 500. (JSON bodies are already UTF-8-checked by the parser.)
#pragma once

#include <string_view>

#include "domain/core/utf8.hpp"

namespace nuitee::api {

// Well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) without NUL.
inline bool IsStorableText(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') return false;
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

}  // namespace nuitee::api
