// GET /v1/collectivities/{id}/audit: the write audit of a collectivity for its admins, filtered
// by principal, dates, route, method, target and host, paginated like every list.
#include <algorithm>

#include "api/http/identifiers.hpp"
#include "api/http/query.hpp"
#include "api/json/write_audit_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/write_audit.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

std::optional<std::string> Lowercase(std::optional<std::string> text) {
  if (text)
    std::transform(text->begin(), text->end(), text->begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
  return text;
}

Result<persistence::WriteAuditFilter> FilterFrom(const QueryParameters& query) {
  persistence::WriteAuditFilter filter;
  filter.principal = Lowercase(query.Get("principal"));
  for (const char* name : {"from", "to"}) {
    auto day = query.DateParameter(name);
    if (!day) return Fail(day.error());
    if (*day) (std::string(name) == "from" ? filter.from : filter.to) = FormatIsoDate(**day);
  }
  filter.route = query.Get("route");
  if (auto method = query.Get("method")) {
    std::string upper = *method;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    if (upper != "POST" && upper != "PUT" && upper != "PATCH" && upper != "DELETE") {
      return Fail(Error::InvalidArgument(
          "/query/method", "« method » vaut « POST », « PUT », « PATCH » ou « DELETE »."));
    }
    filter.method = upper;
  }
  filter.target_kind = query.Get("target_kind");
  filter.target_id = query.Get("target_id");
  filter.on_behalf_of = query.Get("on_behalf_of");
  if (filter.on_behalf_of && !IsUuid(*filter.on_behalf_of)) {
    return Fail(Error::InvalidArgument("/query/on_behalf_of",
                                       "« on_behalf_of » doit être l'identifiant d'un hébergeur."));
  }
  return filter;
}

void List(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto query =
      QueryParameters::Read(exchange, WithPagination({"principal", "from", "to", "route", "method",
                                                      "target_kind", "target_id", "on_behalf_of"}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  auto filter = FilterFrom(*query);
  if (!filter) return exchange.SendError(filter.error());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *tenant);
    if (!collectivity) return Fail(collectivity.error());
    return PageJson(persistence::WriteAuditRepository::List(tx, tenant->value(), *filter, *page),
                    WriteAuditRowToJson);
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

}  // namespace

void RegisterAuditRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/audit", [&services](Exchange& e) { List(e, services); });
}

}  // namespace nuitee::api
