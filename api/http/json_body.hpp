// Reading request bodies: media type, size, JSON syntax, then field by field with every problem
// collected (wrong type, missing, unknown) as a JSON pointer and a French message.
#pragma once

#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "api/http/exchange.hpp"
#include "api/http/problem.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"

namespace nuitee::api {

inline constexpr std::size_t kMaxBodyBytes = 1 << 20;  // 1 MiB
// Arrays and objects nested deeper are refused: ours go four levels deep (a stay's exemptions),
// and copying, comparing or printing a JSON value recurses once per level, so that 1 MiB of "["
// overflowed the stack of the thread reading it.
inline constexpr std::size_t kMaxJsonDepth = 32;

// The body as a JSON object (at most kMaxJsonDepth levels deep), or the 413 or 400 problem to
// answer: ReadJsonObject's checks without the exchange, so that they are unit-tested and fuzzed
// (fuzz/) on their own.
std::expected<nlohmann::json, Problem> ParseJsonObject(std::string_view body);

// Sends 415, 413 or 400 itself and returns nullopt when the body cannot be used.
// `merge_patch` also accepts application/merge-patch+json (RFC 7396), for PATCH.
std::optional<nlohmann::json> ReadJsonObject(Exchange& exchange, bool merge_patch = false);

// A text/csv body of at most 1 MiB; sends 415 or 413 itself and returns nullopt otherwise.
std::optional<std::string> ReadCsvFile(Exchange& exchange);

// Like ReadJsonObject, but an empty body (a one-click action such as a nil return) reads as {}.
std::optional<nlohmann::json> ReadOptionalJsonObject(Exchange& exchange);

enum class Presence { kRequired, kOptional };

// Reads one JSON object strictly. Optional fields may be absent or null.
class JsonReader {
 public:
  JsonReader(const nlohmann::json& object, std::string pointer, FieldErrors& errors);

  std::optional<std::string> String(std::string_view key, Presence presence,
                                    std::size_t max_length = 500);
  std::optional<long long> Integer(std::string_view key, Presence presence, long long min,
                                   long long max);
  std::optional<bool> Boolean(std::string_view key, Presence presence);
  std::optional<Day> Date(std::string_view key, Presence presence);
  // A sub-object, read by the returned reader (which shares the error list).
  std::optional<JsonReader> Object(std::string_view key, Presence presence);
  // The elements of an array of objects.
  std::optional<std::vector<JsonReader>> ObjectArray(std::string_view key, Presence presence,
                                                     std::size_t max_items = 1000);

  // An array of strings, each at most `max_length` long (surrounding spaces trimmed).
  std::optional<std::vector<std::string>> StringArray(std::string_view key, Presence presence,
                                                      std::size_t max_length = 500,
                                                      std::size_t max_items = 1000);

  // Call once every field was read: any other key is reported as unknown.
  void RejectUnknownFields();
  // RFC 6901: "~" and "/" inside a key are escaped as "~0" and "~1".
  std::string PointerTo(std::string_view key) const;
  FieldErrors& errors() { return *errors_; }

 private:
  const nlohmann::json* Lookup(std::string_view key, Presence presence);
  nlohmann::json object_;
  std::string pointer_;
  FieldErrors* errors_;
  std::set<std::string, std::less<>> known_;
};

}  // namespace nuitee::api
