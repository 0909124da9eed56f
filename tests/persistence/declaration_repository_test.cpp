// Declarations on a real database: revisions are numbered in order and append-only (the database
// itself refuses to rewrite or delete them), a revision's lines and night totals read back as
// frozen, and the month's pointer follows the latest revision.
#include "persistence/declaration_repository.hpp"

#include <gtest/gtest.h>

#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/host_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using namespace date::literals;

class DeclarationRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) -> Result<Accommodation> {
      auto collectivity =
          CollectivityRepository::Insert(tx, testing::SampleCollectivity("200066637"));
      if (!collectivity) return Fail(collectivity.error());
      auto host = HostRepository::Insert(tx, testing::SampleHost(collectivity->id));
      if (!host) return Fail(host.error());
      return AccommodationRepository::Insert(
          tx, testing::SampleAccommodation(collectivity->id, host->id), host->legal_name);
    });
    ASSERT_TRUE(made) << made.error().message;
    accommodation_ = *made;
  }

  // A revision of July 2026 with one host-collected line of `total_cents`.
  NewRevision Revision(long long total_cents, std::optional<std::string> reason) {
    ComputedLine line;
    line.stay = {
        Day{2026_y / date::July / 1}, 7, 4, {2, 0, 0, 0}, Money::Cents(10000), Collector::kHost};
    line.person_nights = 28;
    line.taxable_person_nights = 14;
    line.tax = Money::Cents(total_cents);
    line.total = Money::Cents(total_cents);
    line.explanation = {"Une phrase."};
    NewRevision revision;
    revision.submission.amounts.lines = {line};
    revision.submission.amounts.tax = line.tax;
    revision.submission.amounts.total = line.total;
    revision.submission.amounts.person_nights = 28;
    revision.submission.amounts.taxable_person_nights = 14;
    revision.submission.amounts.deliberation_versions = {{2026, 1}};
    revision.submission.due_on = Day{2026_y / date::August / 15};
    revision.actor = "hote";
    revision.submitted_on = Day{2026_y / date::August / 2};
    revision.reason = std::move(reason);
    return revision;
  }

  StoredRevision Append(const NewRevision& revision) {
    auto stored = db_.database().InTransaction([&](Transaction& tx) -> Result<StoredRevision> {
      DeclarationMonth month = DeclarationRepository::LockMonth(tx, accommodation_, kJuly);
      return DeclarationRepository::AppendRevision(tx, accommodation_, month, revision);
    });
    EXPECT_TRUE(stored) << stored.error().message;
    return *stored;
  }

  static constexpr Month kJuly = 2026_y / date::July;
  testing::TestDatabase db_;
  Accommodation accommodation_;
};

TEST_F(DeclarationRepositoryTest, RevisionsAreNumberedAndTheMonthFollowsTheLatest) {
  EXPECT_EQ(Append(Revision(1750, std::nullopt)).revision, 1);
  EXPECT_EQ(Append(Revision(2625, "Un enfant avait 18 ans")).revision, 2);
  auto revisions =
      db_.database().InTransaction([&](Transaction& tx) -> Result<std::vector<StoredRevision>> {
        return DeclarationRepository::Revisions(tx, accommodation_.collectivity_id,
                                                accommodation_.id, kJuly);
      });
  ASSERT_TRUE(revisions);
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[0].content.submission.amounts.total, Money::Cents(1750));
  EXPECT_EQ((*revisions)[1].content.reason, "Un enfant avait 18 ans");
  const auto& line = (*revisions)[1].content.submission.amounts.lines.at(0);
  EXPECT_EQ(line.stay.exempt.minors, 2);
  EXPECT_EQ(line.total, Money::Cents(2625));
  EXPECT_EQ(line.explanation, std::vector<std::string>{"Une phrase."});
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM declaration_months WHERE latest_revision = 2"), 1);
  // The night totals keep one row per revision; the synthesis reads the latest one's.
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM declaration_night_totals"), 2);
}

TEST_F(DeclarationRepositoryTest, TheDatabaseRefusesToRewriteOrDeleteARevision) {
  Append(Revision(1750, std::nullopt));
  for (const std::string sql :
       {"UPDATE declaration_revisions SET total_cents = 0", "DELETE FROM declaration_revisions",
        "UPDATE declaration_lines SET total_cents = 0", "DELETE FROM declaration_lines",
        "UPDATE declaration_night_totals SET total_cents = 0", "DELETE FROM declaration_months"}) {
    EXPECT_THROW(db_.Execute(sql), std::exception) << sql;
  }
  EXPECT_EQ(db_.CountRows("SELECT total_cents FROM declaration_revisions"), 1750);
}

TEST_F(DeclarationRepositoryTest, ASecondRevisionWithoutAReasonIsRefused) {
  Append(Revision(1750, std::nullopt));
  auto refused = db_.database().InTransaction([&](Transaction& tx) -> Result<StoredRevision> {
    DeclarationMonth month = DeclarationRepository::LockMonth(tx, accommodation_, kJuly);
    return DeclarationRepository::AppendRevision(tx, accommodation_, month,
                                                 Revision(2625, std::nullopt));
  });
  EXPECT_FALSE(refused);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM declaration_revisions"), 1);
}

}  // namespace
}  // namespace nuitee::persistence
