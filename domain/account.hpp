// Who logs in and what they may act on: staff of a collectivity with roles, host users and
// managers acting for hosts, the instance operator, and platforms (machine clients with an API
// key). The authenticated caller of a request is a Principal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/strong_id.hpp"

namespace nuitee {

using UserId = StrongId<struct UserIdTag>;
using SessionId = StrongId<struct SessionIdTag>;

// kPlatform is never stored as a user: a platform authenticates with an API key, not a session.
enum class UserKind { kOperator, kStaff, kHost, kManager, kPlatform };
std::string_view UserKindName(UserKind kind);  // "operator", "staff", "host", "manager", "platform"
std::optional<UserKind> ParseUserKind(std::string_view name);

// Staff roles: referent (register, declarations, reminders, enforcement), finance (payments,
// statements, exports; reads the register), admin (deliberations, users, settings).
enum class Role { kReferent, kFinance, kAdmin };
std::string_view RoleName(Role role);  // "referent", "finance", "admin"
std::optional<Role> ParseRole(std::string_view name);

struct Principal {
  UserId user_id;
  SessionId session_id;
  UserKind kind = UserKind::kHost;
  std::string email;
  std::string display_name;
  std::optional<CollectivityId> collectivity;  // none for the operator
  std::vector<Role> roles;                     // staff only
  std::vector<HostId> hosts;                   // host users and managers: whom they act for
  // A platform: the collectivities with a live registration of it (user_id is then the
  // platform's id, session_id its key's id, email its key's visible prefix, display_name its
  // name).
  std::vector<CollectivityId> platform_scope;

  bool Has(Role role) const;
  bool ActsFor(const HostId& host) const;
  bool RegisteredBy(const CollectivityId& collectivity) const;
};

}  // namespace nuitee
