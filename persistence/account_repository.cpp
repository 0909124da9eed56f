// SQL for users, sessions and failed logins.
#include "persistence/account_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kIsoTimestamp = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

StoredUser UserFromRow(const soci::row& row) {
  StoredUser user;
  user.id = UserId(GetString(row, "id"));
  user.kind = ParseUserKind(GetString(row, "kind")).value();
  user.email = GetString(row, "email");
  user.display_name = GetString(row, "display_name");
  if (auto collectivity = GetOptionalString(row, "collectivity_id")) {
    user.collectivity = CollectivityId(*collectivity);
  }
  user.password_hash = GetOptionalString(row, "password_hash");
  user.disabled = row.get<int>("disabled") != 0;
  return user;
}

}  // namespace

Result<StoredUser> AccountRepository::CreateUser(Transaction& tx, const NewUser& user) {
  const std::string kind(UserKindName(user.kind));
  std::optional<std::string> collectivity;
  if (user.collectivity) collectivity = user.collectivity->value();
  std::string id;
  tx.session() << "INSERT INTO users (email, display_name, kind, collectivity_id, password_hash) "
                  "VALUES (:email, :name, :kind, :c::uuid, :hash) RETURNING id::text",
      soci::use(user.email), soci::use(user.display_name), soci::use(kind),
      soci::use(collectivity), soci::use(user.password_hash), soci::into(id);
  for (Role role : user.roles) {
    const std::string name(RoleName(role));
    tx.session() << "INSERT INTO user_roles (user_id, role, granted_by) "
                    "VALUES (:u::uuid, :role, :by)",
        soci::use(id), soci::use(name), soci::use(user.granted_by);
  }
  const std::string relation = user.kind == UserKind::kManager ? "manager" : "owner";
  for (const HostId& host : user.hosts) {
    tx.session() << "INSERT INTO host_access (user_id, host_id, relation, granted_by) "
                    "VALUES (:u::uuid, :h::uuid, :relation, :by)",
        soci::use(id), soci::use(host.value()), soci::use(relation), soci::use(user.granted_by);
  }
  return StoredUser{UserId(id), user.kind,          user.email, user.display_name,
                    user.collectivity, user.password_hash, false};
}

std::vector<StoredUser> AccountRepository::FindByEmail(
    Transaction& tx, const std::string& email, const std::optional<CollectivityId>& collectivity) {
  std::string sql =
      "SELECT id::text AS id, kind, email, display_name, collectivity_id::text AS collectivity_id, "
      "password_hash, (disabled_at IS NOT NULL)::int AS disabled FROM users "
      "WHERE email = :email AND disabled_at IS NULL";
  std::vector<StoredUser> users;
  if (collectivity) {
    sql += " AND collectivity_id = :c::uuid ORDER BY seq";
    soci::rowset<soci::row> rows =
        (tx.session().prepare << sql, soci::use(email), soci::use(collectivity->value()));
    for (const auto& row : rows) users.push_back(UserFromRow(row));
  } else {
    sql += " ORDER BY seq";
    soci::rowset<soci::row> rows = (tx.session().prepare << sql, soci::use(email));
    for (const auto& row : rows) users.push_back(UserFromRow(row));
  }
  return users;
}

void AccountRepository::SetPasswordHash(Transaction& tx, const UserId& user,
                                        const std::string& hash) {
  tx.session() << "UPDATE users SET password_hash = :hash WHERE id = :u::uuid", soci::use(hash),
      soci::use(user.value());
}

SessionId AccountRepository::CreateSession(Transaction& tx, const UserId& user,
                                           const NewSession& session) {
  const long long idle = session.idle.count();
  const long long absolute = session.absolute.count();
  std::string id;
  tx.session() << "INSERT INTO sessions (user_id, token_digest, csrf_digest, idle_expires_at, "
                  "absolute_expires_at, address, user_agent) VALUES (:u::uuid, :token, :csrf, "
                  "now() + make_interval(secs => :idle), now() + make_interval(secs => :absolute), "
                  ":address, :agent) RETURNING id::text",
      soci::use(user.value()), soci::use(session.token_digest), soci::use(session.csrf_digest),
      soci::use(idle), soci::use(absolute), soci::use(session.address),
      soci::use(session.user_agent), soci::into(id);
  return SessionId(id);
}

std::optional<AuthenticatedSession> AccountRepository::Authenticate(
    Transaction& tx, const std::string& token_digest, std::chrono::seconds idle) {
  soci::row row;
  tx.session() << "SELECT s.id::text AS session_id, s.csrf_digest, u.id::text AS user_id, u.kind, "
                  "u.email, u.display_name, u.collectivity_id::text AS collectivity_id, "
                  "coalesce((SELECT string_agg(role, ',') FROM user_roles r "
                  "WHERE r.user_id = u.id), '') AS roles, "
                  "coalesce((SELECT string_agg(host_id::text, ',') FROM host_access h "
                  "WHERE h.user_id = u.id AND h.revoked_at IS NULL), '') AS hosts, "
                  "(s.last_seen_at < now() - interval '60 seconds')::int AS stale "
                  "FROM sessions s JOIN users u ON u.id = s.user_id "
                  "WHERE s.token_digest = :digest AND s.revoked_at IS NULL "
                  "AND s.idle_expires_at > now() AND s.absolute_expires_at > now() "
                  "AND u.disabled_at IS NULL",
      soci::use(token_digest), soci::into(row);
  if (!tx.session().got_data()) return std::nullopt;
  AuthenticatedSession found;
  Principal& principal = found.principal;
  principal.session_id = SessionId(GetString(row, "session_id"));
  principal.user_id = UserId(GetString(row, "user_id"));
  principal.kind = ParseUserKind(GetString(row, "kind")).value();
  principal.email = GetString(row, "email");
  principal.display_name = GetString(row, "display_name");
  if (auto collectivity = GetOptionalString(row, "collectivity_id")) {
    principal.collectivity = CollectivityId(*collectivity);
  }
  for (const auto& role : SplitList(GetString(row, "roles"))) {
    if (auto parsed = ParseRole(role)) principal.roles.push_back(*parsed);
  }
  for (const auto& host : SplitList(GetString(row, "hosts"))) principal.hosts.push_back(HostId(host));
  found.csrf_digest = GetString(row, "csrf_digest");
  if (row.get<int>("stale") != 0) {
    const long long idle_seconds = idle.count();
    tx.session() << "UPDATE sessions SET last_seen_at = now(), idle_expires_at = "
                    "least(now() + make_interval(secs => :idle), absolute_expires_at) "
                    "WHERE id = :s::uuid",
        soci::use(idle_seconds), soci::use(principal.session_id.value());
  }
  return found;
}

