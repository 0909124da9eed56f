// The steps of the enforcement calendar on a real database: a step exists once (the unique
// constraint decides between two workers), a host another transaction holds is skipped rather
// than waited for, and a step is never rewritten nor deleted.
#include "persistence/enforcement_step_repository.hpp"

#include <gtest/gtest.h>

#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/host_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

const Month kJanuary{date::year{2026}, date::January};
const Day kDay{date::year{2026}, date::February, date::day{17}};

class EnforcementStepRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) -> Result<Accommodation> {
      auto collectivity = CollectivityRepository::Insert(tx, testing::SampleCollectivity());
      if (!collectivity) return Fail(collectivity.error());
      collectivity_ = collectivity->id;
      auto host = HostRepository::Insert(tx, testing::SampleHost(collectivity_));
      if (!host) return Fail(host.error());
      return AccommodationRepository::Insert(
          tx, testing::SampleAccommodation(collectivity_, host->id), host->legal_name);
    });
    ASSERT_TRUE(made) << made.error().message;
    host_ = made->host_id.value();
    accommodation_ = made->id.value();
  }

  std::vector<StoredStep> Take(Database& database) {
    std::vector<StoredStep> inserted;
    auto done = database.Run([&](Transaction& tx) -> Status {
      inserted = EnforcementStepRepository::Insert(
          tx, collectivity_,
          {{host_, accommodation_, kJanuary, EnforcementStep::kFirstReminder, kDay}}, kDay,
          "worker");
      return {};
    });
    EXPECT_TRUE(done);
    return inserted;
  }

  testing::TestDatabase db_;
  CollectivityId collectivity_;
  std::string host_;
  std::string accommodation_;
};

TEST_F(EnforcementStepRepositoryTest, AStepIsInsertedOnceAndASecondInsertTakesNothing) {
  const auto first = Take(db_.database());
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first.front().kind, EnforcementStep::kFirstReminder);
  EXPECT_EQ(first.front().due_on, kDay);
  EXPECT_TRUE(Take(db_.database()).empty());
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM enforcement_steps"), 1);
}

TEST_F(EnforcementStepRepositoryTest, AHostHeldByAnotherTransactionIsSkippedNotWaitedFor) {
  Database database({db_.url(), 2});
  auto outer = database.Run([&](Transaction& holder) -> Status {
    EXPECT_EQ(EnforcementStepRepository::LockHosts(holder, {host_}).size(), 1u);
    auto inner = database.Run([&](Transaction& other) -> Status {
      EXPECT_TRUE(EnforcementStepRepository::LockHosts(other, {host_}).empty());
      return {};
    });
    EXPECT_TRUE(inner);
    return {};
  });
  EXPECT_TRUE(outer);
}

TEST_F(EnforcementStepRepositoryTest, AStepIsNeverRewrittenNorDeletedAndItsMailIsLinkedOnce) {
  const std::string id = Take(db_.database()).front().id;
  const std::string where = " WHERE id = '" + id + "'";
  EXPECT_NE(testing::TestDatabase::SqlStateOf(
                db_.url(), "UPDATE enforcement_steps SET taken_on = '2026-03-01'" + where),
            "");
  EXPECT_NE(testing::TestDatabase::SqlStateOf(db_.url(), "DELETE FROM enforcement_steps" + where),
            "");
  db_.Execute(
      "INSERT INTO mail_outbox (collectivity_id, kind, recipient, subject, body, "
      "created_by) VALUES ('" +
      collectivity_.value() + "', 'first_reminder', 'a@example.fr', 's', 'b', 'test'), ('" +
      collectivity_.value() + "', 'first_reminder', 'b@example.fr', 's', 'b', 'test')");
  EXPECT_EQ(testing::TestDatabase::SqlStateOf(
                db_.url(),
                "UPDATE enforcement_steps SET mail_id = (SELECT id FROM mail_outbox "
                "ORDER BY seq LIMIT 1)" +
                    where),
            "");
  EXPECT_NE(testing::TestDatabase::SqlStateOf(
                db_.url(),
                "UPDATE enforcement_steps SET mail_id = (SELECT id FROM mail_outbox "
                "ORDER BY seq DESC LIMIT 1)" +
                    where),
            "");
}

}  // namespace
}  // namespace nuitee::persistence
