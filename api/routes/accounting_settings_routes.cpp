// GET/PUT /v1/collectivities/{id}/accounting-settings: the nomenclature (M14 or M57) and the
// account numbers the accounting export prints, kept as versions (migration 0017). Numbers that
// docs/ledger.md marks UNCONFIRMED are answered with "confirmed": false until the collectivity
// sets them itself.
#include "api/http/json_body.hpp"
#include "api/routes/finance_routes.hpp"
#include "api/routes/route_support.hpp"
#include "domain/money/accounting_chart.hpp"
#include "persistence/accounting_settings_repository.hpp"
#include "persistence/collectivity_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::AccountingSettingsRepository;
using persistence::StoredAccountingSettings;
using persistence::Transaction;
using Pistache::Http::Code;

constexpr LedgerAccount kAccounts[] = {
    LedgerAccount::kHostReceivable,      LedgerAccount::kTaxRevenue,
    LedgerAccount::kAdditionalTaxPayable, LedgerAccount::kLateInterestRevenue,
    LedgerAccount::kPlatformReceivable,  LedgerAccount::kTreasury,
    LedgerAccount::kSuspense,            LedgerAccount::kTouristOffice};

std::optional<long long> VersionOf(const StoredAccountingSettings& stored) {
  if (stored.version == 0) return std::nullopt;
  return stored.version;
}

nlohmann::json SettingsJson(const StoredAccountingSettings& stored) {
  nlohmann::json accounts = nlohmann::json::array();
  for (LedgerAccount account : kAccounts) {
    const AccountNumber number = NumberOf(stored.chart, account);
    accounts.push_back({{"account", LedgerAccountCode(account)},
                        {"number", number.number},
                        {"chapter", number.chapter},
                        {"label", number.label},
                        {"confirmed", number.confirmed},
                        {"set_by_collectivity", stored.chart.overrides.count(account) > 0}});
  }
  return {{"version", stored.version},
          {"nomenclature", NomenclatureCode(stored.chart.nomenclature)},
          {"accounts", accounts},
          {"recorded_by", stored.version ? nlohmann::json(stored.recorded_by) : nlohmann::json()},
          {"recorded_at", stored.version ? nlohmann::json(stored.recorded_at) : nlohmann::json()}};
}

Result<AccountingChart> ChartFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  AccountingChart chart;
  if (auto code = reader.String("nomenclature", Presence::kRequired, 3)) {
    if (auto nomenclature = ParseNomenclature(*code)) {
      chart.nomenclature = *nomenclature;
    } else {
      errors.Add("/nomenclature", "La nomenclature vaut M14 ou M57.");
    }
  }
  reader.Object("account_numbers", Presence::kOptional);
  reader.RejectUnknownFields();
  if (body.contains("account_numbers") && body["account_numbers"].is_object()) {
    for (const auto& [code, value] : body["account_numbers"].items()) {
      const std::string pointer = "/account_numbers/" + code;
      const auto account = ParseLedgerAccount(code);
      if (!account) {
        errors.Add(pointer, "Compte inconnu du grand livre (voir docs/ledger.md).");
        continue;
      }
      if (!value.is_object()) {
        errors.Add(pointer, "Attendu : un objet {\"number\", \"chapter\", \"label\"}.");
        continue;
      }
      JsonReader each(value, pointer, errors);
      AccountNumber number;
      number.number = each.String("number", Presence::kRequired, 10).value_or("");
      number.chapter = each.String("chapter", Presence::kOptional, 4).value_or("");
      number.label = each.String("label", Presence::kOptional, 200).value_or("");
      each.RejectUnknownFields();
      if (!number.number.empty()) {
        if (auto valid = CheckAccountNumber(number, pointer); !valid) errors.Append(valid.error());
      }
      chart.overrides[*account] = number;
    }
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return chart;
}

void Read(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto found =
      services.database.InTransaction([&](Transaction& tx) -> Result<StoredAccountingSettings> {
        auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
        if (!collectivity) return Fail(collectivity.error());
        return AccountingSettingsRepository::Latest(tx, *id);
      });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, SettingsJson(*found), VersionOf(*found));
}

// A PUT that changes nothing appends nothing; otherwise the next version, after If-Match.
void Put(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto condition = OptionalIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto chart = ChartFromJson(*body);
  if (!chart) return exchange.SendError(chart.error());
  auto recorded =
      services.database.InTransaction([&](Transaction& tx) -> Result<StoredAccountingSettings> {
        auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
        if (!collectivity) return Fail(collectivity.error());
        const StoredAccountingSettings latest = AccountingSettingsRepository::Latest(tx, *id);
        if (auto ready = CheckIfMatch(*condition, VersionOf(latest)); !ready) {
          return Fail(ready.error());
        }
        if (latest.version > 0 && latest.chart == *chart) return latest;
        return AccountingSettingsRepository::Append(tx, *id, *chart, exchange.Actor());
      });
  if (!recorded) return exchange.SendError(recorded.error());
  exchange.SendJson(Code::Ok, SettingsJson(*recorded), VersionOf(*recorded));
}

}  // namespace

void RegisterAccountingSettingsRoutes(RouteTable& table, Services& services) {
  const std::string path = "/v1/collectivities/{id}/accounting-settings";
  table.Get(path, [&services](Exchange& e) { Read(e, services); });
  table.Put(path, [&services](Exchange& e) { Put(e, services); });
}

}  // namespace nuitee::api
