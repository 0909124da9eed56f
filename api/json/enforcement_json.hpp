// The enforcement procedure to and from JSON (issue 6): settings, history events, holds, sworn
// statements, taxations d'office and the referent's requests.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/enforcement_calendar.hpp"
#include "domain/enforcement_progress.hpp"
#include "persistence/enforcement_event_repository.hpp"
#include "persistence/enforcement_hold_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "persistence/office_assessment_repository.hpp"
#include "persistence/sworn_statement_repository.hpp"

namespace nuitee::api {

nlohmann::json EnforcementSettingsToJson(const persistence::StoredEnforcementPolicy& stored);
// The whole policy (PUT replaces it): every problem at once, each on its field.
Result<EnforcementPolicy> EnforcementSettingsFromJson(const nlohmann::json& body);

nlohmann::json TakenStepToJson(const TakenStep& step);
nlohmann::json NextStepToJson(const NextStep& step);

nlohmann::json EnforcementEventToJson(const persistence::EnforcementEvent& event);
nlohmann::json EnforcementHoldToJson(const persistence::EnforcementHold& hold);
nlohmann::json SwornStatementToJson(const persistence::SwornStatement& statement);

// A revision as staff read it; `with_pdf_link` adds the avis' address when it has one.
nlohmann::json AssessmentRevisionToJson(const persistence::OfficeAssessmentRevision& revision);

// {"kind": "note"|"call", "text", "occurred_on"?, "month"?}
struct NoteRequest {
  std::string kind;
  std::string text;
  std::optional<Day> occurred_on;
  std::optional<Month> month;
};
Result<NoteRequest> NoteRequestFromJson(const nlohmann::json& body);

// {"reason"}: placing or releasing a hold.
Result<std::string> ReasonFromJson(const nlohmann::json& body);

// {"year", "filed_on"}
struct SwornStatementRequest {
  int year = 0;
  Day filed_on{};
};
Result<SwornStatementRequest> SwornStatementRequestFromJson(const nlohmann::json& body);

// {"tax_cents"?, "additional_taxes"? [{"label", "amount_cents"}...] | "total_cents"?, "reason"?}
struct AdjustmentRequest {
  std::optional<long long> tax_cents;
  std::optional<std::vector<std::pair<std::string, long long>>> additional_taxes;  // label, cents
  std::optional<long long> total_cents;
  std::optional<std::string> reason;
};
Result<AdjustmentRequest> AdjustmentRequestFromJson(const nlohmann::json& body);

// {"notified_on"}
Result<Day> IssueRequestFromJson(const nlohmann::json& body);

}  // namespace nuitee::api
