// SQL for the mail_outbox table (migration 0009).
#include "persistence/mail_outbox_repository.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/mail_address.hpp"
#include "persistence/dynamic_query.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

// Timestamps as ISO 8601 text in UTC, like every other table.
constexpr const char* kColumns =
    "id::text AS id, seq, collectivity_id::text AS collectivity_id, kind, recipient, subject, "
    "body, created_by, attempts, last_error, claim_token::text AS claim_token, "
    "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS created_at, "
    "to_char(next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
    "AS next_attempt_at, "
    "to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS sent_at, "
    "to_char(dead_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS dead_at, "
    "to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
    "AS withdrawn_at, withdrawn_reason";

// Why a mail of the calendar did not leave, for staff reading the outbox and the history.
constexpr const char* kWithdrawnReason =
    "Courriel retiré avant son envoi : tous les mois qu'il réclamait ont été déclarés entre-temps.";

// Long enough for a relay's whole answer, short enough for a list of mails.
constexpr std::size_t kMaxErrorBytes = 1000;

QueuedMail FromRow(const soci::row& row) {
  QueuedMail mail;
  mail.id = GetString(row, "id");
  mail.seq = GetLong(row, "seq");
  if (auto collectivity = GetOptionalString(row, "collectivity_id")) {
    mail.collectivity = CollectivityId(*collectivity);
  }
  mail.kind = GetString(row, "kind");
  mail.recipient = GetString(row, "recipient");
  mail.subject = GetString(row, "subject");
  mail.body = GetString(row, "body");
  mail.created_by = GetString(row, "created_by");
  mail.created_at = GetString(row, "created_at");
  mail.attempts = row.get<int>("attempts");
  mail.next_attempt_at = GetString(row, "next_attempt_at");
  mail.sent_at = GetOptionalString(row, "sent_at");
  mail.dead_at = GetOptionalString(row, "dead_at");
  mail.last_error = GetOptionalString(row, "last_error");
  mail.withdrawn_at = GetOptionalString(row, "withdrawn_at");
  mail.withdrawn_reason = GetOptionalString(row, "withdrawn_reason");
  return mail;
}

// Cuts at a character boundary, so what is stored stays valid UTF-8.
std::string Truncated(const std::string& text) {
  if (text.size() <= kMaxErrorBytes) return text;
  std::size_t end = kMaxErrorBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

}  // namespace

std::string_view MailStatusName(MailStatus status) {
  switch (status) {
    case MailStatus::kPending:
      return "pending";
    case MailStatus::kSent:
      return "sent";
    case MailStatus::kDead:
      return "dead";
    case MailStatus::kWithdrawn:
      return "withdrawn";
  }
  return "pending";
}

std::optional<MailStatus> ParseMailStatus(std::string_view name) {
  for (MailStatus each : {MailStatus::kPending, MailStatus::kSent, MailStatus::kDead,
                          MailStatus::kWithdrawn}) {
    if (MailStatusName(each) == name) return each;
  }
  return std::nullopt;
}

MailStatus QueuedMail::status() const {
  if (sent_at) return MailStatus::kSent;
  if (dead_at) return MailStatus::kDead;
  if (withdrawn_at) return MailStatus::kWithdrawn;
  return MailStatus::kPending;
}

Result<QueuedMail> MailOutboxRepository::Enqueue(Transaction& tx, const MailToSend& mail) {
  if (!IsDeliverableAddress(mail.recipient)) {
    return Fail(Error::InvalidArgument(
        "/to", "« " + mail.recipient + " » n'est pas une adresse électronique utilisable."));
  }
  std::optional<std::string> collectivity;
  if (mail.collectivity) collectivity = mail.collectivity->value();
  const std::string kind(MailKindName(mail.kind));
  soci::row row;
  tx.session() << std::string(
                      "INSERT INTO mail_outbox "
                      "(collectivity_id, kind, recipient, subject, body, created_by) "
                      "VALUES (:c::uuid, :kind, :to, :subject, :body, :by) RETURNING ") +
                      kColumns,
      soci::use(collectivity), soci::use(kind), soci::use(mail.recipient), soci::use(mail.subject),
      soci::use(mail.body), soci::use(mail.created_by), soci::into(row);
  return FromRow(row);
}

