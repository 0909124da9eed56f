// JSON of deliberations: PUT /v1/collectivities/{id}/deliberations/{year} and its readings.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/core/error.hpp"
#include "persistence/deliberation_repository.hpp"
#include "rates/deliberation.hpp"

namespace nuitee::api {

struct DeliberationInput {
  rates::Deliberation deliberation;
  std::optional<std::string> reason;  // why this version; not part of the deliberation itself
};

// Shape only (400: types, missing and unknown fields, unknown codes); the rules of the law and of
// the collectivity are ValidateDeliberationOf's (422).
Result<DeliberationInput> DeliberationFromJson(const nlohmann::json& body, int year);

// The deliberation's own fields, as the PUT body has them (without `reason`).
nlohmann::json DeliberationBodyJson(const rates::Deliberation& deliberation);
// The body plus collectivity_id, year, version, recorded_by, recorded_at, source, reason.
nlohmann::json StoredDeliberationToJson(const persistence::StoredDeliberation& stored);

}  // namespace nuitee::api
