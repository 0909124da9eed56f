// Taxations d'office (issue 6; CGCT L. 2333-38): the list of a collectivity, each month's
// revisions, the referent's adjustment (a new revision, with a reason when the amount departs from
// the formula), the issue (a new revision with the avis PDF, recoverable 30 days after
// notification) and the avis itself. A host reads its own issued assessments, never a proposal.
#include <nlohmann/json.hpp>

#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/enforcement_json.hpp"
#include "api/routes/assessment_notice.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/enforcement_event_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/office_assessment_repository.hpp"
#include "rates/french_format.hpp"

namespace nuitee::api {
namespace {

using persistence::OfficeAssessmentRepository;
using persistence::OfficeAssessmentRevision;
using persistence::Transaction;
using Pistache::Http::Code;

struct MonthTarget {
  CollectivityId tenant;
  std::string accommodation;
  Month month{};
};

std::optional<MonthTarget> ReadMonthTarget(Exchange& exchange) {
  auto tenant = exchange.Tenant();
  if (!tenant) {
    exchange.SendError(tenant.error());
    return std::nullopt;
  }
  auto id = PathId(exchange);
  if (!id) return std::nullopt;
  auto month = ParseIsoMonth(exchange.Param("month"));
  if (!month || month->year() < date::year{2000} || month->year() > date::year{2100}) {
    exchange.SendError(
        Error::NotFound("Aucune taxation d'office ne correspond à ce mois (AAAA-MM)."));
    return std::nullopt;
  }
  return MonthTarget{*tenant, *id, *month};
}

std::string MonthPath(const MonthTarget& target) {
  return "/v1/accommodations/" + target.accommodation + "/office-assessments/" +
         FormatIsoMonth(target.month);
}

// A host's own account or its manager: they see issued revisions only.
bool ReadsAsHost(const Exchange& exchange) {
  const auto& principal = exchange.principal();
  return principal && (principal->kind == UserKind::kHost || principal->kind == UserKind::kManager);
}

Error NoAssessment() {
  return Error::NotFound("Aucune taxation d'office n'a été proposée pour ce mois.");
}

nlohmann::json MonthJson(const MonthTarget& target,
                         const std::vector<OfficeAssessmentRevision>& revisions) {
  nlohmann::json all = nlohmann::json::array();
  for (const auto& revision : revisions) all.push_back(AssessmentRevisionToJson(revision));
  const auto& latest = revisions.back();
  return {{"accommodation_id", target.accommodation},
          {"month", FormatIsoMonth(target.month)},
          {"latest", AssessmentRevisionToJson(latest)},
          {"revisions", all},
          {"avis_url",
           latest.has_avis ? nlohmann::json(MonthPath(target) + "/avis") : nlohmann::json()}};
}

void List(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"status"});
  if (!query) return exchange.SendError(query.error());
  auto status = query->Get("status");
  if (status && *status != "proposed" && *status != "issued") {
    return exchange.SendError(
        Error::InvalidArgument("/query/status", "« status » vaut proposed ou issued."));
  }
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& each : OfficeAssessmentRepository::Latest(tx, *id, status)) {
      nlohmann::json item = AssessmentRevisionToJson(each.latest);
      item["accommodation_name"] = each.accommodation_name;
      item["host_name"] = each.host_name;
      items.push_back(std::move(item));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Read(Exchange& exchange, Services& services) {
  auto target = ReadMonthTarget(exchange);
  if (!target) return;
  const bool as_host = ReadsAsHost(exchange);
  auto read = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto revisions = OfficeAssessmentRepository::Revisions(tx, target->tenant,
                                                           target->accommodation, target->month);
    if (as_host) {
      std::erase_if(revisions, [](const auto& r) { return r.status != "issued"; });
    }
    if (revisions.empty()) return Fail(NoAssessment());
    return MonthJson(*target, revisions);
  });
  if (!read) return exchange.SendError(read.error());
  exchange.SendJson(Code::Ok, *read);
}

// The revisions of the month, its latest still open to change: 404 without any, 409 once issued.
Result<std::vector<OfficeAssessmentRevision>> OpenRevisions(Transaction& tx,
                                                            const MonthTarget& target) {
  OfficeAssessmentRepository::Lock(tx, target.accommodation, target.month);
  auto revisions =
      OfficeAssessmentRepository::Revisions(tx, target.tenant, target.accommodation, target.month);
  if (revisions.empty()) return Fail(NoAssessment());
  if (revisions.back().status == "issued") {
    return Fail(
        Error::FailedPrecondition("Cette taxation d'office a déjà été émise le " +
                                  rates::FormatFrenchDate(*revisions.back().notified_on) +
                                  " : elle ne peut plus être ni modifiée ni émise à nouveau."));
  }
  if (revisions.back().status != "proposed") {
    return Fail(Error::FailedPrecondition("Cette taxation d'office a été retirée."));
  }
  return revisions;
}

