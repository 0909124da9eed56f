// The delivery of one batch: claim (one short transaction), send with no transaction open, then
// record each outcome (one short transaction per mail).
#include "mailer/mail_delivery.hpp"

#include "persistence/mail_outbox_repository.hpp"

namespace nuitee::mailer {
namespace {

using persistence::ClaimedMail;
using persistence::FailureKind;
using persistence::MailOutboxRepository;
using persistence::MailStatus;
using persistence::Transaction;

void Count(std::optional<MailStatus> ended, DeliveryCounts& counts) {
  if (!ended) {
    ++counts.lost;
    return;
  }
  switch (*ended) {
    case MailStatus::kSent:
      ++counts.sent;
      return;
    case MailStatus::kPending:
      ++counts.retried;
      return;
    case MailStatus::kDead:
      ++counts.dead;
      return;
  }
}

}  // namespace

MailDelivery::MailDelivery(persistence::Database& database, MailTransport& transport,
                           DeliveryOptions options, EventSink on_event)
    : database_(database),
      transport_(transport),
      options_(std::move(options)),
      on_event_(std::move(on_event)) {}

Result<DeliveryCounts> MailDelivery::DeliverBatch() {
  std::vector<ClaimedMail> claimed;
  auto claim = database_.Run([&](Transaction& tx) -> Status {
    claimed = MailOutboxRepository::ClaimDue(tx, options_.batch_size, options_.lease);
    return {};
  });
  if (!claim) return Fail(claim.error());

  DeliveryCounts counts;
  for (const auto& each : claimed) {
    const DeliveryReport report =
        transport_.Send({each.mail.id, each.mail.recipient, each.mail.subject, each.mail.body});
    std::optional<MailStatus> ended;
    auto recorded = database_.Run([&](Transaction& tx) -> Status {
      if (report.outcome == DeliveryReport::Outcome::kSent) {
        if (MailOutboxRepository::MarkSent(tx, each)) ended = MailStatus::kSent;
      } else {
        const FailureKind failure = report.outcome == DeliveryReport::Outcome::kPermanent
                                        ? FailureKind::kPermanent
                                        : FailureKind::kTransient;
        ended = MailOutboxRepository::MarkFailed(tx, each, report.detail, failure, options_.retry);
      }
      return {};
    });
    // A mail the relay accepted but whose outcome could not be recorded is sent again when its
    // lease ends: delivery is at least once, and the Message-ID tells the copies apart.
    if (!recorded) return Fail(recorded.error());
    Count(ended, counts);
    const std::string status = ended ? std::string(persistence::MailStatusName(*ended)) : "lost";
    if (on_event_)
      on_event_({each.mail.id, each.mail.kind, each.mail.attempts, status, report.detail});
  }
  return counts;
}

Result<DeliveryCounts> MailDelivery::DeliverDue() {
  DeliveryCounts total;
  for (;;) {
    auto batch = DeliverBatch();
    if (!batch) return Fail(batch.error());
    total.sent += batch->sent;
    total.retried += batch->retried;
    total.dead += batch->dead;
    total.lost += batch->lost;
    if (batch->attempted() < options_.batch_size) return total;
  }
}

}  // namespace nuitee::mailer
