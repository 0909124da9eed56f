// SQL for platforms, their keys and their registrations.
#include "persistence/platform_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

std::string Utc(const std::string& column, const std::string& as) {
  return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS " + as;
}

const std::string& ClientSelect() {
  static const std::string sql = "SELECT id::text AS id, name, created_by, " +
                                 Utc("created_at", "created_at") + " FROM platform_clients ";
  return sql;
}

PlatformClient ClientFromRow(const soci::row& row) {
  return {GetString(row, "id"), GetString(row, "name"), GetString(row, "created_by"),
          GetString(row, "created_at")};
}

const std::string& KeySelect() {
  static const std::string sql =
      "SELECT id::text AS id, platform_id::text AS platform_id, prefix, label, created_by, " +
      Utc("created_at", "created_at") + ", " + Utc("last_used_at", "last_used_at") + ", " +
      Utc("revoked_at", "revoked_at") + ", revoked_by FROM platform_keys ";
  return sql;
}

PlatformKey KeyFromRow(const soci::row& row) {
  return {GetString(row, "id"),
          GetString(row, "platform_id"),
          GetString(row, "prefix"),
          GetString(row, "label"),
          GetString(row, "created_by"),
          GetString(row, "created_at"),
          GetOptionalString(row, "last_used_at"),
          GetOptionalString(row, "revoked_at"),
          GetOptionalString(row, "revoked_by")};
}

const std::string& RegistrationSelect() {
  static const std::string sql =
      "SELECT r.id::text AS id, r.collectivity_id::text AS collectivity_id, "
      "c.name AS collectivity_name, r.platform_id::text AS platform_id, p.name AS platform_name, "
      "r.registered_by, " +
      Utc("r.registered_at", "registered_at") + ", " + Utc("r.ended_at", "ended_at") +
      ", r.ended_by FROM platform_registrations r "
      "JOIN collectivities c ON c.id = r.collectivity_id "
      "JOIN platform_clients p ON p.id = r.platform_id ";
  return sql;
}

PlatformRegistration RegistrationFromRow(const soci::row& row) {
  return {GetString(row, "id"),
          GetString(row, "collectivity_id"),
          GetString(row, "collectivity_name"),
          GetString(row, "platform_id"),
          GetString(row, "platform_name"),
          GetString(row, "registered_by"),
          GetString(row, "registered_at"),
          GetOptionalString(row, "ended_at"),
          GetOptionalString(row, "ended_by")};
}

template <class T, class FromRow>
std::vector<T> Select(Transaction& tx, const std::string& sql, const std::string& argument,
                      FromRow from_row) {
  std::vector<T> items;
  soci::rowset<soci::row> rows = (tx.session().prepare << sql, soci::use(argument));
  for (const auto& row : rows) items.push_back(from_row(row));
  return items;
}

}  // namespace

Result<PlatformClient> PlatformRepository::Create(Transaction& tx, const std::string& name,
                                                  const std::string& created_by) {
  std::string id;
  tx.session() << "INSERT INTO platform_clients (name, created_by) VALUES (:name, :by) "
                  "ON CONFLICT (lower(name)) DO NOTHING RETURNING id::text",
      soci::use(name), soci::use(created_by), soci::into(id);
  if (!tx.session().got_data()) {
    return Fail(Error{ErrorCode::kAlreadyExists,
                      "Une plateforme porte déjà ce nom.",
                      {{"/name", "Une plateforme porte déjà ce nom."}},
                      {}});
  }
  return *Find(tx, id);
}

std::vector<PlatformClient> PlatformRepository::List(Transaction& tx) {
  std::vector<PlatformClient> clients;
  soci::rowset<soci::row> rows = (tx.session().prepare << ClientSelect() + "ORDER BY seq");
  for (const auto& row : rows) clients.push_back(ClientFromRow(row));
  return clients;
}

std::optional<PlatformClient> PlatformRepository::Find(Transaction& tx, const std::string& id) {
  auto found =
      Select<PlatformClient>(tx, ClientSelect() + "WHERE id = :id::uuid", id, ClientFromRow);
  if (found.empty()) return std::nullopt;
  return found.front();
}

PlatformKey PlatformRepository::IssueKey(Transaction& tx, const std::string& platform_id,
                                         const std::string& key_digest, const std::string& prefix,
                                         const std::string& label, const std::string& created_by) {
  std::string id;
  tx.session() << "INSERT INTO platform_keys (platform_id, key_digest, prefix, label, created_by) "
                  "VALUES (:p::uuid, :digest, :prefix, :label, :by) RETURNING id::text",
      soci::use(platform_id), soci::use(key_digest), soci::use(prefix), soci::use(label),
      soci::use(created_by), soci::into(id);
  return Select<PlatformKey>(tx, KeySelect() + "WHERE id = :id::uuid", id, KeyFromRow).front();
}

std::vector<PlatformKey> PlatformRepository::Keys(Transaction& tx, const std::string& platform_id) {
  return Select<PlatformKey>(tx, KeySelect() + "WHERE platform_id = :p::uuid ORDER BY seq DESC",
                             platform_id, KeyFromRow);
}

