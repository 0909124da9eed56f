// Declarations <-> JSON.
#include "api/json/declaration_json.hpp"

#include <algorithm>

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

// A month's declaration holds at most this many stays (a large hotel's month).
constexpr std::size_t kMaxStays = 5000;

StayLine ReadStay(JsonReader& reader) {
  StayLine stay;
  stay.arrival = reader.Date("arrival", Presence::kRequired).value_or(Day{});
  stay.nights = int(reader.Integer("nights", Presence::kRequired, 1, 365).value_or(0));
  stay.occupants = int(reader.Integer("occupants", Presence::kRequired, 1, 10000).value_or(0));
  if (auto exempt = reader.Object("exempt", Presence::kOptional)) {
    stay.exempt.minors = int(exempt->Integer("minors", Presence::kOptional, 0, 10000).value_or(0));
    stay.exempt.seasonal_workers =
        int(exempt->Integer("seasonal_workers", Presence::kOptional, 0, 10000).value_or(0));
    stay.exempt.emergency_housing =
        int(exempt->Integer("emergency_housing", Presence::kOptional, 0, 10000).value_or(0));
    stay.exempt.low_rent =
        int(exempt->Integer("low_rent", Presence::kOptional, 0, 10000).value_or(0));
    exempt->RejectUnknownFields();
  }
  if (auto price = reader.Integer("price_per_night_cents", Presence::kOptional, 0,
                                  100'000'000)) {  // a million euros a night
    stay.price_per_night = Money::Cents(*price);
  }
  if (auto collector = reader.String("collector", Presence::kOptional, 50)) {
    if (auto parsed = ParseCollector(*collector)) {
      stay.collector = *parsed;
    } else {
      reader.errors().Add(reader.PointerTo("collector"),
                          "Qui a perçu la taxe : « host » (vous-même), « airbnb », « booking », "
                          "« abritel » ou « other_platform ».");
    }
  }
  reader.RejectUnknownFields();
  return stay;
}

std::vector<StayLine> ReadStays(JsonReader& reader, Presence presence) {
  std::vector<StayLine> stays;
  if (auto items = reader.ObjectArray("stays", presence, kMaxStays)) {
    for (auto& item : *items) stays.push_back(ReadStay(item));
  }
  return stays;
}

nlohmann::json VersionsToJson(const DeclarationAmounts& amounts) {
  nlohmann::json versions = nlohmann::json::object();
  for (const auto& [year, version] : amounts.deliberation_versions) {
    versions[std::to_string(year)] = version;
  }
  return versions;
}

nlohmann::json ComputedLineToJson(const ComputedLine& line) {
  nlohmann::json json = StayToJson(line.stay);
  json["category"] = rates::CategoryName(line.category);
  json["person_nights"] = line.person_nights;
  json["taxable_person_nights"] = line.taxable_person_nights;
  json["tax_cents"] = line.tax.cents();
  json["additional_taxes"] = AdditionalTaxesToJson(line.additional_taxes);
  json["total_cents"] = line.total.cents();
  json["capped"] = line.capped;
  json["unit_cents_per_person_night"] = line.unit_per_person_night.cents();
  json["explanation"] = line.explanation;
  return json;
}

nlohmann::json WarningsToJson(const std::vector<FieldError>& warnings) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& warning : warnings) {
    array.push_back({{"pointer", warning.field}, {"detail", warning.message}});
  }
  return array;
}

