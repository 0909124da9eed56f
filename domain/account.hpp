// Who logs in and what they may act on: staff of a collectivity with roles, host users and
// managers acting for hosts, and the instance operator. The authenticated caller of a request is
// a Principal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/strong_id.hpp"

namespace nuitee {

using UserId = StrongId<struct UserIdTag>;
using SessionId = StrongId<struct SessionIdTag>;

enum class UserKind { kOperator, kStaff, kHost, kManager };
std::string_view UserKindName(UserKind kind);  // "operator", "staff", "host", "manager"
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

  bool Has(Role role) const;
  bool ActsFor(const HostId& host) const;
};

}  // namespace nuitee
