// /v1/collectivities/{id}/budget/{year}: a fiscal year's budget lines for the taxe de séjour
// (forecast revenue, additional taxes to pass on, the tourist office's allocation and schedule),
// kept as versions like the other settings: PUT appends the next version after If-Match, GET reads
// the one in force, /versions the history (who, when, what changed).
#include "api/http/json_body.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/money/budget.hpp"
#include "persistence/budget_repository.hpp"
#include "persistence/collectivity_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::BudgetRepository;
using persistence::StoredBudget;
using persistence::Transaction;
using Pistache::Http::Code;

constexpr long long kMaxCents = 100'000'000'000LL;  // 1 milliard d'euros: far above any budget

nlohmann::json LinesToJson(const BudgetLines& lines) {
  nlohmann::json beneficiaries = nlohmann::json::array();
  Money expected = Money::Zero();
  for (const auto& each : lines.beneficiaries) {
    beneficiaries.push_back({{"beneficiary", each.beneficiary},
                             {"label", each.label},
                             {"expected_cents", each.expected.cents()}});
    expected += each.expected;
  }
  nlohmann::json instalments = nlohmann::json::array();
  for (const auto& each : lines.instalments) {
    instalments.push_back({{"number", each.number},
                           {"due_on", FormatIsoDate(each.due_on)},
                           {"amount_cents", each.amount.cents()}});
  }
  return {{"stage", std::string(BudgetStageCode(lines.stage))},
          {"stage_label", std::string(BudgetStageLabel(lines.stage))},
          {"decision_reference", lines.decision_reference},
          {"decided_on", lines.decided_on ? nlohmann::json(FormatIsoDate(*lines.decided_on))
                                          : nlohmann::json()},
          {"forecast_tax_cents", lines.forecast_tax.cents()},
          {"beneficiaries", beneficiaries},
          {"expected_additional_cents", expected.cents()},
          {"tourist_office_cents", lines.tourist_office.cents()},
          {"instalments", instalments},
          {"note", lines.note}};
}

nlohmann::json StoredToJson(const StoredBudget& stored) {
  nlohmann::json out = LinesToJson(stored.lines);
  out["fiscal_year"] = stored.fiscal_year;
  out["version"] = stored.version;
  out["recorded_by"] = stored.recorded_by;
  out["recorded_at"] = stored.recorded_at;
  return out;
}

Result<BudgetLines> LinesFromJson(const nlohmann::json& body, int year) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  BudgetLines lines;
  if (auto stage = reader.String("stage", Presence::kRequired, 40)) {
    if (auto parsed = ParseBudgetStage(*stage)) {
      lines.stage = *parsed;
    } else {
      errors.Add("/stage",
                 "« stage » vaut budget_primitif, budget_supplementaire ou decision_modificative.");
    }
  }
  lines.decision_reference =
      reader.String("decision_reference", Presence::kOptional, 200).value_or("");
  lines.decided_on = reader.Date("decided_on", Presence::kOptional);
  if (auto cents = reader.Integer("forecast_tax_cents", Presence::kRequired, 0, kMaxCents)) {
    lines.forecast_tax = Money::Cents(*cents);
  }
  if (auto items = reader.ObjectArray("beneficiaries", Presence::kOptional, 20)) {
    for (auto& item : *items) {
      ExpectedBeneficiary each;
      each.beneficiary = item.String("beneficiary", Presence::kRequired, 100).value_or("");
      each.label = item.String("label", Presence::kOptional, 200).value_or("");
      if (each.label.empty()) each.label = BeneficiaryName(each.beneficiary);
      if (auto cents = item.Integer("expected_cents", Presence::kRequired, 0, kMaxCents)) {
        each.expected = Money::Cents(*cents);
      }
      item.RejectUnknownFields();
      lines.beneficiaries.push_back(std::move(each));
    }
  }
  if (auto cents = reader.Integer("tourist_office_cents", Presence::kRequired, 0, kMaxCents)) {
    lines.tourist_office = Money::Cents(*cents);
  }
  if (auto items = reader.ObjectArray("instalments", Presence::kOptional, 24)) {
    for (auto& item : *items) {
      Instalment each;
      each.number = static_cast<int>(item.Integer("number", Presence::kRequired, 1, 24).value_or(0));
      each.due_on = item.Date("due_on", Presence::kRequired).value_or(Day{});
      if (auto cents = item.Integer("amount_cents", Presence::kRequired, 1, kMaxCents)) {
        each.amount = Money::Cents(*cents);
      }
      item.RejectUnknownFields();
      lines.instalments.push_back(each);
    }
  }
  lines.note = reader.String("note", Presence::kOptional, 2000).value_or("");
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  if (auto valid = ValidateBudgetLines(lines, year); !valid) return Fail(valid.error());
  return lines;
}

