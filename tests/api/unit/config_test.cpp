// Settings of the `nuitee` binary: flags over NUITEE_* variables over defaults, all checked at
// once.
#include "api/config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace nuitee::api {
namespace {

using Arguments = std::vector<std::string>;
using Environment = std::map<std::string, std::string>;

const Environment kDatabase = {{"NUITEE_DATABASE_URL", "postgresql://localhost/nuitee"}};

Environment With(Environment environment, const std::string& name, const std::string& value) {
  environment[name] = value;
  return environment;
}

bool HasErrorOn(const Result<Config>& result, const std::string& field) {
  if (result) return false;
  const auto& errors = result.error().field_errors;
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& each) { return each.field == field; });
}

std::string MessageOn(const Result<Config>& result, const std::string& field) {
  if (result) return {};
  for (const auto& each : result.error().field_errors) {
    if (each.field == field) return each.message;
  }
  return {};
}

TEST(ParseConfig, ShowsHelpWithoutArguments) {
  auto config = ParseConfig({}, {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->command, "help");
}

TEST(ParseConfig, ShowsHelpForEveryHelpSpelling) {
  for (const char* help : {"--help", "-h", "help"}) {
    auto config = ParseConfig({help}, {});
    ASSERT_TRUE(config.has_value()) << help;
    EXPECT_EQ(config->command, "help");
  }
}

TEST(ParseConfig, ShowsHelpEvenWithBadSettings) {
  auto config = ParseConfig({"serve", "--port", "nope", "--help"},
                            {{"NUITEE_THREADS", "0"}, {"NUITEE_LOG_LEVEL", "loud"}});
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->command, "help");
}

TEST(ParseConfig, UsesDefaultsForServe) {
  auto config = ParseConfig({"serve"}, kDatabase);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->command, "serve");
  EXPECT_EQ(config->bind_address, "127.0.0.1");
  EXPECT_EQ(config->port, 8080);
  EXPECT_EQ(config->threads, 4);
  EXPECT_EQ(config->pool_size, 5u);  // threads + 1, the extra one for /ready
  EXPECT_EQ(config->log_level, LogLevel::kInfo);
  EXPECT_EQ(config->database_url, "postgresql://localhost/nuitee");
}

TEST(ParseConfig, HashPasswordNeedsNoDatabase) {
  auto config = ParseConfig({"hash-password"}, {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->command, "hash-password");
}

TEST(ParseConfig, AcceptsEveryCommand) {
  for (const char* command : {"serve", "migrate", "seed-demo"}) {
    auto config = ParseConfig({command}, kDatabase);
    ASSERT_TRUE(config.has_value()) << command;
    EXPECT_EQ(config->command, command);
  }
}

TEST(ParseConfig, ReadsEveryEnvironmentVariable) {
  const Environment environment = {
      {"NUITEE_BIND", "0.0.0.0"},    {"NUITEE_PORT", "9000"},
      {"NUITEE_THREADS", "8"},       {"NUITEE_POOL_SIZE", "3"},
      {"NUITEE_LOG_LEVEL", "debug"}, {"NUITEE_DATABASE_URL", "postgresql://db/nuitee"}};
  auto config = ParseConfig({"serve"}, environment);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->bind_address, "0.0.0.0");
  EXPECT_EQ(config->port, 9000);
  EXPECT_EQ(config->threads, 8);
  EXPECT_EQ(config->pool_size, 3u);
  EXPECT_EQ(config->log_level, LogLevel::kDebug);
  EXPECT_EQ(config->database_url, "postgresql://db/nuitee");
}

TEST(ParseConfig, IgnoresVariablesOutsideItsOwn) {
  auto config = ParseConfig({"serve"}, With(kDatabase, "PORT", "1"));
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->port, 8080);
}

TEST(ParseConfig, LetsFlagsOverrideTheEnvironment) {
  const Environment environment = {{"NUITEE_PORT", "9000"},
                                   {"NUITEE_LOG_LEVEL", "debug"},
                                   {"NUITEE_DATABASE_URL", "postgresql://env/nuitee"}};
  auto config = ParseConfig({"serve", "--port", "9100", "--log-level=error", "--database-url",
                             "postgresql://flag/nuitee"},
                            environment);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->port, 9100);
  EXPECT_EQ(config->log_level, LogLevel::kError);
  EXPECT_EQ(config->database_url, "postgresql://flag/nuitee");
}

