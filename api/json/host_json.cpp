// Host <-> JSON.
#include "api/json/host_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

nlohmann::json Nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace

nlohmann::json HostWritableJson(const Host& host) {
  nlohmann::json manager;
  if (host.manager) manager = {{"name", host.manager->name}, {"email", host.manager->email}};
  return {{"kind", HostKindName(host.kind)},
          {"legal_name", host.legal_name},
          {"siret", Nullable(host.siret)},
          {"email", Nullable(host.email)},
          {"phone", Nullable(host.phone)},
          {"address",
           {{"line", host.address.line},
            {"postal_code", host.address.postal_code},
            {"city", host.address.city}}},
          {"manager", manager},
          {"archived_on", host.archived_on ? nlohmann::json(FormatIsoDate(*host.archived_on))
                                           : nlohmann::json()}};
}

nlohmann::json HostToJson(const Host& host) {
  nlohmann::json json = HostWritableJson(host);
  json["id"] = host.id.value();
  json["collectivity_id"] = host.collectivity_id.value();
  json["status"] = host.archived_on ? "archived" : "active";
  json["version"] = host.version;
  return json;
}

Result<Host> HostFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  Host host;
  if (auto kind = reader.String("kind", Presence::kRequired)) {
    auto parsed = ParseHostKind(*kind);
    if (!parsed) errors.Add("/kind", "Le type doit valoir « person » ou « company ».");
    host.kind = parsed.value_or(HostKind::kPerson);
  }
  host.legal_name = reader.String("legal_name", Presence::kRequired, 200).value_or("");
  host.siret = reader.String("siret", Presence::kOptional, 14);
  host.email = reader.String("email", Presence::kOptional, 254);
  host.phone = reader.String("phone", Presence::kOptional, 30);
  if (auto address = reader.Object("address", Presence::kRequired)) {
    host.address.line = address->String("line", Presence::kRequired, 300).value_or("");
    host.address.postal_code = address->String("postal_code", Presence::kRequired, 5).value_or("");
    host.address.city = address->String("city", Presence::kRequired, 200).value_or("");
    address->RejectUnknownFields();
  }
  if (auto manager = reader.Object("manager", Presence::kOptional)) {
    host.manager = Manager{manager->String("name", Presence::kRequired, 200).value_or(""),
                           manager->String("email", Presence::kRequired, 254).value_or("")};
    manager->RejectUnknownFields();
  }
  host.archived_on = reader.Date("archived_on", Presence::kOptional);
  reader.RejectUnknownFields();
  if (auto valid = ValidateHost(host); !valid) errors.AppendNew(valid.error());
  if (!errors.empty()) return Fail(errors.ToError());
  return host;
}

}  // namespace nuitee::api
