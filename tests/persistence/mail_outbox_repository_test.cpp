// The mail outbox on a real database: a mail lives and dies with its transaction, concurrent
// senders never claim the same mail, failures back off and end dead, and the database itself
// refuses to rewrite or delete a mail.
#include "persistence/mail_outbox_repository.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <set>
#include <thread>

#include "persistence/collectivity_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using std::chrono::seconds;

class MailOutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) {
      return CollectivityRepository::Insert(tx, testing::SampleCollectivity("200066637"));
    });
    ASSERT_TRUE(made) << made.error().message;
    collectivity_ = made->id;
  }

  MailToSend Mail(const std::string& recipient = "jeanne.vidal@example.fr") const {
    return {collectivity_, MailKind::kTest, recipient, "Essai", "Bonjour,\nÇa part.\n", "test"};
  }

  QueuedMail Enqueue(const MailToSend& mail) {
    auto queued = db_.database().InTransaction(
        [&](Transaction& tx) { return MailOutboxRepository::Enqueue(tx, mail); });
    EXPECT_TRUE(queued) << queued.error().message;
    return *queued;
  }

  std::vector<ClaimedMail> Claim(int limit, seconds lease = seconds(300)) {
    std::vector<ClaimedMail> claimed;
    auto done = db_.database().Run([&](Transaction& tx) -> Status {
      claimed = MailOutboxRepository::ClaimDue(tx, limit, lease);
      return {};
    });
    EXPECT_TRUE(done);
    return claimed;
  }

  std::optional<MailStatus> Failed(const ClaimedMail& claim, FailureKind failure,
                                   const MailRetryPolicy& policy) {
    return *db_.database().InTransaction([&](Transaction& tx) -> Result<std::optional<MailStatus>> {
      return MailOutboxRepository::MarkFailed(tx, claim, "Connexion refusée", failure, policy);
    });
  }

  bool MarkSent(const ClaimedMail& claim) {
    return *db_.database().InTransaction(
        [&](Transaction& tx) -> Result<bool> { return MailOutboxRepository::MarkSent(tx, claim); });
  }

  QueuedMail Reload(const std::string& id) {
    return **db_.database().InTransaction(
        [&](Transaction& tx) -> Result<std::optional<QueuedMail>> {
          return MailOutboxRepository::Find(tx, id);
        });
  }

  // Makes every pending mail due now, as if the backoff had passed.
  void MakeEverythingDue() {
    db_.Execute(
        "UPDATE mail_outbox SET next_attempt_at = now() - interval '1 second' "
        "WHERE sent_at IS NULL AND dead_at IS NULL");
  }

  testing::TestDatabase db_;
  CollectivityId collectivity_;
};

TEST_F(MailOutboxTest, AMailIsCommittedWithItsTransactionOrNotAtAll) {
  auto rolled_back = db_.database().Run([&](Transaction& tx) -> Status {
    auto queued = MailOutboxRepository::Enqueue(tx, Mail());
    EXPECT_TRUE(queued);
    // What caused the mail failed after it was written: neither is kept.
    return nuitee::Fail(Error::Conflict("la cause du courriel a échoué"));
  });
  EXPECT_FALSE(rolled_back);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox"), 0);
  EXPECT_TRUE(Claim(10).empty());

  const QueuedMail queued = Enqueue(Mail());
  EXPECT_EQ(queued.status(), MailStatus::kPending);
  EXPECT_EQ(queued.attempts, 0);
  EXPECT_EQ(queued.body, "Bonjour,\nÇa part.\n");
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox"), 1);
}

TEST_F(MailOutboxTest, RefusesAnAddressThatCouldInjectAnSmtpCommand) {
  auto queued = db_.database().InTransaction([&](Transaction& tx) {
    return MailOutboxRepository::Enqueue(tx, Mail("a@example.fr>\r\nRCPT TO:<b@example.fr"));
  });
  ASSERT_FALSE(queued);
  EXPECT_EQ(queued.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(queued.error().field_errors.front().field, "/to");
}

TEST_F(MailOutboxTest, AClaimedMailIsNotDueAgainBeforeItsLeaseEnds) {
  Enqueue(Mail());
  auto first = Claim(10);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first.front().mail.attempts, 1);
  EXPECT_TRUE(Claim(10).empty());
  EXPECT_TRUE(MarkSent(first.front()));
  EXPECT_EQ(Reload(first.front().mail.id).status(), MailStatus::kSent);
  MakeEverythingDue();
  EXPECT_TRUE(Claim(10).empty());
}

