// How a deliberation is stored: the jsonb `document` of the deliberations table. This format is
// persistence's own (the API has its own JSON); changing it needs a migration of stored rows.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/core/error.hpp"
#include "rates/deliberation.hpp"

namespace nuitee::persistence {

std::string DeliberationToDocument(const rates::Deliberation& deliberation);
// kInternal when a stored document cannot be read back (a bug or a hand-edited row).
Result<rates::Deliberation> DeliberationFromDocument(const std::string& document);
// The same from a parsed value (the rate book reads documents nested in one query's result);
// throws on a malformed document.
rates::Deliberation DeliberationFromJsonValue(const nlohmann::json& document);

}  // namespace nuitee::persistence
