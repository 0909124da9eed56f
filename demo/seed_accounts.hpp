// The demo's accounts, one per kind of caller, so that a newcomer can try every role of the API
// and the portal right after `make demo`. They all share kDemoPassword, printed by `make demo`:
// demo data only, on a private cluster bound to loopback.
#pragma once

#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/core/error.hpp"
#include "persistence/database.hpp"

namespace nuitee::demo {

inline constexpr const char* kDemoPassword = "nuitee-demo-2026";

struct DemoAccount {
  UserKind kind;
  std::string email;
  std::string display_name;
  std::vector<Role> roles;  // staff
  int first_host = 0;       // host users and managers: the hosts (in register order) they act for
  int host_count = 0;
};

// Operator, referent, finance, admin, a host's own account and a manager (conciergerie).
const std::vector<DemoAccount>& DemoAccounts();

// Creates the accounts the database lacks (by address); returns how many it created.
Result<int> InsertMissingAccounts(persistence::Transaction& tx, const CollectivityId& collectivity);

}  // namespace nuitee::demo
