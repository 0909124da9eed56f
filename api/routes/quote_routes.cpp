// POST /v1/collectivities/{id}/quotes: the public simulator. What a stay owes au réel (CGCT
// L. 2333-29 to L. 2333-31) under the collectivity's deliberations, with every step explained.
// The busiest public route: the collectivity's settings and deliberations come from the rate
// cache (api/rate_cache.hpp), so a quote by category touches the database only on a cache miss.
#include "api/http/json_body.hpp"
#include "api/json/quote_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/classification.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/deliberation_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

// Deliberations of every year a stay may touch: the book is cached whole.
constexpr int kFirstBookYear = 2019;
constexpr int kLastBookYear = 2199;

// Everything the engine needs.
struct QuoteInputs {
  rates::Stay stay;
  std::vector<rates::CategoryFrom> categories;
  std::shared_ptr<const RateContext> context;
};

Result<std::shared_ptr<const RateContext>> LoadContext(Transaction& tx, const CollectivityId& id) {
  auto collectivity = persistence::CollectivityRepository::Find(tx, id);
  if (!collectivity) return Fail(collectivity.error());
  auto book = persistence::DeliberationRepository::LoadRateBook(tx, id, kFirstBookYear,
                                                                kLastBookYear);
  if (!book) return Fail(book.error());
  return std::make_shared<const RateContext>(RateContext{std::move(*collectivity), std::move(*book)});
}

Result<std::shared_ptr<const RateContext>> CachedContext(Services& services,
                                                         const CollectivityId& id) {
  if (auto cached = services.rate_cache->Find(id)) return cached;
  const std::uint64_t generation = services.rate_cache->Generation();
  auto loaded = services.database.InTransaction([&](Transaction& tx) { return LoadContext(tx, id); });
  if (!loaded) return loaded;
  services.rate_cache->Store(id, *loaded, generation);
  return loaded;
}

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
  return {};
}

Result<QuoteInputs> Load(Services& services, const CollectivityId& id,
                         const QuoteRequest& request) {
  auto context = CachedContext(services, id);
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
  auto tax = rates::ComputeStayTax(inputs->stay, inputs->categories, context.book,
                                   context.collectivity.rounding_mode);
  if (!tax) return exchange.SendError(tax.error());
  exchange.SendJson(Code::Ok, QuoteToJson(inputs->stay, *tax, context.book));
}

}  // namespace

void RegisterQuoteRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities/{id}/quotes", [&services](Exchange& e) { Quote(e, services); });
}

}  // namespace nuitee::api
