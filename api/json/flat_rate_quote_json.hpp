// JSON of the forfait simulator: POST /v1/collectivities/{id}/flat-rate-quotes.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/core/error.hpp"
#include "domain/nature.hpp"
#include "rates/flat_rate_tax.hpp"

namespace nuitee::api {

struct FlatRateQuoteRequest {
  rates::FlatRateInput input;
  std::optional<Nature> nature;  // when given, it must be under the forfait that year
};

// Shape only (400); the engine checks the values themselves (capacity, nights open...).
Result<FlatRateQuoteRequest> FlatRateQuoteRequestFromJson(const nlohmann::json& body);

nlohmann::json FlatRateQuoteToJson(const rates::FlatRateInput& input,
                                   const rates::FlatRateTax& tax);

}  // namespace nuitee::api
