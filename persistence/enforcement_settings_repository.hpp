// A collectivity's enforcement settings (migration 0013), kept as versions: the latest is in force.
#pragma once

#include <string>

#include "domain/core/strong_id.hpp"
#include "domain/enforcement_calendar.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct StoredEnforcementPolicy {
  EnforcementPolicy policy;   // the defaults, nothing chased, when never set
  long long version = 0;      // 0: never set
  std::string recorded_by;    // of `version`, when there is one
  std::string recorded_at;
};

class EnforcementSettingsRepository {
 public:
  static StoredEnforcementPolicy Latest(Transaction& tx, const CollectivityId& collectivity);
  // Appends the next version; two concurrent changes are serialised (the second gets the next
  // version number).
  static StoredEnforcementPolicy Append(Transaction& tx, const CollectivityId& collectivity,
                                        const EnforcementPolicy& policy, const std::string& actor);
};

}  // namespace nuitee::persistence
