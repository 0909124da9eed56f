// JSON representation of an accommodation and of its classifications.
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "domain/accommodation.hpp"
#include "domain/classification.hpp"

namespace nuitee::api {

nlohmann::json AccommodationWritableJson(const Accommodation& accommodation);
// `category_today` and the status are computed for `today` so a list shows where each one stands.
nlohmann::json AccommodationToJson(const Accommodation& accommodation,
                                   const Collectivity& collectivity, Day today,
                                   std::optional<rates::Category> category_today);
// Strict parsing; the rules that need the collectivity are checked by the caller.
Result<Accommodation> AccommodationFromJson(const nlohmann::json& body);

// `in_force` is the decision that counts today (ClassificationOn), so superseded decisions read
// "in_force": false even before their own expiry.
nlohmann::json ClassificationToJson(const Classification& classification, Nature nature,
                                    Day today, const Classification* in_force);
// Reads rank, decided_on, optional expires_on (default: five years), body; checks the rank
// against the accommodation's nature.
Result<Classification> ClassificationFromJson(const nlohmann::json& body, Nature nature);

}  // namespace nuitee::api
