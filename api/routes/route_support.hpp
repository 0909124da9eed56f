// Small steps every resource route shares: ids from the path, If-Match, list pages, audit.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "api/http/exchange.hpp"
#include "api/json/audit_diff.hpp"
#include "domain/audit.hpp"
#include "persistence/audit_repository.hpp"
#include "persistence/page.hpp"

namespace nuitee::api {

// The path parameter `name` when it is a well-formed id; otherwise answers 404 and returns nullopt.
std::optional<std::string> PathId(Exchange& exchange, const std::string& name = "id");

// The collectivity named in the path of /v1/collectivities/{id}/... routes. The route's guard has
// already answered 404 when it is not the caller's (api/http/authorization.cpp); only the instance
// operator reaches here for any collectivity.
std::optional<CollectivityId> PathTenant(Exchange& exchange);

// A year in the path ("2026"): 1900–2199, otherwise answers 404 (no such resource) and returns
// nullopt. Likewise a version number (1 or more).
std::optional<int> PathYear(Exchange& exchange, const std::string& name = "year");
std::optional<long long> PathVersion(Exchange& exchange, const std::string& name = "version");

// The client's condition on the version it last read, from If-Match: "3" or W/"3", or "*" for
// whatever version is stored (RFC 9110 §13.1.1). 428 when absent, 400 when unreadable.
struct IfMatch {
  std::optional<long long> version;  // empty for "*"
  bool Matches(long long stored) const { return !version || *version == stored; }
};
Result<IfMatch> RequiredIfMatch(const Exchange& exchange);
// For resources created by their first PUT: If-Match is checked only when present (400 when
// unreadable); whether it is required depends on whether a version exists yet.
Result<std::optional<IfMatch>> OptionalIfMatch(const Exchange& exchange);
// The precondition of a PUT that appends a version: with a version stored, If-Match is required
// (428) and must name it (412); with none, an If-Match names nothing and fails (412, RFC 9110
// §13.1.1).
Status CheckIfMatch(const std::optional<IfMatch>& condition, std::optional<long long> stored);

// {"items": [...], "next_cursor": "..." | null}
template <class T, class ToJson>
nlohmann::json PageJson(const persistence::Page<T>& page, ToJson to_json);

std::string NextCursor(const std::optional<long long>& next_after_seq);

// Appends the audit entry of a change in the caller's transaction. Returns false (and appends
// nothing) when nothing changed.
bool AuditChange(persistence::Transaction& tx, const CollectivityId& collectivity, EntityKind kind,
                 const std::string& entity_id, long long version, const std::string& action,
                 const std::string& actor, const nlohmann::json& before,
                 const nlohmann::json& after);

template <class T, class ToJson>
nlohmann::json PageJson(const persistence::Page<T>& page, ToJson to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  const std::string next = NextCursor(page.next_after_seq);
  return {{"items", items}, {"next_cursor", next.empty() ? nlohmann::json() : nlohmann::json(next)}};
}

}  // namespace nuitee::api
