// The `nuitee` binary: serve, migrate, seed-demo, import-delta, send-mail, worker. The composition
// root: reads the configuration once, then wires the database, the routes and the server together.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <algorithm>
#include <thread>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "payments/payfip_adapter.hpp"
#include "api/config.hpp"
#include "api/logger.hpp"
#include "api/mail_sending.hpp"
#include "api/server.hpp"
#include "demo/seed.hpp"
#include "imports/delta_xml.hpp"
#include "persistence/account_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/deliberation_admission.hpp"
#include "persistence/migrations.hpp"
#include "persistence/write_audit.hpp"
#include "security/password_hash.hpp"
#include "security/password_policy.hpp"
#include "letters/letters.hpp"
#include "worker/calendar_pass.hpp"

extern char** environ;

namespace {

using namespace nuitee;

std::map<std::string, std::string> ReadEnvironment() {
  std::map<std::string, std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    if (text.rfind("NUITEE_", 0) != 0) continue;
    const auto equals = text.find('=');
    environment[text.substr(0, equals)] = text.substr(equals + 1);
  }
  return environment;
}

int Migrate(const api::Config& config) {
  auto report =
      persistence::ApplyMigrations(config.database_url, persistence::EmbeddedMigrations());
  if (!report) {
    api::Logger::Error("migrate_failed", {{"detail", report.error().message}});
    std::cerr << "Échec des migrations : " << report.error().message << "\n";
    return 1;
  }
  api::Logger::Info("migrate_done",
                    {{"applied", report->applied}, {"schema_version", report->current_version}});
  return 0;
}

int SeedDemo(const api::Config& config) {
  persistence::Database database({config.database_url, 1});
  auto report = demo::SeedDemo(database);
  if (!report) {
    api::Logger::Error("seed_demo_failed", {{"detail", report.error().message}});
    std::cerr << "Échec du chargement de la démo : " << report.error().message << "\n";
    return 1;
  }
  api::Logger::Info("seed_demo_done", {{"already_loaded", report->already_loaded},
                                       {"collectivity_id", report->collectivity_id},
                                       {"hosts", report->hosts},
                                       {"accommodations", report->accommodations},
                                       {"classifications", report->classifications},
                                       {"deliberations", report->deliberations},
                                       {"declaration_revisions", report->declaration_revisions},
                                       {"declarations_skipped", report->declarations_skipped},
                                       {"accounts", report->accounts},
                                       {"payments", report->payments}});
  return 0;
}

