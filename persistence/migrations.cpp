// Migration runner: advisory lock, checksum check, one transaction per file.
#include "persistence/migrations.hpp"

#include <openssl/evp.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <map>

namespace nuitee::persistence {
namespace {

// An arbitrary constant shared by every Nuitée process: "nuitee" in ASCII.
constexpr long long kMigrationLockKey = 0x6e7569746565LL;

constexpr const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY,"
    " name text NOT NULL,"
    " checksum text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";

struct Applied {
  std::string name;
  std::string checksum;
};

std::map<int, Applied> ReadLedger(soci::session& session) {
  std::map<int, Applied> ledger;
  soci::rowset<soci::row> rows =
      (session.prepare << "SELECT version, name, checksum FROM schema_migrations ORDER BY version");
  for (const auto& row : rows) {
    ledger[row.get<int>(0)] = {row.get<std::string>(1), row.get<std::string>(2)};
  }
  return ledger;
}

bool LedgerExists(soci::session& session) {
  int exists = 0;
  session << "SELECT count(*) FROM pg_catalog.pg_tables "
             "WHERE schemaname = current_schema() AND tablename = 'schema_migrations'",
      soci::into(exists);
  return exists > 0;
}

// Refuses a database whose applied migrations no longer match the files.
Status CompareWithLedger(const std::map<int, Applied>& ledger,
                         const std::vector<Migration>& migrations) {
  std::map<int, const Migration*> known;
  for (const auto& migration : migrations) known[migration.version] = &migration;
  for (const auto& [version, applied] : ledger) {
    auto it = known.find(version);
    if (it == known.end()) {
      return Fail(Error::FailedPrecondition(
          "La base contient la migration " + std::to_string(version) + " (" + applied.name +
          ") que ce programme ne connaît pas : il est plus ancien que la base."));
    }
    if (MigrationChecksum(it->second->sql) != applied.checksum) {
      return Fail(Error::FailedPrecondition(
          "La migration " + std::to_string(version) + " (" + applied.name +
          ") a été modifiée après avoir été appliquée : une migration publiée ne se modifie "
          "jamais, ajoutez-en une nouvelle."));
    }
  }
  return {};
}

// Runs a whole SQL file (several statements, maybe dollar-quoted bodies) with libpq's simple
// query protocol, which SOCI's parameterised execution does not allow.
void ExecuteScript(soci::session& session, const std::string& sql) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  PGresult* result = PQexec(backend->conn_, sql.c_str());
  const auto status = PQresultStatus(result);
  std::string message = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw soci::soci_error("migration failed: " + message);
  }
}

}  // namespace

std::string MigrationChecksum(std::string_view sql) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(sql.data(), sql.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

Result<MigrationReport> ApplyMigrations(const std::string& url,
                                        const std::vector<Migration>& migrations) {
  MigrationReport report;
  try {
    soci::session session(soci::postgresql, url);
    session << "SET client_min_messages = warning";
    session << "SELECT pg_advisory_lock(:key)", soci::use(kMigrationLockKey);
    struct Unlock {
      soci::session& session;
      ~Unlock() {
        try {
          session << "SELECT pg_advisory_unlock(:key)", soci::use(kMigrationLockKey);
        } catch (...) {
        }
      }
    } unlock{session};

    session << kCreateLedger;
    const auto ledger = ReadLedger(session);
    if (auto same = CompareWithLedger(ledger, migrations); !same) return Fail(same.error());

    for (const auto& migration : migrations) {
      if (ledger.count(migration.version)) continue;
      soci::transaction tx(session);
      ExecuteScript(session, migration.sql);
      const std::string checksum = MigrationChecksum(migration.sql);
      session << "INSERT INTO schema_migrations (version, name, checksum) "
                 "VALUES (:version, :name, :checksum)",
          soci::use(migration.version), soci::use(migration.name), soci::use(checksum);
      tx.commit();
      report.applied.push_back(migration.version);
    }
    session << "SELECT coalesce(max(version), 0) FROM schema_migrations",
        soci::into(report.current_version);
  } catch (const soci::soci_error& error) {
    LogInternal("migration_failed", error.what());
    // The operator runs `nuitee migrate` and needs PostgreSQL's own words; no client sees them.
    const bool unreachable = error.get_error_category() == soci::soci_error::connection_error;
    Error failure{unreachable ? ErrorCode::kUnavailable : ErrorCode::kInternal,
                  std::string("Échec de la migration : ") + error.what(), {}, {}};
    return Fail(failure);
  }
  return report;
}

Status CheckMigrations(Database& database, const std::vector<Migration>& migrations) {
  return database.Run([&](Transaction& tx) -> Status {
    soci::session& session = tx.session();
    if (!LedgerExists(session)) {
      return Fail(Error::FailedPrecondition("Aucune migration n'a été appliquée."));
    }
    const auto ledger = ReadLedger(session);
    if (auto same = CompareWithLedger(ledger, migrations); !same) return same;
    for (const auto& migration : migrations) {
      if (!ledger.count(migration.version)) {
        return Fail(Error::FailedPrecondition("La migration " + std::to_string(migration.version) +
                                              " n'est pas encore appliquée."));
      }
    }
    return {};
  });
}

}  // namespace nuitee::persistence
