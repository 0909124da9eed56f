// Settings of the `nuitee` binary: flags first, then NUITEE_* variables, then defaults.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/logger.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "mailer/smtp_transport.hpp"

namespace nuitee::api {

struct Config {
  std::string command;     // serve, migrate, seed-demo, import-delta, send-mail, worker, help
  std::string input_file;  // import-delta: the DELTA XML file
  std::string bind_address = "127.0.0.1";
  int port = 8080;
  int threads = 4;
  std::size_t pool_size = 0;  // 0: as many sessions as threads, plus one for /ready
  LogLevel log_level = LogLevel::kInfo;
  std::string database_url;
  std::string tls_certificate;  // serve: PEM certificate chain, with tls_private_key
  std::string tls_private_key;
  // Set with --smtp-url: serve delivers the outbox in the background, send-mail once.
  std::optional<mailer::SmtpSettings> smtp;
  // worker: one pass then exit (--once), else a pass every poll_seconds until SIGTERM/SIGINT.
  bool once = false;
  int poll_seconds = 60;
  std::optional<Day> today;  // --today / NUITEE_TODAY fixes the clock (tests); else Europe/Paris
  std::string portal_url;    // the portal's address written in the mails; default http://bind:port
  std::string web_root;      // serve: the web portal's files; empty: the API alone
};

// `arguments` excludes the program name; `environment` maps NUITEE_* names to values. Every bad
// value is reported at once, in French, naming the flag and the variable.
Result<Config> ParseConfig(const std::vector<std::string>& arguments,
                           const std::map<std::string, std::string>& environment);

std::string UsageText();

}  // namespace nuitee::api
