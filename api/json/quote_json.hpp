// JSON of the public tax simulator: POST /v1/collectivities/{id}/quotes.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "rates/category.hpp"
#include "rates/rate_book.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee::api {

// The stay, and either a category or an accommodation (whose classification history gives the
// category of each night). `stay.commune_insee` is empty when the body gave none.
struct QuoteRequest {
  rates::Stay stay;
  std::optional<rates::Category> category;
  std::optional<AccommodationId> accommodation_id;
  // With a category only: the nature of the accommodation (domain code), which tells whether the
  // deliberation taxes it au forfait (L. 2333-26 II). An accommodation gives its own.
  std::optional<std::string> nature;
};

// Shape only (400); the engine checks the stay itself (nights, occupants, price...).
Result<QuoteRequest> QuoteRequestFromJson(const nlohmann::json& body);

// One object per beneficiary and rate: beneficiary, label, rate_bp, amount_cents.
nlohmann::json AdditionalTaxesJson(const std::vector<rates::AdditionalTaxAmount>& amounts);

// The tax, its breakdown by run of nights, the deliberation versions used and the explanation.
nlohmann::json QuoteToJson(const rates::Stay& stay, const rates::StayTax& tax,
                           const rates::RateBook& book);

}  // namespace nuitee::api
