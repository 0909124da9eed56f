// Two submissions of the same month that overlap in time, held apart deterministically: the
// second waits on the month's row lock, then sees the first one's revision and is refused.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/host_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using namespace date::literals;

TEST(DeclarationConcurrency, ASecondSubmissionWaitsForTheFirstThenSeesItSubmitted) {
  testing::TestDatabase db;
  auto made = db.database().InTransaction([&](Transaction& tx) -> Result<Accommodation> {
    auto collectivity =
        CollectivityRepository::Insert(tx, testing::SampleCollectivity("200066637"));
    if (!collectivity) return Fail(collectivity.error());
    auto host = HostRepository::Insert(tx, testing::SampleHost(collectivity->id));
    if (!host) return Fail(host.error());
    return AccommodationRepository::Insert(
        tx, testing::SampleAccommodation(collectivity->id, host->id), host->legal_name);
  });
  ASSERT_TRUE(made) << made.error().message;
  const Accommodation accommodation = *made;
  const Month july = 2026_y / date::July;
  NewRevision nil;
  nil.submission.kind = DeclarationKind::kNil;
  nil.actor = "premier";
  nil.submitted_on = 2026_y / date::August / 2;
  nil.submission.due_on = 2026_y / date::August / 15;

  std::promise<void> first_holds_the_lock;
  std::promise<void> second_started;
  auto first = std::async(std::launch::async, [&] {
    return db.database().InTransaction([&](Transaction& tx) -> Result<int> {
      DeclarationMonth month = DeclarationRepository::LockMonth(tx, accommodation, july);
      first_holds_the_lock.set_value();
      second_started.get_future().wait();
      // Give the second transaction time to block on the row lock.
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return DeclarationRepository::AppendRevision(tx, accommodation, month, nil).revision;
    });
  });
  first_holds_the_lock.get_future().wait();
  auto second = std::async(std::launch::async, [&] {
    return db.database().InTransaction([&](Transaction& tx) -> Result<DeclarationState> {
      second_started.set_value();
      const auto started = std::chrono::steady_clock::now();
      const DeclarationMonth month = DeclarationRepository::LockMonth(tx, accommodation, july);
      EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(200))
          << "the second submission must have waited for the first";
      return month.State();
    });
  });
  auto first_revision = first.get();
  auto seen_by_second = second.get();
  ASSERT_TRUE(first_revision) << first_revision.error().message;
  EXPECT_EQ(*first_revision, 1);
  ASSERT_TRUE(seen_by_second) << seen_by_second.error().message;
  EXPECT_EQ(*seen_by_second, DeclarationState::kSubmitted);
  EXPECT_EQ(RefusalOf(DeclarationAction::kSubmit, *seen_by_second).has_value(), true);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM declaration_revisions"), 1);
}

}  // namespace
}  // namespace nuitee::persistence
