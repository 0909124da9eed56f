// The session pool, the unit of work and the mapping of SOCI errors to protocol-neutral errors.
#include "persistence/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <mutex>
#include <vector>

#include "persistence/prepared_statements.hpp"
#include "persistence/write_audit.hpp"

namespace nuitee::persistence {
namespace {

std::mutex sink_mutex;
InternalLogSink internal_sink;

constexpr const char* kUnavailableMessage =
    "La base de données est momentanément indisponible. Réessayez dans quelques instants.";

bool IsConnectionError(const soci::soci_error& error) {
  return error.get_error_category() == soci::soci_error::connection_error;
}

Error MapError(const soci::soci_error& error) {
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    const std::string state = pg->sqlstate();
    if (state == "23505") {
      return Error::AlreadyExists("Cet enregistrement existe déjà.");
    }
    if (state == "40001" || state == "40P01") {
      return Error::Conflict("Une modification concurrente a eu lieu. Réessayez.");
    }
    // Class 08 (connection exception), 57P01..57P03 (admin shutdown, cannot connect now).
    if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0) {
      return Error::Unavailable(kUnavailableMessage);
    }
  }
  if (IsConnectionError(error)) return Error::Unavailable(kUnavailableMessage);
  return Error::Internal();
}

}  // namespace

void SetInternalLogSink(InternalLogSink sink) {
  std::lock_guard lock(sink_mutex);
  internal_sink = std::move(sink);
}

void LogInternal(const std::string& event, const std::string& detail) {
  std::lock_guard lock(sink_mutex);
  if (internal_sink) internal_sink(event, detail);
}

struct Database::Pool {
  explicit Pool(std::size_t size) : sessions(size), broken(size, 1), prepared(size) {}
  soci::connection_pool sessions;
  // One flag per slot, only touched by the slot's holder (a vector<bool> would share words).
  std::vector<char> broken;
  // The statements prepared on each slot's connection, forgotten when it reconnects.
  std::vector<PreparedStatements> prepared;
};

Database::Database(DatabaseOptions options)
    : options_(std::move(options)), pool_(std::make_unique<Pool>(options_.pool_size)) {
  for (std::size_t i = 0; i < options_.pool_size; ++i) {
    try {
      pool_->sessions.at(i).open(soci::postgresql, options_.url);
      pool_->broken[i] = false;
    } catch (const soci::soci_error& error) {
      LogInternal("database_connect_failed", error.what());
    }
  }
}

Database::~Database() = default;

namespace {

// Returns a connected session or an error; reconnects a session whose connection was lost, so the
// pool heals by itself when the database comes back.
Status EnsureConnected(soci::session& session, char& broken, PreparedStatements& prepared,
                       const std::string& url) {
  if (!broken) return {};
  prepared.Forget();  // a new connection has none of them
  try {
    if (session.get_backend() == nullptr) {
      session.open(soci::postgresql, url);
    } else {
      session.reconnect();
    }
    broken = false;
    return {};
  } catch (const soci::soci_error& error) {
    LogInternal("database_reconnect_failed", error.what());
    return Fail(Error::Unavailable(kUnavailableMessage));
  }
}

}  // namespace

Status Database::Run(const std::function<Status(Transaction&)>& work) {
  std::size_t slot = 0;
  if (!pool_->sessions.try_lease(slot, int(options_.lease_timeout.count()))) {
    LogInternal("database_pool_exhausted", "no session free within the lease timeout");
    return Fail(Error::Unavailable(kUnavailableMessage));
  }
  struct GiveBack {
    soci::connection_pool& pool;
    std::size_t slot;
    ~GiveBack() { pool.give_back(slot); }
  } give_back{pool_->sessions, slot};

  soci::session& session = pool_->sessions.at(slot);
  char& broken = pool_->broken[slot];
  PreparedStatements& prepared = pool_->prepared[slot];
  // Two attempts at BEGIN: a connection that died while idle (database restarted) is only noticed
  // when used, and nothing has happened yet in this unit of work, so retrying is safe.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (auto connected = EnsureConnected(session, broken, prepared, options_.url); !connected) {
      return connected;
    }
    try {
      session.begin();
      break;
    } catch (const soci::soci_error& error) {
      LogInternal("database_begin_failed", error.what());
      broken = true;
      if (attempt == 1) return Fail(Error::Unavailable(kUnavailableMessage));
    }
  }

  try {
    Transaction tx(session, prepared);
    Status status = work(tx);
    if (status) {
      RecordWriteAudit(tx);  // in this transaction: the write and its trace commit together
      session.commit();
    } else {
      session.rollback();
    }
    return status;
  } catch (const soci::soci_error& error) {
    LogInternal("database_error", error.what());
    Error mapped = MapError(error);
    try {
      session.rollback();
    } catch (const soci::soci_error&) {
      mapped = Error::Unavailable(kUnavailableMessage);
    }
    if (mapped.code == ErrorCode::kUnavailable) broken = true;
    return Fail(mapped);
  } catch (...) {
    // Not a database error (a bug in the unit of work): leave the session clean, then let the
    // route guard answer 500.
    try {
      session.rollback();
    } catch (const soci::soci_error&) {
      broken = true;
    }
    throw;
  }
}

bool Database::Ping() {
  Status status = Run([](Transaction& tx) -> Status {
    int one = 0;
    tx.session() << "SELECT 1", soci::into(one);
    return {};
  });
  return status.has_value();
}

Status Database::Analyze() {
  return Run([](Transaction& tx) -> Status {
    tx.session() << "ANALYZE";
    return {};
  });
}

}  // namespace nuitee::persistence
