// Query strings: percent-decoded (Pistache 0.0.5 leaves them raw), checked against the names a
// route accepts, and the shared pagination parameters.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "api/http/exchange.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "persistence/page.hpp"

namespace nuitee::api {

// "a%20b+c" -> "a b c"; nullopt for a malformed escape or invalid UTF-8 is not checked here.
std::optional<std::string> PercentDecode(std::string_view text);

// An inclusive range of months, e.g. of declarations.
struct MonthRange {
  Month from{};
  Month to{};
};

class QueryParameters {
 public:
  // Fails with one error per unknown or undecodable parameter.
  static Result<QueryParameters> Read(const Exchange& exchange,
                                      const std::set<std::string>& allowed);

  std::optional<std::string> Get(const std::string& name) const;
  // "limit" (1–200, default 50) and "cursor" (opaque, from a previous page's next_cursor).
  Result<persistence::PageRequest> Page() const;
  Result<std::optional<Day>> DateParameter(const std::string& name) const;
  // "from" and "to" as YYYY-MM, at most ten years apart; by default the twelve months before
  // today's month.
  Result<MonthRange> MonthPeriod(Day today) const;

 private:
  std::map<std::string, std::string> values_;
};

// Cursors are opaque to clients: the last row's position, base64url-encoded.
std::string EncodeCursor(long long after_seq);
std::optional<long long> DecodeCursor(const std::string& cursor);

// Adds the shared query parameters of list routes.
std::set<std::string> WithPagination(std::set<std::string> names);

}  // namespace nuitee::api
