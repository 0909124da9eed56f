// SQL for the legal_grids table.
#include "persistence/legal_grid_repository.hpp"

#include "persistence/legal_grid_document.hpp"
#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "year, version, rows::text AS rows, source, loaded_by, "
    "to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS loaded_at";

LoadedGrid FromRow(const soci::row& row) {
  LoadedGrid loaded;
  loaded.version = row.get<int>("version");
  loaded.source = GetString(row, "source");
  loaded.loaded_by = GetString(row, "loaded_by");
  loaded.loaded_at = GetString(row, "loaded_at");
  loaded.grid = LegalGridFromRows(row.get<int>("year"),
                                  nlohmann::json::parse(GetString(row, "rows")), loaded.source);
  return loaded;
}

}  // namespace

LoadedGrid LegalGridRepository::Append(Transaction& tx, rates::LegalGrid grid,
                                       const std::string& source, const std::string& loaded_by) {
  LockRegisterAppends(tx, "legal-grid:" + std::to_string(grid.year));
  const std::string rows = LegalGridRowsToJson(grid).dump();
  int version = 0;
  std::string loaded_at;
  tx.session() << "INSERT INTO legal_grids (year, version, rows, source, loaded_by) "
                  "SELECT :year, coalesce(max(version), 0) + 1, :rows::jsonb, :source, :by "
                  "FROM legal_grids WHERE year = :same_year RETURNING version, "
                  "to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')",
      soci::use(grid.year), soci::use(rows), soci::use(source), soci::use(loaded_by),
      soci::use(grid.year), soci::into(version), soci::into(loaded_at);
  for (auto& row : grid.rows) {
    row.provenance = rates::Provenance::kLoaded;
    row.source = source;
  }
  return {std::move(grid), version, source, loaded_by, loaded_at};
}

std::optional<LoadedGrid> LegalGridRepository::Latest(Transaction& tx, int year) {
  soci::row row;
  tx.session() << std::string("SELECT ") + kColumns +
                      " FROM legal_grids WHERE year = :year ORDER BY version DESC LIMIT 1",
      soci::use(year), soci::into(row);
  if (!tx.session().got_data()) return std::nullopt;
  return FromRow(row);
}

std::vector<rates::LegalGrid> LegalGridRepository::LatestLoaded(Transaction& tx, int first_year,
                                                                int last_year) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT DISTINCT ON (year) ") + kColumns +
                                   " FROM legal_grids WHERE year BETWEEN :first AND :last "
                                   "ORDER BY year, version DESC",
       soci::use(first_year), soci::use(last_year));
  std::vector<rates::LegalGrid> grids;
  for (const auto& row : rows) grids.push_back(FromRow(row).grid);
  return grids;
}

std::optional<rates::LegalGrid> LegalGridRepository::InForce(Transaction& tx, int year) {
  if (auto loaded = Latest(tx, year)) return std::move(loaded->grid);
  if (const rates::LegalGrid* shipped = rates::ShippedLegalGrid(year)) return *shipped;
  return std::nullopt;
}

}  // namespace nuitee::persistence
