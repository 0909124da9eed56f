// Names of account kinds and roles.
#include "domain/account.hpp"

#include <algorithm>

namespace nuitee {

std::string_view UserKindName(UserKind kind) {
  switch (kind) {
    case UserKind::kOperator: return "operator";
    case UserKind::kStaff: return "staff";
    case UserKind::kHost: return "host";
    case UserKind::kManager: return "manager";
    case UserKind::kPlatform: return "platform";
  }
  return "host";
}

std::optional<UserKind> ParseUserKind(std::string_view name) {
  for (UserKind each : {UserKind::kOperator, UserKind::kStaff, UserKind::kHost, UserKind::kManager,
                        UserKind::kPlatform}) {
    if (UserKindName(each) == name) return each;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kReferent: return "referent";
    case Role::kFinance: return "finance";
    case Role::kAdmin: return "admin";
  }
  return "referent";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role each : {Role::kReferent, Role::kFinance, Role::kAdmin}) {
    if (RoleName(each) == name) return each;
  }
  return std::nullopt;
}

bool Principal::Has(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Principal::ActsFor(const HostId& host) const {
  return std::find(hosts.begin(), hosts.end(), host) != hosts.end();
}

bool Principal::RegisteredBy(const CollectivityId& collectivity) const {
  return std::find(platform_scope.begin(), platform_scope.end(), collectivity) !=
         platform_scope.end();
}

}  // namespace nuitee
