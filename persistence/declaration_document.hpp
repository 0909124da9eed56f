// The JSON documents stored with declarations: a draft's stays, a line's frozen detail (additional
// taxes, cap, unit, explanation), additional tax sums and warnings.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/declaration.hpp"

namespace nuitee::persistence {

nlohmann::json StayToDocument(const StayLine& stay);
StayLine StayFromDocument(const nlohmann::json& document);

nlohmann::json StaysToDocument(const std::vector<StayLine>& stays);
std::vector<StayLine> StaysFromDocument(const nlohmann::json& document);

nlohmann::json AdditionalTaxesToDocument(const std::vector<rates::AdditionalTaxAmount>& taxes);
std::vector<rates::AdditionalTaxAmount> AdditionalTaxesFromDocument(const nlohmann::json& document);

nlohmann::json WarningsToDocument(const std::vector<FieldError>& warnings);
std::vector<FieldError> WarningsFromDocument(const nlohmann::json& document);

// The part of a computed line that has no column of its own.
nlohmann::json LineDetailToDocument(const ComputedLine& line);
void LineDetailFromDocument(const nlohmann::json& document, ComputedLine& line);

}  // namespace nuitee::persistence
