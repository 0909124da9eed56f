// Statements prepared once per pooled connection.
//
// SOCI sends a one-time query (`session << …`) unprepared and prepares a `rowset` only to
// deallocate it after the loop, so PostgreSQL parses and plans every statement on every call. For
// a submitted declaration that was a large share of PostgreSQL's time (BENCHMARKS.md, "Submitting
// declarations through HTTP"). Statements sent through Query are prepared (PQprepare) on their
// first call on a connection and only executed (PQexecPrepared) afterwards, on the pooled
// session's own libpq connection, so inside the unit of work's transaction.
//
// The SQL is written as for SOCI (":name" placeholders, bound in order of appearance, "::" casts),
// parameters travel as SOCI sends them (text, typed by PostgreSQL from the statement), and each
// row arrives as the soci::row SOCI would have fetched: the repositories' row readers are the same
// for both paths, and so is what is stored.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace soci {
class session;
class row;
}  // namespace soci

namespace nuitee::persistence {

class Transaction;

// A bound value as SOCI sends it: text, or NULL.
using Parameter = std::optional<std::string>;
using RowReader = std::function<void(const soci::row&)>;

// The statements prepared on one connection of the pool. Only the slot's holder touches it.
class PreparedStatements {
 public:
  // Runs `sql` with `parameters` (one per placeholder, in order), calls `each` with every row,
  // and returns the number of rows returned (or affected, for a statement returning none).
  // Database errors are thrown as soci::postgresql_soci_error, as SOCI would throw them.
  std::size_t Run(soci::session& session, const std::string& sql,
                  const std::vector<Parameter>& parameters, const RowReader& each);

  // The connection was replaced (reconnection): none of its statements exist any more.
  void Forget();

  std::size_t size() const { return names_.size(); }

 private:
  // SQL text as written -> name of the server-side statement and its number of placeholders.
  struct Prepared {
    std::string name;
    std::size_t placeholders = 0;
  };
  std::unordered_map<std::string, Prepared> names_;
  std::size_t next_ = 0;
};

// SOCI's placeholders as PostgreSQL's: ":a … :b" -> "$1 … $2", leaving "::" casts, ":=" and
// quoted text alone (the rewriting SOCI's PostgreSQL backend does). `placeholders` receives
// their number.
std::string PositionalSql(const std::string& sql, std::size_t& placeholders);

// Query through the transaction's connection (see PreparedStatements::Run).
std::size_t Query(Transaction& tx, const std::string& sql, const std::vector<Parameter>& parameters,
                  const RowReader& each = {});

}  // namespace nuitee::persistence
