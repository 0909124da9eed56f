// The `nuitee` binary: serve, migrate, seed-demo. The composition root: reads the configuration
// once, then wires the database, the routes and the server together.
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "api/config.hpp"
#include "api/logger.hpp"
#include "api/server.hpp"
#include "demo/seed.hpp"
#include "persistence/migrations.hpp"

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
  auto report = persistence::ApplyMigrations(config.database_url, persistence::EmbeddedMigrations());
  if (!report) {
    api::Logger::Error("migrate_failed", {{"detail", report.error().message}});
    std::cerr << "Échec des migrations : " << report.error().message << "\n";
    return 1;
  }
  api::Logger::Info("migrate_done", {{"applied", report->applied},
                                     {"schema_version", report->current_version}});
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
                                       {"classifications", report->classifications}});
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
    api::Logger::Write(api::LogLevel::kWarn, "schema_not_ready", {{"detail", ready.error().message}});
  }
  api::Services services{database, api::ParisToday};
  api::Server server({config.bind_address, static_cast<std::uint16_t>(config.port), config.threads},
                     services);
  std::uint16_t port = 0;
  try {
    port = server.Start();
  } catch (const std::exception& error) {
    std::cerr << "Impossible d'écouter sur " << config.bind_address << ":" << config.port << " : "
              << error.what() << "\n";
    return 1;
  }
  const std::string url = "http://" + config.bind_address + ":" + std::to_string(port);
  api::Logger::Info("server_started", {{"url", url}, {"threads", config.threads},
                                       {"pool_size", config.pool_size}});
  std::cout << "Nuitée est prête : " << url << "  (Ctrl-C pour arrêter)" << std::endl;
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  api::Logger::Info("server_stopping", {{"signal", signal_number}});
  server.Shutdown();
  api::Logger::Info("server_stopped");
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
  return Serve(*config);
}
