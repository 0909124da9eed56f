// Composing a plain-text UTF-8 mail.
#include "mailer/mime_message.hpp"

#include <ctime>

#include "mailer/encoded_words.hpp"
#include "mailer/quoted_printable.hpp"

namespace nuitee::mailer {
namespace {

std::string TwoDigits(int value) {
  return std::string(1, char('0' + value / 10)) + char('0' + value % 10);
}

std::string DomainOf(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos ? "nuitee.invalid" : address.substr(at + 1);
}

}  // namespace

std::string FormatMailDate(std::chrono::system_clock::time_point when) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return std::string(kDays[utc.tm_wday]) + ", " + std::to_string(utc.tm_mday) + " " +
         kMonths[utc.tm_mon] + " " + std::to_string(utc.tm_year + 1900) + " " +
         TwoDigits(utc.tm_hour) + ":" + TwoDigits(utc.tm_min) + ":" + TwoDigits(utc.tm_sec) +
         " +0000";
}

std::string ComposeMessage(const Mailbox& from, const OutgoingMail& mail,
                           std::chrono::system_clock::time_point when) {
  std::string from_header = "<" + from.address + ">";
  if (!from.display_name.empty())
    from_header = EncodeDisplayName(from.display_name) + " " + from_header;
  std::string message;
  message += "From: " + from_header + "\r\n";
  message += "To: <" + mail.recipient + ">\r\n";
  message += "Subject: " + EncodeHeaderText(mail.subject) + "\r\n";
  message += "Date: " + FormatMailDate(when) + "\r\n";
  message += "Message-ID: <" + mail.id + "@" + DomainOf(from.address) + ">\r\n";
  message += "Auto-Submitted: auto-generated\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=UTF-8\r\n";
  message += "Content-Transfer-Encoding: quoted-printable\r\n";
  message += "\r\n";
  message += EncodeQuotedPrintable(mail.body);
  return message;
}

}  // namespace nuitee::mailer
