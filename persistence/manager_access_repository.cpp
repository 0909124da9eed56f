// SQL for managers' grants.
#include "persistence/manager_access_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kGrantColumns =
    "h.id::text AS id, u.id::text AS user_id, u.email, u.display_name, "
    "(u.password_hash IS NOT NULL)::int AS password_chosen, "
    "to_char(h.granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS granted_at, "
    "h.granted_by, "
    "to_char(h.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS revoked_at, "
    "h.revoked_by FROM host_access h JOIN users u ON u.id = h.user_id ";

ManagerGrant GrantFromRow(const soci::row& row) {
  ManagerGrant grant;
  grant.id = GetString(row, "id");
  grant.user_id = UserId(GetString(row, "user_id"));
  grant.email = GetString(row, "email");
  grant.display_name = GetString(row, "display_name");
  grant.password_chosen = row.get<int>("password_chosen") != 0;
  grant.granted_at = GetString(row, "granted_at");
  grant.granted_by = GetOptionalString(row, "granted_by");
  grant.revoked_at = GetOptionalString(row, "revoked_at");
  grant.revoked_by = GetOptionalString(row, "revoked_by");
  return grant;
}

std::optional<ManagerGrant> ById(Transaction& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kGrantColumns + "WHERE h.id = :id::uuid",
       soci::use(id));
  for (const auto& row : rows) return GrantFromRow(row);
  return std::nullopt;
}

}  // namespace

Result<ManagerGrant> ManagerAccessRepository::Grant(Transaction& tx, const UserId& manager,
                                                    const HostId& host,
                                                    const std::string& granted_by) {
  // The partial unique index allows one live grant per manager and host: an existing one is
  // reported rather than raised, so the transaction stays usable.
  std::string id;
  tx.session() << "INSERT INTO host_access (user_id, host_id, relation, granted_by) "
                  "VALUES (:u::uuid, :h::uuid, 'manager', :by) "
                  "ON CONFLICT (user_id, host_id) WHERE revoked_at IS NULL DO NOTHING "
                  "RETURNING id::text",
      soci::use(manager.value()), soci::use(host.value()), soci::use(granted_by), soci::into(id);
  if (!tx.session().got_data()) {
    return Fail(Error{ErrorCode::kAlreadyExists,
                      "Ce gestionnaire a déjà accès à cet hébergeur.",
                      {{"/email", "Cette adresse a déjà accès à cet hébergeur."}},
                      {}});
  }
  return *ById(tx, id);
}

Result<ManagerGrant> ManagerAccessRepository::Revoke(Transaction& tx, const UserId& manager,
                                                     const HostId& host,
                                                     const std::string& revoked_by) {
  std::string id;
  tx.session() << "UPDATE host_access SET revoked_at = greatest(now(), granted_at), "
                  "revoked_by = :by WHERE user_id = :u::uuid AND host_id = :h::uuid "
                  "AND relation = 'manager' AND revoked_at IS NULL RETURNING id::text",
      soci::use(revoked_by), soci::use(manager.value()), soci::use(host.value()), soci::into(id);
  if (!tx.session().got_data()) {
    return Fail(Error::NotFound("Ce gestionnaire n'a pas d'accès en cours à cet hébergeur."));
  }
  return *ById(tx, id);
}

std::vector<ManagerGrant> ManagerAccessRepository::ForHost(Transaction& tx, const HostId& host) {
  std::vector<ManagerGrant> grants;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kGrantColumns +
                                   "WHERE h.host_id = :h::uuid AND h.relation = 'manager' "
                                   "ORDER BY h.seq DESC",
       soci::use(host.value()));
  for (const auto& row : rows) grants.push_back(GrantFromRow(row));
  return grants;
}

}  // namespace nuitee::persistence
