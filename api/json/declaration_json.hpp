// JSON of the monthly declarations: /v1/accommodations/{id}/declarations/…
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/declaration.hpp"
#include "persistence/declaration_repository.hpp"

namespace nuitee::api {

// PUT …/{month} (draft): {"stays": [...]}.
Result<std::vector<StayLine>> DraftFromJson(const nlohmann::json& body);

// POST …/{month}/submit: an empty body submits the draft; {"stays": [...]} submits these stays.
Result<std::optional<std::vector<StayLine>>> SubmitFromJson(const nlohmann::json& body);

// POST …/{month}/nil: {} or {"closed": true} for a month the accommodation was closed.
Result<DeclarationKind> NilFromJson(const nlohmann::json& body);

// POST …/{month}/revisions: {"kind": "stays" | "nil" | "closed", "stays": [...], "reason": "..."}.
struct RevisionRequest {
  DeclarationKind kind = DeclarationKind::kStays;
  std::vector<StayLine> stays;
  std::string reason;
};
Result<RevisionRequest> RevisionFromJson(const nlohmann::json& body);

nlohmann::json StayToJson(const StayLine& stay);
nlohmann::json AdditionalTaxesToJson(const std::vector<rates::AdditionalTaxAmount>& taxes);
// A submission; `previous` (the revision it supersedes) adds what changed.
nlohmann::json RevisionToJson(const persistence::StoredRevision& revision,
                              const persistence::StoredRevision* previous);

// The month of one accommodation as a host or a referent reads it: state, deadline, draft, every
// revision (oldest first) and what is owed under the latest one.
nlohmann::json DeclarationMonthToJson(const AccommodationId& accommodation, Month month,
                                      const std::optional<persistence::DeclarationMonth>& stored,
                                      const std::vector<persistence::StoredRevision>& revisions,
                                      const DeclarationSettings& settings, Day today);

// One month of a list: state, due date, lateness, and the latest revision's summary.
nlohmann::json MonthSummaryToJson(Month month, const persistence::DeclarationMonthSummary* summary,
                                  const DeclarationSettings& settings, Day today);

}  // namespace nuitee::api
