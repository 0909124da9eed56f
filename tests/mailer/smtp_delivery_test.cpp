// Mail that really leaves: the outbox delivered over SMTP to a real server on loopback (aiosmtpd),
// read back from its Maildir and decoded by Python's email package. French arrives intact, a login
// and STARTTLS work, a refused recipient is dead at once, and a server that is down means retries.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "mailer/mail_delivery.hpp"
#include "mailer/mail_delivery_loop.hpp"
#include "mailer/smtp_transport.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/mail_outbox_repository.hpp"
#include "persistence/mail_queue.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/self_signed_certificate.hpp"
#include "tests/support/smtp_catcher.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::mailer {
namespace {

using persistence::MailOutboxRepository;
using persistence::MailStatus;
using persistence::QueuedMail;
using persistence::Transaction;
using std::chrono::seconds;

class SmtpDeliveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Collectivity collectivity = testing::SampleCollectivity("200066637");
    collectivity.name = "Communauté de communes du Pays de Murat";
    auto made = db_.database().InTransaction([&](Transaction& tx) {
      return persistence::CollectivityRepository::Insert(tx, collectivity);
    });
    ASSERT_TRUE(made) << made.error().message;
    collectivity_ = made->id;
  }

  static SmtpSettings Settings(const std::string& url) {
    SmtpSettings settings;
    settings.url = url;
    settings.from = {"Taxe de séjour du Pays de Murat", "taxe@murat.example.fr"};
    settings.starttls = StartTls::kOptional;
    settings.connect_timeout = seconds(5);
    settings.timeout = seconds(20);
    return settings;
  }

  QueuedMail QueueInvitation(const std::string& recipient = "jeanne.vidal@example.fr") {
    auto queued = db_.database().InTransaction([&](Transaction& tx) {
      return persistence::QueueMail(tx, {collectivity_,
                                         MailKind::kInvitation,
                                         recipient,
                                         {{"destinataire", "Jeanne Vidal"},
                                          {"lien", "https://nuitee.example.fr/invitation/4f9c2a7e"},
                                          {"date_limite", "30 novembre 2026 à 14 h 05"}},
                                         "referente"});
    });
    EXPECT_TRUE(queued) << queued.error().message;
    return *queued;
  }

  QueuedMail Enqueue(const std::string& subject, const std::string& body,
                     const std::string& recipient = "jeanne.vidal@example.fr") {
    auto queued = db_.database().InTransaction([&](Transaction& tx) {
      return MailOutboxRepository::Enqueue(
          tx, {collectivity_, MailKind::kTest, recipient, subject, body, "test"});
    });
    EXPECT_TRUE(queued) << queued.error().message;
    return *queued;
  }

  DeliveryCounts Deliver(MailTransport& transport, const MailRetryPolicy& policy = {}) {
    MailDelivery delivery(db_.database(), transport, {20, seconds(300), policy});
    auto counts = delivery.DeliverDue();
    EXPECT_TRUE(counts) << counts.error().message;
    return counts.value_or(DeliveryCounts{});
  }

  QueuedMail Reload(const std::string& id) {
    return **db_.database().InTransaction(
        [&](Transaction& tx) -> Result<std::optional<QueuedMail>> {
          return MailOutboxRepository::Find(tx, id);
        });
  }

  testing::TestDatabase db_;
  CollectivityId collectivity_;
};

TEST_F(SmtpDeliveryTest, AnInvitationArrivesWithItsFrenchIntact) {
  testing::SmtpCatcher catcher;
  const QueuedMail queued = QueueInvitation();
  SmtpTransport transport(Settings(catcher.Url()));
  const DeliveryCounts counts = Deliver(transport);
  EXPECT_EQ(counts.sent, 1);

  const auto mails = catcher.WaitForMails(1);
  ASSERT_EQ(mails.size(), 1u);
  const auto& mail = mails.front();
  EXPECT_EQ(mail.mail_from, "taxe@murat.example.fr");
  EXPECT_EQ(mail.rcpt_to, "jeanne.vidal@example.fr");
  EXPECT_EQ(mail.to, "jeanne.vidal@example.fr");
  EXPECT_EQ(mail.from, "Taxe de séjour du Pays de Murat <taxe@murat.example.fr>");
  EXPECT_EQ(mail.subject,
            "Communauté de communes du Pays de Murat : choisissez votre mot de passe pour "
            "déclarer la taxe de séjour");
  EXPECT_EQ(mail.body, queued.body);  // byte for byte, accents and line ends included
  EXPECT_NE(mail.body.find("\n\nhttps://nuitee.example.fr/invitation/4f9c2a7e\n\n"),
            std::string::npos);
  EXPECT_NE(mail.body.find("jusqu'au 30 novembre 2026 à 14 h 05"), std::string::npos);
  EXPECT_EQ(mail.content_type, "text/plain");
  EXPECT_EQ(mail.charset, "utf-8");
  EXPECT_EQ(mail.message_id, "<" + queued.id + "@murat.example.fr>");
  EXPECT_EQ(mail.auto_submitted, "auto-generated");

  const QueuedMail sent = Reload(queued.id);
  EXPECT_EQ(sent.status(), MailStatus::kSent);
  EXPECT_EQ(sent.attempts, 1);
  EXPECT_FALSE(sent.last_error.has_value());
}

