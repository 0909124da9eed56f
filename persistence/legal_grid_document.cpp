// The stored rows of a loaded legal grid.
#include "persistence/legal_grid_document.hpp"

#include <stdexcept>

namespace nuitee::persistence {

nlohmann::json LegalGridRowsToJson(const rates::LegalGrid& grid) {
  nlohmann::json rows = nlohmann::json::object();
  for (const auto& row : grid.rows) {
    rows[std::string(rates::CategoryName(row.category))] = {{"floor_cents", row.floor.cents()},
                                                            {"ceiling_cents", row.ceiling.cents()}};
  }
  rows["unclassified"] = {{"min_rate_bp", grid.unclassified_min.value},
                          {"max_rate_bp", grid.unclassified_max.value}};
  return rows;
}

rates::LegalGrid LegalGridFromRows(int year, const nlohmann::json& rows,
                                   const std::string& source) {
  rates::LegalGrid grid;
  grid.year = year;
  for (auto category : rates::kAllCategories) {
    if (category == rates::Category::kUnclassified) continue;
    const auto& stored = rows.at(std::string(rates::CategoryName(category)));
    auto& row = grid.rows[rates::LegalRow(category) - 1];
    row.category = category;
    row.floor = Money::Cents(stored.at("floor_cents").get<long long>());
    row.ceiling = Money::Cents(stored.at("ceiling_cents").get<long long>());
    row.provenance = rates::Provenance::kLoaded;
    row.source = source;
  }
  const auto& unclassified = rows.at("unclassified");
  grid.unclassified_min = {unclassified.at("min_rate_bp").get<std::int32_t>()};
  grid.unclassified_max = {unclassified.at("max_rate_bp").get<std::int32_t>()};
  return grid;
}

}  // namespace nuitee::persistence
