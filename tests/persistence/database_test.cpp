// The unit of work: commit, rollback, error mapping, and a pool that heals after an outage.
#include "persistence/database.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "tests/support/private_cluster.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using testing::TestDatabase;

Status InsertNote(Database& database, int id) {
  return database.Run([id](Transaction& tx) -> Status {
    tx.session() << "INSERT INTO notes (id) VALUES (:id)", soci::use(id);
    return {};
  });
}

TEST(Database, CommitsWorkThatSucceedsAndRollsBackWorkThatFails) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  db.Execute("CREATE TABLE notes (id integer PRIMARY KEY)");
  ASSERT_TRUE(InsertNote(db.database(), 1));
  auto refused = db.database().Run([](Transaction& tx) -> Status {
    tx.session() << "INSERT INTO notes (id) VALUES (2)";
    return Fail(Error::InvalidArgument("/x", "refusé"));
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM notes"), 1);
}

TEST(Database, MapsAUniqueViolationToAlreadyExistsWithoutSqlText) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  db.Execute("CREATE TABLE notes (id integer PRIMARY KEY)");
  ASSERT_TRUE(InsertNote(db.database(), 1));
  auto duplicate = InsertNote(db.database(), 1);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(duplicate.error().message.find("duplicate"), std::string::npos);
  EXPECT_EQ(duplicate.error().message.find("notes"), std::string::npos);
  // The session is usable again afterwards.
  EXPECT_TRUE(InsertNote(db.database(), 2));
}

TEST(Database, MapsOtherSqlErrorsToInternalAndLogsTheDetail) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  std::string logged;
  SetInternalLogSink([&](const std::string&, const std::string& detail) { logged += detail; });
  auto failed = db.database().Run([](Transaction& tx) -> Status {
    tx.session() << "SELECT * FROM no_such_table";
    return {};
  });
  SetInternalLogSink(nullptr);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kInternal);
  EXPECT_EQ(failed.error().message.find("no_such_table"), std::string::npos);
  EXPECT_NE(logged.find("no_such_table"), std::string::npos);
}

TEST(Database, LeavesTheSessionCleanWhenTheWorkThrows) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  db.Execute("CREATE TABLE notes (id integer PRIMARY KEY)");
  Database one_session({db.url(), 1});
  EXPECT_THROW(one_session.Run([](Transaction& tx) -> Status {
    tx.session() << "INSERT INTO notes (id) VALUES (7)";
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  ASSERT_TRUE(InsertNote(one_session, 8));
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM notes"), 1);
}

TEST(Database, AnswersUnavailableDuringAnOutageAndHealsWithoutARestart) {
  testing::PrivateCluster cluster;
  Database database({cluster.Url(), 2});
  ASSERT_TRUE(database.Ping());

  cluster.Stop();
  auto during = database.Run([](Transaction& tx) -> Status {
    int one = 0;
    tx.session() << "SELECT 1", soci::into(one);
    return {};
  });
  ASSERT_FALSE(during);
  EXPECT_EQ(during.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(database.Ping());

  cluster.Start();
  // Every pooled session saw the old server die; each reconnects on its next use.
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(database.Ping()) << "attempt " << i;
}

TEST(Database, StartsEvenWhenTheDatabaseIsDownAndConnectsLater) {
  testing::PrivateCluster cluster;
  cluster.Stop();
  Database database({cluster.Url(), 2});
  EXPECT_FALSE(database.Ping());
  cluster.Start();
  EXPECT_TRUE(database.Ping());
}

}  // namespace
}  // namespace nuitee::persistence
