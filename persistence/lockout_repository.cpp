// login_lockouts and password_reset_requests.
#include "persistence/lockout_repository.hpp"

#include "persistence/dynamic_query.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kIso = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

std::string Columns() {
  return std::string("l.seq, to_char(l.at AT TIME ZONE 'UTC', ") + kIso +
         ") AS at_text, l.email, " +
         "l.address, l.reason, to_char(l.locked_until AT TIME ZONE 'UTC', " + kIso +
         ") AS until_text, EXISTS (SELECT 1 FROM users u WHERE u.email = l.email)::int AS known";
}

Lockout FromRow(const soci::row& row) {
  return {GetString(row, "at_text"), GetString(row, "email"),      GetString(row, "address"),
          GetString(row, "reason"),  GetString(row, "until_text"), row.get<int>("known") != 0};
}

}  // namespace

void LockoutRepository::Record(Transaction& tx, const std::string& email,
                               const std::string& address, LockoutReason reason,
                               long long seconds_left, const std::string& request_id) {
  const std::string reason_name = reason == LockoutReason::kAccount ? "account" : "address";
  // Each name once: SOCI binds a repeated :name only at its first place.
  tx.session() << "INSERT INTO login_lockouts (email, address, reason, locked_until, request_id) "
                  "SELECT :email, :address, :reason, now() + make_interval(secs => :seconds), "
                  ":request WHERE NOT EXISTS (SELECT 1 FROM login_lockouts WHERE email = :email2 "
                  "AND address = :address2 AND reason = :reason2 AND locked_until > now())",
      soci::use(email), soci::use(address), soci::use(reason_name), soci::use(seconds_left),
      soci::use(request_id), soci::use(email), soci::use(address), soci::use(reason_name);
}

Page<Lockout> LockoutRepository::ForCollectivity(Transaction& tx,
                                                 const std::string& collectivity_id,
                                                 const PageRequest& page) {
  DynamicQuery query;
  query.Bind("collectivity", collectivity_id);
  query.Bind("after", page.after_seq);
  const std::string sql =
      "SELECT " + Columns() +
      " FROM login_lockouts l WHERE l.seq > :after AND l.email IN (SELECT email FROM users "
      "WHERE collectivity_id = :collectivity::uuid) ORDER BY l.seq LIMIT :limit";
  return query.ReadPage<Lockout>(tx, sql, page, FromRow);
}

Page<Lockout> LockoutRepository::All(Transaction& tx, const PageRequest& page) {
  DynamicQuery query;
  query.Bind("after", page.after_seq);
  const std::string sql = "SELECT " + Columns() +
                          " FROM login_lockouts l WHERE l.seq > :after ORDER BY l.seq LIMIT :limit";
  return query.ReadPage<Lockout>(tx, sql, page, FromRow);
}

RecentResetRequests ResetRequestRepository::CountRecent(Transaction& tx, const std::string& email,
                                                        const std::string& address,
                                                        std::chrono::seconds email_window,
                                                        std::chrono::seconds address_window) {
  RecentResetRequests recent;
  const long long email_seconds = email_window.count();
  const long long address_seconds = address_window.count();
  tx.session() << "SELECT "
                  "(SELECT count(*) FROM password_reset_requests WHERE email = :email AND mailed "
                  "AND at > now() - make_interval(secs => :email_window)), "
                  "count(*), coalesce(extract(epoch FROM now() - min(at))::bigint, 0) "
                  "FROM password_reset_requests WHERE address = :address "
                  "AND at > now() - make_interval(secs => :address_window)",
      soci::use(email), soci::use(email_seconds), soci::use(address), soci::use(address_seconds),
      soci::into(recent.mailed_for_email), soci::into(recent.for_address),
      soci::into(recent.oldest_age_seconds);
  return recent;
}

void ResetRequestRepository::Record(Transaction& tx, const std::string& email,
                                    const std::string& address, bool mailed) {
  const int mailed_flag = mailed ? 1 : 0;
  tx.session() << "INSERT INTO password_reset_requests (email, address, mailed) "
                  "VALUES (:email, :address, :mailed::int::boolean)",
      soci::use(email), soci::use(address), soci::use(mailed_flag);
}

}  // namespace nuitee::persistence
