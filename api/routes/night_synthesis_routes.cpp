// GET /v1/collectivities/{id}/nights: the synthesis of nights (synthèse des nuitées) over the
// latest revision of every declared month, grouped by month, commune, category, nature and/or
// collector; JSON, or CSV with `Accept: text/csv` (semicolon-separated, as French spreadsheets
// expect).
#include <algorithm>
#include <sstream>

#include "api/http/query.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/night_synthesis_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::NightDimension;
using persistence::NightSynthesisRow;
using persistence::Transaction;
using Pistache::Http::Code;

struct DimensionName {
  NightDimension dimension;
  const char* name;
};
constexpr DimensionName kDimensions[] = {{NightDimension::kMonth, "month"},
                                         {NightDimension::kCommune, "commune"},
                                         {NightDimension::kCategory, "category"},
                                         {NightDimension::kNature, "nature"},
                                         {NightDimension::kCollector, "collector"}};

const char* NameOf(NightDimension dimension) {
  for (const auto& each : kDimensions) {
    if (each.dimension == dimension) return each.name;
  }
  return "month";
}

// "month,commune" → the dimensions in that order; default "month".
Result<std::vector<NightDimension>> ReadGroupBy(const QueryParameters& query) {
  const std::string text = query.Get("group_by").value_or("month");
  std::vector<NightDimension> dimensions;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    bool known = false;
    for (const auto& each : kDimensions) {
      if (item != each.name) continue;
      known = true;
      if (std::find(dimensions.begin(), dimensions.end(), each.dimension) == dimensions.end()) {
        dimensions.push_back(each.dimension);
      }
    }
    if (!known) {
      return Fail(Error::InvalidArgument("/query/group_by",
                                         "« " + item +
                                             " » n'est pas un regroupement possible : month, "
                                             "commune, category, nature, collector."));
    }
  }
  return dimensions;
}

std::string DimensionValue(const NightSynthesisRow& row, NightDimension dimension) {
  switch (dimension) {
    case NightDimension::kMonth:
      return FormatIsoMonth(*row.month);
    case NightDimension::kCommune:
      return *row.commune_insee_code;
    case NightDimension::kCategory:
      return *row.category;
    case NightDimension::kNature:
      return *row.nature;
    case NightDimension::kCollector:
      return *row.collector;
  }
  return {};
}

// The figures of a group, in the order of the CSV's columns.
std::vector<std::pair<const char*, long long>> Figures(const NightSynthesisRow& row) {
  return {{"stays", row.stays},
          {"nights", row.nights},
          {"person_nights", row.person_nights},
          {"taxable_person_nights", row.taxable_person_nights},
          {"exempt_minors_person_nights", row.exempt_minors_person_nights},
          {"exempt_seasonal_workers_person_nights", row.exempt_seasonal_workers_person_nights},
          {"exempt_emergency_housing_person_nights", row.exempt_emergency_housing_person_nights},
          {"exempt_low_rent_person_nights", row.exempt_low_rent_person_nights},
          {"tax_cents", row.tax.cents()},
          {"additional_cents", row.additional.cents()},
          {"total_cents", row.total.cents()}};
}

nlohmann::json ToJson(const std::vector<NightSynthesisRow>& rows,
                      const std::vector<NightDimension>& group_by, const MonthRange& range) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : rows) {
    nlohmann::json item = nlohmann::json::object();
    for (NightDimension dimension : group_by)
      item[NameOf(dimension)] = DimensionValue(row, dimension);
    for (const auto& [name, value] : Figures(row)) item[name] = value;
    items.push_back(std::move(item));
  }
  nlohmann::json dimensions = nlohmann::json::array();
  for (NightDimension dimension : group_by) dimensions.push_back(NameOf(dimension));
  return {{"from", FormatIsoMonth(range.from)},
          {"to", FormatIsoMonth(range.to)},
          {"group_by", dimensions},
          {"items", items}};
}

std::string ToCsv(const std::vector<NightSynthesisRow>& rows,
                  const std::vector<NightDimension>& group_by) {
  std::string csv;
  const NightSynthesisRow header_source;
  std::string header;
  for (NightDimension dimension : group_by) header += std::string(NameOf(dimension)) + ";";
  for (const auto& [name, value] : Figures(header_source)) header += std::string(name) + ";";
  header.back() = '\n';
  csv += header;
  for (const auto& row : rows) {
    std::string line;
    // Dimension values are codes (digits, letters, '_' and '-'): nothing to quote.
    for (NightDimension dimension : group_by) line += DimensionValue(row, dimension) + ";";
    for (const auto& [name, value] : Figures(row)) line += std::to_string(value) + ";";
    line.back() = '\n';
    csv += line;
  }
  return csv;
}

bool WantsCsv(const Exchange& exchange) {
  auto accept = exchange.Header("Accept");
  return accept && accept->find("text/csv") != std::string::npos;
}

void Read(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto query = QueryParameters::Read(exchange, {"from", "to", "group_by"});
  if (!query) return exchange.SendError(query.error());
  auto range = query->MonthPeriod(services.today());
  if (!range) return exchange.SendError(range.error());
  auto group_by = ReadGroupBy(*query);
  if (!group_by) return exchange.SendError(group_by.error());
  auto rows = services.database.InTransaction(
      [&](Transaction& tx) -> Result<std::vector<NightSynthesisRow>> {
        auto collectivity = persistence::CollectivityRepository::Find(tx, *tenant);
        if (!collectivity) return Fail(collectivity.error());
        return persistence::NightSynthesisRepository::Synthesis(tx, *tenant, range->from, range->to,
                                                                *group_by);
      });
  if (!rows) return exchange.SendError(rows.error());
  if (WantsCsv(exchange)) {
    exchange.AddHeader("Content-Disposition", "attachment; filename=\"nuitees-" +
                                                  FormatIsoMonth(range->from) + "-" +
                                                  FormatIsoMonth(range->to) + ".csv\"");
    return exchange.SendText(Code::Ok, ToCsv(*rows, *group_by), "text/csv; charset=utf-8");
  }
  exchange.SendJson(Code::Ok, ToJson(*rows, *group_by, *range));
}

}  // namespace

void RegisterNightSynthesisRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/nights", [&services](Exchange& e) { Read(e, services); });
}

}  // namespace nuitee::api
