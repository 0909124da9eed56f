// The referent's actions on the enforcement calendar's steps (issue 6): send a reminder now,
// cancel a step with a reason, the mises en demeure to print and send (and each one's PDF), and
// the delivery of a registered letter. Every action appends to the accommodation's history.
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/enforcement_step_repository.hpp"
#include "worker/remind_now.hpp"

namespace nuitee::api {
namespace {

using persistence::EnforcementStepRepository;
using persistence::StoredLetter;
using persistence::StoredStep;
using persistence::Transaction;
using Pistache::Http::Code;

nlohmann::json OrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json StepToJson(const StoredStep& step) {
  return {{"id", step.id},
          {"host_id", step.host_id},
          {"accommodation_id", step.accommodation_id},
          {"month", FormatIsoMonth(step.month)},
          {"kind", EnforcementStepName(step.kind)},
          {"due_on", FormatIsoDate(step.due_on)},
          {"taken_on", FormatIsoDate(step.taken_on)},
          {"created_by", step.created_by},
          {"mail_id", OrNull(step.mail_id)},
          {"letter_id", OrNull(step.letter_id)},
          {"delivered_on", step.delivered_on ? nlohmann::json(FormatIsoDate(*step.delivered_on))
                                             : nlohmann::json()},
          {"cancelled_at", OrNull(step.cancelled_at)},
          {"cancelled_by", OrNull(step.cancelled_by)},
          {"cancel_reason", OrNull(step.cancel_reason)}};
}

nlohmann::json LetterToJson(const StoredLetter& letter) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : letter.steps) steps.push_back(StepToJson(step));
  return {{"id", letter.id},
          {"host_id", letter.host_id},
          {"host_name", letter.host_name},
          {"kind", "formal_notice"},
          {"dated_on", FormatIsoDate(letter.dated_on)},
          {"created_at", letter.created_at},
          {"delivered", letter.Delivered()},
          {"delivered_on", letter.Delivered()
                               ? nlohmann::json(FormatIsoDate(*letter.steps.front().delivered_on))
                               : nlohmann::json()},
          {"pdf_url", "/v1/enforcement-letters/" + letter.id},
          {"steps", steps}};
}

// The tenant of routes whose path names a step or a letter: the caller's collectivity; another
// collectivity's step answers 404 like one that does not exist.
std::optional<CollectivityId> CallerTenant(Exchange& exchange) {
  auto tenant = exchange.Tenant();
  if (!tenant) {
    exchange.SendError(tenant.error());
    return std::nullopt;
  }
  return *tenant;
}

Error NotFound() { return Error::NotFound("Aucune ressource ne porte cet identifiant."); }

void RemindNow(Exchange& exchange, Services& services) {
  auto tenant = CallerTenant(exchange);
  if (!tenant) return;
  auto accommodation = PathId(exchange);
  if (!accommodation) return;
  auto month = ParseIsoMonth(exchange.Param("month"));
  if (!month) return exchange.SendError(NotFound());
  auto body = ReadOptionalJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  const worker::RemindNowRequest request{*tenant,          *accommodation,   *month,
                                         services.today(), exchange.Actor(), services.public_url};
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto step = worker::RemindNow(tx, request);
    if (!step) return Fail(step.error());
    return Reply{Code::Created, StepToJson(*step), {}, std::nullopt};
  });
  services.wake_mail_delivery();
}

void Cancel(Exchange& exchange, Services& services) {
  auto tenant = CallerTenant(exchange);
  if (!tenant) return;
  auto id = PathId(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  auto reason = reader.String("reason", Presence::kRequired, 2000);
  reader.RejectUnknownFields();
  if (reason && reason->find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.Add("/reason", "Indiquez la raison de l'annulation.");
  }
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto cancelled = EnforcementStepRepository::Cancel(tx, *tenant, *id, *reason, exchange.Actor());
    if (!cancelled) {
      if (!EnforcementStepRepository::Find(tx, *tenant, *id)) return Fail(NotFound());
      return Fail(Error::Conflict("Cette étape a déjà été annulée."));
    }
    EnforcementStepRepository::AppendEvents(tx, {cancelled->id}, "step_cancelled", *reason,
                                            exchange.Actor(), services.today());
    return Reply{Code::Ok, StepToJson(*cancelled), {}, std::nullopt};
  });
}