// The history's entry of an adjustment or an issue.
void RecordEvent(Transaction& tx, const MonthTarget& target,
                 const OfficeAssessmentRevision& revision, std::string kind, std::string text,
                 std::optional<Day> occurred_on) {
  persistence::EnforcementEvent event;
  event.collectivity_id = target.tenant;
  event.host_id = revision.host_id;
  event.accommodation_id = target.accommodation;
  event.month = target.month;
  event.kind = std::move(kind);
  event.text = std::move(text);
  event.occurred_on = occurred_on;
  event.recorded_by = revision.recorded_by;
  persistence::EnforcementEventRepository::Append(tx, event);
}

// The additional taxes as the referent sets them: each keeps the beneficiary and rate of the
// formula's line of the same label, when there is one.
nlohmann::json AdjustedAdditionalTaxes(
    const nlohmann::json& current, const std::vector<std::pair<std::string, long long>>& lines) {
  nlohmann::json adjusted = nlohmann::json::array();
  for (const auto& [label, cents] : lines) {
    nlohmann::json line = {
        {"beneficiary", nullptr}, {"label", label}, {"rate_bp", nullptr}, {"amount_cents", cents}};
    for (const auto& each : current) {
      if (each.value("label", std::string()) != label) continue;
      line["beneficiary"] = each.value("beneficiary", nlohmann::json());
      line["rate_bp"] = each.value("rate_bp", nlohmann::json());
    }
    adjusted.push_back(std::move(line));
  }
  return adjusted;
}

// The next revision after the referent's adjustment: 422 with every problem, nothing stored.
Result<OfficeAssessmentRevision> Adjusted(const OfficeAssessmentRevision& latest,
                                          const AdjustmentRequest& request,
                                          const std::string& actor) {
  if (!request.tax_cents && !request.additional_taxes && !request.total_cents) {
    return Fail(Error::InvalidArgument(
        "/tax_cents",
        "Indiquez le nouveau montant : « tax_cents », « additional_taxes » ou "
        "« total_cents »."));
  }
  OfficeAssessmentRevision next = latest;
  next.revision = latest.revision + 1;
  next.status = "proposed";
  next.reason = request.reason;
  next.recorded_by = actor;
  nlohmann::json additional = nlohmann::json::parse(latest.additional_taxes_json);
  if (request.additional_taxes) {
    additional = AdjustedAdditionalTaxes(additional, *request.additional_taxes);
  }
  long long additional_cents = 0;
  for (const auto& line : additional) additional_cents += line.value("amount_cents", 0LL);
  next.additional_taxes_json = additional.dump();
  next.additional = Money::Cents(additional_cents);
  if (request.tax_cents) next.tax = Money::Cents(*request.tax_cents);
  if (request.total_cents) {
    if (*request.total_cents < additional_cents) {
      return Fail(Error::RuleViolation(
          {{"/total_cents", "Le total ne peut pas être inférieur aux taxes additionnelles (" +
                                rates::FormatEuros(next.additional) +
                                ") : ajustez-les avec « additional_taxes »."}}));
    }
    next.tax = Money::Cents(*request.total_cents - additional_cents);
  }
  next.total = next.tax + next.additional;
  if (next.total != latest.computed_total && !next.reason) {
    return Fail(Error::RuleViolation(
        {{"/reason",
          "Un motif écrit est obligatoire quand le montant s'écarte du calcul de la "
          "taxation d'office (" +
              rates::FormatEuros(latest.computed_total) + ")."}}));
  }
  return next;
}

void Adjust(Exchange& exchange, Services& services) {
  auto target = ReadMonthTarget(exchange);
  if (!target) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = AdjustmentRequestFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto revisions = OpenRevisions(tx, *target);
    if (!revisions) return Fail(revisions.error());
    auto next = Adjusted(revisions->back(), *request, exchange.Actor());
    if (!next) return Fail(next.error());
    revisions->push_back(OfficeAssessmentRepository::Append(tx, *next));
    RecordEvent(tx, *target, revisions->back(), "assessment_adjusted",
                "Montant porté à " + rates::FormatEuros(next->total) +
                    (next->reason ? " : " + *next->reason : std::string()),
                services.today());
    return Reply{Code::Created, MonthJson(*target, *revisions), MonthPath(*target), std::nullopt};
  });
}

