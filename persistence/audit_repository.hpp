// Append and read the audit trail of register records.
#pragma once

#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

class AuditRepository {
 public:
  // Appends one entry in the caller's transaction, so the change and its trace commit together.
  static void Append(Transaction& tx, const CollectivityId& collectivity, const AuditEntry& entry);
  // Oldest first. An id of another collectivity yields an empty history.
  static std::vector<AuditEntry> History(Transaction& tx, const CollectivityId& collectivity,
                                         EntityKind kind, const std::string& entity_id);
};

}  // namespace nuitee::persistence