TEST(ParseConfig, DoesNotReportABadVariableThatAFlagOverrides) {
  auto config = ParseConfig({"serve", "--port=9200"}, With(kDatabase, "NUITEE_PORT", "abc"));
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->port, 9200);
}

TEST(ParseConfig, TakesTheLastOfARepeatedFlag) {
  auto config = ParseConfig({"serve", "--port", "1000", "--port", "2000"}, kDatabase);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->port, 2000);
}

TEST(ParseConfig, AcceptsFlagsBeforeTheCommand) {
  auto config = ParseConfig({"--threads", "2", "migrate"}, kDatabase);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->command, "migrate");
  EXPECT_EQ(config->threads, 2);
  EXPECT_EQ(config->pool_size, 3u);
}

TEST(ParseConfig, KeepsAnEqualsSignInsideAValue) {
  auto config = ParseConfig({"serve", "--database-url=postgresql://h/db?sslmode=require"}, {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->database_url, "postgresql://h/db?sslmode=require");
}

// --- Integer settings ---

struct IntegerCase {
  const char* flag;
  const char* value;
  bool valid;
};

class IntegerSetting : public testing::TestWithParam<IntegerCase> {};

TEST_P(IntegerSetting, IsCheckedAgainstItsRange) {
  auto config = ParseConfig({"serve", GetParam().flag, GetParam().value}, kDatabase);
  EXPECT_EQ(config.has_value(), GetParam().valid) << GetParam().flag << " " << GetParam().value;
  if (!GetParam().valid) {
    EXPECT_TRUE(HasErrorOn(config, GetParam().flag));
  }
}

INSTANTIATE_TEST_SUITE_P(
    ParseConfig, IntegerSetting,
    testing::Values(IntegerCase{"--port", "0", true},  // 0: any free port (tests)
                    IntegerCase{"--port", "1", true}, IntegerCase{"--port", "65535", true},
                    IntegerCase{"--port", "65536", false}, IntegerCase{"--port", "-1", false},
                    IntegerCase{"--port", "", false}, IntegerCase{"--port", "80x", false},
                    IntegerCase{"--port", " 80", false}, IntegerCase{"--port", "+80", false},
                    IntegerCase{"--port", "8080.0", false},
                    IntegerCase{"--port", "99999999999999999999", false},
                    IntegerCase{"--threads", "1", true}, IntegerCase{"--threads", "256", true},
                    IntegerCase{"--threads", "0", false}, IntegerCase{"--threads", "257", false},
                    IntegerCase{"--threads", "four", false}, IntegerCase{"--pool-size", "1", true},
                    IntegerCase{"--pool-size", "1024", true},
                    IntegerCase{"--pool-size", "0", false},
                    IntegerCase{"--pool-size", "1025", false}));

TEST(ParseConfig, ExplainsABadPortInFrenchNamingFlagAndVariable) {
  auto config = ParseConfig({"serve"}, With(kDatabase, "NUITEE_PORT", "http"));
  EXPECT_EQ(MessageOn(config, "--port"),
            "--port (NUITEE_PORT) doit être un entier entre 0 et 65535, reçu « http ».");
}

TEST(ParseConfig, ExplainsBadThreads) {
  auto config = ParseConfig({"serve", "--threads=0"}, kDatabase);
  EXPECT_EQ(MessageOn(config, "--threads"),
            "--threads (NUITEE_THREADS) doit être un entier entre 1 et 256, reçu « 0 ».");
}

TEST(ParseConfig, SizesThePoolFromTheThreadsByDefault) {
  auto config = ParseConfig({"serve", "--threads", "16"}, kDatabase);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->pool_size, 17u);
}

TEST(ParseConfig, KeepsAnExplicitPoolSize) {
  auto config = ParseConfig({"serve", "--threads", "16", "--pool-size", "4"}, kDatabase);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->pool_size, 4u);
}

// --- Log level ---

TEST(ParseConfig, ReadsEveryLogLevel) {
  const std::map<std::string, LogLevel> levels = {{"debug", LogLevel::kDebug},
                                                  {"info", LogLevel::kInfo},
                                                  {"warn", LogLevel::kWarn},
                                                  {"error", LogLevel::kError}};
  for (const auto& [name, level] : levels) {
    auto config = ParseConfig({"serve", "--log-level", name}, kDatabase);
    ASSERT_TRUE(config.has_value()) << name;
    EXPECT_EQ(config->log_level, level) << name;
  }
}

