// What a referent records in the enforcement procedure (issue 6), each with its entry in the
// history (enforcement_events): notes and calls about an accommodation, holds on a host, and
// hosts' yearly sworn statements; and the history itself.
#include "api/http/json_body.hpp"
#include "api/json/enforcement_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/enforcement_event_repository.hpp"
#include "persistence/enforcement_hold_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/sworn_statement_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::EnforcementEvent;
using persistence::EnforcementEventRepository;
using persistence::EnforcementHoldRepository;
using persistence::SwornStatementRepository;
using persistence::Transaction;
using Pistache::Http::Code;

// The tenant and the record id of the path; answers itself when either is unusable.
struct PathRecord {
  CollectivityId tenant;
  std::string id;
};
std::optional<PathRecord> ReadPathRecord(Exchange& exchange) {
  auto tenant = exchange.Tenant();
  if (!tenant) {
    exchange.SendError(tenant.error());
    return std::nullopt;
  }
  auto id = PathId(exchange);
  if (!id) return std::nullopt;
  return PathRecord{*tenant, *id};
}

// A host-wide event (holds, sworn statements).
EnforcementEvent HostEvent(const PathRecord& host, std::string kind, std::string text,
                           std::optional<Day> occurred_on, const std::string& actor) {
  EnforcementEvent event;
  event.collectivity_id = host.tenant;
  event.host_id = HostId(host.id);
  event.kind = std::move(kind);
  event.text = std::move(text);
  event.occurred_on = occurred_on;
  event.recorded_by = actor;
  return event;
}

std::string EventsPath(const std::string& accommodation) {
  return "/v1/accommodations/" + accommodation + "/enforcement-events";
}

void RecordNote(Exchange& exchange, Services& services) {
  auto path = ReadPathRecord(exchange);
  if (!path) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto note = NoteRequestFromJson(*body);
  if (!note) return exchange.SendError(note.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto accommodation =
        persistence::AccommodationRepository::Find(tx, path->tenant, AccommodationId(path->id));
    if (!accommodation) return Fail(accommodation.error());
    EnforcementEvent event;
    event.collectivity_id = path->tenant;
    event.host_id = accommodation->host_id;
    event.accommodation_id = path->id;
    event.month = note->month;
    event.kind = note->kind;
    event.text = note->text;
    event.occurred_on = note->occurred_on.value_or(services.today());
    event.recorded_by = exchange.Actor();
    const EnforcementEvent saved = EnforcementEventRepository::Append(tx, event);
    return Reply{Code::Created, EnforcementEventToJson(saved), EventsPath(path->id), std::nullopt};
  });
}

void ListEvents(Exchange& exchange, Services& services) {
  auto path = ReadPathRecord(exchange);
  if (!path) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto accommodation =
        persistence::AccommodationRepository::Find(tx, path->tenant, AccommodationId(path->id));
    if (!accommodation) return Fail(accommodation.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& event : EnforcementEventRepository::OfAccommodation(tx, path->tenant, path->id,
                                                                         accommodation->host_id)) {
      items.push_back(EnforcementEventToJson(event));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

std::string HoldsPath(const std::string& host) {
  return "/v1/hosts/" + host + "/enforcement-holds";
}

void PlaceHold(Exchange& exchange, Services& services) {
  auto path = ReadPathRecord(exchange);
  if (!path) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto reason = ReasonFromJson(*body);
  if (!reason) return exchange.SendError(reason.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto host = persistence::HostRepository::Find(tx, path->tenant, HostId(path->id));
    if (!host) return Fail(host.error());
    auto hold =
        EnforcementHoldRepository::Place(tx, path->tenant, host->id, *reason, exchange.Actor());
    if (!hold) return Fail(hold.error());
    EnforcementEventRepository::Append(
        tx, HostEvent(*path, "hold_placed", *reason, services.today(), exchange.Actor()));
    return Reply{Code::Created, EnforcementHoldToJson(*hold), HoldsPath(path->id), std::nullopt};
  });
}

void ReleaseHold(Exchange& exchange, Services& services) {
  auto path = ReadPathRecord(exchange);
  if (!path) return;
  auto hold_id = PathId(exchange, "hold_id");
  if (!hold_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto reason = ReasonFromJson(*body);
  if (!reason) return exchange.SendError(reason.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto host = persistence::HostRepository::Find(tx, path->tenant, HostId(path->id));
    if (!host) return Fail(host.error());
    auto hold =
        EnforcementHoldRepository::Release(tx, host->id, *hold_id, *reason, exchange.Actor());
    if (!hold) return Fail(hold.error());
    EnforcementEventRepository::Append(
        tx, HostEvent(*path, "hold_released", *reason, services.today(), exchange.Actor()));
    return Reply{Code::Ok, EnforcementHoldToJson(*hold), "", std::nullopt};
  });
}

// GET of a host's records of one kind: {"items": [...]}, 404 for a host outside the tenant.
template <typename ListOfHost, typename ToJson>
void SendHostItems(Exchange& exchange, Services& services, ListOfHost list, ToJson to_json) {
  auto path = ReadPathRecord(exchange);
  if (!path) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto host = persistence::HostRepository::Find(tx, path->tenant, HostId(path->id));
    if (!host) return Fail(host.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& each : list(tx, host->id)) items.push_back(to_json(each));
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void ListHolds(Exchange& exchange, Services& services) {
  SendHostItems(exchange, services, EnforcementHoldRepository::OfHost,
                [](const auto& hold) { return EnforcementHoldToJson(hold); });
}

void RecordSwornStatement(Exchange& exchange, Services& services) {
  auto path = ReadPathRecord(exchange);
  if (!path) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = SwornStatementRequestFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto host = persistence::HostRepository::Find(tx, path->tenant, HostId(path->id));
    if (!host) return Fail(host.error());
    auto statement = SwornStatementRepository::Record(tx, path->tenant, host->id, request->year,
                                                      request->filed_on, exchange.Actor());
    if (!statement) return Fail(statement.error());
    EnforcementEventRepository::Append(
        tx, HostEvent(*path, "sworn_statement_filed",
                      "Déclaration sur l'honneur " + std::to_string(request->year) +
                          " : hébergements commercialisés uniquement par des plateformes qui "
                          "collectent la taxe.",
                      request->filed_on, exchange.Actor()));
    return Reply{Code::Created, SwornStatementToJson(*statement),
                 "/v1/hosts/" + path->id + "/sworn-statements", std::nullopt};
  });
}

void ListSwornStatements(Exchange& exchange, Services& services) {
  SendHostItems(exchange, services, SwornStatementRepository::OfHost,
                [](const auto& statement) { return SwornStatementToJson(statement); });
}

}  // namespace

void RegisterEnforcementActionRoutes(RouteTable& table, Services& services) {
  const std::string events = "/v1/accommodations/{id}/enforcement-events";
  table.Post(events, [&services](Exchange& e) { RecordNote(e, services); });
  table.Get(events, [&services](Exchange& e) { ListEvents(e, services); });
  const std::string holds = "/v1/hosts/{id}/enforcement-holds";
  table.Post(holds, [&services](Exchange& e) { PlaceHold(e, services); });
  table.Get(holds, [&services](Exchange& e) { ListHolds(e, services); });
  table.Post(holds + "/{hold_id}/release", [&services](Exchange& e) { ReleaseHold(e, services); });
  const std::string sworn = "/v1/hosts/{id}/sworn-statements";
  table.Post(sworn, [&services](Exchange& e) { RecordSwornStatement(e, services); });
  table.Get(sworn, [&services](Exchange& e) { ListSwornStatements(e, services); });
}

}  // namespace nuitee::api
