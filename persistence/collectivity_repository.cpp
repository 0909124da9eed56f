// SQL for the collectivities table.
#include "persistence/collectivity_repository.hpp"

#include <nlohmann/json.hpp>

#include "persistence/dynamic_query.hpp"
#include "persistence/prepared_statements.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "id::text AS id, seq, name, siren, kind, department_code, communes::text AS communes, "
    "registration_number_required::int AS registration_number_required, rounding_mode, "
    "declaration_deadline_day, remittance_frequency, stay_month_rule, version";

std::string CommunesToJson(const std::vector<Commune>& communes) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& commune : communes) {
    array.push_back({{"insee_code", commune.insee_code}, {"name", commune.name}});
  }
  return array.dump();
}

// The declaration settings as bound parameters (SOCI binds by reference: they must outlive the
// statement).
struct DeclarationColumns {
  explicit DeclarationColumns(const DeclarationSettings& settings)
      : deadline_day(settings.deadline_day),
        remittance(RemittanceFrequencyName(settings.remittance)),
        stay_month_rule(StayMonthRuleName(settings.stay_month_rule)) {}
  int deadline_day;
  std::string remittance;
  std::string stay_month_rule;
};

Collectivity FromRow(const soci::row& row) {
  Collectivity collectivity;
  collectivity.id = CollectivityId(GetString(row, "id"));
  collectivity.name = GetString(row, "name");
  collectivity.siren = GetString(row, "siren");
  collectivity.kind = *ParseCollectivityKind(GetString(row, "kind"));
  collectivity.department_code = GetString(row, "department_code");
  for (const auto& each : nlohmann::json::parse(GetString(row, "communes"))) {
    collectivity.communes.push_back(
        {each.at("insee_code").get<std::string>(), each.at("name").get<std::string>()});
  }
  collectivity.registration_number_required = row.get<int>("registration_number_required") != 0;
  collectivity.rounding_mode = *rates::ParseRoundingMode(GetString(row, "rounding_mode"));
  collectivity.declarations.deadline_day = row.get<int>("declaration_deadline_day");
  collectivity.declarations.remittance =
      *ParseRemittanceFrequency(GetString(row, "remittance_frequency"));
  collectivity.declarations.stay_month_rule =
      *ParseStayMonthRule(GetString(row, "stay_month_rule"));
  collectivity.version = GetLong(row, "version");
  return collectivity;
}

// Prepared once per connection (prepared_statements.hpp): the public tax simulator and every
// declaration read the collectivity.
std::optional<Collectivity> SelectOne(Transaction& tx, const std::string& where,
                                      const std::string& value) {
  std::optional<Collectivity> found;
  Query(tx, std::string("SELECT ") + kColumns + " FROM collectivities WHERE " + where, {value},
        [&](const soci::row& row) { found = FromRow(row); });
  return found;
}

}  // namespace

Result<Collectivity> CollectivityRepository::Insert(Transaction& tx, Collectivity collectivity) {
  const std::string kind(CollectivityKindName(collectivity.kind));
  const std::string communes = CommunesToJson(collectivity.communes);
  const int required = collectivity.registration_number_required ? 1 : 0;
  const std::string rounding(rates::RoundingModeName(collectivity.rounding_mode));
  const DeclarationColumns declarations(collectivity.declarations);
  std::optional<std::string> wanted_id;
  if (!collectivity.id.empty()) wanted_id = collectivity.id.value();
  std::string id;
  tx.session() << "INSERT INTO collectivities (id, name, siren, kind, department_code, communes, "
                  "registration_number_required, rounding_mode, declaration_deadline_day, "
                  "remittance_frequency, stay_month_rule) VALUES "
                  "(coalesce(:id::uuid, gen_random_uuid()), :name, :siren, :kind, :department, "
                  ":communes::jsonb, :required::boolean, :rounding, :deadline, :remittance, "
                  ":stay_rule) RETURNING id::text",
      soci::use(wanted_id), soci::use(collectivity.name), soci::use(collectivity.siren),
      soci::use(kind), soci::use(collectivity.department_code), soci::use(communes),
      soci::use(required), soci::use(rounding), soci::use(declarations.deadline_day),
      soci::use(declarations.remittance), soci::use(declarations.stay_month_rule), soci::into(id);
  collectivity.id = CollectivityId(id);
  collectivity.version = 1;
  return collectivity;
}

Result<Collectivity> CollectivityRepository::Find(Transaction& tx, const CollectivityId& id) {
  auto found = SelectOne(tx, "id = :id::uuid", id.value());
  if (!found) return Fail(Error::NotFound("Cette collectivité n'existe pas."));
  return *found;
}

std::optional<Collectivity> CollectivityRepository::FindBySiren(Transaction& tx,
                                                                const std::string& siren) {
  return SelectOne(tx, "siren = :siren", siren);
}

Result<Collectivity> CollectivityRepository::Update(Transaction& tx,
                                                    const Collectivity& collectivity,
                                                    long long expected_version) {
  const std::string kind(CollectivityKindName(collectivity.kind));
  const std::string communes = CommunesToJson(collectivity.communes);
  const int required = collectivity.registration_number_required ? 1 : 0;
  const std::string rounding(rates::RoundingModeName(collectivity.rounding_mode));
  const DeclarationColumns declarations(collectivity.declarations);
  long long version = 0;
  soci::indicator found = soci::i_null;
  tx.session() << "UPDATE collectivities SET name = :name, siren = :siren, kind = :kind, "
                  "department_code = :department, communes = :communes::jsonb, "
                  "registration_number_required = :required::boolean, rounding_mode = :rounding, "
                  "declaration_deadline_day = :deadline, remittance_frequency = :remittance, "
                  "stay_month_rule = :stay_rule, version = version + 1, updated_at = now() "
                  "WHERE id = :id::uuid AND version = :expected RETURNING version",
      soci::use(collectivity.name), soci::use(collectivity.siren), soci::use(kind),
      soci::use(collectivity.department_code), soci::use(communes), soci::use(required),
      soci::use(rounding), soci::use(declarations.deadline_day), soci::use(declarations.remittance),
      soci::use(declarations.stay_month_rule), soci::use(collectivity.id.value()),
      soci::use(expected_version), soci::into(version, found);
  if (!tx.session().got_data()) {
    auto exists = Find(tx, collectivity.id);
    if (!exists) return Fail(exists.error());
    return Fail(Error::StaleVersion());
  }
  Collectivity updated = collectivity;
  updated.version = version;
  return updated;
}

Page<Collectivity> CollectivityRepository::List(Transaction& tx, const PageRequest& page) {
  DynamicQuery query;
  query.Bind("after", page.after_seq);
  return query.ReadPage<Collectivity>(
      tx,
      std::string("SELECT ") + kColumns +
          " FROM collectivities WHERE seq > :after ORDER BY seq LIMIT :limit",
      page, FromRow);
}

}  // namespace nuitee::persistence