TEST(ParseConfig, ExplainsAnUnknownLogLevel) {
  auto config = ParseConfig({"serve"}, With(kDatabase, "NUITEE_LOG_LEVEL", "verbose"));
  EXPECT_EQ(MessageOn(config, "--log-level"),
            "--log-level (NUITEE_LOG_LEVEL) doit valoir debug, info, warn ou error, reçu « "
            "verbose ».");
}

// --- Commands and options ---

TEST(ParseConfig, RefusesAnUnknownCommand) {
  auto config = ParseConfig({"start"}, kDatabase);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(MessageOn(config, ""), "Commande inconnue : « start » (voir nuitee --help).");
}

TEST(ParseConfig, RefusesAnUnknownOption) {
  auto config = ParseConfig({"serve", "--verbose=1"}, kDatabase);
  EXPECT_EQ(MessageOn(config, "--verbose"), "Option inconnue : --verbose (voir nuitee --help).");
}

TEST(ParseConfig, RefusesAnOptionWithoutItsValue) {
  auto config = ParseConfig({"serve", "--port"}, kDatabase);
  EXPECT_EQ(MessageOn(config, "--port"), "L'option --port attend une valeur.");
}

TEST(ParseConfig, RefusesASecondPositionalArgument) {
  auto config = ParseConfig({"serve", "migrate"}, kDatabase);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(MessageOn(config, ""), "Argument inattendu : « migrate ».");
}

TEST(ParseConfig, ImportDeltaTakesTheFileToImport) {
  auto config = ParseConfig({"import-delta", "tests/data/delta/sample-2026.xml"}, kDatabase);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->command, "import-delta");
  EXPECT_EQ(config->input_file, "tests/data/delta/sample-2026.xml");
}

TEST(ParseConfig, ImportDeltaRefusesNoFileOrTwoFiles) {
  EXPECT_EQ(MessageOn(ParseConfig({"import-delta"}, kDatabase), ""),
            "import-delta attend le chemin du fichier XML DELTA à importer.");
  EXPECT_EQ(MessageOn(ParseConfig({"import-delta", "a.xml", "b.xml"}, kDatabase), ""),
            "Argument inattendu : « b.xml ».");
}

TEST(ParseConfig, RequiresADatabaseForEveryCommandButHelp) {
  for (const char* command : {"serve", "migrate", "seed-demo"}) {
    auto config = ParseConfig({command}, {});
    EXPECT_TRUE(HasErrorOn(config, "--database-url")) << command;
  }
  EXPECT_TRUE(ParseConfig({"help"}, {}).has_value());
}

TEST(ParseConfig, RefusesAnEmptyDatabaseUrl) {
  auto config = ParseConfig({"serve"}, {{"NUITEE_DATABASE_URL", ""}});
  EXPECT_TRUE(HasErrorOn(config, "--database-url"));
}

TEST(ParseConfig, ReportsEveryBadSettingAtOnce) {
  auto config = ParseConfig({"serve", "--port", "x", "--threads", "x", "--pool-size", "x"},
                            {{"NUITEE_LOG_LEVEL", "x"}});
  ASSERT_FALSE(config.has_value());
  for (const char* field :
       {"--port", "--threads", "--pool-size", "--log-level", "--database-url"}) {
    EXPECT_TRUE(HasErrorOn(config, field)) << field;
  }
  EXPECT_EQ(config.error().field_errors.size(), 5u);
}

TEST(UsageText, NamesEveryCommandAndVariable) {
  const std::string usage = UsageText();
  for (const char* word :
       {"serve", "migrate", "seed-demo", "--help", "NUITEE_BIND", "NUITEE_PORT", "NUITEE_THREADS",
        "NUITEE_POOL_SIZE", "NUITEE_LOG_LEVEL", "NUITEE_DATABASE_URL"}) {
    EXPECT_NE(usage.find(word), std::string::npos) << word;
  }
}

