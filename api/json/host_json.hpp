// JSON representation of a host.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/host.hpp"

namespace nuitee::api {

nlohmann::json HostWritableJson(const Host& host);
nlohmann::json HostToJson(const Host& host);
Result<Host> HostFromJson(const nlohmann::json& body);

}  // namespace nuitee::api
