// A fresh, migrated PostgreSQL database per test, created from TEST_PG and dropped afterwards.
// Without TEST_PG the test fails: database tests never skip silently.
#pragma once

#include <memory>
#include <string>

#include "persistence/database.hpp"

namespace nuitee::testing {

// The login role of test servers: a member of nuitee_app that owns nothing, created once per
// cluster (roles are the cluster's, not a database's). Like `nuitee serve` in production, it may
// append to the audit tables but never update, delete nor truncate them.
inline constexpr const char* kServerRole = "nuitee_server";

class TestDatabase {
 public:
  // kDemo: migrated and loaded with the demo territory of demo::kDemoReferenceDay (a copy of a
  // template seeded once per cluster and test binary, instead of 12 s of seeding per test).
  enum class Schema { kMigrated, kEmpty, kDemo };
  explicit TestDatabase(Schema schema = Schema::kMigrated);
  ~TestDatabase();

  // As the owner (the cluster's superuser), which ran the migrations: for arranging data.
  const std::string& url() const { return url_; }
  // As kServerRole, the role a server runs under (migration 0012): what TestServer serves with.
  std::string ServerRoleUrl() const;
  const std::string& name() const { return name_; }
  persistence::Database& database();
  // Runs SQL outside the application's code, for arranging and inspecting data.
  void Execute(const std::string& sql) const;
  long long CountRows(const std::string& sql) const;
  // On a connection of its own to `url` (e.g. as kServerRole): the first column of the first row
  // as text, and the SQLSTATE a statement fails with ("" when it succeeds).
  static std::string QueryText(const std::string& url, const std::string& sql);
  static std::string SqlStateOf(const std::string& url, const std::string& sql);

  // The server connection string from TEST_PG (database "postgres"), and the same with another
  // database name.
  static std::string ServerUrl();
  static std::string UrlFor(const std::string& database_name);

 private:
  std::string name_;
  std::string url_;
  std::unique_ptr<persistence::Database> database_;
};

}  // namespace nuitee::testing