void ListLetters(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto query = QueryParameters::Read(exchange, {"delivered"});
  if (!query) return exchange.SendError(query.error());
  std::optional<bool> delivered;
  if (auto value = query->Get("delivered")) {
    if (*value != "true" && *value != "false") {
      return exchange.SendError(
          Error::InvalidArgument("/query/delivered", "« delivered » vaut « true » ou « false »."));
    }
    delivered = *value == "true";
  }
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& each : EnforcementStepRepository::Letters(tx, *tenant, delivered)) {
      items.push_back(LetterToJson(each));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void LetterPdf(Exchange& exchange, Services& services) {
  auto tenant = CallerTenant(exchange);
  if (!tenant) return;
  auto id = PathId(exchange);
  if (!id) return;
  auto pdf = services.database.InTransaction([&](Transaction& tx) -> Result<std::string> {
    auto bytes = EnforcementStepRepository::LetterPdf(tx, *tenant, *id);
    if (!bytes) return Fail(NotFound());
    return *bytes;
  });
  if (!pdf) return exchange.SendError(pdf.error());
  exchange.SendText(Code::Ok, *pdf, "application/pdf");
}

void RecordDelivery(Exchange& exchange, Services& services) {
  auto tenant = CallerTenant(exchange);
  if (!tenant) return;
  auto id = PathId(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  auto delivered_on = reader.Date("delivered_on", Presence::kRequired);
  reader.RejectUnknownFields();
  const Day today = services.today();
  if (delivered_on && *delivered_on > today) {
    errors.Add("/delivered_on", "La date de réception ne peut pas être dans le futur.");
  }
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto letter = EnforcementStepRepository::FindLetter(tx, *tenant, *id);
    if (!letter) return Fail(NotFound());
    if (*delivered_on < letter->dated_on) {
      return Fail(Error::InvalidArgument(
          "/delivered_on", "La date de réception ne peut pas précéder la date de la lettre (" +
                               FormatIsoDate(letter->dated_on) + ")."));
    }
    if (EnforcementStepRepository::RecordDelivery(tx, *id, *delivered_on, exchange.Actor()) == 0) {
      return Fail(Error::Conflict("La réception de cette lettre est déjà enregistrée."));
    }
    std::vector<std::string> steps;
    for (const auto& step : letter->steps) steps.push_back(step.id);
    EnforcementStepRepository::AppendEvents(
        tx, steps, "letter_delivered",
        "Mise en demeure reçue par l'hébergeur le " + FormatIsoDate(*delivered_on) + ".",
        exchange.Actor(), *delivered_on);
    return Reply{Code::Ok,
                 LetterToJson(*EnforcementStepRepository::FindLetter(tx, *tenant, *id)),
                 {},
                 std::nullopt};
  });
}

}  // namespace

void RegisterEnforcementStepRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/accommodations/{id}/enforcement/{month}/remind",
             [&services](Exchange& e) { RemindNow(e, services); });
  table.Post("/v1/enforcement-steps/{id}/cancel",
             [&services](Exchange& e) { Cancel(e, services); });
  table.Get("/v1/collectivities/{id}/enforcement-letters",
            [&services](Exchange& e) { ListLetters(e, services); });
  table.Get("/v1/enforcement-letters/{id}", [&services](Exchange& e) { LetterPdf(e, services); });
  table.Post("/v1/enforcement-letters/{id}/delivery",
             [&services](Exchange& e) { RecordDelivery(e, services); });
}

}  // namespace nuitee::api
