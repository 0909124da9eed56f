// GET /v1/collectivities/{id}/enforcement-dashboard: per month, and per commune within it, the
// accommodations expected to declare, declared on time or late, nil, missing (deadline passed) and
// awaited (deadline to come); the tax declared and the tax at stake in the missing months.
// Definitions: docs/decisions.md, "Enforcement".
#include <map>

#include "api/http/query.hpp"
#include "api/routes/non_declarers.hpp"
#include "api/routes/rate_context.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/declaration.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "persistence/worklist_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using persistence::WorklistRepository;
using Pistache::Http::Code;

struct Figures {
  long long declared = 0;
  long long on_time = 0;
  long long late = 0;
  long long nil = 0;
  long long missing = 0;
  long long awaited = 0;
  Money tax_declared = Money::Zero();
  Money tax_at_stake = Money::Zero();
  long long unpriced = 0;  // missing months the rates could not price

  void Add(const Figures& other) {
    declared += other.declared;
    on_time += other.on_time;
    late += other.late;
    nil += other.nil;
    missing += other.missing;
    awaited += other.awaited;
    tax_declared += other.tax_declared;
    tax_at_stake += other.tax_at_stake;
    unpriced += other.unpriced;
  }
};

nlohmann::json FiguresJson(const Figures& f) {
  return {{"expected", f.declared + f.missing + f.awaited},
          {"declared", f.declared},
          {"declared_on_time", f.on_time},
          {"declared_late", f.late},
          {"nil", f.nil},
          {"missing", f.missing},
          {"awaited", f.awaited},
          {"tax_declared_cents", f.tax_declared.cents()},
          {"tax_at_stake_cents", f.tax_at_stake.cents()},
          {"missing_not_priced", f.unpriced}};
}

// month -> commune -> figures
using Table = std::map<Month, std::map<std::string, Figures>>;

void AddDeclared(Table& table, const std::vector<persistence::DeclaredCount>& counts) {
  for (const auto& count : counts) {
    Figures& f = table[count.month][count.commune_insee_code];
    f.declared += count.declared;
    f.on_time += count.on_time;
    f.late += count.late;
    f.nil += count.nil;
    f.tax_declared += Money::Cents(count.tax_total_cents);
  }
}

void AddUndeclared(Table& table, const std::vector<persistence::UndeclaredMonth>& undeclared,
                   const CategoryPeriods& periods, const Collectivity& collectivity,
                   const rates::RateBook& book, Day today) {
  for (const auto& row : undeclared) {
    if (!HadToDeclare(row)) continue;
    Figures& f = table[row.month][row.commune_insee_code];
    if (DeclarationDueOn(row.month, collectivity.declarations) >= today) {
      ++f.awaited;
      continue;
    }
    ++f.missing;
    auto amount = AmountAtStake(row, periods, book);
    if (amount) {
      f.tax_at_stake += *amount;
    } else {
      ++f.unpriced;
    }
  }
}

nlohmann::json DashboardJson(const Table& table, const MonthRange& range,
                             const Collectivity& collectivity,
                             const std::optional<Month>& chased_from, Day today) {
  nlohmann::json months = nlohmann::json::array();
  for (Month month = range.from; month <= range.to; month += date::months{1}) {
    Figures total;
    nlohmann::json communes = nlohmann::json::array();
    if (auto found = table.find(month); found != table.end()) {
      for (const auto& [commune, figures] : found->second) {
        total.Add(figures);
        nlohmann::json item = FiguresJson(figures);
        item["commune_insee_code"] = commune;
        communes.push_back(std::move(item));
      }
    }
    nlohmann::json item = FiguresJson(total);
    item["month"] = FormatIsoMonth(month);
    item["due_on"] = FormatIsoDate(DeclarationDueOn(month, collectivity.declarations));
    item["chased"] = chased_from.has_value() && month >= *chased_from;
    item["communes"] = std::move(communes);
    months.push_back(std::move(item));
  }
  return {{"from", FormatIsoMonth(range.from)},
          {"to", FormatIsoMonth(range.to)},
          {"as_of", FormatIsoDate(today)},
          {"months", months}};
}

void Read(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"from", "to"});
  if (!query) return exchange.SendError(query.error());
  const Day today = services.today();
  auto range = query->MonthPeriod(today);
  if (!range) return exchange.SendError(range.error());
  auto context = CachedRateContext(services, *id);
  if (!context) return exchange.SendError(context.error());
  std::optional<Month> chased_from;
  auto table = services.database.InTransaction([&](Transaction& tx) -> Result<Table> {
    chased_from = persistence::EnforcementSettingsRepository::Latest(tx, *id).policy.chased_from;
    Table figures;
    AddDeclared(figures, WorklistRepository::DeclaredCounts(tx, *id, range->from, range->to));
    AddUndeclared(figures,
                  WorklistRepository::UndeclaredMonths(tx, *id, range->from, range->to, {}, today),
                  WorklistRepository::CategoryPeriods(tx, *id), (*context)->collectivity,
                  (*context)->book, today);
    return figures;
  });
  if (!table) return exchange.SendError(table.error());
  exchange.SendJson(Code::Ok,
                    DashboardJson(*table, *range, (*context)->collectivity, chased_from, today));
}

}  // namespace

void RegisterEnforcementDashboardRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/enforcement-dashboard",
            [&services](Exchange& e) { Read(e, services); });
}

}  // namespace nuitee::api
