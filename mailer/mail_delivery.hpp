// Empties the outbox: claims due mails, hands each to the transport, records what happened.
// Several deliveries (threads, processes, hosts) may run at once: claims never overlap.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "domain/core/error.hpp"
#include "domain/mail_retry.hpp"
#include "mailer/mail_transport.hpp"
#include "persistence/database.hpp"

namespace nuitee::mailer {

struct DeliveryOptions {
  int batch_size = 20;
  // How long a claimed mail stays with its sender: longer than one SMTP exchange may last (the
  // transport's timeout), so only a sender that died loses its mails to another.
  std::chrono::seconds lease{300};
  MailRetryPolicy retry;
};

struct DeliveryCounts {
  int sent = 0;
  int retried = 0;  // failed, due again later
  int dead = 0;     // failed for the last time, or refused for good
  int lost = 0;     // the lease ended before the outcome could be recorded
  int attempted() const { return sent + retried + dead + lost; }
};

// One line per attempt, for the log: never the recipient nor the text (personal data), never a
// secret.
struct DeliveryEvent {
  std::string mail_id;
  std::string kind;
  int attempt = 0;
  std::string status;  // "sent", "pending" (retried), "dead", "lost"
  std::string detail;
};

class MailDelivery {
 public:
  using EventSink = std::function<void(const DeliveryEvent&)>;
  MailDelivery(persistence::Database& database, MailTransport& transport, DeliveryOptions options,
               EventSink on_event = {});

  // One batch: at most batch_size mails. kUnavailable when the database cannot be reached.
  Result<DeliveryCounts> DeliverBatch();
  // Batches until nothing is due (mails that fail are due again only after their backoff).
  Result<DeliveryCounts> DeliverDue();

 private:
  persistence::Database& database_;
  MailTransport& transport_;
  DeliveryOptions options_;
  EventSink on_event_;
};

}  // namespace nuitee::mailer
