// /v1/collectivities/{id}/enforcement-settings (the calendar's delays, the first month chased and
// the letterhead, kept as versions) and /v1/collectivities/{id}/non-declarers (the referent's
// worklist, JSON or CSV).
#include <algorithm>

#include "api/http/csv.hpp"
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/enforcement_json.hpp"
#include "api/routes/non_declarers.hpp"
#include "api/routes/rate_context.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "persistence/worklist_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::EnforcementSettingsRepository;
using persistence::StoredEnforcementPolicy;
using persistence::Transaction;
using Pistache::Http::Code;

std::optional<long long> VersionOf(const StoredEnforcementPolicy& stored) {
  if (stored.version == 0) return std::nullopt;
  return stored.version;
}

void ReadSettings(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto found =
      services.database.InTransaction([&](Transaction& tx) -> Result<StoredEnforcementPolicy> {
        auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
        if (!collectivity) return Fail(collectivity.error());
        return EnforcementSettingsRepository::Latest(tx, *id);
      });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, EnforcementSettingsToJson(*found), VersionOf(*found));
}

// A PUT that changes nothing appends nothing; otherwise the next version, after If-Match.
void PutSettings(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto condition = OptionalIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto policy = EnforcementSettingsFromJson(*body);
  if (!policy) return exchange.SendError(policy.error());
  auto recorded =
      services.database.InTransaction([&](Transaction& tx) -> Result<StoredEnforcementPolicy> {
        auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
        if (!collectivity) return Fail(collectivity.error());
        const StoredEnforcementPolicy latest = EnforcementSettingsRepository::Latest(tx, *id);
        if (auto ready = CheckIfMatch(*condition, VersionOf(latest)); !ready)
          return Fail(ready.error());
        if (latest.version > 0 && latest.policy == *policy) return latest;
        return EnforcementSettingsRepository::Append(tx, *id, *policy, exchange.Actor());
      });
  if (!recorded) return exchange.SendError(recorded.error());
  exchange.SendJson(Code::Ok, EnforcementSettingsToJson(*recorded), VersionOf(*recorded));
}

struct WorklistRequest {
  persistence::WorklistFilter register_filter;
  WorklistFilters filters;
  persistence::PageRequest page;
  bool csv = false;
};

Result<WorklistRequest> ReadWorklistRequest(const Exchange& exchange) {
  auto query = QueryParameters::Read(
      exchange, WithPagination({"period", "step", "commune", "nature", "format"}));
  if (!query) return Fail(query.error());
  WorklistRequest request;
  auto page = query->Page();
  if (!page) return Fail(page.error());
  request.page = *page;
  if (auto period = query->Get("period")) {
    request.filters.period = ParseIsoMonth(*period);
    if (!request.filters.period) {
      return Fail(Error::InvalidArgument("/query/period", "« period » est un mois AAAA-MM."));
    }
  }
  if (auto step = query->Get("step")) {
    if (*step != "none" && !ParseEnforcementStep(*step)) {
      return Fail(
          Error::InvalidArgument("/query/step",
                                 "« step » vaut none, invitation, first_reminder, second_reminder, "
                                 "formal_notice ou assessment."));
    }
    request.filters.step = *step;
  }
  request.register_filter.commune_insee_code = query->Get("commune");
  request.register_filter.nature = query->Get("nature");
  const auto format = query->Get("format");
  if (format && *format != "csv" && *format != "json") {
    return Fail(Error::InvalidArgument("/query/format", "« format » vaut json ou csv."));
  }
  const auto accept = exchange.Header("Accept");
  request.csv = format ? *format == "csv" : accept && accept->find("text/csv") != std::string::npos;
  return request;
}

Result<Worklist> LoadWorklist(Services& services, const CollectivityId& id,
                              const WorklistRequest& request, Day today,
                              EnforcementPolicy& policy) {
  auto context = CachedRateContext(services, id);
  if (!context) return Fail(context.error());
  return services.database.InTransaction([&](Transaction& tx) -> Result<Worklist> {
    policy = EnforcementSettingsRepository::Latest(tx, id).policy;
    const auto range = ChasedRange(policy, today);
    if (!range) return Worklist{};
    using persistence::WorklistRepository;
    const auto undeclared = WorklistRepository::UndeclaredMonths(
        tx, id, range->first, range->second, request.register_filter, today);
    const auto steps = WorklistRepository::TakenSteps(tx, id, range->first, range->second);
    const auto periods = WorklistRepository::CategoryPeriods(tx, id);
    return BuildWorklist(undeclared, steps, periods, (*context)->collectivity, policy,
                         (*context)->book, today, request.filters);
  });
}

nlohmann::json MonthJson(const WorklistMonth& month) {
  return {{"month", FormatIsoMonth(month.month)},
          {"due_on", FormatIsoDate(month.due_on)},
          {"current_step", month.current ? TakenStepToJson(*month.current) : nlohmann::json()},
          {"next_step", month.next ? NextStepToJson(*month.next) : nlohmann::json()},
          {"amount_at_stake_cents",
           month.at_stake ? nlohmann::json(month.at_stake->cents()) : nlohmann::json()},
          {"amount_problem",
           month.at_stake ? nlohmann::json() : nlohmann::json(month.at_stake_problem)}};
}

