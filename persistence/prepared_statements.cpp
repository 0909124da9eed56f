// Prepared statements on the pooled session's libpq connection, rows as SOCI's dynamic rows.
#include "persistence/prepared_statements.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "persistence/database.hpp"

namespace nuitee::persistence {
namespace {

struct ClearResult {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ClearResult>;

PGconn* ConnectionOf(soci::session& session) {
  // By name: SOCI's shared library does not export the backend's type information.
  soci::details::session_backend* backend = session.get_backend();
  if (backend == nullptr || backend->get_backend_name() != "postgresql") {
    throw soci::soci_error("prepared statements need an open PostgreSQL session");
  }
  PGconn* connection = static_cast<soci::postgresql_session_backend*>(backend)->conn_;
  if (connection == nullptr) throw soci::soci_error("the PostgreSQL session is closed");
  return connection;
}

// As SOCI's PostgreSQL backend reports a failed statement: the server's message and SQLSTATE
// (class 08 when the connection itself failed, so that the pool reconnects).
[[noreturn]] void ThrowFailure(PGconn* connection, const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  if (state == nullptr || std::strlen(state) != 5) {
    state = PQstatus(connection) == CONNECTION_BAD ? "08006" : "XX000";
  }
  throw soci::postgresql_soci_error(message ? message : "unknown PostgreSQL error", state);
}

bool Failed(const PGresult* result) {
  const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  return status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK;
}

void Check(PGconn* connection, const PGresult* result) {
  if (Failed(result)) ThrowFailure(connection, result);
}

// Errors after which the prepared statement itself is unusable: its plan no longer fits the
// tables ("cached plan must not change result type", after a migration altered one while the
// server ran), or it no longer exists on the server.
bool StatementUnusable(const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return state != nullptr && (std::strcmp(state, "0A000") == 0 || std::strcmp(state, "26000") == 0);
}

// The type SOCI's PostgreSQL backend gives a column of this type (its describe_column), so that
// row.get<T>() accepts and refuses the same T on both paths.
soci::data_type SociTypeOf(Oid type) {
  switch (type) {
    case 16:  // bool
    case 21:  // int2
    case 23:  // int4
    case 26:  // oid
      return soci::dt_integer;
    case 20:  // int8
      return soci::dt_long_long;
    case 700:   // float4
    case 701:   // float8
    case 1700:  // numeric
      return soci::dt_double;
    case 702:   // abstime
    case 703:   // reltime
    case 1082:  // date
    case 1083:  // time
    case 1114:  // timestamp
    case 1184:  // timestamptz
    case 1266:  // timetz
      return soci::dt_date;
    default:  // text, varchar, uuid, json, jsonb...: all text in the text format
      return soci::dt_string;
  }
}

template <class Integer>
Integer ParseInteger(const char* text, std::size_t length) {
  if (length == 1 && (text[0] == 't' || text[0] == 'f')) return text[0] == 't' ? 1 : 0;  // bool
  Integer value = 0;
  const auto [end, error] = std::from_chars(text, text + length, value);
  if (error != std::errc() || end != text + length) {
    throw soci::soci_error("Cannot convert data: " + std::string(text, length));
  }
  return value;
}

// One row of `result` as SOCI would have fetched it into a soci::row.
void FillRow(const PGresult* result, int index, soci::row& row) {
  const int columns = PQnfields(result);
  for (int column = 0; column < columns; ++column) {
    soci::column_properties properties;
    properties.set_name(PQfname(result, column));
    const soci::data_type type = SociTypeOf(PQftype(result, column));
    properties.set_data_type(type);
    row.add_properties(properties);
    const bool null = PQgetisnull(result, index, column) != 0;
    const char* text = PQgetvalue(result, index, column);
    const std::size_t length = static_cast<std::size_t>(PQgetlength(result, index, column));
    // Parsed before anything is allocated: a throw leaves no holder without its row.
    switch (type) {
      case soci::dt_integer: {
        const int value = null ? 0 : ParseInteger<int>(text, length);
        row.add_holder(new int(value), new soci::indicator(null ? soci::i_null : soci::i_ok));
        break;
      }
      case soci::dt_long_long: {
        const long long value = null ? 0 : ParseInteger<long long>(text, length);
        row.add_holder(new long long(value), new soci::indicator(null ? soci::i_null : soci::i_ok));
        break;
      }
      case soci::dt_double:
        row.add_holder(new double(null ? 0.0 : std::strtod(text, nullptr)),
                       new soci::indicator(null ? soci::i_null : soci::i_ok));
        break;
      case soci::dt_date:
        // The repositories select dates and times as text (soci_support.hpp): keep it that way.
        throw soci::soci_error(std::string("select column ") + PQfname(result, column) +
                               " as text for a prepared statement");
      default:
        row.add_holder(new std::string(text, length),
                       new soci::indicator(null ? soci::i_null : soci::i_ok));
        break;
    }
  }
}

}  // namespace

std::string PositionalSql(const std::string& sql, std::size_t& placeholders) {
  // The states of SOCI's own rewriting (postgresql statement.cpp): text in single quotes is
  // copied as is, "::" is a cast and ":=" an assignment, any other ":" starts a name.
  std::string out;
  out.reserve(sql.size());
  placeholders = 0;
  enum class State { kNormal, kInQuotes, kInName } state = State::kNormal;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    switch (state) {
      case State::kNormal:
        if (c == '\'') {
          out += c;
          state = State::kInQuotes;
        } else if (c == ':' && i + 1 < sql.size() && (sql[i + 1] == ':' || sql[i + 1] == '=')) {
          out += c;
          out += sql[++i];
        } else if (c == ':') {
          state = State::kInName;
        } else {
          out += c;
        }
        break;
      case State::kInQuotes:
        out += c;
        if (c == '\'') state = State::kNormal;
        break;
      case State::kInName:
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') break;
        // The name ends here; what ends it ("::uuid", ",", ")"…) is read as normal text.
        out += "$" + std::to_string(++placeholders);
        state = State::kNormal;
        --i;
        break;
    }
  }
  if (state == State::kInName) out += "$" + std::to_string(++placeholders);
  return out;
}

std::size_t PreparedStatements::Run(soci::session& session, const std::string& sql,
                                    const std::vector<Parameter>& parameters,
                                    const RowReader& each) {
  PGconn* connection = ConnectionOf(session);
  auto found = names_.find(sql);
  if (found == names_.end()) {
    Prepared prepared;
    const std::string text = PositionalSql(sql, prepared.placeholders);
    prepared.name = "nuitee_" + std::to_string(++next_);
    ResultPtr result(PQprepare(connection, prepared.name.c_str(), text.c_str(),
                               static_cast<int>(prepared.placeholders), nullptr));
    Check(connection, result.get());
    found = names_.emplace(sql, std::move(prepared)).first;
  }
  if (found->second.placeholders != parameters.size()) {
    throw soci::soci_error("prepared statement " + found->second.name + " takes " +
                           std::to_string(found->second.placeholders) + " parameters, " +
                           std::to_string(parameters.size()) + " given");
  }
  std::vector<const char*> values;
  values.reserve(parameters.size());
  for (const auto& parameter : parameters) {
    values.push_back(parameter ? parameter->c_str() : nullptr);
  }
  ResultPtr result(PQexecPrepared(connection, found->second.name.c_str(),
                                  static_cast<int>(values.size()), values.data(), nullptr, nullptr,
                                  0));
  if (Failed(result.get())) {
    // This unit of work fails (its transaction is aborted); the next one prepares the statement
    // again, under a new name.
    if (StatementUnusable(result.get())) names_.erase(found);
    ThrowFailure(connection, result.get());
  }
  if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
    const char* affected = PQcmdTuples(result.get());
    return affected[0] == '\0' ? 0 : std::strtoull(affected, nullptr, 10);
  }
  const int rows = PQntuples(result.get());
  if (each) {
    for (int index = 0; index < rows; ++index) {
      soci::row row;
      FillRow(result.get(), index, row);
      each(row);
    }
  }
  return static_cast<std::size_t>(rows);
}

void PreparedStatements::Forget() { names_.clear(); }

std::size_t Query(Transaction& tx, const std::string& sql, const std::vector<Parameter>& parameters,
                  const RowReader& each) {
  return tx.prepared().Run(tx.session(), sql, parameters, each);
}

}  // namespace nuitee::persistence
