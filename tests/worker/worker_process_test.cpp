// The real `nuitee worker` processes over a real database (issue 6, "Tests that must exist"): two
// workers at once take every step and send every mail once; a worker killed with kill -9 in the
// middle of a batch loses nothing and doubles nothing when started again; mail that could not
// leave while the SMTP relay was down for an hour goes out once when it is back.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

#include "tests/support/smtp_catcher.hpp"
#include "tests/worker/worker_fixtures.hpp"

extern char** environ;

namespace nuitee::testing {
namespace {

// January 2024 is chased; on 16 February its first reminder is due for every host.
constexpr const char* kToday = "2024-02-16";

class WorkerProcess : public ::testing::Test {
 protected:
  // `hosts` hosts with one accommodation each, loaded in SQL (thousands in well under a second).
  void LoadHosts(int hosts) {
    const std::string c = territory_.collectivity().value();
    db_.Execute(
        "INSERT INTO hosts (collectivity_id, kind, legal_name, email, address_line, "
        "postal_code, city) SELECT '" +
        c +
        "', 'person', 'Hôte ' || i, 'hote' || i || "
        "'@example.fr', i || ' rue du Lac', '15300', 'Murat' FROM generate_series(1, " +
        std::to_string(hosts) + ") i");
    db_.Execute(
        "INSERT INTO accommodations (collectivity_id, host_id, host_name, name, "
        "commune_insee_code, address_line, postal_code, nature, capacity_persons, "
        "marketing, opened_on, unclassified_category) SELECT collectivity_id, id, "
        "legal_name, 'Gîte de ' || legal_name, '15138', address_line, '15300', "
        "'furnished_rental', 4, 'direct', '2020-01-01', 'unclassified' FROM hosts "
        "WHERE collectivity_id = '" +
        c + "'");
  }

