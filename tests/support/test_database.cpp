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

// The migrated schema, built once per cluster and set of migrations into a template database that
// every migrated test database is copied from (CREATE DATABASE … TEMPLATE): a copy takes a fraction
// of the time applying every migration does, and hundreds of tests start from it. The name carries
// the migrations' checksum, so a changed migration gets a template of its own. Test processes run
// in parallel: an advisory lock lets one build it, under a temporary name renamed when complete.
const std::string& MigratedTemplate() {
  static const std::string name = [] {
    std::string all;
    for (const auto& migration : persistence::EmbeddedMigrations()) all += migration.sql;
    const std::string built = "nuitee_tpl_" + persistence::MigrationChecksum(all).substr(0, 16);
    soci::session admin(soci::postgresql, TestDatabase::ServerUrl());
    admin << "SELECT pg_advisory_lock(7274616)";
    long long exists = 0;
    admin << "SELECT count(*) FROM pg_database WHERE datname = :name", soci::use(built),
        soci::into(exists);
    if (exists == 0) {
      const std::string building = built + "_building";
      admin << "DROP DATABASE IF EXISTS " + building + " WITH (FORCE)";
      admin << "CREATE DATABASE " + building;
      auto migrated = persistence::ApplyMigrations(TestDatabase::UrlFor(building),
                                                   persistence::EmbeddedMigrations());
      if (!migrated) {
        admin << "SELECT pg_advisory_unlock(7274616)";
        throw std::runtime_error("migrations failed: " + migrated.error().message);
      }
      admin << "ALTER DATABASE " + building + " RENAME TO " + built;
    }
    EnsureServerRole(admin);
    admin << "SELECT pg_advisory_unlock(7274616)";
    return built;
  }();
  return name;
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
  const std::string from_template =
      schema == Schema::kMigrated ? " TEMPLATE " + MigratedTemplate() : std::string();
  {
    soci::session admin(soci::postgresql, ServerUrl());
    admin << "CREATE DATABASE " + name_ + from_template;
  }
  url_ = UrlFor(name_);
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