TEST_F(SmtpDeliveryTest, LongLinesDotsEqualsSignsAndEmojiArriveUnchanged) {
  testing::SmtpCatcher catcher;
  std::string subject;
  for (int i = 0; i < 12; ++i) subject += "Séjour à l'hôtel « Les Près » ";
  subject += "🏔";
  std::string long_line;
  for (int i = 0; i < 40; ++i) long_line += "nuitée=taxe ";
  const std::string body = ".\n..point en tête\nFrom le début\n" + long_line +
                           "\nespaces en fin   \n\tTabulation\nÉmoji 🏔 et œ\n";
  Enqueue(subject, body);
  SmtpTransport transport(Settings(catcher.Url()));
  EXPECT_EQ(Deliver(transport).sent, 1);
  const auto mails = catcher.WaitForMails(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails.front().subject, subject);
  EXPECT_EQ(mails.front().body, body);
}

TEST_F(SmtpDeliveryTest, SeveralSendersDeliverEachMailOnce) {
  testing::SmtpCatcher catcher;
  constexpr int kMails = 24;
  for (int i = 0; i < kMails; ++i) {
    Enqueue("Essai " + std::to_string(i), "Texte\n", "hote" + std::to_string(i) + "@example.fr");
  }
  std::atomic<int> sent{0};
  std::vector<std::thread> senders;
  for (int s = 0; s < 3; ++s) {
    senders.emplace_back([&] {
      SmtpTransport transport(Settings(catcher.Url()));
      MailDelivery delivery(db_.database(), transport, {2, seconds(300), {}});
      auto counts = delivery.DeliverDue();
      if (counts) sent += counts->sent;
    });
  }
  for (auto& each : senders) each.join();
  EXPECT_EQ(sent, kMails);
  const auto mails = catcher.WaitForMails(kMails);
  std::set<std::string> recipients;
  for (const auto& each : mails) recipients.insert(each.rcpt_to);
  EXPECT_EQ(mails.size(), std::size_t(kMails));
  EXPECT_EQ(recipients.size(), std::size_t(kMails));
}

TEST_F(SmtpDeliveryTest, AStoppedServerMeansRetriesThenADeadMail) {
  testing::SmtpCatcher catcher;
  catcher.Stop();
  const QueuedMail queued = QueueInvitation();
  SmtpTransport transport(Settings(catcher.Url()));
  const MailRetryPolicy policy{3, seconds(0), seconds(0)};
  EXPECT_EQ(Deliver(transport, policy).retried, 1);
  QueuedMail waiting = Reload(queued.id);
  EXPECT_EQ(waiting.status(), MailStatus::kPending);
  EXPECT_EQ(waiting.attempts, 1);
  ASSERT_TRUE(waiting.last_error.has_value());
  EXPECT_EQ(waiting.last_error->rfind("Le serveur SMTP est injoignable", 0), 0u)
      << *waiting.last_error;
  EXPECT_EQ(Deliver(transport, policy).retried, 1);
  EXPECT_EQ(Deliver(transport, policy).dead, 1);
  EXPECT_EQ(Reload(queued.id).status(), MailStatus::kDead);
  EXPECT_EQ(Reload(queued.id).attempts, 3);
  EXPECT_EQ(Deliver(transport, policy).attempted(), 0);
}