// `nuitee import-delta FILE`: the deliberations of a DELTA file for every collectivity registered
// here (matched by SIREN), all of them in one transaction: one bad deliberation and nothing is
// recorded. Deliberations of collectivities not registered here are listed and left out, since a
// national file holds every collectivity of France.
int ImportDelta(const api::Config& config) {
  std::ifstream file(config.input_file, std::ios::binary);
  if (!file) {
    std::cerr << "Impossible de lire le fichier « " << config.input_file << " ».\n";
    return 1;
  }
  std::ostringstream content;
  content << file.rdbuf();
  auto parsed = imports::ParseDeltaXml(content.str());
  if (!parsed) {
    std::cerr << parsed.error().message << "\n";
    for (const auto& each : parsed.error().field_errors) std::cerr << "  " << each.message << "\n";
    return 1;
  }
  persistence::Database database({config.database_url, 1});
  std::vector<std::string> skipped;
  auto imported = database.InTransaction(
      [&](persistence::Transaction& tx) -> Result<std::vector<persistence::AdmittedDeliberation>> {
        std::map<std::string, std::vector<persistence::DeliberationToAdmit>> by_siren;
        for (std::size_t i = 0; i < parsed->size(); ++i) {
          const auto& each = (*parsed)[i];
          by_siren[each.siren].push_back({each.deliberation, "/deliberations/" + std::to_string(i),
                                          "Ligne " + std::to_string(each.line) + " : "});
        }
        std::vector<persistence::AdmittedDeliberation> all;
        FieldErrors violations;
        for (const auto& [siren, deliberations] : by_siren) {
          auto collectivity = persistence::CollectivityRepository::FindBySiren(tx, siren);
          if (!collectivity) {
            skipped.push_back(siren);
            continue;
          }
          auto admitted = persistence::AdmitDeliberations(
              tx, *collectivity, deliberations, "import-delta", persistence::kSourceDelta,
              "Import du fichier DELTA " + config.input_file);
          if (!admitted) {
            violations.Append(admitted.error());
            continue;
          }
          all.insert(all.end(), admitted->begin(), admitted->end());
        }
        // Every collectivity's violations are reported; the transaction then rolls back whole.
        if (!violations.empty())
          return Fail(Error::RuleViolation(violations.errors(),
                                           "Le fichier DELTA est refusé : "
                                           "rien n'a été enregistré."));
        return all;
      });
  if (!imported) {
    std::cerr << imported.error().message << "\n";
    for (const auto& each : imported.error().field_errors) {
      std::cerr << "  " << each.field << " : " << each.message << "\n";
    }
    return 1;
  }
  int created = 0;
  for (const auto& each : *imported) {
    if (!each.created) continue;
    ++created;
    std::cout << "Délibération " << each.stored.deliberation.year << " de la collectivité "
              << each.stored.collectivity_id.value() << " : version " << each.stored.version
              << "\n";
  }
  std::cout << created << " délibération(s) enregistrée(s), "
            << imported->size() - static_cast<std::size_t>(created)
            << " identique(s) à la version en vigueur.\n";
  for (const auto& siren : skipped) {
    std::cout << "Collectivité de SIREN " << siren << " absente de cette base : ignorée.\n";
  }
  api::Logger::Info("import_delta_done", {{"file", config.input_file},
                                          {"created", created},
                                          {"skipped_collectivities", skipped.size()}});
  return 0;
}

// `nuitee send-mail`: one pass over the outbox, for cron and tests. Exit status 0 when every due
// mail left, 1 when some failed (they are retried later, or dead) or the database is unreachable.
int SendMail(const api::Config& config) {
  persistence::Database database({config.database_url, 1});
  mailer::SmtpTransport transport(*config.smtp);
  mailer::MailDelivery delivery(database, transport, mailer::DeliveryOptions{},
                                api::LogDeliveryEvent);
  auto delivered = delivery.DeliverDue();
  if (!delivered) {
    std::cerr << delivered.error().message << "\n";
    return 1;
  }
  std::cout << delivered->sent << " courriel(s) envoyé(s), " << delivered->retried
            << " en échec à réessayer plus tard, " << delivered->dead << " abandonné(s).\n";
  return delivered->retried + delivered->dead + delivered->lost == 0 ? 0 : 1;
}

// Set by SIGTERM/SIGINT; the worker stops between two batches.
std::atomic<bool> worker_stop_requested{false};

void RequestWorkerStop(int) { worker_stop_requested = true; }

// One pass of the calendar, then the due mail when an SMTP relay is given. False when the
// database could not be reached or a batch failed (both are retried at the next pass).
bool WorkerPass(const api::Config& config, persistence::Database& database) {
  worker::CalendarPassOptions options;
  options.today = config.today.value_or(api::ParisToday());
  options.portal_url = config.portal_url;
  options.render_formal_notice = letters::RenderFormalNotice;
  options.stop_requested = [] { return worker_stop_requested.load(); };
  auto report = worker::RunCalendarPass(database, options);
  if (!report) {
    api::Logger::Error("worker_pass_failed", {{"detail", report.error().message}});
    return false;
  }
  api::Logger::Info("worker_pass_done", {{"today", FormatIsoDate(options.today)},
                                         {"collectivities", report->collectivities},
                                         {"steps_taken", report->steps_taken},
                                         {"mails_queued", report->mails_queued},
                                         {"letters", report->letters},
                                         {"assessments", report->assessments},
                                         {"hosts_skipped", report->hosts_skipped},
                                         {"batches_failed", report->batches_failed},
                                         {"stopped", report->stopped}});
  bool delivered_all = true;
  if (config.smtp && !report->stopped) {
    mailer::SmtpTransport transport(*config.smtp);
    mailer::MailDelivery delivery(database, transport, mailer::DeliveryOptions{},
                                  api::LogDeliveryEvent);
    auto delivered = delivery.DeliverDue();
    delivered_all = delivered.has_value();
    if (!delivered) {
      api::Logger::Error("worker_delivery_failed", {{"detail", delivered.error().message}});
    }
  }
  return report->batches_failed == 0 && delivered_all;
}

