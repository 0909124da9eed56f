// POST /v1/collectivities/{id}/quotes: the public simulator. What a stay owes au réel (CGCT
// L. 2333-29 to L. 2333-31) under the collectivity's deliberations, with every step explained.
// The busiest public route: the collectivity's settings and deliberations come from the rate
// cache (api/rate_cache.hpp), so a quote by category touches the database only on a cache miss.
#include "api/http/json_body.hpp"
#include "api/json/quote_json.hpp"
#include "api/routes/rate_context.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/classification.hpp"
#include "domain/nature.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "rates/regime.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

// Everything the engine needs.
struct QuoteInputs {
  rates::Stay stay;
  std::vector<rates::CategoryFrom> categories;
  std::shared_ptr<const RateContext> context;
  std::optional<Nature> nature;  // when known: the accommodation's, or the one the body gave
  const char* nature_field = "/nature";
};

// The commune and the category of each night: from the accommodation's classification history
// when the stay names one, else the category given, in a member commune.
// `tx` is only used (and required) when the request names an accommodation.
Status ReadSubject(Transaction* tx, const Collectivity& collectivity, const QuoteRequest& request,
                   QuoteInputs& inputs) {
  if (request.accommodation_id) {
    auto accommodation = persistence::AccommodationRepository::Find(*tx, collectivity.id,
                                                                    *request.accommodation_id);
    if (!accommodation) return Fail(accommodation.error());
    if (!inputs.stay.commune_insee.empty() &&
        inputs.stay.commune_insee != accommodation->commune_insee_code) {
      return Fail(Error::InvalidArgument(
          "/commune_insee", "L'hébergement se trouve dans la commune " +
                                accommodation->commune_insee_code + ", pas dans celle indiquée."));
    }
    inputs.stay.commune_insee = accommodation->commune_insee_code;
    inputs.nature = accommodation->nature;
    inputs.nature_field = "/accommodation_id";
    const auto history =
        persistence::ClassificationRepository::ListFor(*tx, collectivity.id, accommodation->id);
    inputs.categories =
        CategoryTimeline(accommodation->nature, history, inputs.stay.arrival, inputs.stay.nights);
    return {};
  }
  if (collectivity.FindCommune(inputs.stay.commune_insee) == nullptr) {
    return Fail(
        Error::InvalidArgument("/commune_insee", "La commune " + inputs.stay.commune_insee +
                                                     " n'est pas membre de la collectivité « " +
                                                     collectivity.name + " »."));
  }
  inputs.categories = {{inputs.stay.arrival, *request.category}};
  if (request.nature) inputs.nature = ParseNature(*request.nature);
  return {};
}

Result<QuoteInputs> Load(Services& services, const CollectivityId& id,
                         const QuoteRequest& request) {
  auto context = CachedRateContext(services, id);
  if (!context) return Fail(context.error());
  QuoteInputs inputs;
  inputs.stay = request.stay;
  inputs.context = *context;
  const Collectivity& collectivity = inputs.context->collectivity;
  if (!request.accommodation_id) {
    if (auto subject = ReadSubject(nullptr, collectivity, request, inputs); !subject) {
      return Fail(subject.error());
    }
    return inputs;
  }
  // The accommodation and its classifications are read fresh: they are not cached.
  auto subject = services.database.InTransaction(
      [&](Transaction& tx) { return ReadSubject(&tx, collectivity, request, inputs); });
  if (!subject) return Fail(subject.error());
  return inputs;
}

// L. 2333-26 II: a nature the deliberation puts under the forfait has no tax per stay (a
// classified one: unclassified lodging is always au réel, LF 2020 art. 112).
std::optional<Error> ForfaitRefusal(const QuoteInputs& inputs, const rates::RateBook& book) {
  if (!inputs.nature) return std::nullopt;
  const auto year = rates::ForfaitYearOf(inputs.stay, inputs.categories,
                                         NatureName(*inputs.nature), book);
  if (!year) return std::nullopt;
  return Error::RuleViolation(
      {{inputs.nature_field, rates::ForfaitRefusal(NatureLabel(*inputs.nature), *year)}},
      "Ce séjour relève de la taxe de séjour forfaitaire : utilisez le simulateur de taxe "
      "forfaitaire.");
}

void Quote(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = QuoteRequestFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  auto inputs = Load(services, *id, *request);
  if (!inputs) return exchange.SendError(inputs.error());
  const RateContext& context = *inputs->context;
  if (auto refusal = ForfaitRefusal(*inputs, context.book)) return exchange.SendError(*refusal);
  auto tax = rates::ComputeStayTax(inputs->stay, inputs->categories, context.book,
                                   context.collectivity.rounding_mode);
  if (!tax) return exchange.SendError(tax.error());
  exchange.SendJson(Code::Ok, QuoteToJson(inputs->stay, *tax, context.book));
}

// GET /v1/collectivities/{id}/simulator: what the public simulator's page needs before a quote,
// for someone with no login: the collectivity's name and its member communes (a quote by
// category names one). Both are public facts (the deliberation that lists them is a public act);
// nothing else of the collectivity is shown. Read from the same rate cache as the quotes.
void SimulatorSetting(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto context = CachedRateContext(services, *id);
  if (!context) return exchange.SendError(context.error());
  const Collectivity& collectivity = (*context)->collectivity;
  nlohmann::json communes = nlohmann::json::array();
  for (const auto& commune : collectivity.communes) {
    communes.push_back({{"insee_code", commune.insee_code}, {"name", commune.name}});
  }
  exchange.SendJson(Code::Ok, {{"id", collectivity.id.value()},
                               {"name", collectivity.name},
                               {"communes", communes}});
}

}  // namespace

void RegisterQuoteRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities/{id}/quotes", [&services](Exchange& e) { Quote(e, services); });
  table.Get("/v1/collectivities/{id}/simulator",
            [&services](Exchange& e) { SimulatorSetting(e, services); });
}

}  // namespace nuitee::api
