// SQL of enforcement_holds. The live hold of a host is locked before a new one is placed, so two
// referents placing one at once get one hold and one 409 (the unique index backs this up).
#include "persistence/enforcement_hold_repository.hpp"

#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kTimestamp = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

std::string Columns() {
  const std::string format = kTimestamp;
  return "id::text AS id, host_id::text AS host_id, reason, placed_by, "
         "to_char(placed_at AT TIME ZONE 'UTC', " +
         format +
         ") AS placed_at, released_by, "
         "to_char(released_at AT TIME ZONE 'UTC', " +
         format + ") AS released_at, release_reason";
}

EnforcementHold FromRow(const soci::row& row) {
  EnforcementHold hold;
  hold.id = GetString(row, "id");
  hold.host_id = HostId(GetString(row, "host_id"));
  hold.reason = GetString(row, "reason");
  hold.placed_by = GetString(row, "placed_by");
  hold.placed_at = GetString(row, "placed_at");
  hold.released_by = GetOptionalString(row, "released_by");
  hold.released_at = GetOptionalString(row, "released_at");
  hold.release_reason = GetOptionalString(row, "release_reason");
  return hold;
}

// The host's live hold, or the hold `hold_id` of the host; locked until the transaction ends.
std::optional<EnforcementHold> FindHold(Transaction& tx, const HostId& host,
                                        const std::optional<std::string>& hold_id) {
  const std::string sql =
      "SELECT " + Columns() +
      " FROM enforcement_holds WHERE host_id = :h::uuid AND "
      "CASE WHEN :id::uuid IS NULL THEN released_at IS NULL ELSE id = :same_id::uuid END "
      "FOR UPDATE";
  soci::rowset<soci::row> rows = (tx.session().prepare << sql, soci::use(host.value()),
                                  soci::use(hold_id), soci::use(hold_id));
  for (const auto& row : rows) return FromRow(row);
  return std::nullopt;
}

}  // namespace

Result<EnforcementHold> EnforcementHoldRepository::Place(Transaction& tx,
                                                         const CollectivityId& collectivity,
                                                         const HostId& host,
                                                         const std::string& reason,
                                                         const std::string& actor) {
  LockRegisterAppends(tx, "enforcement-hold:" + host.value());
  if (FindHold(tx, host, std::nullopt)) {
    return Fail(Error::AlreadyExists(
        "Cet hébergeur est déjà suspendu de relances ; levez la suspension en cours avant d'en "
        "placer une autre.",
        "/v1/hosts/" + host.value() + "/enforcement-holds"));
  }
  soci::row row;
  tx.session() << "INSERT INTO enforcement_holds (collectivity_id, host_id, reason, placed_by) "
                  "VALUES (:c::uuid, :h::uuid, :reason, :by) RETURNING " +
                      Columns(),
      soci::use(collectivity.value()), soci::use(host.value()), soci::use(reason), soci::use(actor),
      soci::into(row);
  return FromRow(row);
}

Result<EnforcementHold> EnforcementHoldRepository::Release(Transaction& tx, const HostId& host,
                                                           const std::string& hold_id,
                                                           const std::string& reason,
                                                           const std::string& actor) {
  auto hold = FindHold(tx, host, hold_id);
  if (!hold) return Fail(Error::NotFound("Cet hébergeur n'a pas de suspension de ce numéro."));
  if (!hold->live()) {
    return Fail(Error::FailedPrecondition("Cette suspension a déjà été levée."));
  }
  soci::row row;
  tx.session() << "UPDATE enforcement_holds SET released_by = :by, released_at = now(), "
                  "release_reason = :reason WHERE id = :id::uuid RETURNING " +
                      Columns(),
      soci::use(actor), soci::use(reason), soci::use(hold_id), soci::into(row);
  return FromRow(row);
}

std::vector<EnforcementHold> EnforcementHoldRepository::OfHost(Transaction& tx,
                                                               const HostId& host) {
  std::vector<EnforcementHold> holds;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + Columns() +
                                   " FROM enforcement_holds WHERE host_id = :h::uuid "
                                   "ORDER BY seq DESC",
       soci::use(host.value()));
  for (const auto& row : rows) holds.push_back(FromRow(row));
  return holds;
}

}  // namespace nuitee::persistence
