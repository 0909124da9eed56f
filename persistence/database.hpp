// A pool of PostgreSQL sessions and the one way to use them: a unit of work in a transaction.
// This header names no SOCI type, so api/ can hold a Database without talking SQL.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "domain/core/error.hpp"

namespace soci {
class session;
}

namespace nuitee::persistence {

class PreparedStatements;  // prepared_statements.hpp

// Handed to repositories for the duration of one unit of work: the pooled session, and the
// statements already prepared on its connection (for Query, prepared_statements.hpp).
class Transaction {
 public:
  Transaction(soci::session& session, PreparedStatements& prepared)
      : session_(session), prepared_(prepared) {}
  soci::session& session() { return session_; }
  PreparedStatements& prepared() { return prepared_; }

 private:
  soci::session& session_;
  PreparedStatements& prepared_;
};

struct DatabaseOptions {
  std::string url;                  // libpq keyword/value string or postgresql:// URI
  std::size_t pool_size = 4;
  std::chrono::milliseconds lease_timeout{2000};
};

class Database {
 public:
  // Opens every pooled connection; a database that is down now is not fatal: connections are
  // retried when leased.
  explicit Database(DatabaseOptions options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs `work` in one transaction: committed when it returns success, rolled back otherwise.
  // Errors of the database become kUnavailable (connection lost; the session reconnects on its
  // next lease), kAlreadyExists (unique violation) or kInternal, with the detail only in the log.
  Status Run(const std::function<Status(Transaction&)>& work);

  template <class Work>
  auto InTransaction(Work&& work) -> std::invoke_result_t<Work, Transaction&> {
    using R = std::invoke_result_t<Work, Transaction&>;
    std::optional<R> out;
    Status status = Run([&](Transaction& tx) -> Status {
      out.emplace(work(tx));
      if (!*out) return Fail(out->error());
      return {};
    });
    if (!status) return Fail(status.error());
    return std::move(*out);
  }

  // True when a trivial query succeeds within the lease timeout.
  bool Ping();
  // Refreshes the planner's statistics of every table (ANALYZE), after a bulk load such as the
  // demo's: until autovacuum gets to it, a freshly loaded database plans its reports blind (the
  // reconciliation report took 4–8 s on a fresh demo copy, 0.12 s once analysed).
  Status Analyze();
  const std::string& url() const { return options_.url; }

 private:
  struct Pool;
  DatabaseOptions options_;
  std::unique_ptr<Pool> pool_;
};

// Where persistence reports what must never reach a client (SQL errors, connection failures).
// The composition root installs a sink that writes JSON log lines; tests may capture it.
using InternalLogSink = std::function<void(const std::string& event, const std::string& detail)>;
void SetInternalLogSink(InternalLogSink sink);
void LogInternal(const std::string& event, const std::string& detail);

}  // namespace nuitee::persistence