std::vector<SessionInfo> AccountRepository::Sessions(Transaction& tx, const UserId& user) {
  const std::string format(kIsoTimestamp);
  std::vector<SessionInfo> sessions;
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT id::text AS id, to_char(created_at AT TIME ZONE 'UTC', " + format +
                  ") AS created_at, to_char(last_seen_at AT TIME ZONE 'UTC', " + format +
                  ") AS last_seen_at, to_char(least(idle_expires_at, absolute_expires_at) AT "
                  "TIME ZONE 'UTC', " +
                  format +
                  ") AS expires_at, address, user_agent FROM sessions WHERE user_id = :u::uuid "
                  "AND revoked_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > "
                  "now() ORDER BY created_at DESC",
       soci::use(user.value()));
  for (const auto& row : rows) {
    sessions.push_back({SessionId(GetString(row, "id")), GetString(row, "created_at"),
                        GetString(row, "last_seen_at"), GetString(row, "expires_at"),
                        GetString(row, "address"), GetString(row, "user_agent")});
  }
  return sessions;
}

bool AccountRepository::RevokeSession(Transaction& tx, const UserId& user,
                                      const SessionId& session) {
  int revoked = 0;
  tx.session() << "WITH r AS (UPDATE sessions SET revoked_at = now() WHERE id = :s::uuid "
                  "AND user_id = :u::uuid AND revoked_at IS NULL RETURNING 1) "
                  "SELECT count(*) FROM r",
      soci::use(session.value()), soci::use(user.value()), soci::into(revoked);
  return revoked == 1;
}

namespace {
std::string PurposeName(AccountRepository::LinkPurpose purpose) {
  return purpose == AccountRepository::LinkPurpose::kInvitation ? "invitation" : "password_reset";
}
}  // namespace

void AccountRepository::CreateOneTimeLink(Transaction& tx, const UserId& user, LinkPurpose purpose,
                                          const std::string& token_digest,
                                          std::chrono::seconds validity) {
  const std::string name = PurposeName(purpose);
  const long long seconds = validity.count();
  tx.session() << "INSERT INTO one_time_tokens (token_digest, user_id, purpose, expires_at) "
                  "VALUES (:d, :u::uuid, :p, now() + make_interval(secs => :s))",
      soci::use(token_digest), soci::use(user.value()), soci::use(name), soci::use(seconds);
}

std::optional<StoredUser> AccountRepository::UseOneTimeLink(Transaction& tx,
                                                            const std::string& token_digest,
                                                            LinkPurpose purpose) {
  const std::string name = PurposeName(purpose);
  std::string user_id;
  soci::indicator found = soci::i_null;
  tx.session() << "UPDATE one_time_tokens SET used_at = now() WHERE token_digest = :d "
                  "AND purpose = :p AND used_at IS NULL AND expires_at > now() "
                  "RETURNING user_id::text",
      soci::use(token_digest), soci::use(name), soci::into(user_id, found);
  if (!tx.session().got_data() || found == soci::i_null) return std::nullopt;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT id::text AS id, kind, email, display_name, "
                               "collectivity_id::text AS collectivity_id, password_hash, "
                               "(disabled_at IS NOT NULL)::int AS disabled FROM users "
                               "WHERE id = :u::uuid AND disabled_at IS NULL",
       soci::use(user_id));
  for (const auto& row : rows) return UserFromRow(row);
  return std::nullopt;
}

void AccountRepository::RevokeAllSessions(Transaction& tx, const UserId& user) {
  tx.session() << "UPDATE sessions SET revoked_at = now() WHERE user_id = :u::uuid "
                  "AND revoked_at IS NULL",
      soci::use(user.value());
}

void AccountRepository::RecordLoginFailure(Transaction& tx, const std::string& email,
                                           const std::string& address) {
  tx.session() << "INSERT INTO login_failures (email, address) VALUES (:email, :address)",
      soci::use(email), soci::use(address);
}

AccountRepository::RecentFailures AccountRepository::CountRecentFailures(
    Transaction& tx, const std::string& email, const std::string& address,
    std::chrono::seconds window) {
  const long long seconds = window.count();
  RecentFailures counts;
  tx.session() << "SELECT count(*) FILTER (WHERE email = :email), "
                  "count(*) FILTER (WHERE address = :address), "
                  "coalesce(extract(epoch FROM now() - min(at))::bigint, 0) "
                  "FROM login_failures WHERE (email = :same_email OR address = :same_address) "
                  "AND at > now() - make_interval(secs => :window)",
      soci::use(email), soci::use(address), soci::use(email), soci::use(address),
      soci::use(seconds), soci::into(counts.for_email), soci::into(counts.for_address),
      soci::into(counts.oldest_age_seconds);
  return counts;
}

}  // namespace nuitee::persistence
