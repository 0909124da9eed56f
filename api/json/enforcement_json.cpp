// The enforcement procedure to and from JSON.
#include "api/json/enforcement_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

template <class T>
nlohmann::json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json DayOrNull(const std::optional<Day>& day) {
  return day ? nlohmann::json(FormatIsoDate(*day)) : nlohmann::json();
}

nlohmann::json MonthOrNull(const std::optional<Month>& month) {
  return month ? nlohmann::json(FormatIsoMonth(*month)) : nlohmann::json();
}

// A "YYYY-MM" member, or null when absent; an error on the field otherwise.
std::optional<Month> ReadMonth(JsonReader& reader, std::string_view key, bool& present) {
  present = false;
  auto text = reader.String(key, Presence::kOptional, 7);
  if (!text) return std::nullopt;
  present = true;
  auto month = ParseIsoMonth(*text);
  if (!month || month->year() < date::year{2000} || month->year() > date::year{2100}) {
    reader.errors().Add(reader.PointerTo(key), "Un mois au format AAAA-MM est attendu.");
    return std::nullopt;
  }
  return month;
}

}  // namespace

nlohmann::json EnforcementSettingsToJson(const persistence::StoredEnforcementPolicy& stored) {
  const EnforcementPolicy& policy = stored.policy;
  const bool recorded = stored.version > 0;
  return {{"chased_from", MonthOrNull(policy.chased_from)},
          {"second_reminder_after_days", policy.delays.second_reminder_after_days},
          {"formal_notice_after_days", policy.delays.formal_notice_after_days},
          {"letter_sender", policy.letter_sender},
          {"letter_address", policy.letter_address},
          {"letter_signatory", policy.letter_signatory},
          {"letter_contact", policy.letter_contact},
          {"version", stored.version},
          {"recorded_by", recorded ? nlohmann::json(stored.recorded_by) : nlohmann::json()},
          {"recorded_at", recorded ? nlohmann::json(stored.recorded_at) : nlohmann::json()}};
}

Result<EnforcementPolicy> EnforcementSettingsFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  EnforcementPolicy policy;
  bool has_month = false;
  policy.chased_from = ReadMonth(reader, "chased_from", has_month);
  if (!body.contains("chased_from")) {
    errors.Add("/chased_from",
               "Indiquez le premier mois relancé (AAAA-MM), ou null pour ne relancer aucun mois.");
  }
  auto second = reader.Integer("second_reminder_after_days", Presence::kRequired, 1, 90);
  auto notice = reader.Integer("formal_notice_after_days", Presence::kRequired, 1, 90);
  policy.letter_sender = reader.String("letter_sender", Presence::kOptional, 300).value_or("");
  policy.letter_address = reader.String("letter_address", Presence::kOptional, 1000).value_or("");
  policy.letter_signatory =
      reader.String("letter_signatory", Presence::kOptional, 300).value_or("");
  policy.letter_contact = reader.String("letter_contact", Presence::kOptional, 500).value_or("");
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  policy.delays.second_reminder_after_days = int(*second);
  policy.delays.formal_notice_after_days = int(*notice);
  return policy;
}

nlohmann::json TakenStepToJson(const TakenStep& step) {
  return {{"kind", EnforcementStepName(step.kind)},
          {"taken_on", FormatIsoDate(step.taken_on)},
          {"cancelled", step.cancelled},
          {"delivered_on", DayOrNull(step.delivered_on)}};
}

nlohmann::json NextStepToJson(const NextStep& step) {
  return {{"kind", EnforcementStepName(step.kind)}, {"due_on", FormatIsoDate(step.due_on)}};
}

nlohmann::json EnforcementEventToJson(const persistence::EnforcementEvent& event) {
  return {{"seq", event.seq},
          {"kind", event.kind},
          {"host_id", event.host_id.value()},
          {"accommodation_id", OrNull(event.accommodation_id)},
          {"month", MonthOrNull(event.month)},
          {"step_id", OrNull(event.step_id)},
          {"text", event.text},
          {"occurred_on", DayOrNull(event.occurred_on)},
          {"recorded_by", event.recorded_by},
          {"recorded_at", event.recorded_at}};
}