// HTTPS needs a certificate and its key, both readable when the server starts.
TEST(ParseConfig, TlsNeedsBothReadableFiles) {
  const std::string readable = NUITEE_SOURCE_DIR "/README.md";
  EXPECT_TRUE(HasErrorOn(ParseConfig({"serve", "--tls-cert", readable}, kDatabase), "--tls-cert"));
  EXPECT_TRUE(HasErrorOn(
      ParseConfig({"serve", "--tls-cert", readable, "--tls-key", "/nowhere/key.pem"}, kDatabase),
      "--tls-key"));
  auto served = ParseConfig(
      {"serve"}, With(With(kDatabase, "NUITEE_TLS_CERT", readable), "NUITEE_TLS_KEY", readable));
  ASSERT_TRUE(served) << served.error().message;
  EXPECT_EQ(served->tls_certificate, readable);
  EXPECT_EQ(served->tls_private_key, readable);
  auto plain = ParseConfig({"serve"}, kDatabase);
  ASSERT_TRUE(plain);
  EXPECT_TRUE(plain->tls_certificate.empty());
}

// SMTP: checked at start, so that a typo shows now and not as dead mails hours later.
const Environment kSmtp =
    With(With(With(kDatabase, "NUITEE_SMTP_URL", "smtp://relay.example.fr:587"), "NUITEE_SMTP_FROM",
              "Taxe de séjour <taxe@example.fr>"),
         "NUITEE_SMTP_STARTTLS", "required");

TEST(ParseConfig, LeavesMailWaitingWithoutAnSmtpUrl) {
  auto config = ParseConfig({"serve"}, kDatabase);
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_FALSE(config->smtp.has_value());
}

TEST(ParseConfig, ReadsEverySmtpSetting) {
  const std::string readable = NUITEE_SOURCE_DIR "/README.md";
  auto environment =
      With(With(kSmtp, "NUITEE_SMTP_USER", "nuitee"), "NUITEE_SMTP_PASSWORD", "s3cret");
  environment = With(environment, "NUITEE_SMTP_CA_FILE", readable);
  auto config = ParseConfig({"serve"}, environment);
  ASSERT_TRUE(config) << config.error().message;
  ASSERT_TRUE(config->smtp.has_value());
  EXPECT_EQ(config->smtp->url, "smtp://relay.example.fr:587");
  EXPECT_EQ(config->smtp->from, (Mailbox{"Taxe de séjour", "taxe@example.fr"}));
  EXPECT_EQ(config->smtp->starttls, mailer::StartTls::kRequired);
  EXPECT_EQ(config->smtp->user, "nuitee");
  EXPECT_EQ(config->smtp->password, "s3cret");
  EXPECT_EQ(config->smtp->ca_file, readable);
  auto flags = ParseConfig({"send-mail", "--smtp-url=smtps://relay.example.fr", "--smtp-from",
                            "taxe@example.fr", "--smtp-starttls", "optional"},
                           kDatabase);
  ASSERT_TRUE(flags) << flags.error().message;
  EXPECT_EQ(flags->command, "send-mail");
  EXPECT_EQ(flags->smtp->starttls, mailer::StartTls::kOptional);
}

TEST(ParseConfig, StartTlsIsRequiredByDefault) {
  auto config = ParseConfig({"serve"}, With(kSmtp, "NUITEE_SMTP_STARTTLS", ""));
  EXPECT_TRUE(HasErrorOn(config, "--smtp-starttls"));
  auto unset = ParseConfig(
      {"serve", "--smtp-url", "smtp://relay.example.fr", "--smtp-from", "taxe@example.fr"},
      kDatabase);
  ASSERT_TRUE(unset) << unset.error().message;
  EXPECT_EQ(unset->smtp->starttls, mailer::StartTls::kRequired);
}

TEST(ParseConfig, RefusesSmtpSettingsWithoutAnSmtpUrl) {
  auto config = ParseConfig({"serve", "--smtp-from", "taxe@example.fr"}, kDatabase);
  EXPECT_TRUE(HasErrorOn(config, "--smtp-from"));
  EXPECT_NE(MessageOn(config, "--smtp-from").find("--smtp-url"), std::string::npos);
}

TEST(ParseConfig, ExplainsEveryBadSmtpSettingAtOnce) {
  auto config = ParseConfig(
      {"serve", "--smtp-url", "http://relay.example.fr", "--smtp-from", "pas une adresse",
       "--smtp-starttls", "parfois", "--smtp-ca-file", "/nowhere/ca.pem"},
      kDatabase);
  for (const char* flag : {"--smtp-url", "--smtp-from", "--smtp-starttls", "--smtp-ca-file"}) {
    EXPECT_TRUE(HasErrorOn(config, flag)) << flag;
  }
  EXPECT_TRUE(HasErrorOn(ParseConfig({"serve"}, With(kDatabase, "NUITEE_SMTP_URL", "smtp://x")),
                         "--smtp-from"));
}