// What a revision changed compared with the one it supersedes: the amounts and the stays added
// or removed (a changed stay is one removed and one added).
nlohmann::json ChangesToJson(const persistence::StoredRevision& revision,
                             const persistence::StoredRevision& previous) {
  const auto& now = revision.content.submission;
  const auto& before = previous.content.submission;
  std::vector<StayLine> removed;
  for (const auto& line : before.amounts.lines) removed.push_back(line.stay);
  nlohmann::json added = nlohmann::json::array();
  for (const auto& line : now.amounts.lines) {
    auto same = std::find(removed.begin(), removed.end(), line.stay);
    if (same != removed.end()) {
      removed.erase(same);
    } else {
      added.push_back(StayToJson(line.stay));
    }
  }
  nlohmann::json removed_json = nlohmann::json::array();
  for (const auto& stay : removed) removed_json.push_back(StayToJson(stay));
  return {
      {"supersedes_revision", previous.revision},
      {"kind", {{"from", DeclarationKindName(before.kind)}, {"to", DeclarationKindName(now.kind)}}},
      {"total_cents", {{"from", before.amounts.total.cents()}, {"to", now.amounts.total.cents()}}},
      {"stays_added", added},
      {"stays_removed", removed_json}};
}

}  // namespace

Result<std::vector<StayLine>> DraftFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  auto stays = ReadStays(reader, Presence::kRequired);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return stays;
}

Result<std::optional<std::vector<StayLine>>> SubmitFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  std::optional<std::vector<StayLine>> stays;
  if (body.contains("stays") && !body["stays"].is_null())
    stays = ReadStays(reader, Presence::kRequired);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return stays;
}

Result<DeclarationKind> NilFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  const bool closed = reader.Boolean("closed", Presence::kOptional).value_or(false);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return closed ? DeclarationKind::kClosed : DeclarationKind::kNil;
}

Result<RevisionRequest> RevisionFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  RevisionRequest request;
  if (auto kind = reader.String("kind", Presence::kOptional, 20)) {
    if (auto parsed = ParseDeclarationKind(*kind)) {
      request.kind = *parsed;
    } else {
      errors.Add("/kind",
                 "« kind » vaut « stays » (des séjours), « nil » (néant) ou « closed » "
                 "(fermé tout le mois).");
    }
  }
  request.stays = ReadStays(
      reader, request.kind == DeclarationKind::kStays ? Presence::kRequired : Presence::kOptional);
  request.reason = reader.String("reason", Presence::kRequired, 1000).value_or("");
  if (body.contains("reason") && body["reason"].is_string() &&
      request.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.Add("/reason",
               "Expliquez en quelques mots ce que corrige cette déclaration "
               "rectificative.");
  }
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

nlohmann::json StayToJson(const StayLine& stay) {
  return {{"arrival", FormatIsoDate(stay.arrival)},
          {"nights", stay.nights},
          {"departure", FormatIsoDate(DepartureDay(stay))},
          {"occupants", stay.occupants},
          {"exempt",
           {{"minors", stay.exempt.minors},
            {"seasonal_workers", stay.exempt.seasonal_workers},
            {"emergency_housing", stay.exempt.emergency_housing},
            {"low_rent", stay.exempt.low_rent}}},
          {"price_per_night_cents",
           stay.price_per_night ? nlohmann::json(stay.price_per_night->cents()) : nlohmann::json()},
          {"collector", CollectorName(stay.collector)}};
}

nlohmann::json AdditionalTaxesToJson(const std::vector<rates::AdditionalTaxAmount>& taxes) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& tax : taxes) {
    array.push_back(
        {{"beneficiary", rates::BeneficiaryCode(tax.beneficiary)},
         {"label",
          tax.label.empty() ? std::string(rates::BeneficiaryLabel(tax.beneficiary)) : tax.label},
         {"rate_bp", tax.rate.value},
         {"amount_cents", tax.amount.cents()}});
  }
  return array;
}

