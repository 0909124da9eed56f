// SQL of platform_sworn_statements. The year is checked first so that the usual duplicate gets a
// French 409; the unique constraint settles a race.
#include "persistence/sworn_statement_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "id::text AS id, host_id::text AS host_id, year, filed_on::text AS filed_on, recorded_by, "
    "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at";

SwornStatement FromRow(const soci::row& row) {
  return {GetString(row, "id"),          HostId(GetString(row, "host_id")),
          row.get<int>("year"),          GetDay(row, "filed_on"),
          GetString(row, "recorded_by"), GetString(row, "recorded_at")};
}

}  // namespace

Result<SwornStatement> SwornStatementRepository::Record(Transaction& tx,
                                                        const CollectivityId& collectivity,
                                                        const HostId& host, int year, Day filed_on,
                                                        const std::string& actor) {
  long long existing = 0;
  tx.session() << "SELECT count(*) FROM platform_sworn_statements WHERE host_id = :h::uuid "
                  "AND year = :y",
      soci::use(host.value()), soci::use(year), soci::into(existing);
  if (existing > 0) {
    return Fail(Error::AlreadyExists("La déclaration sur l'honneur de " + std::to_string(year) +
                                         " de cet hébergeur est déjà enregistrée.",
                                     "/v1/hosts/" + host.value() + "/sworn-statements"));
  }
  const std::string filed = FormatIsoDate(filed_on);
  soci::row row;
  tx.session() << std::string(
                      "INSERT INTO platform_sworn_statements (collectivity_id, host_id, "
                      "year, filed_on, recorded_by) VALUES (:c::uuid, :h::uuid, :y, "
                      ":f::date, :by) RETURNING ") +
                      kColumns,
      soci::use(collectivity.value()), soci::use(host.value()), soci::use(year), soci::use(filed),
      soci::use(actor), soci::into(row);
  return FromRow(row);
}

std::vector<SwornStatement> SwornStatementRepository::OfHost(Transaction& tx, const HostId& host) {
  std::vector<SwornStatement> statements;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM platform_sworn_statements WHERE host_id = :h::uuid "
                                   "ORDER BY year DESC",
       soci::use(host.value()));
  for (const auto& row : rows) statements.push_back(FromRow(row));
  return statements;
}

}  // namespace nuitee::persistence
