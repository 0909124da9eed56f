// Delivery over SMTP with libcurl: smtp:// with STARTTLS required or optional, or smtps://
// (TLS from the first byte), with or without a login.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "domain/core/error.hpp"
#include "domain/mail_address.hpp"
#include "mailer/mail_transport.hpp"

namespace nuitee::mailer {

enum class StartTls {
  kRequired,  // smtp:// refuses to send unless the relay switches to TLS
  kOptional,  // TLS when the relay offers it, plain text otherwise (a relay on loopback)
};
std::string_view StartTlsName(StartTls mode);  // "required", "optional"
std::optional<StartTls> ParseStartTls(std::string_view name);

struct SmtpSettings {
  // smtp://host[:port][/ehlo-name] or smtps://...; credentials never go in the URL, so that it
  // can be logged.
  std::string url;
  std::string user;  // empty: no login
  std::string password;
  Mailbox from;
  StartTls starttls = StartTls::kRequired;  // smtps:// is encrypted anyway
  std::string ca_file;  // PEM certificates to trust for the relay; empty: the system's
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds timeout{60};  // a whole exchange, so a stuck relay cannot hold a sender
};

// Checks what can be checked before the first mail: scheme, host, no credentials, no query.
// kInvalidArgument with a French message.
Status ValidateSmtpUrl(std::string_view url);

// Turns libcurl's result code (CURLcode), the relay's last reply code and libcurl's error text
// into an outcome: only a recipient refused with a 5xx reply is permanent; a refused login, a
// missing STARTTLS or a relay that is down are fixed by people, so the mail waits for them.
DeliveryReport ClassifySmtpResult(int curl_code, long reply_code, std::string_view curl_detail);

// Keeps its connection to the relay open from one mail to the next (libcurl's connection cache
// lives in the handle): a batch of mails costs one connection and one STARTTLS/login instead of
// one per mail. A failed exchange drops the handle, so the next mail starts on a fresh connection.
// Sends are serialised.
class SmtpTransport : public MailTransport {
 public:
  explicit SmtpTransport(SmtpSettings settings);
  DeliveryReport Send(const OutgoingMail& mail) override;
  void Abort() override { aborted_ = true; }

 private:
  SmtpSettings settings_;
  std::atomic<bool> aborted_{false};
  std::mutex sending_;
  std::unique_ptr<void, void (*)(void*)> handle_{nullptr, nullptr};  // a CURL*, kept alive
};

}  // namespace nuitee::mailer