// Claimer A holds its transaction open while claimer B claims: B must neither wait for A nor get
// any of A's mails.
TEST_F(MailOutboxTest, TwoConcurrentClaimersNeverGetTheSameMail) {
  for (int i = 0; i < 20; ++i) Enqueue(Mail("hote" + std::to_string(i) + "@example.fr"));
  std::promise<void> a_claimed;
  std::promise<void> b_done;
  std::atomic<bool> a_open{false};
  std::vector<ClaimedMail> a_mails, b_mails;
  bool b_finished_while_a_open = false;
  std::thread a([&] {
    bool signalled = false;
    auto done = db_.database().Run([&](Transaction& tx) -> Status {
      a_mails = MailOutboxRepository::ClaimDue(tx, 10, seconds(300));
      a_open = true;
      signalled = true;
      a_claimed.set_value();
      b_done.get_future().wait_for(seconds(20));
      a_open = false;
      return {};
    });
    EXPECT_TRUE(done);
    if (!signalled) a_claimed.set_value();  // A failed: B must not wait forever
  });
  a_claimed.get_future().wait();
  b_mails = Claim(10);
  b_finished_while_a_open = a_open;
  b_done.set_value();
  a.join();

  EXPECT_TRUE(b_finished_while_a_open) << "B waited for A's locks instead of skipping them";
  ASSERT_EQ(a_mails.size(), 10u);
  ASSERT_EQ(b_mails.size(), 10u);
  std::set<std::string> ids;
  for (const auto& each : a_mails) ids.insert(each.mail.id);
  for (const auto& each : b_mails) ids.insert(each.mail.id);
  EXPECT_EQ(ids.size(), 20u);
}

TEST_F(MailOutboxTest, ManySendersDrainTheOutboxWithoutSendingAMailTwice) {
  constexpr int kMails = 60;
  for (int i = 0; i < kMails; ++i) Enqueue(Mail("hote" + std::to_string(i) + "@example.fr"));
  std::mutex mutex;
  std::multiset<std::string> claimed_ids;
  std::vector<std::thread> senders;
  for (int s = 0; s < 4; ++s) {
    senders.emplace_back([&] {
      for (;;) {
        auto batch = Claim(3);
        if (batch.empty()) return;
        for (const auto& each : batch) {
          EXPECT_TRUE(MarkSent(each));
          std::lock_guard lock(mutex);
          claimed_ids.insert(each.mail.id);
        }
      }
    });
  }
  for (auto& each : senders) each.join();
  EXPECT_EQ(claimed_ids.size(), std::size_t(kMails));
  EXPECT_EQ(std::set<std::string>(claimed_ids.begin(), claimed_ids.end()).size(),
            std::size_t(kMails));
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL"), kMails);
}

TEST_F(MailOutboxTest, FailuresBackOffExponentially) {
  const MailRetryPolicy policy;  // 1 min, then 2 min...
  const QueuedMail queued = Enqueue(Mail());
  auto first = Claim(1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(Failed(first.front(), FailureKind::kTransient, policy), MailStatus::kPending);
  EXPECT_TRUE(Claim(1).empty()) << "a failed mail is not due again at once";
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox WHERE next_attempt_at BETWEEN "
                          "now() + interval '50 seconds' AND now() + interval '61 seconds'"),
            1);

  MakeEverythingDue();
  auto second = Claim(1);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second.front().mail.attempts, 2);
  EXPECT_EQ(Failed(second.front(), FailureKind::kTransient, policy), MailStatus::kPending);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox WHERE next_attempt_at BETWEEN "
                          "now() + interval '110 seconds' AND now() + interval '121 seconds'"),
            1);
  const QueuedMail failed = Reload(queued.id);
  EXPECT_EQ(failed.status(), MailStatus::kPending);
  EXPECT_EQ(failed.attempts, 2);
  EXPECT_EQ(failed.last_error, "Connexion refusée");
}

TEST_F(MailOutboxTest, AMailIsDeadAfterItsLastAttempt) {
  const MailRetryPolicy policy{3, seconds(0), seconds(0)};
  const QueuedMail queued = Enqueue(Mail());
  std::optional<MailStatus> status;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    auto claimed = Claim(1);
    ASSERT_EQ(claimed.size(), 1u) << "attempt " << attempt;
    EXPECT_EQ(claimed.front().mail.attempts, attempt);
    status = Failed(claimed.front(), FailureKind::kTransient, policy);
  }
  EXPECT_EQ(status, MailStatus::kDead);
  MakeEverythingDue();
  EXPECT_TRUE(Claim(1).empty()) << "a dead mail is never claimed again";
  const QueuedMail dead = Reload(queued.id);
  EXPECT_EQ(dead.status(), MailStatus::kDead);
  EXPECT_EQ(dead.attempts, 3);
  EXPECT_TRUE(dead.dead_at.has_value());
  EXPECT_EQ(dead.last_error, "Connexion refusée");
}