nlohmann::json EnforcementHoldToJson(const persistence::EnforcementHold& hold) {
  return {{"id", hold.id},
          {"host_id", hold.host_id.value()},
          {"live", hold.live()},
          {"reason", hold.reason},
          {"placed_by", hold.placed_by},
          {"placed_at", hold.placed_at},
          {"released_by", OrNull(hold.released_by)},
          {"released_at", OrNull(hold.released_at)},
          {"release_reason", OrNull(hold.release_reason)}};
}

nlohmann::json SwornStatementToJson(const persistence::SwornStatement& statement) {
  return {{"id", statement.id},
          {"host_id", statement.host_id.value()},
          {"year", statement.year},
          {"filed_on", FormatIsoDate(statement.filed_on)},
          {"recorded_by", statement.recorded_by},
          {"recorded_at", statement.recorded_at}};
}

nlohmann::json AssessmentRevisionToJson(const persistence::OfficeAssessmentRevision& revision) {
  return {{"revision", revision.revision},
          {"status", revision.status},
          {"accommodation_id", revision.accommodation_id},
          {"host_id", revision.host_id.value()},
          {"month", FormatIsoMonth(revision.month)},
          {"capacity_persons", revision.capacity_persons},
          {"nights", revision.nights},
          {"computed_total_cents", revision.computed_total.cents()},
          {"tax_cents", revision.tax.cents()},
          {"additional_taxes", nlohmann::json::parse(revision.additional_taxes_json)},
          {"additional_cents", revision.additional.cents()},
          {"total_cents", revision.total.cents()},
          {"explanation", nlohmann::json::parse(revision.explanation_json)},
          {"deliberation_version", revision.deliberation_version},
          {"reason", OrNull(revision.reason)},
          {"notified_on", DayOrNull(revision.notified_on)},
          {"recoverable_from", DayOrNull(revision.recoverable_from)},
          {"avis_pdf", revision.has_avis},
          {"recorded_by", revision.recorded_by},
          {"recorded_at", revision.recorded_at}};
}

Result<NoteRequest> NoteRequestFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  NoteRequest request;
  auto kind = reader.String("kind", Presence::kRequired, 10);
  auto text = reader.String("text", Presence::kRequired, 4000);
  request.occurred_on = reader.Date("occurred_on", Presence::kOptional);
  bool has_month = false;
  request.month = ReadMonth(reader, "month", has_month);
  reader.RejectUnknownFields();
  if (kind && *kind != "note" && *kind != "call") {
    errors.Add("/kind", "« kind » vaut « note » (une note) ou « call » (un appel).");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  request.kind = *kind;
  request.text = *text;
  return request;
}

Result<std::string> ReasonFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  auto reason = reader.String("reason", Presence::kRequired, 2000);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return *reason;
}

Result<SwornStatementRequest> SwornStatementRequestFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  auto year = reader.Integer("year", Presence::kRequired, 2000, 2100);
  auto filed_on = reader.Date("filed_on", Presence::kRequired);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return SwornStatementRequest{int(*year), *filed_on};
}

Result<AdjustmentRequest> AdjustmentRequestFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  constexpr long long kMaxCents = 100'000'000'000LL;  // a billion euros: a typing error beyond
  AdjustmentRequest request;
  request.tax_cents = reader.Integer("tax_cents", Presence::kOptional, 0, kMaxCents);
  request.total_cents = reader.Integer("total_cents", Presence::kOptional, 0, kMaxCents);
  if (auto taxes = reader.ObjectArray("additional_taxes", Presence::kOptional, 20)) {
    std::vector<std::pair<std::string, long long>> lines;
    for (auto& each : *taxes) {
      auto label = each.String("label", Presence::kRequired, 300);
      auto cents = each.Integer("amount_cents", Presence::kRequired, 0, kMaxCents);
      each.RejectUnknownFields();
      if (label && cents) lines.emplace_back(*label, *cents);
    }
    request.additional_taxes = std::move(lines);
  }
  request.reason = reader.String("reason", Presence::kOptional, 2000);
  reader.RejectUnknownFields();
  if (request.total_cents && (request.tax_cents || request.additional_taxes)) {
    errors.Add("/total_cents",
               "Donnez soit le total (« total_cents »), soit la taxe et les taxes additionnelles, "
               "pas les deux.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

Result<Day> IssueRequestFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  auto notified_on = reader.Date("notified_on", Presence::kRequired);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return *notified_on;
}

}  // namespace nuitee::api
