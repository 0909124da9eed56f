// The write audit (issue 5): every committed write of a request leaves one row in write_audit
// (who, on whose behalf, when, from where, which request, route and target), appended in the
// transaction of the write itself, so the write and its trace commit or vanish together.
//
// How it reaches every route without each handler remembering it: the route guard opens a
// WriteAuditScope on its thread around the handler of every POST, PUT and PATCH (Pistache runs a
// handler start to finish on one thread), and Database::Run calls RecordWriteAudit just before
// COMMIT. A transaction that wrote nothing (a read, an idempotent replay, a patch that changes
// nothing) has no transaction id and records nothing; one that fails rolls its row back with it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "persistence/database.hpp"
#include "persistence/page.hpp"

namespace nuitee::persistence {

struct WriteAuditContext {
  std::optional<std::string> collectivity_id;
  std::optional<std::string> principal_user_id;
  std::string principal = "anonyme";
  std::string principal_kind = "anonymous";
  std::optional<std::string> on_behalf_of_host_id;
  std::string address;
  std::string request_id;
  std::string method;  // "POST"
  std::string route;   // "/v1/hosts/{id}"
  std::string path;
  std::optional<std::string> target_kind;
  std::optional<std::string> target_id;
};

// Binds a request's context to the current thread for its lifetime (not nestable).
class WriteAuditScope {
 public:
  explicit WriteAuditScope(WriteAuditContext context);
  ~WriteAuditScope();
  WriteAuditScope(const WriteAuditScope&) = delete;
  WriteAuditScope& operator=(const WriteAuditScope&) = delete;

  // The context of the request running on this thread, if any, for a route to refine (the account
  // that just logged in, the record just created).
  static WriteAuditContext* Current();

 private:
  WriteAuditContext context_;
  WriteAuditContext* previous_;
};

// Bookkeeping that is not the request's effect (a failed login, a throttling counter) is written
// under this guard, which suspends the scope of the thread.
class UnauditedWrites {
 public:
  UnauditedWrites();
  ~UnauditedWrites();
  UnauditedWrites(const UnauditedWrites&) = delete;
  UnauditedWrites& operator=(const UnauditedWrites&) = delete;

 private:
  WriteAuditContext* suspended_;
};

// Names the record a request wrote (the repository that creates it knows its id); the tenant too
// when the context has none yet (the operator creating a collectivity). No-op without a scope.
void NoteWriteTarget(const std::string& kind, const std::string& id,
                     const std::optional<std::string>& collectivity_id = std::nullopt);

// Called by Database::Run before COMMIT: appends the row when a scope is open on this thread and
// the transaction has written something.
void RecordWriteAudit(Transaction& tx);

struct WriteAuditRow {
  std::string at;  // ISO 8601 UTC
  std::optional<std::string> collectivity_id;
  std::optional<std::string> principal_user_id;
  std::string principal;
  std::string principal_kind;
  std::optional<std::string> on_behalf_of_host_id;
  std::string address;
  std::string request_id;
  std::string method;
  std::string route;
  std::string path;
  std::optional<std::string> target_kind;
  std::optional<std::string> target_id;
};

struct WriteAuditFilter {
  std::optional<std::string> principal;  // the account's address, exact (lower-case)
  std::optional<std::string> from;       // YYYY-MM-DD, first day included (Europe/Paris)
  std::optional<std::string> to;         // YYYY-MM-DD, last day included
  std::optional<std::string> route;      // "/v1/hosts/{id}"
  std::optional<std::string> method;     // "POST"
  std::optional<std::string> target_kind;
  std::optional<std::string> target_id;
  std::optional<std::string> on_behalf_of;  // a host id
};

class WriteAuditRepository {
 public:
  // Whether the connected role may update, delete or truncate write_audit (a superuser, the
  // owner, or a role granted too much); false when it cannot tell (database down).
  static bool RoleMayRewrite(Database& database);
  // One collectivity's rows, oldest first.
  static Page<WriteAuditRow> List(Transaction& tx, const std::string& collectivity_id,
                                  const WriteAuditFilter& filter, const PageRequest& page);
  // Rows about a host: done on its behalf, or whose target is the host or one of `record_ids`
  // (its accommodations), within its collectivity.
  static std::vector<WriteAuditRow> AboutHost(Transaction& tx, const std::string& collectivity_id,
                                              const std::string& host_id,
                                              const std::vector<std::string>& record_ids);
};

}  // namespace nuitee::persistence
