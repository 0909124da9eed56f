// The audit_events table: append-only, one row per created or changed record.
#include "persistence/audit_repository.hpp"

#include <nlohmann/json.hpp>

#include "persistence/soci_support.hpp"
#include "persistence/write_audit.hpp"

namespace nuitee::persistence {
namespace {

std::string ChangesToJson(const std::vector<FieldChange>& changes) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& change : changes) {
    array.push_back({{"field", change.field},
                     {"before", nlohmann::json::parse(change.before)},
                     {"after", nlohmann::json::parse(change.after)}});
  }
  return array.dump();
}

std::vector<FieldChange> ChangesFromJson(const std::string& text) {
  std::vector<FieldChange> changes;
  for (const auto& each : nlohmann::json::parse(text)) {
    changes.push_back({each.at("field").get<std::string>(), each.at("before").dump(),
                       each.at("after").dump()});
  }
  return changes;
}

}  // namespace

void AuditRepository::Append(Transaction& tx, const CollectivityId& collectivity,
                             const AuditEntry& entry) {
  const std::string kind = EntityKindName(entry.entity_kind);
  const std::string changes = ChangesToJson(entry.changes);
  tx.session() << "INSERT INTO audit_events "
                  "(collectivity_id, entity_kind, entity_id, version, action, actor, changes) "
                  "VALUES (:c::uuid, :kind, :id::uuid, :version, :action, :actor, :changes::jsonb)",
      soci::use(collectivity.value()), soci::use(kind), soci::use(entry.entity_id),
      soci::use(entry.version), soci::use(entry.action), soci::use(entry.actor),
      soci::use(changes);
  // The request's write audit names the register record it created or changed.
  NoteWriteTarget(kind, entry.entity_id, collectivity.value());
}

std::vector<AuditEntry> AuditRepository::History(Transaction& tx,
                                                 const CollectivityId& collectivity,
                                                 EntityKind kind, const std::string& entity_id) {
  const std::string kind_name = EntityKindName(kind);
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT version, action, actor, changes::text AS changes, "
              "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS at "
              "FROM audit_events WHERE collectivity_id = :c::uuid AND entity_kind = :kind "
              "AND entity_id = :id::uuid ORDER BY seq",
       soci::use(collectivity.value()), soci::use(kind_name), soci::use(entity_id));
  std::vector<AuditEntry> entries;
  for (const auto& row : rows) {
    AuditEntry entry;
    entry.entity_kind = kind;
    entry.entity_id = entity_id;
    entry.version = GetLong(row, "version");
    entry.action = GetString(row, "action");
    entry.actor = GetString(row, "actor");
    entry.at = GetString(row, "at");
    entry.changes = ChangesFromJson(GetString(row, "changes"));
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace nuitee::persistence