nlohmann::json EntryJson(const WorklistEntry& entry) {
  const auto& facts = entry.facts;
  nlohmann::json months = nlohmann::json::array();
  for (const auto& month : entry.months) months.push_back(MonthJson(month));
  return {{"accommodation",
           {{"id", facts.accommodation_id},
            {"name", facts.accommodation_name},
            {"commune_insee_code", facts.commune_insee_code},
            {"nature", facts.nature},
            {"capacity_persons", facts.capacity_persons}}},
          {"host",
           {{"id", facts.host_id},
            {"name", facts.host_name},
            {"email", facts.host_email ? nlohmann::json(*facts.host_email) : nlohmann::json()},
            {"on_hold", facts.on_hold}}},
          {"months", months},
          {"amount_at_stake_cents", entry.at_stake.cents()}};
}

nlohmann::json WorklistJson(const Worklist& worklist, const EnforcementPolicy& policy, Day today,
                            const persistence::PageRequest& page) {
  // Pages by accommodation, in register order (the cursor is the last one's position).
  nlohmann::json items = nlohmann::json::array();
  std::optional<long long> next_after;
  long long last_seq = page.after_seq;
  for (const auto& entry : worklist.entries) {
    if (entry.facts.accommodation_seq <= page.after_seq) continue;
    if (static_cast<int>(items.size()) == page.limit) {
      next_after = last_seq;
      break;
    }
    items.push_back(EntryJson(entry));
    last_seq = entry.facts.accommodation_seq;
  }
  const std::string next = NextCursor(next_after);
  return {{"as_of", FormatIsoDate(today)},
          {"chased_from", policy.chased_from ? nlohmann::json(FormatIsoMonth(*policy.chased_from))
                                             : nlohmann::json()},
          {"totals",
           {{"accommodations", worklist.entries.size()},
            {"months", worklist.months},
            {"amount_at_stake_cents", worklist.at_stake.cents()}}},
          {"items", items},
          {"next_cursor", next.empty() ? nlohmann::json() : nlohmann::json(next)}};
}

std::string WorklistCsv(const Worklist& worklist) {
  std::string csv =
      "Hébergement;Identifiant de l'hébergement;Commune (INSEE);Nature;Capacité;Hébergeur;"
      "Courriel;Suspendu;Mois;Date limite;Étape en cours;Prochaine étape;Date de la prochaine "
      "étape;Montant en jeu (€)\n";
  for (const auto& entry : worklist.entries) {
    const auto& f = entry.facts;
    for (const auto& month : entry.months) {
      std::vector<std::string> cells = {
          CsvCell(f.accommodation_name),
          f.accommodation_id,
          CsvCell(f.commune_insee_code),
          CsvCell(f.nature),
          std::to_string(f.capacity_persons),
          CsvCell(f.host_name),
          CsvCell(f.host_email.value_or("")),
          f.on_hold ? "oui" : "non",
          FormatIsoMonth(month.month),
          FormatIsoDate(month.due_on),
          month.current ? std::string(EnforcementStepName(month.current->kind)) : "",
          month.next ? std::string(EnforcementStepName(month.next->kind)) : "",
          month.next ? FormatIsoDate(month.next->due_on) : "",
          month.at_stake ? DecimalComma(*month.at_stake) : ""};
      std::string line;
      for (const auto& cell : cells) line += cell + ";";
      line.back() = '\n';
      csv += line;
    }
  }
  return csv;
}

void ReadWorklist(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto request = ReadWorklistRequest(exchange);
  if (!request) return exchange.SendError(request.error());
  const Day today = services.today();
  EnforcementPolicy policy;
  auto worklist = LoadWorklist(services, *id, *request, today, policy);
  if (!worklist) return exchange.SendError(worklist.error());
  if (request->csv) {
    exchange.AddHeader("Content-Disposition",
                       "attachment; filename=\"non-declarants-" + FormatIsoDate(today) + ".csv\"");
    return exchange.SendText(Code::Ok, WorklistCsv(*worklist), "text/csv; charset=utf-8");
  }
  exchange.SendJson(Code::Ok, WorklistJson(*worklist, policy, today, request->page));
}

}  // namespace

void RegisterEnforcementRoutes(RouteTable& table, Services& services) {
  const std::string base = "/v1/collectivities/{id}";
  table.Get(base + "/enforcement-settings",
            [&services](Exchange& e) { ReadSettings(e, services); });
  table.Put(base + "/enforcement-settings", [&services](Exchange& e) { PutSettings(e, services); });
  table.Get(base + "/non-declarers", [&services](Exchange& e) { ReadWorklist(e, services); });
}

}  // namespace nuitee::api