// 409 when the month was declared meanwhile or its mise en demeure has no recorded delivery.
Result<Day> CheckIssuable(Transaction& tx, const MonthTarget& target, Day notified_on) {
  if (OfficeAssessmentRepository::MonthDeclared(tx, target.accommodation, target.month)) {
    return Fail(Error::FailedPrecondition(
        "Ce mois a été déclaré entre-temps : la taxation d'office n'a plus lieu d'être émise."));
  }
  auto delivered =
      OfficeAssessmentRepository::NoticeDeliveredOn(tx, target.accommodation, target.month);
  if (!delivered) {
    return Fail(Error::FailedPrecondition(
        "La remise de la mise en demeure de ce mois n'est pas enregistrée : la taxation d'office "
        "ne peut pas être émise (CGCT L. 2333-38)."));
  }
  // The host had the 30 days that follow the delivery; the avis comes on the 31st at the earliest.
  const Day earliest = AddDays(*delivered, kDaysToRegularise + 1);
  if (notified_on < earliest) {
    return Fail(Error::RuleViolation(
        {{"/notified_on",
          "L'avis ne peut être notifié qu'après les 30 jours laissés par la mise "
          "en demeure remise le " +
              rates::FormatFrenchDate(*delivered) + ", soit à partir du " +
              rates::FormatFrenchDate(earliest) + "."}}));
  }
  return *delivered;
}

Result<std::string> AvisOf(Transaction& tx, const MonthTarget& target,
                           const OfficeAssessmentRevision& issued, Day delivered_on) {
  auto collectivity = persistence::CollectivityRepository::Find(tx, target.tenant);
  if (!collectivity) return Fail(collectivity.error());
  auto accommodation = persistence::AccommodationRepository::Find(
      tx, target.tenant, AccommodationId(target.accommodation));
  if (!accommodation) return Fail(accommodation.error());
  auto host = persistence::HostRepository::Find(tx, target.tenant, accommodation->host_id);
  if (!host) return Fail(host.error());
  const auto policy = persistence::EnforcementSettingsRepository::Latest(tx, target.tenant).policy;
  return RenderAvis({*collectivity, policy, *host, *accommodation, issued, delivered_on});
}

void Issue(Exchange& exchange, Services& services) {
  auto target = ReadMonthTarget(exchange);
  if (!target) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto notified_on = IssueRequestFromJson(*body);
  if (!notified_on) return exchange.SendError(notified_on.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto revisions = OpenRevisions(tx, *target);
    if (!revisions) return Fail(revisions.error());
    auto delivered = CheckIssuable(tx, *target, *notified_on);
    if (!delivered) return Fail(delivered.error());
    OfficeAssessmentRevision issued = revisions->back();
    issued.revision += 1;
    issued.status = "issued";
    issued.notified_on = *notified_on;
    issued.recoverable_from = RecoverableFrom(*notified_on);
    issued.recorded_by = exchange.Actor();
    auto pdf = AvisOf(tx, *target, issued, *delivered);
    if (!pdf) return Fail(pdf.error());
    issued.avis_pdf = std::move(*pdf);
    revisions->push_back(OfficeAssessmentRepository::Append(tx, issued));
    RecordEvent(tx, *target, revisions->back(), "assessment_issued",
                "Avis de taxation d'office de " + rates::FormatEuros(issued.total) +
                    " notifié le " + rates::FormatFrenchDate(*notified_on) +
                    ", recouvrable à partir du " +
                    rates::FormatFrenchDate(*issued.recoverable_from) + ".",
                *notified_on);
    return Reply{Code::Created, MonthJson(*target, *revisions), MonthPath(*target) + "/avis",
                 std::nullopt};
  });
}

void ReadAvis(Exchange& exchange, Services& services) {
  auto target = ReadMonthTarget(exchange);
  if (!target) return;
  auto pdf = services.database.InTransaction([&](Transaction& tx) -> Result<std::string> {
    auto avis =
        OfficeAssessmentRepository::Avis(tx, target->tenant, target->accommodation, target->month);
    if (!avis) {
      return Fail(Error::NotFound("Aucun avis de taxation d'office n'a été émis pour ce mois."));
    }
    return *avis;
  });
  if (!pdf) return exchange.SendError(pdf.error());
  exchange.AddHeader("Content-Disposition", "attachment; filename=\"avis-taxation-office-" +
                                                FormatIsoMonth(target->month) + ".pdf\"");
  exchange.SendText(Code::Ok, *pdf, "application/pdf");
}

}  // namespace

void RegisterOfficeAssessmentRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/office-assessments",
            [&services](Exchange& e) { List(e, services); });
  const std::string month = "/v1/accommodations/{id}/office-assessments/{month}";
  table.Get(month, [&services](Exchange& e) { Read(e, services); });
  table.Post(month + "/revisions", [&services](Exchange& e) { Adjust(e, services); });
  table.Post(month + "/issue", [&services](Exchange& e) { Issue(e, services); });
  table.Get(month + "/avis", [&services](Exchange& e) { ReadAvis(e, services); });
}

}  // namespace nuitee::api
