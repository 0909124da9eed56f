// The sender's log lines and its background thread.
#include "api/mail_sending.hpp"

#include "api/logger.hpp"

namespace nuitee::api {
namespace {

// The outbox is looked at this often when no queued mail woke the sender: mails that failed become
// due again while nothing else happens.
constexpr std::chrono::seconds kPollInterval{5};

}  // namespace

void LogDeliveryEvent(const mailer::DeliveryEvent& event) {
  nlohmann::json fields = {{"mail_id", event.mail_id},
                           {"kind", event.kind},
                           {"attempt", event.attempt},
                           {"detail", event.detail}};
  if (event.status == "sent") return Logger::Info("mail_sent", std::move(fields));
  if (event.status == "pending") {
    return Logger::Write(LogLevel::kWarn, "mail_retry_scheduled", std::move(fields));
  }
  if (event.status == "dead") return Logger::Error("mail_dead", std::move(fields));
  Logger::Write(LogLevel::kWarn, "mail_lease_lost", std::move(fields));
}

BackgroundMailSender::BackgroundMailSender(const std::string& database_url,
                                           const mailer::SmtpSettings& smtp)
    : database_({database_url, 1}),
      transport_(smtp),
      delivery_(database_, transport_, mailer::DeliveryOptions{}, LogDeliveryEvent),
      loop_(delivery_, transport_, kPollInterval, [](const Error& error) {
        Logger::Write(LogLevel::kWarn, "mail_delivery_unavailable", {{"detail", error.message}});
      }) {
  loop_.Start();
}

BackgroundMailSender::~BackgroundMailSender() { loop_.Stop(); }

}  // namespace nuitee::api
