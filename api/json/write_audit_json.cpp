// One audit row: {at, principal: {user_id, email, kind}, on_behalf_of_host_id, address, ...}.
#include "api/json/write_audit_json.hpp"

namespace nuitee::api {
namespace {

nlohmann::json OrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace

nlohmann::json WriteAuditRowToJson(const persistence::WriteAuditRow& row) {
  return {{"at", row.at},
          {"principal",
           {{"user_id", OrNull(row.principal_user_id)},
            {"email", row.principal},
            {"kind", row.principal_kind}}},
          {"on_behalf_of_host_id", OrNull(row.on_behalf_of_host_id)},
          {"address", row.address},
          {"request_id", row.request_id},
          {"method", row.method},
          {"route", row.route},
          {"path", row.path},
          {"target", {{"kind", OrNull(row.target_kind)}, {"id", OrNull(row.target_id)}}}};
}

}  // namespace nuitee::api
