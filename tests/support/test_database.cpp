// Creating and dropping per-test databases on the throwaway cluster started by `make test`.
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <regex>
#include <stdexcept>

#include "persistence/migrations.hpp"

namespace nuitee::testing {

std::string TestDatabase::ServerUrl() {
  const char* url = std::getenv("TEST_PG");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "TEST_PG is not set: database tests need a PostgreSQL server (run them with make test)");
  }
  return url;
}

std::string TestDatabase::UrlFor(const std::string& database_name) {
  static const std::regex dbname(R"(dbname=\S+)");
  std::string url = ServerUrl();
  if (std::regex_search(url, dbname))
    return std::regex_replace(url, dbname, "dbname=" + database_name);
  return url + " dbname=" + database_name;
}

namespace {

// Idempotent and safe when suites of several processes race to create it.
void EnsureServerRole(soci::session& admin) {
  const std::string role = kServerRole;
  admin << "DO $$ BEGIN "
           "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" +
               role +
               "') THEN "
               "BEGIN CREATE ROLE " +
               role +
               " LOGIN; "
               "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END; END IF; "
               "IF NOT pg_has_role('" +
               role +
               "', 'nuitee_app', 'MEMBER') THEN "
               "GRANT nuitee_app TO " +
               role + "; END IF; END $$";
}

}  // namespace

std::string TestDatabase::ServerRoleUrl() const {
  static const std::regex user(R"(user=\S+)");
  if (std::regex_search(url_, user)) {
    return std::regex_replace(url_, user, std::string("user=") + kServerRole);
  }
  return url_ + " user=" + kServerRole;
}

TestDatabase::TestDatabase(Schema schema) {
  static std::atomic<int> counter{0};
  std::random_device random;
  name_ = "nuitee_t" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
          std::to_string(random() % 100000);
  {
    soci::session admin(soci::postgresql, ServerUrl());
    admin << "CREATE DATABASE " + name_;
  }
  url_ = UrlFor(name_);
  if (schema == Schema::kMigrated) {
    auto migrated = persistence::ApplyMigrations(url_, persistence::EmbeddedMigrations());
    if (!migrated) throw std::runtime_error("migrations failed: " + migrated.error().message);
    soci::session admin(soci::postgresql, url_);
    EnsureServerRole(admin);
  }
}

TestDatabase::~TestDatabase() {
  database_.reset();
  try {
    soci::session admin(soci::postgresql, ServerUrl());
    admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
  } catch (const std::exception& error) {
    ADD_FAILURE() << "could not drop " << name_ << ": " << error.what();
  }
}

persistence::Database& TestDatabase::database() {
  if (!database_) {
    database_ = std::make_unique<persistence::Database>(persistence::DatabaseOptions{url_, 4});
  }
  return *database_;
}

void TestDatabase::Execute(const std::string& sql) const {
  soci::session session(soci::postgresql, url_);
  session << sql;
}

long long TestDatabase::CountRows(const std::string& sql) const {
  soci::session session(soci::postgresql, url_);
  long long count = 0;
  session << sql, soci::into(count);
  return count;
}

std::string TestDatabase::QueryText(const std::string& url, const std::string& sql) {
  soci::session session(soci::postgresql, url);
  std::string value;
  session << sql, soci::into(value);
  return value;
}

std::string TestDatabase::SqlStateOf(const std::string& url, const std::string& sql) {
  soci::session session(soci::postgresql, url);
  try {
    session << sql;
  } catch (const soci::postgresql_soci_error& error) {
    return error.sqlstate();
  }
  return "";
}

}  // namespace nuitee::testing
