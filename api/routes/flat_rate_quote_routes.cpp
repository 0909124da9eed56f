// POST /v1/collectivities/{id}/flat-rate-quotes: the public forfait simulator. What a host under
// the taxe de séjour forfaitaire owes for a year (CGCT L. 2333-40 to L. 2333-47): capacity ×
// tariff × nights open × (1 − abatement), plus the additional taxes, with every step explained.
#include "api/http/json_body.hpp"
#include "api/json/flat_rate_quote_json.hpp"
#include "api/routes/rate_context.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "rates/regime.hpp"

namespace nuitee::api {
namespace {

using Pistache::Http::Code;

// A nature the deliberation leaves au réel has a tax per stay, not a forfait (L. 2333-26 II).
std::optional<Error> RegimeRefusal(const FlatRateQuoteRequest& request,
                                   const rates::RateBook& book) {
  if (!request.nature) return std::nullopt;
  const auto* versioned = book.DeliberationFor(request.input.year);
  if (versioned == nullptr) return std::nullopt;  // the engine says there is no deliberation
  if (rates::IsUnderForfait(versioned->deliberation, NatureName(*request.nature),
                            request.input.category)) {
    return std::nullopt;
  }
  return Error::RuleViolation(
      {{"/nature", "En " + std::to_string(request.input.year) +
                       ", la délibération taxe les hébergements de type « " +
                       std::string(NatureLabel(*request.nature)) +
                       " » de cette catégorie au réel : la taxe se calcule séjour par séjour "
                       "(simulateur /quotes)."}},
      "Cet hébergement n'est pas soumis à la taxe de séjour forfaitaire.");
}

void FlatRateQuote(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = FlatRateQuoteRequestFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  auto context = CachedRateContext(services, *id);
  if (!context) return exchange.SendError(context.error());
  const Collectivity& collectivity = (*context)->collectivity;
  if (collectivity.FindCommune(request->input.commune_insee) == nullptr) {
    return exchange.SendError(Error::InvalidArgument(
        "/commune_insee", "La commune " + request->input.commune_insee +
                              " n'est pas membre de la collectivité « " + collectivity.name +
                              " »."));
  }
  const rates::RateBook& book = (*context)->book;
  if (auto refusal = RegimeRefusal(*request, book)) return exchange.SendError(*refusal);
  auto tax = rates::ComputeFlatRateTax(request->input, book);
  if (!tax) return exchange.SendError(tax.error());
  exchange.SendJson(Code::Ok, FlatRateQuoteToJson(request->input, *tax));
}

}  // namespace

void RegisterFlatRateQuoteRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities/{id}/flat-rate-quotes",
             [&services](Exchange& e) { FlatRateQuote(e, services); });
}

}  // namespace nuitee::api
