// How a mail leaves: one mail at a time, with an outcome that says whether to try again.
#pragma once

#include <string>

namespace nuitee::mailer {

// A mail of the outbox, ready to go.
struct OutgoingMail {
  std::string id;  // the outbox id: it makes the Message-ID, the same on every attempt
  std::string recipient;
  std::string subject;
  std::string body;  // plain text, UTF-8, "\n" line ends
};

struct DeliveryReport {
  enum class Outcome {
    kSent,       // the relay accepted the mail
    kTransient,  // try again later: unreachable, timed out, "4xx" or a refused login
    kPermanent,  // the relay refused this recipient for good ("5xx" to RCPT)
  };
  Outcome outcome = Outcome::kSent;
  std::string detail;  // French summary for staff, then the relay's words; never a secret
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Blocks until the relay answered or the transport's timeouts passed.
  virtual DeliveryReport Send(const OutgoingMail& mail) = 0;
  // Makes a Send in progress (and any later one) give up quickly: used when the server stops.
  virtual void Abort() {}
};

}  // namespace nuitee::mailer
