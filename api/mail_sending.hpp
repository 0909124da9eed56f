// Wiring of the mail sender for `nuitee serve` (a background thread) and `nuitee send-mail` (one
// pass): its own database session, the SMTP transport, and log lines for every attempt.
#pragma once

#include <memory>

#include "mailer/mail_delivery.hpp"
#include "mailer/mail_delivery_loop.hpp"
#include "mailer/smtp_transport.hpp"
#include "persistence/database.hpp"

namespace nuitee::api {

// The log line of one delivery attempt ("mail_sent", "mail_retry_scheduled", "mail_dead").
void LogDeliveryEvent(const mailer::DeliveryEvent& event);

// Everything the background sender owns, stopped and joined by its destructor.
class BackgroundMailSender {
 public:
  BackgroundMailSender(const std::string& database_url, const mailer::SmtpSettings& smtp);
  ~BackgroundMailSender();
  void Wake() { loop_.Wake(); }

 private:
  // A session of its own: the sender never waits for (nor delays) an HTTP request's connection.
  persistence::Database database_;
  mailer::SmtpTransport transport_;
  mailer::MailDelivery delivery_;
  mailer::MailDeliveryLoop loop_;
};

}  // namespace nuitee::api
