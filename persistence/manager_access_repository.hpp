// Managers' access to hosts (host_access rows with relation 'manager', migration 0011): granted by
// a host or its collectivity's referent, ended but never deleted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct ManagerGrant {
  std::string id;  // the grant's own id: a manager granted twice has two rows
  UserId user_id;
  std::string email;
  std::string display_name;
  bool password_chosen = false;  // false while the manager's invitation is pending
  std::string granted_at;        // ISO 8601, UTC
  std::optional<std::string> granted_by;
  std::optional<std::string> revoked_at;
  std::optional<std::string> revoked_by;
};

class ManagerAccessRepository {
 public:
  // Gives `manager` access to `host`. kAlreadyExists when a grant of them is live already.
  static Result<ManagerGrant> Grant(Transaction& tx, const UserId& manager, const HostId& host,
                                    const std::string& granted_by);
  // Ends the live grant of `manager` for `host`; kNotFound when there is none.
  static Result<ManagerGrant> Revoke(Transaction& tx, const UserId& manager, const HostId& host,
                                     const std::string& revoked_by);
  // Every grant to a manager for `host`, live and ended, newest first.
  static std::vector<ManagerGrant> ForHost(Transaction& tx, const HostId& host);
};

}  // namespace nuitee::persistence
