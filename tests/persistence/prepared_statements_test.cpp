// Statements prepared once per pooled connection: the SQL and the rows are SOCI's, errors map as
// SOCI's do, and a reconnected session prepares its statements again.
#include "persistence/prepared_statements.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "persistence/database.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using testing::TestDatabase;

TEST(PreparedStatements, PlaceholdersBecomePositionalAsSociRewritesThem) {
  std::size_t count = 0;
  EXPECT_EQ(PositionalSql("SELECT :a::int, ':not_a_name', x := :b_2, f(:a)", count),
            "SELECT $1::int, ':not_a_name', x := $2, f($3)");
  EXPECT_EQ(count, 3u);
  EXPECT_EQ(PositionalSql("SELECT 1 WHERE id = :id::uuid AND m = :m::date", count),
            "SELECT 1 WHERE id = $1::uuid AND m = $2::date");
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(PositionalSql("SELECT 1 WHERE id = :id", count), "SELECT 1 WHERE id = $1");
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(PositionalSql("SELECT 'a''b'", count), "SELECT 'a''b'");
  EXPECT_EQ(count, 0u);
}

// The same statement through SOCI and through Query gives rows that read the same.
TEST(PreparedStatements, RowsReadAsSociFetchesThem) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  const std::string sql =
      "SELECT :i::int AS i, 9000000000::bigint AS big, :t AS t, true AS yes, "
      "NULL::text AS nothing, 2.5::numeric AS half, '{\"a\": 1}'::jsonb AS doc, "
      "gen_random_uuid() IS NOT NULL AS made, 7::smallint AS small";
  auto checked = db.database().Run([&](Transaction& tx) -> Status {
    soci::row expected;
    const int i = 42;
    const std::string t = "é";
    tx.session() << sql, soci::use(i), soci::use(t), soci::into(expected);
    const std::size_t rows = Query(tx, sql, {"42", "é"}, [&](const soci::row& row) {
      EXPECT_EQ(row.size(), expected.size());
      for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(row.get_properties(i).get_name(), expected.get_properties(i).get_name());
        EXPECT_EQ(row.get_properties(i).get_data_type(), expected.get_properties(i).get_data_type())
            << expected.get_properties(i).get_name();
        EXPECT_EQ(row.get_indicator(i), expected.get_indicator(i));
      }
      EXPECT_EQ(row.get<int>("i"), expected.get<int>("i"));
      EXPECT_EQ(row.get<long long>("big"), expected.get<long long>("big"));
      EXPECT_EQ(row.get<std::string>("t"), "é");
      EXPECT_EQ(row.get<int>("yes"), expected.get<int>("yes"));
      EXPECT_EQ(row.get_indicator("nothing"), soci::i_null);
      EXPECT_EQ(row.get<double>("half"), expected.get<double>("half"));
      EXPECT_EQ(row.get<std::string>("doc"), expected.get<std::string>("doc"));
      EXPECT_EQ(row.get<int>("made"), 1);
      EXPECT_EQ(row.get<int>("small"), 7);
    });
    EXPECT_EQ(rows, 1u);
    return {};
  });
  ASSERT_TRUE(checked);
}

TEST(PreparedStatements, AStatementIsPreparedOnceOnEachConnection) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  db.Execute("CREATE TABLE notes (id integer PRIMARY KEY, body text)");
  Database one_session({db.url(), 1});
  const std::string insert = "INSERT INTO notes (id, body) VALUES (:id, :body)";
  for (int id = 1; id <= 3; ++id) {
    auto inserted = one_session.Run([&](Transaction& tx) -> Status {
      EXPECT_EQ(Query(tx, insert, {std::to_string(id), std::nullopt}), 1u);  // rows affected
      return {};
    });
    ASSERT_TRUE(inserted);
  }
  auto counted = one_session.Run([&](Transaction& tx) -> Status {
    int prepared = 0;
    tx.session() << "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE "
                    "'INSERT INTO notes%'",
        soci::into(prepared);
    EXPECT_EQ(prepared, 1);
    EXPECT_EQ(tx.prepared().size(), 1u);
    return {};
  });
  ASSERT_TRUE(counted);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM notes WHERE body IS NULL"), 3);
}

TEST(PreparedStatements, ErrorsMapAsSociErrorsAndLeaveTheSessionUsable) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  db.Execute("CREATE TABLE notes (id integer PRIMARY KEY)");
  Database one_session({db.url(), 1});
  const auto insert = [&](int id) {
    return one_session.Run([&](Transaction& tx) -> Status {
      Query(tx, "INSERT INTO notes (id) VALUES (:id)", {std::to_string(id)});
      return {};
    });
  };
  ASSERT_TRUE(insert(1));
  auto duplicate = insert(1);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
  // A statement that does not prepare is not kept: fixing the table makes it work.
  auto missing = one_session.Run([&](Transaction& tx) -> Status {
    Query(tx, "SELECT id FROM later_notes", {});
    return {};
  });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kInternal);
  db.Execute("CREATE TABLE later_notes (id integer)");
  auto found = one_session.Run([&](Transaction& tx) -> Status {
    EXPECT_EQ(Query(tx, "SELECT id FROM later_notes", {}), 0u);
    return {};
  });
  EXPECT_TRUE(found);
  EXPECT_TRUE(insert(2));
}

// A migration that changes a table's shape while the server runs: the statement prepared before
// fails once (its transaction with it), then is prepared again for the new shape.
TEST(PreparedStatements, AStatementWhoseTableChangedShapeIsPreparedAgain) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  db.Execute("CREATE TABLE notes (id integer)");
  db.Execute("INSERT INTO notes VALUES (1)");
  Database one_session({db.url(), 1});
  const auto columns = [&]() -> int {
    std::size_t count = 0;
    auto read = one_session.Run([&](Transaction& tx) -> Status {
      Query(tx, "SELECT * FROM notes", {}, [&](const soci::row& row) { count = row.size(); });
      return {};
    });
    return read ? static_cast<int>(count) : -1;
  };
  ASSERT_EQ(columns(), 1);
  db.Execute("ALTER TABLE notes ADD COLUMN body text");
  EXPECT_EQ(columns(), -1) << "the plan prepared for one column cannot return two";
  EXPECT_EQ(columns(), 2);
}

// A connection ended under the pool: the session reconnects, and its statements are prepared
// again on the new connection.
TEST(PreparedStatements, AReconnectedSessionPreparesItsStatementsAgain) {
  TestDatabase db(TestDatabase::Schema::kEmpty);
  Database one_session({db.url(), 1});
  const auto twice = [&](int value) {
    int read = 0;
    auto status = one_session.Run([&](Transaction& tx) -> Status {
      Query(tx, "SELECT 2 * :v::int AS twice", {std::to_string(value)},
            [&](const soci::row& row) { read = row.get<int>("twice"); });
      return {};
    });
    return status ? read : -1;
  };
  ASSERT_EQ(twice(2), 4);
  db.Execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" +
             db.name() + "' AND pid <> pg_backend_pid()");
  EXPECT_EQ(twice(3), 6);
  EXPECT_EQ(twice(4), 8);
}

}  // namespace
}  // namespace nuitee::persistence
