// JSON of write-audit rows (GET /v1/collectivities/{id}/audit, a host's personal data).
#pragma once

#include <nlohmann/json.hpp>

#include "persistence/write_audit.hpp"

namespace nuitee::api {

nlohmann::json WriteAuditRowToJson(const persistence::WriteAuditRow& row);

}  // namespace nuitee::api
