// POST /v1/collectivities/{id}/deliberations/delta: the collectivity's deliberations read from a
// DGFiP DELTA file (taxe-de-sejour.md §6), checked like a PUT, recorded all at once or not at all.
#include "api/json/deliberation_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "imports/delta_xml.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/deliberation_admission.hpp"

namespace nuitee::api {
namespace {

using persistence::AdmittedDeliberation;
using persistence::Transaction;
using Pistache::Http::Code;

constexpr std::size_t kMaxXmlBytes = 1 << 20;  // 1 MiB, like JSON bodies

// The XML body, or nullopt once 415 or 413 has been answered.
std::optional<std::string_view> ReadXmlBody(Exchange& exchange) {
  auto content_type = exchange.request().headers().tryGet<Pistache::Http::Header::ContentType>();
  const std::string media = content_type ? content_type->mime().toString() : std::string();
  const std::string essence = media.substr(0, media.find(';'));
  if (essence != "application/xml" && essence != "text/xml") {
    exchange.SendProblem({Code::Unsupported_Media_Type,
                          "unsupported-media-type",
                          "Type de contenu non pris en charge",
                          "Envoyez le fichier DELTA en application/xml ou text/xml.",
                          {},
                          {}});
    return std::nullopt;
  }
  const std::string& body = exchange.request().body();
  if (body.size() > kMaxXmlBytes) {
    exchange.SendProblem({Code::Request_Entity_Too_Large,
                          "payload-too-large",
                          "Requête trop volumineuse",
                          "Le fichier dépasse 1 Mio.",
                          {},
                          {}});
    return std::nullopt;
  }
  return std::string_view(body);
}

// The deliberations of the file adopted by `collectivity` (by SIREN), each with its place in the
// file; kRuleViolation when the file holds none of them.
Result<std::vector<persistence::DeliberationToAdmit>> OwnDeliberations(
    const Collectivity& collectivity, const std::vector<imports::DeltaDeliberation>& parsed) {
  std::vector<persistence::DeliberationToAdmit> own;
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    if (parsed[i].siren != collectivity.siren) continue;
    own.push_back({parsed[i].deliberation, "/deliberations/" + std::to_string(i),
                   "Ligne " + std::to_string(parsed[i].line) + " : "});
  }
  if (own.empty()) {
    return Fail(Error::RuleViolation(
        {{"", "Le fichier ne contient aucune délibération de la collectivité (SIREN " +
                  collectivity.siren + ")."}},
        "Aucune délibération de cette collectivité dans le fichier DELTA."));
  }
  return own;
}

nlohmann::json ImportedJson(const std::vector<AdmittedDeliberation>& admitted) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& each : admitted) {
    items.push_back({{"year", each.stored.deliberation.year},
                     {"version", each.stored.version},
                     {"created", each.created}});
  }
  return {{"items", items}};
}

void Import(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto xml = ReadXmlBody(exchange);
  if (!xml) return;
  auto parsed = imports::ParseDeltaXml(*xml);
  if (!parsed) {
    return exchange.SendError(
        Error::RuleViolation(parsed.error().field_errors,
                             "Le fichier DELTA n'a pas pu être lu : rien n'a été "
                             "enregistré."));
  }
  auto admitted = services.database.InTransaction(
      [&](Transaction& tx) -> Result<std::vector<AdmittedDeliberation>> {
        auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
        if (!collectivity) return Fail(collectivity.error());
        auto own = OwnDeliberations(*collectivity, *parsed);
        if (!own) return Fail(own.error());
        return persistence::AdmitDeliberations(tx, *collectivity, *own, exchange.Actor(),
                                               persistence::kSourceDelta,
                                               "Import d'un fichier DELTA");
      });
  if (!admitted) return exchange.SendError(admitted.error());
  services.rate_cache->Invalidate();
  exchange.SendJson(Code::Created, ImportedJson(*admitted));
}

}  // namespace

void RegisterDeliberationImportRoute(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities/{id}/deliberations/delta",
             [&services](Exchange& e) { Import(e, services); });
}

}  // namespace nuitee::api
