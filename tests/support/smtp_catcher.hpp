// A real SMTP server on a free loopback port, for tests of mail that really leaves: aiosmtpd
// (Debian's python3-aiosmtpd) run as a subprocess by tests/support/smtp_catcher.py, storing
// every message in a temporary Maildir that the test then reads back.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace nuitee::testing {

// A message as it arrived, decoded by Python's email package.
struct CaughtMail {
  std::string mail_from;  // the envelope (SMTP MAIL FROM)
  std::string rcpt_to;    // the envelope (SMTP RCPT TO)
  std::string from;       // the headers, decoded
  std::string to;
  std::string subject;
  std::string message_id;
  std::string auto_submitted;
  std::string content_type;
  std::string charset;
  std::string body;  // decoded text, "\n" line ends
  std::string raw;   // as stored, headers and encoded body
};

class SmtpCatcher {
 public:
  struct Options {
    std::string user;  // with a password: MAIL is refused until the client logged in
    std::string password;
    std::string tls_certificate;  // with a key: STARTTLS is offered
    std::string tls_private_key;
    std::string refuse_prefix;  // recipients starting with it are refused with 550
  };
  SmtpCatcher();
  explicit SmtpCatcher(Options options);  // throws when the server cannot start
  ~SmtpCatcher();
  SmtpCatcher(const SmtpCatcher&) = delete;
  SmtpCatcher& operator=(const SmtpCatcher&) = delete;

  std::uint16_t port() const { return port_; }
  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // The server goes away; its port is then closed (connections are refused).
  void Stop();

  std::vector<CaughtMail> Mails() const;
  // What the server wrote on stderr (aiosmtpd's warnings and errors), for failure messages.
  std::string Log() const;
  // The mails once at least `count` arrived, or what arrived when `timeout` passed.
  std::vector<CaughtMail> WaitForMails(
      std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(20)) const;

 private:
  bool Launch(const Options& options);
  std::string directory_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

// The Python that has aiosmtpd: Debian's /usr/bin/python3 (a python3 earlier in PATH, e.g. from
// pyenv, lacks Debian's packages), or NUITEE_TEST_PYTHON.
std::string DebianPython();

}  // namespace nuitee::testing
