// The outbox of mails: written in the transaction of what caused a mail, claimed by senders with
// FOR UPDATE SKIP LOCKED, marked sent, retried with backoff, or given up (dead) for staff to see.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/mail_kind.hpp"
#include "domain/mail_retry.hpp"
#include "persistence/database.hpp"
#include "persistence/page.hpp"

namespace nuitee::persistence {

// A rendered mail to deliver.
struct MailToSend {
  std::optional<CollectivityId> collectivity;  // none: a mail of the instance itself
  MailKind kind = MailKind::kTest;
  std::string recipient;
  std::string subject;
  std::string body;  // plain text, UTF-8
  std::string created_by;
};

// kWithdrawn: a reminder whose months were all declared before it left (migration 0013).
enum class MailStatus { kPending, kSent, kDead, kWithdrawn };
std::string_view MailStatusName(MailStatus status);  // "pending", "sent", "dead", "withdrawn"
std::optional<MailStatus> ParseMailStatus(std::string_view name);

struct QueuedMail {
  std::string id;
  long long seq = 0;
  std::optional<CollectivityId> collectivity;
  std::string kind;  // as stored: a kind that a later version of Nuitée dropped still reads
  std::string recipient;
  std::string subject;
  std::string body;
  std::string created_by;
  std::string created_at;  // ISO 8601, UTC
  int attempts = 0;
  std::string next_attempt_at;
  std::optional<std::string> sent_at;
  std::optional<std::string> dead_at;
  std::optional<std::string> last_error;
  std::optional<std::string> withdrawn_at;
  std::optional<std::string> withdrawn_reason;
  MailStatus status() const;
};

// A mail a sender holds for the length of its lease; the token proves the lease is still its own.
struct ClaimedMail {
  QueuedMail mail;  // attempts already counts this attempt
  std::string claim_token;
};

// What a failed attempt tells about the next one.
enum class FailureKind {
  kTransient,  // the relay was unreachable or said "later" (4xx): retry with backoff
  kPermanent,  // the relay refused this mail (5xx): retrying cannot help
};

class MailOutboxRepository {
 public:
  // Writes `mail` in the caller's transaction: it is committed, and later sent, only if the
  // transaction is. kInvalidArgument on "/to" for an address that mail cannot be sent to.
  static Result<QueuedMail> Enqueue(Transaction& tx, const MailToSend& mail);
  // Writes several mails in one statement (the enforcement calendar queues thousands): one entry
  // per mail, in order, with its id, or nullopt when its address cannot receive mail (nothing is
  // written for that one).
  static std::vector<std::optional<std::string>> EnqueueMany(Transaction& tx,
                                                             const std::vector<MailToSend>& mails);

  // Withdraws, before they are claimed, the due mails of the enforcement calendar whose steps'
  // months are all declared now (issue 6: "a later step is never sent for a month that has been
  // declared, even if the step was already queued"), with a 'mail_withdrawn' history row per step.
  // Looks at the next `window` due mails only, those a claim would take. Returns how many.
  static int WithdrawDeclared(Transaction& tx, int window);

  // Takes up to `limit` due mails for `lease`, after withdrawing those no longer wanted: their attempt count goes up and they are not due
  // again before the lease ends, so a sender that dies mid-way only delays them. Rows locked by a
  // concurrent claimer are skipped, never waited for: several senders never get the same mail.
  static std::vector<ClaimedMail> ClaimDue(Transaction& tx, int limit, std::chrono::seconds lease);

  // False when the lease was lost (it ended and another sender claimed the mail): nothing changes.
  static bool MarkSent(Transaction& tx, const ClaimedMail& claim);
  // Records the error; the mail is due again after the policy's delay, or dead when this was its
  // last attempt or the failure is permanent. Returns the status it ends in (nullopt: lease lost).
  static std::optional<MailStatus> MarkFailed(Transaction& tx, const ClaimedMail& claim,
                                              const std::string& error, FailureKind failure,
                                              const MailRetryPolicy& policy);

  // A collectivity's mails in the order they were written, optionally of one status.
  static Page<QueuedMail> List(Transaction& tx, const CollectivityId& collectivity,
                               std::optional<MailStatus> status, const PageRequest& page);
  static std::optional<QueuedMail> Find(Transaction& tx, const std::string& id);
};

}  // namespace nuitee::persistence