int MailOutboxRepository::WithdrawDeclared(Transaction& tx, int window) {
  const std::string reason = kWithdrawnReason;
  int withdrawn = 0;
  // A candidate is a due mail linked to steps, none of whose months is still undeclared. Mails a
  // concurrent sender holds are skipped: they are in its hands already.
  tx.session() << "WITH due AS (SELECT id FROM mail_outbox "
                  "WHERE sent_at IS NULL AND dead_at IS NULL AND withdrawn_at IS NULL "
                  "AND next_attempt_at <= now() ORDER BY next_attempt_at, seq LIMIT :window), "
                  "candidates AS (SELECT m.id FROM mail_outbox m JOIN due ON due.id = m.id "
                  "WHERE EXISTS (SELECT 1 FROM enforcement_steps s WHERE s.mail_id = m.id) "
                  "AND NOT EXISTS (SELECT 1 FROM enforcement_steps s WHERE s.mail_id = m.id "
                  "AND NOT EXISTS (SELECT 1 FROM declaration_months d "
                  "WHERE d.accommodation_id = s.accommodation_id AND d.month = s.month "
                  "AND d.latest_revision > 0)) FOR UPDATE OF m SKIP LOCKED), "
                  "withdrawn AS (UPDATE mail_outbox m SET withdrawn_at = now(), "
                  "withdrawn_reason = :reason FROM candidates c WHERE m.id = c.id "
                  "AND m.sent_at IS NULL AND m.dead_at IS NULL AND m.withdrawn_at IS NULL "
                  "RETURNING m.id), "
                  "history AS (INSERT INTO enforcement_events (collectivity_id, host_id, "
                  "accommodation_id, month, kind, step_id, text, recorded_by) "
                  "SELECT s.collectivity_id, s.host_id, s.accommodation_id, s.month, "
                  "'mail_withdrawn', s.id, :reason2, 'mailer' FROM enforcement_steps s "
                  "JOIN withdrawn w ON s.mail_id = w.id RETURNING 1) "
                  "SELECT count(*) FROM withdrawn",
      soci::use(window), soci::use(reason), soci::use(reason), soci::into(withdrawn);
  return withdrawn;
}

std::vector<std::optional<std::string>> MailOutboxRepository::EnqueueMany(
    Transaction& tx, const std::vector<MailToSend>& mails) {
  std::vector<std::optional<std::string>> ids(mails.size());
  std::vector<std::size_t> written;  // positions in `mails` of the mails written, in order
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < mails.size(); ++i) {
    const MailToSend& mail = mails[i];
    if (!IsDeliverableAddress(mail.recipient)) continue;
    written.push_back(i);
    rows.push_back({{"c", mail.collectivity ? nlohmann::json(mail.collectivity->value())
                                            : nlohmann::json()},
                    {"kind", MailKindName(mail.kind)},
                    {"to", mail.recipient},
                    {"subject", mail.subject},
                    {"body", mail.body},
                    {"by", mail.created_by}});
  }
  if (written.empty()) return ids;
  const std::string document = rows.dump();
  // The identity (seq) is drawn in the order of the ordered SELECT, so sorting the returned rows
  // by seq gives them back in the order of `mails`.
  soci::rowset<soci::row> inserted =
      (tx.session().prepare
           << "INSERT INTO mail_outbox (collectivity_id, kind, recipient, subject, body, "
              "created_by) SELECT (m->>'c')::uuid, m->>'kind', m->>'to', m->>'subject', "
              "m->>'body', m->>'by' FROM jsonb_array_elements(:mails::jsonb) WITH ORDINALITY "
              "AS t(m, n) ORDER BY n RETURNING seq, id::text AS id",
       soci::use(document));
  std::vector<std::pair<long long, std::string>> by_seq;
  for (const auto& row : inserted) by_seq.emplace_back(GetLong(row, "seq"), GetString(row, "id"));
  std::sort(by_seq.begin(), by_seq.end());
  for (std::size_t k = 0; k < by_seq.size() && k < written.size(); ++k) {
    ids[written[k]] = by_seq[k].second;
  }
  return ids;
}

