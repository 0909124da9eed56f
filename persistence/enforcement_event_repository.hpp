// The history of the enforcement procedure (migration 0013, enforcement_events): append-only, per
// accommodation, or per host for what concerns the host as a whole (holds, sworn statements).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct EnforcementEvent {
  long long seq = 0;
  CollectivityId collectivity_id;
  HostId host_id;
  std::optional<std::string> accommodation_id;  // none: about the host as a whole
  std::optional<Month> month;
  std::string kind;  // one of the table's CHECK list
  std::optional<std::string> step_id;
  std::string text;
  std::optional<Day> occurred_on;
  std::string recorded_by;
  std::string recorded_at;  // ISO 8601, UTC
};

class EnforcementEventRepository {
 public:
  // Appends `event` (its seq and recorded_at are the database's) and returns it as stored.
  static EnforcementEvent Append(Transaction& tx, const EnforcementEvent& event);
  // Every event of the accommodation and every host-wide event of its host, oldest first.
  static std::vector<EnforcementEvent> OfAccommodation(Transaction& tx,
                                                       const CollectivityId& collectivity,
                                                       const std::string& accommodation_id,
                                                       const HostId& host);
};

}  // namespace nuitee::persistence
