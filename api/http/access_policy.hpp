// Who may call each route, and on what: the one table of (route, audiences, ownership rule) that
// the guard of every route checks before its handler runs (issue 5). A route registered without a
// rule here stops the server at start-up, and the access-matrix test reads this table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "domain/account.hpp"

namespace nuitee::api {

// The kinds of caller a rule admits, as bits.
enum Audience : std::uint32_t {
  kAnonymous = 1u << 0,  // no session at all
  kOperator = 1u << 1,   // the instance operator
  kReferent = 1u << 2,   // staff roles of a collectivity
  kFinance = 1u << 3,
  kAdmin = 1u << 4,
  kHostUser = 1u << 5,   // a host's own account, or a manager acting for hosts that granted it
  kPlatform = 1u << 6,   // machine clients with an API key
  kHostOwner = 1u << 7,  // a host's own account only, never a manager (who grants managers)
};
inline constexpr std::uint32_t kStaff = kReferent | kFinance | kAdmin;
// People with a session. A platform's key is no session: it has none to list, revoke or end.
inline constexpr std::uint32_t kSignedIn = kOperator | kStaff | kHostUser;
inline constexpr std::uint32_t kEveryone = kAnonymous | kSignedIn | kPlatform;

// What the path names, and so what the caller must own besides being admitted.
enum class Ownership {
  kNone,              // nothing of a collectivity (health, login, the national legal grid)
  kPathCollectivity,  // {id} is a collectivity: the caller's own (the operator: any; a platform:
                      // one with a live registration of it)
  kPathHost,          // {id} is a host: of the caller's collectivity; for a host user, one it acts for
  kPathAccommodation, // {id} is an accommodation: likewise, through the accommodation's host
};

struct AccessRule {
  std::string_view method;  // "get", "post", ... as OpenAPI writes them
  std::string_view path;    // "/v1/hosts/{id}"
  std::uint32_t audiences;
  Ownership ownership;
};

// Every rule, in the order of openapi.yaml.
std::span<const AccessRule> AccessRules();
// The rule of a route; HEAD follows its GET.
const AccessRule* FindAccessRule(std::string_view method, std::string_view path);

// The audiences a principal belongs to: its staff roles, or its kind; kAnonymous for nobody.
std::uint32_t AudiencesOf(const std::optional<Principal>& principal);

}  // namespace nuitee::api