std::optional<long long> VersionOf(const std::optional<StoredBudget>& stored) {
  if (!stored) return std::nullopt;
  return stored->version;
}

void ReadBudget(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto year = PathYear(exchange);
  if (!year) return;
  auto found = services.database.InTransaction([&](Transaction& tx) -> Result<StoredBudget> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    auto latest = BudgetRepository::Latest(tx, *id, *year);
    if (!latest) {
      return Fail(Error::NotFound("Aucun budget n'a été saisi pour l'exercice " +
                                  std::to_string(*year) + "."));
    }
    return *latest;
  });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, StoredToJson(*found), found->version);
}

// A PUT that changes nothing appends nothing; otherwise the next version, after If-Match.
void PutBudget(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto year = PathYear(exchange);
  if (!year) return;
  auto condition = OptionalIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto lines = LinesFromJson(*body, *year);
  if (!lines) return exchange.SendError(lines.error());
  bool created = false;
  auto recorded = services.database.InTransaction([&](Transaction& tx) -> Result<StoredBudget> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    const auto latest = BudgetRepository::Latest(tx, *id, *year);
    if (auto ready = CheckIfMatch(*condition, VersionOf(latest)); !ready) return Fail(ready.error());
    if (latest && latest->lines == *lines) return *latest;
    created = !latest;
    return BudgetRepository::Append(tx, *id, *year, *lines, exchange.Actor());
  });
  if (!recorded) return exchange.SendError(recorded.error());
  if (created) {
    return exchange.SendCreated("/v1/collectivities/" + id->value() + "/budget/" +
                                    std::to_string(*year),
                                StoredToJson(*recorded), recorded->version);
  }
  exchange.SendJson(Code::Ok, StoredToJson(*recorded), recorded->version);
}

void ReadVersions(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto year = PathYear(exchange);
  if (!year) return;
  auto versions =
      services.database.InTransaction([&](Transaction& tx) -> Result<std::vector<StoredBudget>> {
        auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
        if (!collectivity) return Fail(collectivity.error());
        return BudgetRepository::Versions(tx, *id, *year);
      });
  if (!versions) return exchange.SendError(versions.error());
  nlohmann::json items = nlohmann::json::array();
  const BudgetLines none;
  for (std::size_t i = 0; i < versions->size(); ++i) {
    const auto& stored = (*versions)[i];
    nlohmann::json item = StoredToJson(stored);
    nlohmann::json changes = nlohmann::json::array();
    if (i > 0) {
      for (auto& change : DescribeBudgetChanges((*versions)[i - 1].lines, stored.lines)) {
        changes.push_back(std::move(change));
      }
    } else {
      changes.push_back("Première saisie : " + std::string(BudgetStageLabel(stored.lines.stage)));
    }
    item["changes"] = changes;
    items.push_back(std::move(item));
  }
  exchange.SendJson(Code::Ok, {{"fiscal_year", *year}, {"items", items}});
}

}  // namespace

void RegisterBudgetRoutes(RouteTable& table, Services& services) {
  const std::string base = "/v1/collectivities/{id}/budget/{year}";
  table.Get(base, [&services](Exchange& e) { ReadBudget(e, services); });
  table.Put(base, [&services](Exchange& e) { PutBudget(e, services); });
  table.Get(base + "/versions", [&services](Exchange& e) { ReadVersions(e, services); });
}

}  // namespace nuitee::api
