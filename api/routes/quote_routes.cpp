// POST /v1/collectivities/{id}/quotes: the public simulator. What a stay owes au réel (CGCT
// L. 2333-29 to L. 2333-31) under the collectivity's deliberations, with every step explained.
// One transaction of few queries: it is the busiest public route.
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

// Everything the engine needs, read in one transaction.
struct QuoteInputs {
  rates::Stay stay;
  std::vector<rates::CategoryFrom> categories;
  rates::RateBook book;
  rates::RoundingMode rounding = rates::RoundingMode::kPerLine;
};

// The commune and the category of each night: from the accommodation's classification history
// when the stay names one, else the category given, in a member commune.
Status ReadSubject(Transaction& tx, const Collectivity& collectivity, const QuoteRequest& request,
                   QuoteInputs& inputs) {
  if (request.accommodation_id) {
    auto accommodation =
        persistence::AccommodationRepository::Find(tx, collectivity.id, *request.accommodation_id);
    if (!accommodation) return Fail(accommodation.error());
    if (!inputs.stay.commune_insee.empty() &&
        inputs.stay.commune_insee != accommodation->commune_insee_code) {
      return Fail(Error::InvalidArgument(
          "/commune_insee", "L'hébergement se trouve dans la commune " +
                                accommodation->commune_insee_code + ", pas dans celle indiquée."));
    }
    inputs.stay.commune_insee = accommodation->commune_insee_code;
    const auto history =
        persistence::ClassificationRepository::ListFor(tx, collectivity.id, accommodation->id);
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

Result<QuoteInputs> Load(Transaction& tx, const CollectivityId& id, const QuoteRequest& request) {
  auto collectivity = persistence::CollectivityRepository::Find(tx, id);
  if (!collectivity) return Fail(collectivity.error());
  QuoteInputs inputs;
  inputs.stay = request.stay;
  inputs.rounding = collectivity->rounding_mode;
  if (auto subject = ReadSubject(tx, *collectivity, request, inputs); !subject) {
    return Fail(subject.error());
  }
  const Day last_night = AddDays(inputs.stay.arrival, std::max(inputs.stay.nights, 1) - 1);
  auto book = persistence::DeliberationRepository::LoadRateBook(
      tx, id, int(inputs.stay.arrival.year()), int(last_night.year()));
  if (!book) return Fail(book.error());
  inputs.book = std::move(*book);
  return inputs;
}

void Quote(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = QuoteRequestFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  auto inputs =
      services.database.InTransaction([&](Transaction& tx) { return Load(tx, *id, *request); });
  if (!inputs) return exchange.SendError(inputs.error());
  auto tax =
      rates::ComputeStayTax(inputs->stay, inputs->categories, inputs->book, inputs->rounding);
  if (!tax) return exchange.SendError(tax.error());
  exchange.SendJson(Code::Ok, QuoteToJson(inputs->stay, *tax, inputs->book));
}

}  // namespace

void RegisterQuoteRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities/{id}/quotes", [&services](Exchange& e) { Quote(e, services); });
}

}  // namespace nuitee::api