TEST(ParseConfig, RefusesCredentialsInTheSmtpUrlWithoutEchoingThem) {
  auto config = ParseConfig(
      {"serve"}, With(kSmtp, "NUITEE_SMTP_URL", "smtp://nuitee:s3cret@relay.example.fr"));
  ASSERT_TRUE(HasErrorOn(config, "--smtp-url"));
  for (const auto& each : config.error().field_errors) {
    EXPECT_EQ(each.message.find("s3cret"), std::string::npos) << each.message;
  }
}

TEST(ParseConfig, NeverLetsThePasswordTravelInClear) {
  const auto login =
      With(With(kSmtp, "NUITEE_SMTP_USER", "nuitee"), "NUITEE_SMTP_PASSWORD", "s3cret");
  auto clear = ParseConfig({"serve"}, With(login, "NUITEE_SMTP_STARTTLS", "optional"));
  EXPECT_TRUE(HasErrorOn(clear, "--smtp-starttls"));
  for (const auto& each : clear.error().field_errors) {
    EXPECT_EQ(each.message.find("s3cret"), std::string::npos) << each.message;
  }
  EXPECT_TRUE(ParseConfig({"serve"}, login));
  auto smtps =
      ParseConfig({"serve"}, With(With(login, "NUITEE_SMTP_URL", "smtps://relay.example.fr"),
                                  "NUITEE_SMTP_STARTTLS", "optional"));
  EXPECT_TRUE(smtps) << smtps.error().message;
}

TEST(ParseConfig, SmtpUserAndPasswordGoTogether) {
  EXPECT_TRUE(HasErrorOn(ParseConfig({"serve"}, With(kSmtp, "NUITEE_SMTP_USER", "nuitee")),
                         "--smtp-password"));
  EXPECT_TRUE(HasErrorOn(ParseConfig({"serve"}, With(kSmtp, "NUITEE_SMTP_PASSWORD", "s3cret")),
                         "--smtp-user"));
}

TEST(ParseConfig, SendMailNeedsAnSmtpUrl) {
  auto config = ParseConfig({"send-mail"}, kDatabase);
  EXPECT_TRUE(HasErrorOn(config, "--smtp-url"));
  EXPECT_TRUE(ParseConfig({"send-mail"}, kSmtp));
}

TEST(UsageText, NamesTheMailCommandAndEverySmtpVariable) {
  const std::string usage = UsageText();
  for (const char* word :
       {"send-mail", "NUITEE_SMTP_URL", "NUITEE_SMTP_FROM", "NUITEE_SMTP_STARTTLS",
        "NUITEE_SMTP_USER", "NUITEE_SMTP_PASSWORD", "NUITEE_SMTP_CA_FILE"}) {
    EXPECT_NE(usage.find(word), std::string::npos) << word;
  }
}

TEST(ParseConfig, WorkerReadsOnceItsPollAndAFixedDay) {
  auto config = ParseConfig({"worker", "--once", "--today", "2024-02-29", "--poll-seconds", "5"},
                            kDatabase);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->command, "worker");
  EXPECT_TRUE(config->once);
  EXPECT_EQ(config->poll_seconds, 5);
  EXPECT_EQ(config->today, ParseIsoDate("2024-02-29"));
  auto defaults = ParseConfig({"worker"}, With(kDatabase, "NUITEE_TODAY", "2026-01-01"));
  ASSERT_TRUE(defaults.has_value());
  EXPECT_FALSE(defaults->once);
  EXPECT_EQ(defaults->poll_seconds, 60);
  EXPECT_EQ(defaults->today, ParseIsoDate("2026-01-01"));
  EXPECT_EQ(defaults->portal_url, "http://127.0.0.1:8080");
}

TEST(ParseConfig, WorkerRefusesAnImpossibleDayOrPoll) {
  auto config = ParseConfig({"worker", "--today", "2025-02-29", "--poll-seconds", "0"}, kDatabase);
  EXPECT_TRUE(HasErrorOn(config, "--today"));
  EXPECT_TRUE(HasErrorOn(config, "--poll-seconds"));
}

TEST(UsageText, NamesTheWorkerAndItsOptions) {
  const std::string usage = UsageText();
  for (const char* word : {"worker", "--once", "NUITEE_POLL_SECONDS", "NUITEE_TODAY",
                           "NUITEE_PORTAL_URL"}) {
    EXPECT_NE(usage.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace nuitee::api
