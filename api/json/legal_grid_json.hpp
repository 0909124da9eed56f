// JSON of the legal grid: GET and PUT /v1/legal-grid/{year}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/core/error.hpp"
#include "persistence/legal_grid_repository.hpp"
#include "rates/legal_grid.hpp"

namespace nuitee::api {

struct LegalGridInput {
  rates::LegalGrid grid;
  std::string source;
};

// {"source": "...", "rows": {"palace": {"floor_cents": 70, "ceiling_cents": 490}, ... all eight},
//  "unclassified": {"min_rate_bp": 100, "max_rate_bp": 500} (optional, these by default)}.
// Shape only (400); the law's rules are rates::ValidateLegalGrid's.
Result<LegalGridInput> LegalGridFromJson(const nlohmann::json& body, int year);

// rates::ValidateLegalGrid's violations, with pointers into the PUT body (the year is in the path;
// row 9's bounds are under "/unclassified").
std::vector<FieldError> LegalGridViolations(const rates::LegalGrid& grid);

// The shipped grid of a year (version 0) or a loaded one.
nlohmann::json ShippedLegalGridToJson(const rates::LegalGrid& grid);
nlohmann::json LoadedLegalGridToJson(const persistence::LoadedGrid& loaded);

}  // namespace nuitee::api
