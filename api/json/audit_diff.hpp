// What changed between two JSON representations of a record, field by field.
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "domain/audit.hpp"

namespace nuitee::api {

// Objects are compared member by member (nested pointers like "/address/city"); arrays and
// scalars are compared whole. A member present on one side only counts as null on the other.
std::vector<FieldChange> DiffJson(const nlohmann::json& before, const nlohmann::json& after);

nlohmann::json AuditEntryToJson(const AuditEntry& entry);

}  // namespace nuitee::api