Result<PlatformKey> PlatformRepository::RevokeKey(Transaction& tx, const std::string& platform_id,
                                                  const std::string& key_id,
                                                  const std::string& revoked_by) {
  std::string id;
  tx.session() << "UPDATE platform_keys SET revoked_at = now(), revoked_by = :by "
                  "WHERE id = :k::uuid AND platform_id = :p::uuid AND revoked_at IS NULL "
                  "RETURNING id::text",
      soci::use(revoked_by), soci::use(key_id), soci::use(platform_id), soci::into(id);
  if (!tx.session().got_data()) {
    return Fail(
        Error::NotFound("Cette clé n'existe pas pour cette plateforme, ou elle est déjà "
                        "révoquée."));
  }
  return Select<PlatformKey>(tx, KeySelect() + "WHERE id = :id::uuid", id, KeyFromRow).front();
}

Result<PlatformRegistration> PlatformRepository::Register(Transaction& tx,
                                                          const CollectivityId& collectivity,
                                                          const std::string& platform_id,
                                                          const std::string& registered_by) {
  std::string id;
  tx.session() << "INSERT INTO platform_registrations (collectivity_id, platform_id, "
                  "registered_by) VALUES (:c::uuid, :p::uuid, :by) "
                  "ON CONFLICT (collectivity_id, platform_id) WHERE ended_at IS NULL DO NOTHING "
                  "RETURNING id::text",
      soci::use(collectivity.value()), soci::use(platform_id), soci::use(registered_by),
      soci::into(id);
  if (!tx.session().got_data()) {
    return Fail(Error{ErrorCode::kAlreadyExists,
                      "Cette plateforme est déjà enregistrée pour ce territoire.",
                      {{"/platform_id", "Cette plateforme est déjà enregistrée."}},
                      {}});
  }
  return Select<PlatformRegistration>(tx, RegistrationSelect() + "WHERE r.id = :id::uuid", id,
                                      RegistrationFromRow)
      .front();
}

Result<PlatformRegistration> PlatformRepository::EndRegistration(Transaction& tx,
                                                                 const CollectivityId& collectivity,
                                                                 const std::string& platform_id,
                                                                 const std::string& ended_by) {
  std::string id;
  tx.session() << "UPDATE platform_registrations SET ended_at = now(), ended_by = :by "
                  "WHERE collectivity_id = :c::uuid AND platform_id = :p::uuid "
                  "AND ended_at IS NULL RETURNING id::text",
      soci::use(ended_by), soci::use(collectivity.value()), soci::use(platform_id), soci::into(id);
  if (!tx.session().got_data()) {
    return Fail(Error::NotFound("Cette plateforme n'est pas enregistrée pour ce territoire."));
  }
  return Select<PlatformRegistration>(tx, RegistrationSelect() + "WHERE r.id = :id::uuid", id,
                                      RegistrationFromRow)
      .front();
}

std::vector<PlatformRegistration> PlatformRepository::RegistrationsOf(
    Transaction& tx, const CollectivityId& collectivity) {
  return Select<PlatformRegistration>(
      tx, RegistrationSelect() + "WHERE r.collectivity_id = :c::uuid ORDER BY r.seq DESC",
      collectivity.value(), RegistrationFromRow);
}

std::vector<PlatformRegistration> PlatformRepository::LiveRegistrationsOfPlatform(
    Transaction& tx, const std::string& platform_id) {
  return Select<PlatformRegistration>(
      tx,
      RegistrationSelect() + "WHERE r.platform_id = :p::uuid AND r.ended_at IS NULL ORDER BY r.seq",
      platform_id, RegistrationFromRow);
}

std::optional<Principal> PlatformRepository::Authenticate(Transaction& tx,
                                                          const std::string& key_digest) {
  soci::row row;
  tx.session() << "SELECT k.id::text AS key_id, p.id::text AS platform_id, p.name, k.prefix, "
                  "coalesce((SELECT string_agg(r.collectivity_id::text, ',' ORDER BY r.seq) "
                  "FROM platform_registrations r WHERE r.platform_id = p.id "
                  "AND r.ended_at IS NULL), '') AS scope, "
                  "(k.last_used_at IS NULL OR k.last_used_at < now() - interval '60 seconds')::int "
                  "AS stale FROM platform_keys k JOIN platform_clients p ON p.id = k.platform_id "
                  "WHERE k.key_digest = :digest AND k.revoked_at IS NULL",
      soci::use(key_digest), soci::into(row);
  if (!tx.session().got_data()) return std::nullopt;
  Principal principal;
  principal.kind = UserKind::kPlatform;
  principal.user_id = UserId(GetString(row, "platform_id"));
  principal.session_id = SessionId(GetString(row, "key_id"));
  principal.display_name = GetString(row, "name");
  principal.email = GetString(row, "prefix");
  const std::string scope = GetString(row, "scope");
  for (std::size_t start = 0; start < scope.size();) {
    std::size_t end = scope.find(',', start);
    if (end == std::string::npos) end = scope.size();
    principal.platform_scope.push_back(CollectivityId(scope.substr(start, end - start)));
    start = end + 1;
  }
  if (row.get<int>("stale") != 0) {
    tx.session() << "UPDATE platform_keys SET last_used_at = now() WHERE id = :k::uuid",
        soci::use(principal.session_id.value());
  }
  return principal;
}

}  // namespace nuitee::persistence
