#include "persistence/accounting_settings_repository.hpp"

#include <nlohmann/json.hpp>

#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

nlohmann::json OverridesJson(const AccountingChart& chart) {
  nlohmann::json overrides = nlohmann::json::object();
  for (const auto& [account, number] : chart.overrides) {
    overrides[std::string(LedgerAccountCode(account))] = {
        {"number", number.number}, {"chapter", number.chapter}, {"label", number.label}};
  }
  return overrides;
}

AccountingChart ChartOf(const std::string& nomenclature, const std::string& overrides) {
  AccountingChart chart;
  chart.nomenclature = ParseNomenclature(nomenclature).value_or(Nomenclature::kM57);
  const nlohmann::json parsed = nlohmann::json::parse(overrides);  // outlives the loop
  for (const auto& [code, each] : parsed.items()) {
    const auto account = ParseLedgerAccount(code);
    if (!account) continue;
    chart.overrides[*account] = {each.value("number", std::string()),
                                 each.value("chapter", std::string()),
                                 each.value("label", std::string()), true};
  }
  return chart;
}

StoredAccountingSettings FromRow(const soci::row& row) {
  StoredAccountingSettings stored;
  stored.version = GetLong(row, "version");
  stored.chart = ChartOf(GetString(row, "nomenclature"), GetString(row, "account_numbers"));
  stored.recorded_by = GetString(row, "recorded_by");
  stored.recorded_at = GetString(row, "recorded_at");
  return stored;
}

constexpr const char* kColumns =
    "version::bigint AS version, nomenclature, account_numbers::text AS account_numbers, "
    "recorded_by, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
    "AS recorded_at";

}  // namespace

StoredAccountingSettings AccountingSettingsRepository::Latest(Transaction& tx,
                                                              const CollectivityId& collectivity) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM accounting_settings WHERE collectivity_id = :c::uuid"
                                   " ORDER BY version DESC LIMIT 1",
       soci::use(collectivity.value()));
  for (const auto& row : rows) return FromRow(row);
  return StoredAccountingSettings{};
}

StoredAccountingSettings AccountingSettingsRepository::Append(Transaction& tx,
                                                              const CollectivityId& collectivity,
                                                              const AccountingChart& chart,
                                                              const std::string& actor) {
  LockRegisterAppends(tx, "accounting-settings:" + collectivity.value());
  const std::string nomenclature(NomenclatureCode(chart.nomenclature));
  const std::string overrides = OverridesJson(chart).dump();
  soci::row row;
  tx.session() << std::string(
                      "INSERT INTO accounting_settings (collectivity_id, version, nomenclature,"
                      " account_numbers, recorded_by)"
                      " SELECT :c::uuid, coalesce(max(version), 0) + 1, :n, :o::jsonb, :by"
                      " FROM accounting_settings WHERE collectivity_id = :c2::uuid RETURNING ") +
                      kColumns,
      soci::use(collectivity.value()), soci::use(nomenclature), soci::use(overrides),
      soci::use(actor), soci::use(collectivity.value()), soci::into(row);
  return FromRow(row);
}

}  // namespace nuitee::persistence
