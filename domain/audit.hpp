// The audit trail of a record: who changed which fields, and when.
#pragma once

#include <string>
#include <vector>

namespace nuitee {

enum class EntityKind { kCollectivity, kHost, kAccommodation };
std::string EntityKindName(EntityKind kind);

// One field that changed; values are JSON texts ("\"Gîte\"", "12", "null") so that any type fits.
struct FieldChange {
  std::string field;   // JSON pointer in the API's representation, e.g. "/address/city"
  std::string before;
  std::string after;
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

struct AuditEntry {
  EntityKind entity_kind = EntityKind::kHost;
  std::string entity_id;
  long long version = 0;       // the record's version after the change
  std::string action;          // created, updated, ceased, archived, classified
  std::string actor;
  std::string at;              // RFC 3339 UTC, set by the database
  std::vector<FieldChange> changes;
};

}  // namespace nuitee
