// JSON representation of a collectivity.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/collectivity.hpp"

namespace nuitee::api {

nlohmann::json CollectivityWritableJson(const Collectivity& collectivity);
nlohmann::json CollectivityToJson(const Collectivity& collectivity);
// Strict: unknown fields, wrong types and every rule of ValidateCollectivity, all at once.
Result<Collectivity> CollectivityFromJson(const nlohmann::json& body);

}  // namespace nuitee::api
