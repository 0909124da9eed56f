// Accounts of a host and mails to its addresses, for its personal-data export.
#include "persistence/personal_data_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

std::string Iso(const std::string& column) {
  return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

// A PostgreSQL text[] literal, each element quoted (addresses come from the database).
std::string TextArray(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ",";
    literal += "\"";
    for (char c : values[i]) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += "\"";
  }
  return literal + "}";
}

}  // namespace

std::vector<HostAccount> PersonalDataRepository::AccountsOf(Transaction& tx,
                                                            const std::string& host_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT u.id::text AS id, u.email, u.display_name, u.kind, a.relation, " +
                  Iso("u.created_at") + " AS created, " + Iso("a.granted_at") + " AS granted, " +
                  Iso("a.revoked_at") + " AS revoked, " + Iso("u.disabled_at") +
                  " AS disabled, (u.password_hash IS NOT NULL)::int AS has_password "
                  "FROM host_access a JOIN users u ON u.id = a.user_id "
                  "WHERE a.host_id = :host::uuid ORDER BY a.granted_at, u.seq",
       soci::use(host_id));
  std::vector<HostAccount> accounts;
  for (const auto& row : rows) {
    accounts.push_back({GetString(row, "id"), GetString(row, "email"),
                        GetString(row, "display_name"), GetString(row, "kind"),
                        GetString(row, "relation"), GetString(row, "created"),
                        GetString(row, "granted"), GetOptionalString(row, "revoked"),
                        GetOptionalString(row, "disabled"), row.get<int>("has_password") != 0});
  }
  return accounts;
}

std::vector<SentMail> PersonalDataRepository::MailsTo(Transaction& tx,
                                                      const std::string& collectivity_id,
                                                      const std::vector<std::string>& recipients) {
  std::vector<SentMail> mails;
  if (recipients.empty()) return mails;
  const std::string addresses = TextArray(recipients);
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT id::text AS id, kind, recipient, subject, body, " +
                                   Iso("created_at") + " AS created, " + Iso("sent_at") +
                                   " AS sent, " + Iso("dead_at") +
                                   " AS dead FROM mail_outbox WHERE collectivity_id = :c::uuid "
                                   "AND lower(recipient) = ANY(:r::text[]) ORDER BY seq",
       soci::use(collectivity_id), soci::use(addresses));
  for (const auto& row : rows) {
    mails.push_back({GetString(row, "id"), GetString(row, "kind"), GetString(row, "recipient"),
                     GetString(row, "subject"), GetString(row, "body"), GetString(row, "created"),
                     GetOptionalString(row, "sent"), GetOptionalString(row, "dead")});
  }
  return mails;
}

}  // namespace nuitee::persistence
