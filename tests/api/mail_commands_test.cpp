// The real `nuitee` binary with an SMTP server on loopback: `send-mail` delivers what is due and
// says so in its exit status; `serve` with NUITEE_SMTP_URL delivers in the background, and its log
// never holds the SMTP password.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "persistence/account_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/mail_queue.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/self_signed_certificate.hpp"
#include "tests/support/smtp_catcher.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using persistence::Transaction;

std::string Quote(const std::string& text) { return "'" + text + "'"; }

struct CommandRun {
  int status = -1;  // exit status
  std::string output;
};

// Runs `nuitee <arguments>` with these NUITEE_* variables; stderr (the JSON log) is dropped.
CommandRun RunNuitee(const std::map<std::string, std::string>& environment,
                     const std::string& arguments) {
  std::string command = "env";
  for (const auto& [name, value] : environment) command += " " + name + "=" + Quote(value);
  command += " " + Quote(NUITEE_BINARY) + " " + arguments + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  CommandRun run;
  std::array<char, 1024> buffer{};
  for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
    run.output.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class MailCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) {
      return persistence::CollectivityRepository::Insert(tx, testing::SampleCollectivity());
    });
    ASSERT_TRUE(made) << made.error().message;
    collectivity_ = made->id;
  }

  void QueueTestMail(const std::string& to) {
    auto queued = db_.database().InTransaction([&](Transaction& tx) {
      return persistence::QueueMail(tx, {collectivity_, MailKind::kTest, to, {}, "test"});
    });
    ASSERT_TRUE(queued) << queued.error().message;
  }

  std::map<std::string, std::string> Environment(const testing::SmtpCatcher& catcher) const {
    // As in production, serve and send-mail run as the server's role, not the owner.
    return {{"NUITEE_DATABASE_URL", db_.ServerRoleUrl()},
            {"NUITEE_SMTP_URL", catcher.Url()},
            {"NUITEE_SMTP_FROM", "Taxe de séjour <taxe@example.fr>"},
            {"NUITEE_SMTP_STARTTLS", "optional"}};
  }

  testing::TestDatabase db_;
  CollectivityId collectivity_;
};

TEST_F(MailCommandsTest, SendMailDeliversWhatIsDueThenExits) {
  testing::SmtpCatcher catcher;
  QueueTestMail("accueil@murat.example.fr");
  const CommandRun run = RunNuitee(Environment(catcher), "send-mail");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("1 courriel(s) envoyé(s), 0 en échec"), std::string::npos)
      << run.output;
  const auto mails = catcher.WaitForMails(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails.front().subject, "Nuitée : courriel d'essai – CC des Monts du Test");

  const CommandRun nothing = RunNuitee(Environment(catcher), "send-mail");
  EXPECT_EQ(nothing.status, 0);
  EXPECT_NE(nothing.output.find("0 courriel(s) envoyé(s)"), std::string::npos) << nothing.output;
}

TEST_F(MailCommandsTest, SendMailFailsWhenAMailCouldNotLeave) {
  testing::SmtpCatcher catcher;
  catcher.Stop();
  QueueTestMail("accueil@murat.example.fr");
  const CommandRun run = RunNuitee(Environment(catcher), "send-mail");
  EXPECT_EQ(run.status, 1) << run.output;
  EXPECT_NE(run.output.find("1 en échec à réessayer plus tard"), std::string::npos) << run.output;
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox WHERE attempts = 1 AND sent_at IS "
                          "NULL AND last_error IS NOT NULL"),
            1);
}

TEST_F(MailCommandsTest, SendMailNeedsAnSmtpServer) {
  EXPECT_EQ(RunNuitee({{"NUITEE_DATABASE_URL", db_.url()}}, "send-mail").status, 2);
  EXPECT_EQ(
      RunNuitee({{"NUITEE_DATABASE_URL", db_.url()}, {"NUITEE_SMTP_URL", "smtp://x"}}, "send-mail")
          .status,
      2)
      << "--smtp-from is required";
}

// `nuitee serve` over STARTTLS with a login, as in production: the test mail queued over HTTP
// arrives without waiting for a poll, and the log never shows the password.
TEST_F(MailCommandsTest, ServeDeliversInTheBackgroundAndNeverLogsThePassword) {
  testing::SelfSignedCertificate certificate;
  ASSERT_TRUE(certificate.made()) << "the openssl command is needed (Debian package openssl)";
  const std::string password = "Mot-De-Passe-SMTP-42";
  testing::SmtpCatcher catcher(
      {"nuitee", password, certificate.certificate(), certificate.key(), ""});
  auto environment = Environment(catcher);
  environment["NUITEE_SMTP_STARTTLS"] = "required";
  environment["NUITEE_SMTP_USER"] = "nuitee";
  environment["NUITEE_SMTP_PASSWORD"] = password;
  environment["NUITEE_SMTP_CA_FILE"] = certificate.certificate();
  const std::string log = certificate.certificate() + ".log";
  std::string command = "echo $$; exec env";
  for (const auto& [name, value] : environment) command += " " + name + "=" + Quote(value);
  command += " " + Quote(NUITEE_BINARY) + " serve --port 0 --threads 2 2>" + Quote(log);
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::array<char, 512> line{};
  ASSERT_NE(fgets(line.data(), line.size(), pipe), nullptr);
  const pid_t pid = std::stoi(line.data());
  std::string url;
  while (url.empty() && fgets(line.data(), line.size(), pipe) != nullptr) {
    const std::string text = line.data();
    const auto at = text.find("http://");
    if (at != std::string::npos) url = text.substr(at, text.find_first_of(" \n", at) - at);
  }
  ASSERT_FALSE(url.empty()) << "the server did not start";
  {
    testing::HttpClient client(url);
    auto admin = db_.database().InTransaction([&](Transaction& tx) {
      return persistence::AccountRepository::CreateUser(
          tx, {UserKind::kStaff, "admin@murat.fr", "Admin", collectivity_,
               *security::HashPassword(testing::kTestPassword, testing::kTestScrypt),
               {Role::kAdmin}, {}, "test"});
    });
    ASSERT_TRUE(admin) << admin.error().message;
    const auto login = client.PostJson(
        "/v1/auth/login", {{"email", "admin@murat.fr"}, {"password", testing::kTestPassword}});
    ASSERT_EQ(login.status, 201) << login.body;
    client.SetDefaultHeader("Authorization", "Bearer " + login.Json().at("token").get<std::string>());
    const auto queued = client.PostJson(
        "/v1/collectivities/" + collectivity_.value() + "/mails:test", {{"to", "a@example.fr"}});
    EXPECT_EQ(queued.status, 202) << queued.body;
    EXPECT_EQ(catcher.WaitForMails(1, std::chrono::seconds(4)).size(), 1u)
        << "the queued mail must leave at once, not at the next poll";
  }
  kill(pid, SIGTERM);
  pclose(pipe);
  std::stringstream logged;
  logged << std::ifstream(log).rdbuf();
  EXPECT_NE(logged.str().find("\"mail_sent\""), std::string::npos) << logged.str();
  EXPECT_EQ(logged.str().find(password), std::string::npos) << "the SMTP password was logged";
  EXPECT_EQ(logged.str().find("a@example.fr"), std::string::npos) << "recipients stay out of logs";
}

}  // namespace
}  // namespace nuitee
