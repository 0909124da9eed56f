// Holds a referent puts on a host (migration 0013): at most one live per host; a hold ends once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct EnforcementHold {
  std::string id;
  HostId host_id;
  std::string reason;
  std::string placed_by;
  std::string placed_at;
  std::optional<std::string> released_by;
  std::optional<std::string> released_at;
  std::optional<std::string> release_reason;
  bool live() const { return !released_at.has_value(); }
};

class EnforcementHoldRepository {
 public:
  // kAlreadyExists (409, with the live hold's address) when the host has a live hold.
  static Result<EnforcementHold> Place(Transaction& tx, const CollectivityId& collectivity,
                                       const HostId& host, const std::string& reason,
                                       const std::string& actor);
  // kNotFound when the host has no such hold; kFailedPrecondition when it has ended already.
  static Result<EnforcementHold> Release(Transaction& tx, const HostId& host,
                                         const std::string& hold_id, const std::string& reason,
                                         const std::string& actor);
  // Newest first.
  static std::vector<EnforcementHold> OfHost(Transaction& tx, const HostId& host);
};

}  // namespace nuitee::persistence
