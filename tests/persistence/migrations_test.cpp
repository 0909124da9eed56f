// Migrations on a real PostgreSQL: from empty, recorded with checksums, refused when changed,
// safe when two processes migrate at once.
#include "persistence/migrations.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using testing::TestDatabase;

std::vector<Migration> TwoMigrations() {
  return {{1, "first", "CREATE TABLE first_table (id integer PRIMARY KEY);"},
          {2, "second", "CREATE TABLE second_table (id integer PRIMARY KEY);\n"
                        "INSERT INTO second_table VALUES (1), (2);"}};
}

TEST(Migrations, ApplyEveryEmbeddedFileInOrderOnAnEmptyDatabase) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  auto report = ApplyMigrations(db.url(), EmbeddedMigrations());
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->applied.size(), EmbeddedMigrations().size());
  for (std::size_t i = 0; i < report->applied.size(); ++i) {
    EXPECT_EQ(report->applied[i], EmbeddedMigrations()[i].version);
  }
  EXPECT_EQ(report->current_version, EmbeddedMigrations().back().version);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM schema_migrations"),
            static_cast<long long>(EmbeddedMigrations().size()));
  EXPECT_TRUE(CheckMigrations(db.database(), EmbeddedMigrations()));
}

TEST(Migrations, EmbeddedVersionsAreNumberedWithoutGapsFromOne) {
  const auto& migrations = EmbeddedMigrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1) << migrations[i].name;
  }
}

TEST(Migrations, RecordTheChecksumOfEachFileAndApplyNothingTheSecondTime) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  ASSERT_TRUE(ApplyMigrations(db.url(), TwoMigrations()));
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM schema_migrations WHERE version = 2 AND "
                         "checksum = '" + MigrationChecksum(TwoMigrations()[1].sql) + "'"),
            1);
  auto again = ApplyMigrations(db.url(), TwoMigrations());
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM second_table"), 2);
}

TEST(Migrations, RefuseADatabaseWhoseAppliedMigrationWasChanged) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  ASSERT_TRUE(ApplyMigrations(db.url(), {TwoMigrations()[0]}));
  auto edited = TwoMigrations();
  edited[0].sql = "CREATE TABLE first_table (id bigint PRIMARY KEY);";
  auto refused = ApplyMigrations(db.url(), edited);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("modifiée"), std::string::npos) << refused.error().message;
  // Nothing after the refusal was applied, and /ready would say so too.
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM pg_tables WHERE tablename = 'second_table'"), 0);
  EXPECT_FALSE(CheckMigrations(db.database(), edited));
}

TEST(Migrations, ReportPendingMigrationsAsNotReady) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  EXPECT_FALSE(CheckMigrations(db.database(), TwoMigrations()));
  ASSERT_TRUE(ApplyMigrations(db.url(), {TwoMigrations()[0]}));
  auto pending = CheckMigrations(db.database(), TwoMigrations());
  ASSERT_FALSE(pending);
  EXPECT_EQ(pending.error().code, ErrorCode::kFailedPrecondition);
}

TEST(Migrations, RollBackAFailingFileEntirely) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  std::vector<Migration> broken = {
      {1, "broken", "CREATE TABLE half_done (id integer);\nSELECT no_such_function();"}};
  EXPECT_FALSE(ApplyMigrations(db.url(), broken));
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'"), 0);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM schema_migrations"), 0);
}

TEST(Migrations, ApplyEachFileOnceWhenSeveralProcessesMigrateAtOnce) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  constexpr int kMigrators = 4;
  std::vector<std::thread> threads;
  std::vector<Result<MigrationReport>> reports(kMigrators, Fail(Error::Internal()));
  for (int i = 0; i < kMigrators; ++i) {
    threads.emplace_back([&, i] { reports[i] = ApplyMigrations(db.url(), EmbeddedMigrations()); });
  }
  for (auto& thread : threads) thread.join();
  std::size_t applied = 0;
  for (const auto& report : reports) {
    ASSERT_TRUE(report) << report.error().message;
    applied += report->applied.size();
  }
  EXPECT_EQ(applied, EmbeddedMigrations().size());
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM schema_migrations"),
            static_cast<long long>(EmbeddedMigrations().size()));
}

}  // namespace
}  // namespace nuitee::persistence
