// The text of a mail as it travels (RFC 5322 and MIME): headers, then the body in quoted-printable.
#pragma once

#include <chrono>
#include <string>

#include "domain/mail_address.hpp"
#include "mailer/mail_transport.hpp"

namespace nuitee::mailer {

// "Mon, 23 Nov 2026 13:05:00 +0000", whatever the process's locale.
std::string FormatMailDate(std::chrono::system_clock::time_point when);

// Lines end with CRLF. Message-ID is "<outbox id@domain of the sender>", the same on every attempt,
// so a mail sent twice (a sender that lost its database after the relay accepted) can be
// recognised. Auto-Submitted keeps auto-responders from answering (RFC 3834).
std::string ComposeMessage(const Mailbox& from, const OutgoingMail& mail,
                           std::chrono::system_clock::time_point when);

}  // namespace nuitee::mailer
