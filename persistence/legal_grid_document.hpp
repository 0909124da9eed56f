// How a loaded legal grid is stored: the jsonb `rows` column of legal_grids.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "rates/legal_grid.hpp"

namespace nuitee::persistence {

// {"palace": {"floor_cents": 70, "ceiling_cents": 490}, ..., "unclassified": {"min_rate_bp": 100,
// "max_rate_bp": 500}}
nlohmann::json LegalGridRowsToJson(const rates::LegalGrid& grid);
// Every row gets provenance kLoaded and `source`. Throws on a malformed value.
rates::LegalGrid LegalGridFromRows(int year, const nlohmann::json& rows, const std::string& source);

}  // namespace nuitee::persistence