  // Starts `nuitee worker --once --today 2024-02-16` (with an SMTP relay when `smtp_url` is set);
  // its log goes to /dev/null.
  pid_t StartWorker(const std::string& smtp_url = "", const std::string& today = kToday) {
    std::vector<std::string> arguments = {NUITEE_BINARY, "worker", "--once", "--today", today};
    std::vector<std::string> environment = {"NUITEE_DATABASE_URL=" + db_.ServerRoleUrl(),
                                            "NUITEE_LOG_LEVEL=error"};
    if (!smtp_url.empty()) {
      environment.push_back("NUITEE_SMTP_URL=" + smtp_url);
      environment.push_back("NUITEE_SMTP_FROM=Taxe de séjour <taxe@example.fr>");
      environment.push_back("NUITEE_SMTP_STARTTLS=optional");
    }
    std::vector<char*> argv, envp;
    for (auto& each : arguments) argv.push_back(each.data());
    for (auto& each : environment) envp.push_back(each.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    EXPECT_EQ(posix_spawn(&pid, NUITEE_BINARY, &actions, nullptr, argv.data(), envp.data()), 0);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
  }

  static int Wait(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  long long Count(const std::string& sql) { return db_.CountRows(sql); }

  // Every step once, each with its mail and its history row, and no mail without a step.
  void ExpectEveryStepAndMailOnce(long long hosts) {
    EXPECT_EQ(Count("SELECT count(*) FROM enforcement_steps"), hosts);
    EXPECT_EQ(Count("SELECT count(DISTINCT accommodation_id) FROM enforcement_steps "
                    "WHERE kind = 'first_reminder' AND month = '2024-01-01'"),
              hosts);
    EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox"), hosts);
    EXPECT_EQ(Count("SELECT count(DISTINCT recipient) FROM mail_outbox"), hosts);
    EXPECT_EQ(Count("SELECT count(*) FROM enforcement_steps WHERE mail_id IS NULL"), 0);
    EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox m WHERE NOT EXISTS (SELECT 1 FROM "
                    "enforcement_steps s WHERE s.mail_id = m.id)"),
              0);
    EXPECT_EQ(Count("SELECT count(*) FROM enforcement_events WHERE kind = 'step_taken'"), hosts);
  }

  static void ExpectEachRecipientOnce(const std::vector<CaughtMail>& mails, std::size_t hosts) {
    std::set<std::string> recipients;
    for (const auto& each : mails) recipients.insert(each.rcpt_to);
    EXPECT_EQ(mails.size(), hosts);
    EXPECT_EQ(recipients.size(), hosts);
  }

  TestDatabase db_;
  WorkerTerritory territory_{db_, MonthOf(2024, 1)};
};

TEST_F(WorkerProcess, TwoWorkersOverTheSameDueStepsTakeEachStepAndSendEachMailOnce) {
  constexpr int kHosts = 200;
  LoadHosts(kHosts);
  SmtpCatcher catcher;
  const pid_t first = StartWorker(catcher.Url());
  const pid_t second = StartWorker(catcher.Url());
  EXPECT_EQ(Wait(first), 0);
  EXPECT_EQ(Wait(second), 0);
  ExpectEveryStepAndMailOnce(kHosts);
  EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL"), kHosts);
  const auto mails = catcher.WaitForMails(kHosts);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // a double would come now
  ExpectEachRecipientOnce(catcher.Mails(), kHosts);
  EXPECT_NE(mails.front().subject.find("rappel"), std::string::npos) << mails.front().subject;
}

TEST_F(WorkerProcess, AWorkerKilledMidBatchLosesNothingAndDoublesNothingWhenRunAgain) {
  constexpr int kHosts = 3000;  // 60 batches: the kill lands after the first ones
  LoadHosts(kHosts);
  const pid_t worker = StartWorker();
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (Count("SELECT count(*) FROM enforcement_steps") == 0 &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(worker, SIGKILL);
  EXPECT_EQ(Wait(worker), -1);
  const long long committed = Count("SELECT count(*) FROM enforcement_steps");
  EXPECT_GT(committed, 0);
  EXPECT_LT(committed, kHosts) << "the worker finished before it was killed";
  // What was committed is whole: each step has its mail and its history row.
  EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox"), committed);
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_events"), committed);

  EXPECT_EQ(Wait(StartWorker()), 0);
  ExpectEveryStepAndMailOnce(kHosts);
  EXPECT_EQ(Wait(StartWorker()), 0);  // and a third pass finds nothing more to do
  ExpectEveryStepAndMailOnce(kHosts);
}

TEST_F(WorkerProcess, MailsWaitWhileTheRelayIsDownForAnHourThenLeaveOnceWhenItIsBack) {
  constexpr int kHosts = 30;
  LoadHosts(kHosts);
  SmtpCatcher down;
  const std::string down_url = down.Url();
  down.Stop();
  // Attempts after 0, 1, 2, 4, 8, 16 and 32 minutes of backoff (63 minutes): the test moves each
  // retry's time to now instead of waiting for it.
  for (int attempt = 1; attempt <= 7; ++attempt) {
    EXPECT_EQ(Wait(StartWorker(down_url)), 0);
    EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND dead_at IS NULL "
                    "AND last_error IS NOT NULL AND attempts = " +
                    std::to_string(attempt)),
              kHosts);
    EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox WHERE next_attempt_at <= now()"), 0)
        << "a failed mail waits for its backoff";
    db_.Execute("UPDATE mail_outbox SET next_attempt_at = now() WHERE sent_at IS NULL");
  }
  SmtpCatcher back;
  EXPECT_EQ(Wait(StartWorker(back.Url())), 0);
  back.WaitForMails(kHosts);
  EXPECT_EQ(Wait(StartWorker(back.Url())), 0);  // nothing is sent twice
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ExpectEachRecipientOnce(back.Mails(), kHosts);
  ExpectEveryStepAndMailOnce(kHosts);
  EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL AND attempts = 8"),
            kHosts);
}

TEST_F(WorkerProcess, TheMiseEnDemeureIsAPdfLetterInFrenchListingTheMonthsMissing) {
  LoadHosts(2);
  for (const char* day : {"2024-02-16", "2024-02-26", "2024-03-12"}) {
    EXPECT_EQ(Wait(StartWorker("", day)), 0) << day;
  }
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_letters"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_steps WHERE kind = 'formal_notice' AND "
                  "letter_id IS NOT NULL AND taken_on = '2024-03-12'"),
            2);
  EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox WHERE kind = 'formal_notice' AND body LIKE "
                  "'%mise en demeure datée du 12 mars 2024%'"),
            2);
  // The PDF as stored, read back with pdftotext (poppler), an implementation of its own.
  const std::string pdf_path = "/tmp/nuitee-worker-letter-" + std::to_string(getpid()) + ".pdf";
  const std::string hex = TestDatabase::QueryText(
      db_.url(), "SELECT encode(pdf, 'hex') FROM enforcement_letters ORDER BY seq LIMIT 1");
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += char(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  ASSERT_EQ(bytes.rfind("%PDF", 0), 0u);
  {
    FILE* file = std::fopen(pdf_path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
  }
  FILE* text = popen(("pdftotext -layout " + pdf_path + " - 2>/dev/null").c_str(), "r");
  ASSERT_NE(text, nullptr);
  std::string content;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, text)) > 0;) content.append(buffer, n);
  pclose(text);
  std::remove(pdf_path.c_str());
  EXPECT_NE(content.find("janvier 2024"), std::string::npos) << content;
  EXPECT_NE(content.find("Gîte de Hôte"), std::string::npos) << content;
}

}  // namespace
}  // namespace nuitee::testing
