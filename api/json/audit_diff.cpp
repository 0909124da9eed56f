// Field-level diff for the audit trail.
#include "api/json/audit_diff.hpp"

#include <set>

namespace nuitee::api {
namespace {

void Diff(const nlohmann::json& before, const nlohmann::json& after, const std::string& pointer,
          std::vector<FieldChange>& changes) {
  if (before.is_object() && after.is_object()) {
    std::set<std::string> keys;
    for (const auto& [key, value] : before.items()) keys.insert(key);
    for (const auto& [key, value] : after.items()) keys.insert(key);
    for (const auto& key : keys) {
      const auto left = before.contains(key) ? before.at(key) : nlohmann::json();
      const auto right = after.contains(key) ? after.at(key) : nlohmann::json();
      Diff(left, right, pointer + "/" + key, changes);
    }
    return;
  }
  if (before != after) changes.push_back({pointer, before.dump(), after.dump()});
}

}  // namespace

std::vector<FieldChange> DiffJson(const nlohmann::json& before, const nlohmann::json& after) {
  std::vector<FieldChange> changes;
  Diff(before, after, "", changes);
  return changes;
}

nlohmann::json AuditEntryToJson(const AuditEntry& entry) {
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& change : entry.changes) {
    changes.push_back({{"field", change.field},
                       {"before", nlohmann::json::parse(change.before)},
                       {"after", nlohmann::json::parse(change.after)}});
  }
  return {{"version", entry.version}, {"action", entry.action}, {"actor", entry.actor},
          {"at", entry.at}, {"changes", changes}};
}

}  // namespace nuitee::api