nlohmann::json RevisionToJson(const persistence::StoredRevision& revision,
                              const persistence::StoredRevision* previous) {
  const auto& content = revision.content;
  const auto& submission = content.submission;
  Money additional = Money::Zero();
  for (const auto& tax : submission.amounts.additional_taxes) additional += tax.amount;
  nlohmann::json stays = nlohmann::json::array();
  for (const auto& line : submission.amounts.lines) stays.push_back(ComputedLineToJson(line));
  nlohmann::json json = {
      {"revision", revision.revision},
      {"kind", DeclarationKindName(submission.kind)},
      {"submitted_by", content.actor},
      {"submitted_at", revision.submitted_at},
      {"submitted_on", FormatIsoDate(content.submitted_on)},
      {"due_on", FormatIsoDate(submission.due_on)},
      {"days_late", submission.days_late},
      {"late", submission.days_late > 0},
      {"reason", content.reason ? nlohmann::json(*content.reason) : nlohmann::json()},
      {"rounding_mode", rates::RoundingModeName(content.rounding)},
      {"deliberation_versions", VersionsToJson(submission.amounts)},
      {"tax_cents", submission.amounts.tax.cents()},
      {"additional_taxes", AdditionalTaxesToJson(submission.amounts.additional_taxes)},
      {"additional_cents", additional.cents()},
      {"total_cents", submission.amounts.total.cents()},
      {"person_nights", submission.amounts.person_nights},
      {"taxable_person_nights", submission.amounts.taxable_person_nights},
      {"platform_person_nights", submission.amounts.platform_person_nights},
      {"warnings", WarningsToJson(submission.warnings)},
      {"stays", stays}};
  json["changes"] = previous ? ChangesToJson(revision, *previous) : nlohmann::json();
  return json;
}

nlohmann::json DeclarationMonthToJson(const AccommodationId& accommodation, Month month,
                                      const std::optional<persistence::DeclarationMonth>& stored,
                                      const std::vector<persistence::StoredRevision>& revisions,
                                      const DeclarationSettings& settings, Day today) {
  const DeclarationState state = stored ? stored->State() : DeclarationState::kToDeclare;
  nlohmann::json draft;
  if (stored && stored->draft) {
    nlohmann::json stays = nlohmann::json::array();
    for (const auto& stay : *stored->draft) stays.push_back(StayToJson(stay));
    draft = {{"stays", stays},
             {"saved_by", stored->draft_saved_by},
             {"saved_at", stored->draft_saved_at}};
  }
  nlohmann::json history = nlohmann::json::array();
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    history.push_back(RevisionToJson(revisions[i], i > 0 ? &revisions[i - 1] : nullptr));
  }
  const Day due_on = DeclarationDueOn(month, settings);
  const bool submitted = !revisions.empty();
  nlohmann::json json = {{"accommodation_id", accommodation.value()},
                         {"month", FormatIsoMonth(month)},
                         {"state", DeclarationStateName(state)},
                         {"due_on", FormatIsoDate(due_on)},
                         {"overdue", !submitted && today > due_on},
                         {"version", stored && !stored->Untouched() ? stored->version : 0},
                         {"draft", draft},
                         {"revisions", history}};
  json["current"] = submitted ? history.back() : nlohmann::json();
  json["owed_cents"] = submitted ? revisions.back().content.submission.amounts.total.cents() : 0;
  return json;
}

nlohmann::json MonthSummaryToJson(Month month, const persistence::DeclarationMonthSummary* summary,
                                  const DeclarationSettings& settings, Day today) {
  const DeclarationState state = summary ? summary->month.State() : DeclarationState::kToDeclare;
  const Day due_on = DeclarationDueOn(month, settings);
  nlohmann::json latest;
  if (summary && summary->latest) {
    const auto& revision = *summary->latest;
    const auto& submission = revision.content.submission;
    latest = {{"revision", revision.revision},
              {"kind", DeclarationKindName(submission.kind)},
              {"submitted_at", revision.submitted_at},
              {"days_late", summary->first_days_late.value_or(submission.days_late)},
              {"tax_cents", submission.amounts.tax.cents()},
              {"total_cents", submission.amounts.total.cents()},
              {"person_nights", submission.amounts.person_nights}};
  }
  const bool submitted = summary && summary->latest;
  return {{"month", FormatIsoMonth(month)},
          {"state", DeclarationStateName(state)},
          {"due_on", FormatIsoDate(due_on)},
          {"overdue", !submitted && today > due_on},
          {"version", summary ? summary->month.version : 0},
          {"latest", latest}};
}

}  // namespace nuitee::api