TEST_F(SmtpDeliveryTest, ARefusedRecipientIsDeadAtOnce) {
  testing::SmtpCatcher::Options options;
  options.refuse_prefix = "inconnu";
  testing::SmtpCatcher catcher(options);
  const QueuedMail refused = QueueInvitation("inconnu@example.fr");
  const QueuedMail accepted = QueueInvitation("jeanne.vidal@example.fr");
  SmtpTransport transport(Settings(catcher.Url()));
  const DeliveryCounts counts = Deliver(transport);
  EXPECT_EQ(counts.dead, 1);
  EXPECT_EQ(counts.sent, 1);
  const QueuedMail dead = Reload(refused.id);
  EXPECT_EQ(dead.status(), MailStatus::kDead);
  EXPECT_EQ(dead.attempts, 1);
  EXPECT_NE(dead.last_error->find("refuse ce destinataire"), std::string::npos) << *dead.last_error;
  EXPECT_EQ(Reload(accepted.id).status(), MailStatus::kSent);
}

TEST_F(SmtpDeliveryTest, LogsInWhenTheServerAsksAndNeverRecordsThePassword) {
  const std::string password = "mot-de-passe-tres-secret";
  testing::SmtpCatcher::Options options;
  options.user = "nuitee";
  options.password = password;
  testing::SmtpCatcher catcher(options);

  SmtpSettings wrong = Settings(catcher.Url());
  wrong.user = "nuitee";
  wrong.password = "pas-le-bon";
  SmtpTransport refused(wrong);
  const QueuedMail queued = QueueInvitation();
  EXPECT_EQ(Deliver(refused).retried, 1);
  const QueuedMail waiting = Reload(queued.id);
  ASSERT_TRUE(waiting.last_error.has_value());
  EXPECT_NE(waiting.last_error->find("identifiant ou le mot de passe"), std::string::npos)
      << *waiting.last_error;
  EXPECT_EQ(waiting.last_error->find("pas-le-bon"), std::string::npos);
  EXPECT_TRUE(catcher.Mails().empty());

  db_.Execute("UPDATE mail_outbox SET next_attempt_at = now() WHERE sent_at IS NULL");
  SmtpSettings right = Settings(catcher.Url());
  right.user = "nuitee";
  right.password = password;
  SmtpTransport accepted(right);
  EXPECT_EQ(Deliver(accepted).sent, 1);
  EXPECT_EQ(catcher.WaitForMails(1).size(), 1u);
  EXPECT_EQ(
      db_.CountRows("SELECT count(*) FROM mail_outbox WHERE last_error LIKE '%" + password + "%'"),
      0);
}

TEST_F(SmtpDeliveryTest, RequiredStartTlsNeverSendsInClear) {
  testing::SmtpCatcher catcher;  // offers no STARTTLS
  SmtpSettings settings = Settings(catcher.Url());
  settings.starttls = StartTls::kRequired;
  SmtpTransport transport(settings);
  const QueuedMail queued = QueueInvitation();
  EXPECT_EQ(Deliver(transport).retried, 1);
  const std::string error = Reload(queued.id).last_error.value_or("");
  EXPECT_NE(error.find("STARTTLS"), std::string::npos) << error << "\n" << catcher.Log();
  EXPECT_TRUE(catcher.Mails().empty());
}

TEST_F(SmtpDeliveryTest, DeliversOverStartTlsWithALogin) {
  testing::SelfSignedCertificate certificate;
  ASSERT_TRUE(certificate.made()) << "the openssl command is needed (Debian package openssl)";
  testing::SmtpCatcher::Options options;
  options.user = "nuitee";
  options.password = "secret";
  options.tls_certificate = certificate.certificate();
  options.tls_private_key = certificate.key();
  testing::SmtpCatcher catcher(options);
  SmtpSettings settings = Settings(catcher.Url());
  settings.starttls = StartTls::kRequired;
  settings.user = "nuitee";
  settings.password = "secret";
  settings.ca_file = certificate.certificate();
  SmtpTransport transport(settings);
  QueueInvitation();
  EXPECT_EQ(Deliver(transport).sent, 1);
  ASSERT_EQ(catcher.WaitForMails(1).size(), 1u);
  EXPECT_EQ(catcher.Mails().front().rcpt_to, "jeanne.vidal@example.fr");
}

TEST_F(SmtpDeliveryTest, TheBackgroundLoopSendsAQueuedMailAsSoonAsItIsWoken) {
  testing::SmtpCatcher catcher;
  SmtpTransport transport(Settings(catcher.Url()));
  MailDelivery delivery(db_.database(), transport, {});
  MailDeliveryLoop loop(delivery, transport, std::chrono::minutes(10));
  loop.Start();
  QueueInvitation();
  loop.Wake();
  EXPECT_EQ(catcher.WaitForMails(1, seconds(15)).size(), 1u)
      << "woken, the loop must not wait for its next poll";
  loop.Stop();
}

}  // namespace
}  // namespace nuitee::mailer