// `nuitee worker`: the enforcement calendar as a process of its own; several may run at once
// against one database. --once: one pass, exit status 0 when it went through.
int Worker(const api::Config& config) {
  struct sigaction action {};
  action.sa_handler = RequestWorkerStop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  signal(SIGPIPE, SIG_IGN);
  persistence::Database database({config.database_url, 1});
  api::Logger::Info("worker_started", {{"once", config.once},
                                       {"poll_seconds", config.poll_seconds},
                                       {"today", config.today ? FormatIsoDate(*config.today) : ""},
                                       {"smtp", config.smtp.has_value()}});
  if (config.once) return WorkerPass(config, database) ? 0 : 1;
  while (!worker_stop_requested) {
    WorkerPass(config, database);
    const auto next = std::chrono::steady_clock::now() + std::chrono::seconds(config.poll_seconds);
    while (!worker_stop_requested && std::chrono::steady_clock::now() < next) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
  api::Logger::Info("worker_stopped");
  return 0;
}

int Serve(const api::Config& config) {
  // Block the stop signals before any thread starts, so every thread inherits the mask and only
  // sigwait() below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  persistence::Database database({config.database_url, config.pool_size});
  if (auto ready = persistence::CheckMigrations(database, persistence::EmbeddedMigrations());
      !ready) {
    api::Logger::Write(api::LogLevel::kWarn, "schema_not_ready",
                       {{"detail", ready.error().message}});
  }
  // The audit trail is append-only for the server only when it runs under a role without those
  // privileges (docs/operations.md): say so loudly when it does not.
  if (persistence::WriteAuditRepository::RoleMayRewrite(database)) {
    api::Logger::Write(api::LogLevel::kWarn, "database_role_may_rewrite_audit",
                       {{"detail",
                         "the server's database role may update or delete the audit trail: "
                         "serve as a member of nuitee_app that owns nothing"}});
  }
  api::Services services{database, api::ParisToday};
  // The links of invitations and password resets point at this server (the portal is served here).
  services.public_url = std::string(config.tls_certificate.empty() ? "http" : "https") + "://" +
                        config.bind_address + ":" + std::to_string(config.port);
  // Online payment through PayFiP when its régie is configured (NUITEE_PAYFIP_URL, _NUMCLI,
  // _SAISIE); the simulator is offered either way, named as such.
  if (auto payfip = payments::PayfipSettingsFromEnvironment()) {
    services.payment_providers->Add(std::make_shared<payments::PayfipAdapter>(*payfip), true);
  }
  std::unique_ptr<api::BackgroundMailSender> mail_sender;
  if (config.smtp) {
    mail_sender = std::make_unique<api::BackgroundMailSender>(config.database_url, *config.smtp);
    services.wake_mail_delivery = [sender = mail_sender.get()] { sender->Wake(); };
    api::Logger::Info("mail_sender_started",
                      {{"smtp_url", config.smtp->url},
                       {"starttls", mailer::StartTlsName(config.smtp->starttls)},
                       {"login", !config.smtp->user.empty()}});
  } else {
    api::Logger::Info("mail_sender_disabled",
                      {{"detail", "sans --smtp-url, les courriels attendent dans la file"}});
  }
  api::Server server({config.bind_address, static_cast<std::uint16_t>(config.port), config.threads,
                      config.tls_certificate, config.tls_private_key, config.web_root},
                     services);
  std::uint16_t port = 0;
  try {
    port = server.Start();
  } catch (const std::exception& error) {
    std::cerr << "Impossible d'écouter sur " << config.bind_address << ":" << config.port << " : "
              << error.what() << "\n";
    return 1;
  }
  const std::string scheme = config.tls_certificate.empty() ? "http" : "https";
  const std::string url = scheme + "://" + config.bind_address + ":" + std::to_string(port);
  api::Logger::Info("server_started",
                    {{"url", url}, {"threads", config.threads}, {"pool_size", config.pool_size}});
  std::cout << "Nuitée est prête : " << url << "  (Ctrl-C pour arrêter)" << std::endl;
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  api::Logger::Info("server_stopping", {{"signal", signal_number}});
  server.Shutdown();
  mail_sender.reset();
  api::Logger::Info("server_stopped");
  return 0;
}

// The stored form of the password in the environment variable `variable` (never a flag, so it
// stays out of the shell history and of `ps`), after the password policy; nullopt with the reason
// written on stderr.
std::optional<std::string> HashedPasswordFrom(const char* variable) {
  const char* password = std::getenv(variable);
  if (!password) {
    std::cerr << "Indiquez le mot de passe dans la variable " << variable << ".\n";
    return std::nullopt;
  }
  if (auto refusal = security::PasswordRefusal(password)) {
    std::cerr << *refusal << "\n";
    return std::nullopt;
  }
  auto hash = security::HashPassword(password, security::ScryptParameters{});
  if (!hash) return std::nullopt;
  return *hash;
}

// `nuitee create-operator EMAIL`: the instance operator's account, who creates collectivities and
// invites their first admin. The password comes from NUITEE_OPERATOR_PASSWORD.
int CreateOperator(const api::Config& config) {
  auto hash = HashedPasswordFrom("NUITEE_OPERATOR_PASSWORD");
  if (!hash) return 2;
  std::string email = config.input_file;
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  persistence::Database database({config.database_url, 1});
  auto created = database.InTransaction([&](persistence::Transaction& tx) {
    return persistence::AccountRepository::CreateUser(
        tx, {UserKind::kOperator, email, "Opérateur", std::nullopt, *hash, {}, {}, "cli"});
  });
  if (!created) {
    std::cerr << "Le compte n'a pas été créé : " << created.error().message << "\n";
    return 1;
  }
  std::cout << "Compte opérateur créé pour " << email << ".\n";
  return 0;
}

// `nuitee hash-password`: the stored form of the password in NUITEE_PASSWORD, for accounts created
// in SQL by scripts and benchmarks.
int HashPasswordCommand() {
  auto hash = HashedPasswordFrom("NUITEE_PASSWORD");
  if (!hash) return 2;
  std::cout << *hash << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  auto config = api::ParseConfig(arguments, ReadEnvironment());
  if (!config) {
    for (const auto& each : config.error().field_errors) std::cerr << each.message << "\n";
    std::cerr << "\n" << api::UsageText();
    return 2;
  }
  if (config->command == "help") {
    std::cout << api::UsageText();
    return 0;
  }
  api::Logger::SetLevel(config->log_level);
  persistence::SetInternalLogSink([](const std::string& event, const std::string& detail) {
    api::Logger::Error(event, {{"detail", detail}});
  });
  if (config->command == "migrate") return Migrate(*config);
  if (config->command == "seed-demo") return SeedDemo(*config);
  if (config->command == "import-delta") return ImportDelta(*config);
  if (config->command == "create-operator") return CreateOperator(*config);
  if (config->command == "send-mail") return SendMail(*config);
  if (config->command == "hash-password") return HashPasswordCommand();
  if (config->command == "worker") return Worker(*config);
  return Serve(*config);
}
