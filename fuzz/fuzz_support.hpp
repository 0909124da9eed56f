// What every fuzz target checks besides "no crash, no leak, no undefined behaviour": whatever a
// parser answers about an input can be sent back as problem+json, and a parsed value reads back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/core/error.hpp"

namespace nuitee::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Stops the run with a message: libFuzzer reports the abort and saves the input.
[[noreturn]] inline void Fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz check failed: %s %.*s\n", what, int(detail.size()), detail.data());
  std::abort();
}

inline void Check(bool holds, const char* what, std::string_view detail = {}) {
  if (!holds) Fail(what, detail);
}

// Errors reach the client as JSON, and nlohmann's dump() throws on text that is not UTF-8 (which
// the server would answer with a 500): every message and pointer must serialise.
inline void CheckSendable(const Error& error) {
  nlohmann::json body = {{"detail", error.message}, {"errors", nlohmann::json::array()}};
  for (const auto& field : error.field_errors) {
    body["errors"].push_back({{"pointer", field.field}, {"detail", field.message}});
  }
  try {
    (void)body.dump();
  } catch (const nlohmann::json::type_error& e) {
    Fail("an error message is not UTF-8:", e.what());
  }
  Check(error.code != ErrorCode::kInternal, "a parser answered kInternal");
}

// A record's writable JSON is what PATCH merges into and reads back: it must read as the same
// record (compared through its JSON, which is what the audit trail compares).
template <class Reader, class Writer>
void CheckReadsBack(const nlohmann::json& written, Reader read, Writer write) {
  auto again = read(written);
  if (!again) {
    CheckSendable(again.error());
    Fail("a parsed value's JSON is refused:", written.dump());
  }
  Check(write(*again) == written, "a parsed value's JSON reads back differently:", written.dump());
}

// A record's reader and writer: the body is refused with problems that can be sent, or read into
// a record that reads back.
template <class Reader, class Writer>
void CheckRecord(const nlohmann::json& body, Reader read, Writer write) {
  auto record = read(body);
  if (!record) return CheckSendable(record.error());
  CheckReadsBack(write(*record), read, write);
}

}  // namespace nuitee::fuzz
