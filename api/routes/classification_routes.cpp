// /v1/accommodations/{id}/classifications (history, record a decision) and
// /v1/accommodations/{id}/category?on=YYYY-MM-DD (the tariff category on a day).
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/accommodation_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/classification_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::ClassificationRepository;
using persistence::Transaction;
using Pistache::Http::Code;

struct Target {
  CollectivityId tenant;
  AccommodationId id;
};

// The tenant and the accommodation id, or nullopt once an error has been answered.
std::optional<Target> ReadTarget(Exchange& exchange) {
  auto tenant = exchange.Tenant();
  if (!tenant) {
    exchange.SendError(tenant.error());
    return std::nullopt;
  }
  auto id = PathId(exchange);
  if (!id) return std::nullopt;
  return Target{*tenant, AccommodationId(*id)};
}

void List(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange);
  if (!target) return;
  const Day today = services.today();
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto accommodation = persistence::AccommodationRepository::Find(tx, target->tenant, target->id);
    if (!accommodation) return Fail(accommodation.error());
    nlohmann::json items = nlohmann::json::array();
    const auto history = ClassificationRepository::ListFor(tx, target->tenant, target->id);
    const Classification* in_force = ClassificationOn(history, today);
    for (const auto& each : history) {
      items.push_back(ClassificationToJson(each, accommodation->nature, today, in_force));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Create(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange);
  if (!target) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  const Day today = services.today();
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto accommodation = persistence::AccommodationRepository::Find(
        tx, target->tenant, target->id, persistence::AccommodationRepository::Lock::kForUpdate);
    if (!accommodation) return Fail(accommodation.error());
    auto classification = ClassificationFromJson(*body, accommodation->nature);
    if (!classification) return Fail(classification.error());
    classification->accommodation_id = target->id;
    const auto category = ClassifiedCategory(accommodation->nature, classification->rank);
    auto inserted = ClassificationRepository::Insert(tx, target->tenant, *classification, category,
                                                     exchange.Actor());
    if (!inserted) return Fail(inserted.error());
    const long long version = persistence::AccommodationRepository::BumpVersion(tx, target->id);
    auto history = ClassificationRepository::ListFor(tx, target->tenant, target->id);
    auto json = ClassificationToJson(*inserted, accommodation->nature, today,
                                     ClassificationOn(history, today));
    nlohmann::json recorded = json;
    recorded.erase("in_force");
    AuditChange(tx, target->tenant, EntityKind::kAccommodation, target->id.value(), version,
                "classified", exchange.Actor(), nlohmann::json{{"classification", nullptr}},
                nlohmann::json{{"classification", recorded}});
    return Reply{Code::Created, std::move(json), {}, std::nullopt};
  });
}

void CategoryOnDay(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange);
  if (!target) return;
  auto query = QueryParameters::Read(exchange, {"on"});
  if (!query) return exchange.SendError(query.error());
  auto on = query->DateParameter("on");
  if (!on) return exchange.SendError(on.error());
  const Day day = on->value_or(services.today());
  auto answer = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto accommodation = persistence::AccommodationRepository::Find(tx, target->tenant, target->id);
    if (!accommodation) return Fail(accommodation.error());
    auto history = ClassificationRepository::ListFor(tx, target->tenant, target->id);
    const Classification* in_force = ClassificationOn(history, day);
    const auto category = CategoryOn(accommodation->nature, history, day);
    return nlohmann::json{
        {"accommodation_id", target->id.value()},
        {"on", FormatIsoDate(day)},
        {"category", rates::CategoryName(category)},
        {"legal_row", rates::LegalRow(category)},
        {"classification",
         in_force ? ClassificationToJson(*in_force, accommodation->nature, day, in_force)
                  : nlohmann::json()}};
  });
  if (!answer) return exchange.SendError(answer.error());
  exchange.SendJson(Code::Ok, *answer);
}

}  // namespace

void RegisterClassificationRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/accommodations/{id}/classifications",
            [&services](Exchange& e) { List(e, services); });
  table.Post("/v1/accommodations/{id}/classifications",
             [&services](Exchange& e) { Create(e, services); });
  table.Get("/v1/accommodations/{id}/category",
            [&services](Exchange& e) { CategoryOnDay(e, services); });
}

}  // namespace nuitee::api
