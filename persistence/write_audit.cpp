// write_audit: the thread's request scope, the row appended before COMMIT, and the staff reads.
#include "persistence/write_audit.hpp"

#include "persistence/dynamic_query.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

thread_local WriteAuditContext* current_scope = nullptr;

constexpr const char* kColumns =
    "seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS at_text, "
    "collectivity_id::text AS collectivity_id, principal_user_id::text AS principal_user_id, "
    "principal, principal_kind, on_behalf_of_host_id::text AS on_behalf_of_host_id, address, "
    "request_id, method, route, path, target_kind, target_id";

WriteAuditRow RowFrom(const soci::row& row) {
  return {GetString(row, "at_text"),
          GetOptionalString(row, "collectivity_id"),
          GetOptionalString(row, "principal_user_id"),
          GetString(row, "principal"),
          GetString(row, "principal_kind"),
          GetOptionalString(row, "on_behalf_of_host_id"),
          GetString(row, "address"),
          GetString(row, "request_id"),
          GetString(row, "method"),
          GetString(row, "route"),
          GetString(row, "path"),
          GetOptionalString(row, "target_kind"),
          GetOptionalString(row, "target_id")};
}

void AddFilter(DynamicQuery& query, std::string& where, const std::optional<std::string>& value,
               const std::string& name, const std::string& condition) {
  if (!value) return;
  query.Bind(name, *value);
  where += " AND " + condition;
}

}  // namespace

WriteAuditScope::WriteAuditScope(WriteAuditContext context)
    : context_(std::move(context)), previous_(current_scope) {
  current_scope = &context_;
}

WriteAuditScope::~WriteAuditScope() { current_scope = previous_; }

WriteAuditContext* WriteAuditScope::Current() { return current_scope; }

UnauditedWrites::UnauditedWrites() : suspended_(current_scope) { current_scope = nullptr; }

UnauditedWrites::~UnauditedWrites() { current_scope = suspended_; }

void NoteWriteTarget(const std::string& kind, const std::string& id,
                     const std::optional<std::string>& collectivity_id) {
  if (current_scope == nullptr) return;
  current_scope->target_kind = kind;
  current_scope->target_id = id;
  if (!current_scope->collectivity_id && collectivity_id) {
    current_scope->collectivity_id = collectivity_id;
  }
}

void RecordWriteAudit(Transaction& tx) {
  const WriteAuditContext* context = current_scope;
  if (context == nullptr) return;
  // One statement, no extra round trip for reads: the row is appended only when the transaction
  // has a transaction id, which PostgreSQL assigns at its first write.
  tx.session() << "INSERT INTO write_audit (collectivity_id, principal_user_id, principal, "
                  "principal_kind, on_behalf_of_host_id, address, request_id, method, route, "
                  "path, target_kind, target_id) "
                  "SELECT :collectivity::uuid, :user::uuid, :principal, :kind, :host::uuid, "
                  ":address, :request, :method, :route, :path, :target_kind, :target_id "
                  "WHERE pg_current_xact_id_if_assigned() IS NOT NULL",
      soci::use(context->collectivity_id, "collectivity"),
      soci::use(context->principal_user_id, "user"), soci::use(context->principal, "principal"),
      soci::use(context->principal_kind, "kind"), soci::use(context->on_behalf_of_host_id, "host"),
      soci::use(context->address, "address"), soci::use(context->request_id, "request"),
      soci::use(context->method, "method"), soci::use(context->route, "route"),
      soci::use(context->path, "path"), soci::use(context->target_kind, "target_kind"),
      soci::use(context->target_id, "target_id");
}

bool WriteAuditRepository::RoleMayRewrite(Database& database) {
  int may = 0;
  auto checked = database.Run([&](Transaction& tx) -> Status {
    tx.session() << "SELECT (has_table_privilege('write_audit', 'UPDATE') OR "
                    "has_table_privilege('write_audit', 'DELETE') OR "
                    "has_table_privilege('write_audit', 'TRUNCATE'))::int",
        soci::into(may);
    return {};
  });
  return checked && may != 0;
}

Page<WriteAuditRow> WriteAuditRepository::List(Transaction& tx, const std::string& collectivity_id,
                                               const WriteAuditFilter& filter,
                                               const PageRequest& page) {
  DynamicQuery query;
  query.Bind("collectivity", collectivity_id);
  query.Bind("after", page.after_seq);
  std::string where = "collectivity_id = :collectivity::uuid AND seq > :after";
  AddFilter(query, where, filter.principal, "principal", "principal = :principal");
  AddFilter(query, where, filter.from, "from",
            "at >= (:from::date::timestamp AT TIME ZONE 'Europe/Paris')");
  AddFilter(query, where, filter.to, "to",
            "at < ((:to::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')");
  AddFilter(query, where, filter.route, "route", "route = :route");
  AddFilter(query, where, filter.method, "method", "method = :method");
  AddFilter(query, where, filter.target_kind, "target_kind", "target_kind = :target_kind");
  AddFilter(query, where, filter.target_id, "target_id", "target_id = :target_id");
  AddFilter(query, where, filter.on_behalf_of, "on_behalf_of",
            "on_behalf_of_host_id::text = :on_behalf_of");
  const std::string sql = std::string("SELECT ") + kColumns + " FROM write_audit WHERE " + where +
                          " ORDER BY seq LIMIT :limit";
  return query.ReadPage<WriteAuditRow>(tx, sql, page, RowFrom);
}

std::vector<WriteAuditRow> WriteAuditRepository::AboutHost(
    Transaction& tx, const std::string& collectivity_id, const std::string& host_id,
    const std::vector<std::string>& record_ids) {
  // The ids as a PostgreSQL array literal: they are UUIDs read from the database, never input.
  std::string ids = "{" + host_id;
  for (const auto& id : record_ids) ids += "," + id;
  ids += "}";
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << std::string("SELECT ") + kColumns +
                  " FROM write_audit WHERE collectivity_id = :c::uuid AND "
                  "(on_behalf_of_host_id = :h::uuid OR target_id = ANY(:ids::text[]))"
                  " ORDER BY seq",
       soci::use(collectivity_id), soci::use(host_id), soci::use(ids));
  std::vector<WriteAuditRow> result;
  for (const auto& row : rows) result.push_back(RowFrom(row));
  return result;
}

}  // namespace nuitee::persistence
