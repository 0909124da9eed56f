// The legal grids loaded by an administrator (the official DGCL barème of a year): append-only,
// a new load is a new version; the latest loaded version of a year wins over the shipped grid.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/error.hpp"
#include "persistence/database.hpp"
#include "rates/legal_grid.hpp"

namespace nuitee::persistence {

// A loaded grid and its record. Every row of `grid` has provenance kLoaded and `source` as source.
struct LoadedGrid {
  rates::LegalGrid grid;
  int version = 0;
  std::string source;
  std::string loaded_by;
  std::string loaded_at;  // ISO 8601, UTC
};

class LegalGridRepository {
 public:
  // Stores `grid` as the next version of its year (serialised per year, so concurrent loads get
  // consecutive versions). The rows' provenance and source are replaced by kLoaded and `source`.
  static LoadedGrid Append(Transaction& tx, rates::LegalGrid grid, const std::string& source,
                           const std::string& loaded_by);
  static std::optional<LoadedGrid> Latest(Transaction& tx, int year);
  // The latest loaded version of each year in [first_year, last_year], in one query.
  static std::vector<rates::LegalGrid> LatestLoaded(Transaction& tx, int first_year, int last_year);
  // The grid that applies to `year`: the latest loaded, else the shipped one; none outside both.
  static std::optional<rates::LegalGrid> InForce(Transaction& tx, int year);
};

}  // namespace nuitee::persistence
