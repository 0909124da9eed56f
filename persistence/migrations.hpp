// Schema migrations: numbered SQL files from migrations/, embedded in the binary at build time,
// applied in order, one transaction each, recorded with a checksum.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/core/error.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct Migration {
  int version = 0;       // from the file name: 0003_x.sql is version 3
  std::string name;      // "x"
  std::string sql;
};

// The files of migrations/ as they were when the binary was built, in version order.
const std::vector<Migration>& EmbeddedMigrations();

// SHA-256 of the SQL text, lowercase hex: a released migration must never change.
std::string MigrationChecksum(std::string_view sql);

struct MigrationReport {
  std::vector<int> applied;  // versions applied by this call
  int current_version = 0;
};

// Applies every pending migration on a dedicated connection to `url`. A session-level advisory
// lock serialises concurrent migrators; the second one finds the work done. An applied migration
// whose checksum differs from `migrations` is refused before anything is applied.
Result<MigrationReport> ApplyMigrations(const std::string& url,
                                        const std::vector<Migration>& migrations);

// For /ready: every migration applied, none changed. kFailedPrecondition with a French message
// when the schema is behind or altered; kUnavailable when the database cannot be reached.
Status CheckMigrations(Database& database, const std::vector<Migration>& migrations);

}  // namespace nuitee::persistence