std::vector<ClaimedMail> MailOutboxRepository::ClaimDue(Transaction& tx, int limit,
                                                        std::chrono::seconds lease) {
  // The window a claim takes is cleared of withdrawn mails first, until none is left in it: a
  // claim then never returns fewer mails than are due because some were withdrawn.
  for (int rounds = 0; rounds < 100 && WithdrawDeclared(tx, limit) > 0; ++rounds) {
  }
  const long long lease_seconds = lease.count();
  // The CTE locks the due rows it picks and skips those another claimer holds; the UPDATE then
  // moves them out of "due" until the lease ends, so they stay out after this commit too.
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << std::string("WITH due AS (SELECT id AS due_id FROM mail_outbox "
                          "WHERE sent_at IS NULL AND dead_at IS NULL AND withdrawn_at IS NULL "
                          "AND next_attempt_at <= now() "
                          "ORDER BY next_attempt_at, seq LIMIT :limit FOR UPDATE SKIP LOCKED) "
                          "UPDATE mail_outbox AS m SET attempts = m.attempts + 1, "
                          "next_attempt_at = now() + make_interval(secs => :lease), "
                          "claim_token = gen_random_uuid() FROM due WHERE m.id = due.due_id "
                          "RETURNING ") +
                  kColumns,
       soci::use(limit), soci::use(lease_seconds));
  std::vector<ClaimedMail> claimed;
  for (const auto& row : rows) claimed.push_back({FromRow(row), GetString(row, "claim_token")});
  return claimed;
}

bool MailOutboxRepository::MarkSent(Transaction& tx, const ClaimedMail& claim) {
  int updated = 0;
  tx.session() << "WITH sent AS (UPDATE mail_outbox SET sent_at = now(), last_error = NULL "
                  "WHERE id = :id::uuid AND claim_token = :token::uuid AND sent_at IS NULL "
                  "AND dead_at IS NULL RETURNING 1) SELECT count(*) FROM sent",
      soci::use(claim.mail.id), soci::use(claim.claim_token), soci::into(updated);
  return updated == 1;
}

std::optional<MailStatus> MailOutboxRepository::MarkFailed(Transaction& tx,
                                                           const ClaimedMail& claim,
                                                           const std::string& error,
                                                           FailureKind failure,
                                                           const MailRetryPolicy& policy) {
  const bool dead =
      failure == FailureKind::kPermanent || IsLastAttempt(policy, claim.mail.attempts);
  const int dead_flag = dead ? 1 : 0;
  const long long delay = RetryDelay(policy, claim.mail.attempts).count();
  const std::string stored_error = Truncated(error);
  int updated = 0;
  tx.session() << "WITH failed AS (UPDATE mail_outbox SET last_error = :error, "
                  "dead_at = CASE WHEN :dead = 1 THEN now() END, "
                  "next_attempt_at = CASE WHEN :dead2 = 1 THEN next_attempt_at "
                  "ELSE now() + make_interval(secs => :delay) END "
                  "WHERE id = :id::uuid AND claim_token = :token::uuid AND sent_at IS NULL "
                  "AND dead_at IS NULL RETURNING 1) SELECT count(*) FROM failed",
      soci::use(stored_error), soci::use(dead_flag), soci::use(dead_flag), soci::use(delay),
      soci::use(claim.mail.id), soci::use(claim.claim_token), soci::into(updated);
  if (updated != 1) return std::nullopt;
  return dead ? MailStatus::kDead : MailStatus::kPending;
}

Page<QueuedMail> MailOutboxRepository::List(Transaction& tx, const CollectivityId& collectivity,
                                            std::optional<MailStatus> status,
                                            const PageRequest& page) {
  DynamicQuery query;
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM mail_outbox WHERE collectivity_id = :c::uuid AND seq > :after";
  query.Bind("c", collectivity.value());
  query.Bind("after", page.after_seq);
  if (status == MailStatus::kPending) {
    sql += " AND sent_at IS NULL AND dead_at IS NULL AND withdrawn_at IS NULL";
  }
  if (status == MailStatus::kWithdrawn) sql += " AND withdrawn_at IS NOT NULL";
  if (status == MailStatus::kSent) sql += " AND sent_at IS NOT NULL";
  if (status == MailStatus::kDead) sql += " AND dead_at IS NOT NULL";
  return query.ReadPage<QueuedMail>(tx, sql + " ORDER BY seq LIMIT :limit", page, FromRow);
}

std::optional<QueuedMail> MailOutboxRepository::Find(Transaction& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM mail_outbox WHERE id = :id::uuid",
       soci::use(id));
  for (const auto& row : rows) return FromRow(row);
  return std::nullopt;
}

}  // namespace nuitee::persistence