TEST_F(MailOutboxTest, APermanentRefusalIsDeadAtOnce) {
  const QueuedMail queued = Enqueue(Mail());
  auto claimed = Claim(1);
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(Failed(claimed.front(), FailureKind::kPermanent, MailRetryPolicy{}), MailStatus::kDead);
  EXPECT_EQ(Reload(queued.id).attempts, 1);
}

TEST_F(MailOutboxTest, ASenderWhoseLeaseEndedCannotRecordAnOutcome) {
  Enqueue(Mail());
  auto first = Claim(1, seconds(0));  // the lease ends at once: another sender may take it
  ASSERT_EQ(first.size(), 1u);
  auto second = Claim(1);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second.front().mail.attempts, 2);
  EXPECT_FALSE(MarkSent(first.front()));
  EXPECT_EQ(Failed(first.front(), FailureKind::kTransient, MailRetryPolicy{}), std::nullopt);
  EXPECT_TRUE(MarkSent(second.front()));
}

TEST_F(MailOutboxTest, TheDatabaseRefusesToRewriteOrDeleteAMail) {
  const QueuedMail queued = Enqueue(Mail());
  const std::string where = " WHERE id = '" + queued.id + "'";
  EXPECT_ANY_THROW(db_.Execute("UPDATE mail_outbox SET subject = 'Autre'" + where));
  EXPECT_ANY_THROW(db_.Execute("UPDATE mail_outbox SET recipient = 'x@example.fr'" + where));
  EXPECT_ANY_THROW(db_.Execute("DELETE FROM mail_outbox" + where));
  auto claimed = Claim(1);
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_ANY_THROW(db_.Execute("UPDATE mail_outbox SET attempts = 0" + where));
  ASSERT_TRUE(MarkSent(claimed.front()));
  EXPECT_ANY_THROW(db_.Execute("UPDATE mail_outbox SET sent_at = NULL" + where));
  EXPECT_EQ(Reload(queued.id).subject, "Essai");
}

TEST_F(MailOutboxTest, ListsACollectivitysMailsByStatusPageByPage) {
  auto other = db_.database().InTransaction([&](Transaction& tx) {
    return CollectivityRepository::Insert(tx, testing::SampleCollectivity("200066645"));
  });
  ASSERT_TRUE(other) << other.error().message;
  for (int i = 0; i < 5; ++i) Enqueue(Mail("hote" + std::to_string(i) + "@example.fr"));
  MailToSend elsewhere = Mail();
  elsewhere.collectivity = other->id;
  Enqueue(elsewhere);
  auto claimed = Claim(2);
  ASSERT_EQ(claimed.size(), 2u);
  MarkSent(claimed[0]);
  Failed(claimed[1], FailureKind::kPermanent, MailRetryPolicy{});

  auto list = [&](std::optional<MailStatus> status, PageRequest page) {
    return *db_.database().InTransaction([&](Transaction& tx) -> Result<Page<QueuedMail>> {
      return MailOutboxRepository::List(tx, collectivity_, status, page);
    });
  };
  EXPECT_EQ(list(std::nullopt, {}).items.size(), 5u);
  EXPECT_EQ(list(MailStatus::kPending, {}).items.size(), 3u);
  ASSERT_EQ(list(MailStatus::kSent, {}).items.size(), 1u);
  EXPECT_EQ(list(MailStatus::kSent, {}).items.front().id, claimed[0].mail.id);
  ASSERT_EQ(list(MailStatus::kDead, {}).items.size(), 1u);
  EXPECT_EQ(list(MailStatus::kDead, {}).items.front().last_error, "Connexion refusée");

  auto first = list(std::nullopt, {0, 2});
  ASSERT_EQ(first.items.size(), 2u);
  ASSERT_TRUE(first.next_after_seq.has_value());
  auto second = list(std::nullopt, {*first.next_after_seq, 2});
  auto third = list(std::nullopt, {*second.next_after_seq, 2});
  EXPECT_EQ(third.items.size(), 1u);
  EXPECT_FALSE(third.next_after_seq.has_value());
}

}  // namespace
}  // namespace nuitee::persistence
