// SQL for the mail_template_versions table (migration 0009).
#include "persistence/mail_template_repository.hpp"

#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "version, subject, body, recorded_by, "
    "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at";

StoredMailTemplate FromRow(MailKind kind, const soci::row& row) {
  StoredMailTemplate stored;
  stored.kind = kind;
  stored.version = row.get<int>("version");
  auto subject = GetOptionalString(row, "subject");
  auto body = GetOptionalString(row, "body");
  if (subject && body) stored.own = MailTemplate{*subject, *body};
  stored.recorded_by = GetString(row, "recorded_by");
  stored.recorded_at = GetString(row, "recorded_at");
  return stored;
}

}  // namespace

void MailTemplateRepository::Lock(Transaction& tx, const CollectivityId& collectivity,
                                  MailKind kind) {
  LockRegisterAppends(
      tx, "mail-templates:" + collectivity.value() + ":" + std::string(MailKindName(kind)));
}

StoredMailTemplate MailTemplateRepository::Latest(Transaction& tx,
                                                  const CollectivityId& collectivity,
                                                  MailKind kind) {
  const std::string kind_name(MailKindName(kind));
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM mail_template_versions WHERE collectivity_id = :c::uuid "
                                   "AND kind = :kind ORDER BY version DESC LIMIT 1",
       soci::use(collectivity.value()), soci::use(kind_name));
  for (const auto& row : rows) return FromRow(kind, row);
  StoredMailTemplate none;
  none.kind = kind;
  return none;
}

StoredMailTemplate MailTemplateRepository::Append(Transaction& tx,
                                                  const CollectivityId& collectivity, MailKind kind,
                                                  const std::optional<MailTemplate>& own,
                                                  const std::string& actor) {
  Lock(tx, collectivity, kind);
  const std::string kind_name(MailKindName(kind));
  std::optional<std::string> subject;
  std::optional<std::string> body;
  if (own) {
    subject = own->subject;
    body = own->body;
  }
  soci::row row;
  tx.session() << std::string(
                      "INSERT INTO mail_template_versions "
                      "(collectivity_id, kind, version, subject, body, recorded_by) "
                      "SELECT :c::uuid, :kind, coalesce(max(version), 0) + 1, :subject, "
                      ":body, :by FROM mail_template_versions "
                      "WHERE collectivity_id = :same_c::uuid AND kind = :same_kind "
                      "RETURNING ") +
                      kColumns,
      soci::use(collectivity.value()), soci::use(kind_name), soci::use(subject), soci::use(body),
      soci::use(actor), soci::use(collectivity.value()), soci::use(kind_name), soci::into(row);
  return FromRow(kind, row);
}

}  // namespace nuitee::persistence
