// SQL for the hosts table.
#include "persistence/host_repository.hpp"

#include "persistence/register_search.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "id::text AS id, seq, collectivity_id::text AS collectivity_id, kind, legal_name, siret, "
    "email, phone, address_line, postal_code, city, manager_name, manager_email, "
    "archived_on::text AS archived_on, version";

Host FromRow(const soci::row& row) {
  Host host;
  host.id = HostId(GetString(row, "id"));
  host.collectivity_id = CollectivityId(GetString(row, "collectivity_id"));
  host.kind = *ParseHostKind(GetString(row, "kind"));
  host.legal_name = GetString(row, "legal_name");
  host.siret = GetOptionalString(row, "siret");
  host.email = GetOptionalString(row, "email");
  host.phone = GetOptionalString(row, "phone");
  host.address = {GetString(row, "address_line"), GetString(row, "postal_code"),
                  GetString(row, "city")};
  auto manager_name = GetOptionalString(row, "manager_name");
  if (manager_name) {
    host.manager = Manager{*manager_name, GetOptionalString(row, "manager_email").value_or("")};
  }
  host.archived_on = GetOptionalDay(row, "archived_on");
  host.version = GetLong(row, "version");
  return host;
}

// The columns every write binds, in one place so Insert and Update cannot drift apart.
struct HostColumns {
  explicit HostColumns(const Host& host)
      : kind(HostKindName(host.kind)),
        manager_name(host.manager ? std::optional(host.manager->name) : std::nullopt),
        manager_email(host.manager ? std::optional(host.manager->email) : std::nullopt),
        archived_on(DateText(host.archived_on)) {}
  std::string kind;
  std::optional<std::string> manager_name;
  std::optional<std::string> manager_email;
  std::optional<std::string> archived_on;
};

}  // namespace

Result<Host> HostRepository::Insert(Transaction& tx, Host host) {
  HostColumns columns(host);
  std::optional<std::string> wanted_id;
  if (!host.id.empty()) wanted_id = host.id.value();
  std::string id;
  tx.session() << "INSERT INTO hosts (id, collectivity_id, kind, legal_name, siret, email, phone, "
                  "address_line, postal_code, city, manager_name, manager_email, archived_on) "
                  "VALUES (coalesce(:id::uuid, gen_random_uuid()), :c::uuid, :kind, :name, "
                  ":siret, :email, :phone, :line, :postal, :city, :manager_name, :manager_email, "
                  ":archived::date) RETURNING id::text",
      soci::use(wanted_id), soci::use(host.collectivity_id.value()), soci::use(columns.kind),
      soci::use(host.legal_name), soci::use(host.siret), soci::use(host.email),
      soci::use(host.phone), soci::use(host.address.line), soci::use(host.address.postal_code),
      soci::use(host.address.city), soci::use(columns.manager_name),
      soci::use(columns.manager_email), soci::use(columns.archived_on), soci::into(id);
  host.id = HostId(id);
  host.version = 1;
  return host;
}

Result<Host> HostRepository::Find(Transaction& tx, const CollectivityId& collectivity,
                                  const HostId& id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM hosts WHERE id = :id::uuid AND collectivity_id = :c::uuid",
       soci::use(id.value()), soci::use(collectivity.value()));
  for (const auto& row : rows) return FromRow(row);
  return Fail(Error::NotFound("Cet hébergeur n'existe pas."));
}

std::optional<CollectivityId> HostRepository::CollectivityOf(Transaction& tx, const HostId& id) {
  std::string collectivity;
  soci::indicator found = soci::i_null;
  tx.session() << "SELECT collectivity_id::text FROM hosts WHERE id = :id::uuid",
      soci::use(id.value()), soci::into(collectivity, found);
  if (!tx.session().got_data() || found == soci::i_null) return std::nullopt;
  return CollectivityId(collectivity);
}

Result<Host> HostRepository::Update(Transaction& tx, const Host& host,
                                    long long expected_version) {
  HostColumns columns(host);
  long long version = 0;
  tx.session() << "UPDATE hosts SET kind = :kind, legal_name = :name, siret = :siret, "
                  "email = :email, phone = :phone, address_line = :line, postal_code = :postal, "
                  "city = :city, manager_name = :manager_name, manager_email = :manager_email, "
                  "archived_on = :archived::date, version = version + 1, updated_at = now() "
                  "WHERE id = :id::uuid AND collectivity_id = :c::uuid AND version = :expected "
                  "RETURNING version",
      soci::use(columns.kind), soci::use(host.legal_name), soci::use(host.siret),
      soci::use(host.email), soci::use(host.phone), soci::use(host.address.line),
      soci::use(host.address.postal_code), soci::use(host.address.city),
      soci::use(columns.manager_name), soci::use(columns.manager_email),
      soci::use(columns.archived_on), soci::use(host.id.value()),
      soci::use(host.collectivity_id.value()), soci::use(expected_version), soci::into(version);
  if (!tx.session().got_data()) {
    auto exists = Find(tx, host.collectivity_id, host.id);
    if (!exists) return Fail(exists.error());
    return Fail(Error::StaleVersion());
  }
  tx.session() << "UPDATE accommodations SET host_name = :name "
                  "WHERE host_id = :id::uuid AND host_name <> :name2",
      soci::use(host.legal_name), soci::use(host.id.value()), soci::use(host.legal_name);
  Host updated = host;
  updated.version = version;
  return updated;
}

Page<Host> HostRepository::List(Transaction& tx, const CollectivityId& collectivity,
                                const HostFilter& filter, const PageRequest& page,
                                const SearchWindows& windows) {
  RegisterQuery query;
  query.select = kColumns;
  query.from = "hosts a";
  query.where = "a.collectivity_id = :c::uuid";
  query.filters.Bind("c", collectivity.value());
  query.text = filter.text;  // read in bounded steps (persistence/register_search.hpp)
  if (filter.archived) {
    query.where +=
        *filter.archived ? " AND a.archived_on IS NOT NULL" : " AND a.archived_on IS NULL";
  }
  return ReadRegisterPage<Host>(tx, query, page, windows, FromRow);
}

}  // namespace nuitee::persistence
