// /v1/legal-grid/{year}: the law's floors and ceilings of a year (CGCT L. 2333-30). The grid
// shipped with the code is readable as is; an administrator loads the official DGCL barème, which
// then wins for every validation and computation of that year.
#include "api/http/json_body.hpp"
#include "api/json/legal_grid_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/legal_grid_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::LegalGridRepository;
using persistence::LoadedGrid;
using persistence::Transaction;
using Pistache::Http::Code;

std::string GridPath(int year) { return "/v1/legal-grid/" + std::to_string(year); }

void Read(Exchange& exchange, Services& services) {
  auto year = PathYear(exchange);
  if (!year) return;
  auto answer = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    if (auto loaded = LegalGridRepository::Latest(tx, *year)) return LoadedLegalGridToJson(*loaded);
    if (const auto* shipped = rates::ShippedLegalGrid(*year))
      return ShippedLegalGridToJson(*shipped);
    return Fail(Error::NotFound("Aucun barème légal n'est connu pour " + std::to_string(*year) +
                                " : chargez le barème officiel de la DGCL."));
  });
  if (!answer) return exchange.SendError(answer.error());
  exchange.SendJson(Code::Ok, *answer);
}

struct Loaded {
  LoadedGrid grid;
  bool created = false;  // a new version was stored
};

void Load(Exchange& exchange, Services& services) {
  auto year = PathYear(exchange);
  if (!year) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto input = LegalGridFromJson(*body, *year);
  if (!input) return exchange.SendError(input.error());
  if (auto violations = LegalGridViolations(input->grid); !violations.empty()) {
    return exchange.SendError(Error::RuleViolation(
        violations, "Ce barème n'est pas cohérent : corrigez les lignes signalées."));
  }
  auto saved = services.database.InTransaction([&](Transaction& tx) -> Result<Loaded> {
    auto latest = LegalGridRepository::Latest(tx, *year);
    // Loading the same barème twice records nothing new.
    if (latest && latest->grid == input->grid && latest->source == input->source) {
      return Loaded{*latest, false};
    }
    return Loaded{LegalGridRepository::Append(tx, input->grid, input->source, exchange.Actor()),
                  true};
  });
  if (!saved) return exchange.SendError(saved.error());
  if (saved->created) services.rate_cache->Invalidate();
  const nlohmann::json json = LoadedLegalGridToJson(saved->grid);
  if (saved->created && saved->grid.version == 1) {
    return exchange.SendCreated(GridPath(*year), json, saved->grid.version);
  }
  exchange.SendJson(Code::Ok, json, saved->grid.version);
}

}  // namespace

void RegisterLegalGridRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/legal-grid/{year}", [&services](Exchange& e) { Read(e, services); });
  table.Put("/v1/legal-grid/{year}", [&services](Exchange& e) { Load(e, services); });
}

}  // namespace nuitee::api
