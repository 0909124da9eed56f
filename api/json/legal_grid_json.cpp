// Legal grid <-> JSON.
#include "api/json/legal_grid_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

constexpr long long kMaxCents = 1'000'000'000;

nlohmann::json GridJson(const rates::LegalGrid& grid) {
  nlohmann::json rows = nlohmann::json::object();
  for (const auto& row : grid.rows) {
    rows[std::string(rates::CategoryName(row.category))] = {
        {"floor_cents", row.floor.cents()},
        {"ceiling_cents", row.ceiling.cents()},
        {"provenance", rates::ProvenanceName(row.provenance)},
        {"source", row.source}};
  }
  return {{"year", grid.year},
          {"rows", rows},
          {"unclassified",
           {{"min_rate_bp", grid.unclassified_min.value},
            {"max_rate_bp", grid.unclassified_max.value}}}};
}

void ReadRows(JsonReader& rows, rates::LegalGrid& grid) {
  for (auto category : rates::kAllCategories) {
    if (category == rates::Category::kUnclassified) continue;
    auto& row = grid.rows[rates::LegalRow(category) - 1];
    row.category = category;
    row.provenance = rates::Provenance::kLoaded;
    auto read = rows.Object(rates::CategoryName(category), Presence::kRequired);
    if (!read) continue;
    row.floor = Money::Cents(
        read->Integer("floor_cents", Presence::kRequired, -kMaxCents, kMaxCents).value_or(0));
    row.ceiling = Money::Cents(
        read->Integer("ceiling_cents", Presence::kRequired, -kMaxCents, kMaxCents).value_or(0));
    read->RejectUnknownFields();
  }
  rows.RejectUnknownFields();
}

}  // namespace

Result<LegalGridInput> LegalGridFromJson(const nlohmann::json& body, int year) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  LegalGridInput input;
  input.grid.year = year;
  input.source = reader.String("source", Presence::kRequired, 1000).value_or("");
  if (auto rows = reader.Object("rows", Presence::kRequired)) ReadRows(*rows, input.grid);
  if (auto unclassified = reader.Object("unclassified", Presence::kOptional)) {
    input.grid.unclassified_min = {static_cast<std::int32_t>(
        unclassified->Integer("min_rate_bp", Presence::kRequired, 0, 10000).value_or(100))};
    input.grid.unclassified_max = {static_cast<std::int32_t>(
        unclassified->Integer("max_rate_bp", Presence::kRequired, 0, 10000).value_or(500))};
    unclassified->RejectUnknownFields();
  }
  reader.RejectUnknownFields();
  for (auto& row : input.grid.rows) row.source = input.source;
  if (!errors.empty()) return Fail(errors.ToError());
  return input;
}

std::vector<FieldError> LegalGridViolations(const rates::LegalGrid& grid) {
  std::vector<FieldError> violations = rates::ValidateLegalGrid(grid).errors();
  for (auto& each : violations) {
    if (each.field == "/year") each.field = "";
    if (each.field == "/unclassified_min_bp") each.field = "/unclassified/min_rate_bp";
    if (each.field == "/unclassified_max_bp") each.field = "/unclassified/max_rate_bp";
  }
  return violations;
}

nlohmann::json ShippedLegalGridToJson(const rates::LegalGrid& grid) {
  nlohmann::json json = GridJson(grid);
  json["version"] = 0;
  json["source"] = nullptr;
  json["loaded_by"] = nullptr;
  json["loaded_at"] = nullptr;
  return json;
}

nlohmann::json LoadedLegalGridToJson(const persistence::LoadedGrid& loaded) {
  nlohmann::json json = GridJson(loaded.grid);
  json["version"] = loaded.version;
  json["source"] = loaded.source;
  json["loaded_by"] = loaded.loaded_by;
  json["loaded_at"] = loaded.loaded_at;
  return json;
}

}  // namespace nuitee::api
