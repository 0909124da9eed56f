// Mapping of errors to statuses and problem+json bodies.
#include "api/http/problem.hpp"

namespace nuitee::api {

using Pistache::Http::Code;

#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wswitch"
Code HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return Code::Bad_Request;
    case ErrorCode::kNotFound: return Code::Not_Found;
    case ErrorCode::kAlreadyExists: return Code::Conflict;
    case ErrorCode::kFailedPrecondition: return Code::Conflict;
    case ErrorCode::kConflict: return Code::Conflict;
    case ErrorCode::kStaleVersion: return Code::Precondition_Failed;
    case ErrorCode::kPreconditionRequired: return static_cast<Code>(428);
    case ErrorCode::kRuleViolation: return Code::Unprocessable_Entity;
    case ErrorCode::kUnauthenticated: return Code::Unauthorized;
    case ErrorCode::kPermissionDenied: return Code::Forbidden;
    case ErrorCode::kUnavailable: return Code::Service_Unavailable;
    case ErrorCode::kResourceExhausted: return Code::Too_Many_Requests;
    case ErrorCode::kInternal: return Code::Internal_Server_Error;
  }
  return Code::Internal_Server_Error;
}

namespace {
struct Kind {
  const char* slug;
  const char* title;
};
Kind KindFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return {"validation", "Requête invalide"};
    case ErrorCode::kNotFound: return {"not-found", "Ressource introuvable"};
    case ErrorCode::kAlreadyExists: return {"already-exists", "Doublon"};
    case ErrorCode::kFailedPrecondition: return {"failed-precondition", "Opération impossible"};
    case ErrorCode::kConflict: return {"conflict", "Conflit"};
    case ErrorCode::kStaleVersion: return {"stale-version", "Version périmée"};
    case ErrorCode::kPreconditionRequired: return {"precondition-required", "En-tête If-Match requis"};
    case ErrorCode::kRuleViolation: return {"rule-violation", "Règle non respectée"};
    case ErrorCode::kUnauthenticated: return {"unauthenticated", "Authentification requise"};
    case ErrorCode::kPermissionDenied: return {"forbidden", "Accès refusé"};
    case ErrorCode::kUnavailable: return {"unavailable", "Service indisponible"};
    case ErrorCode::kResourceExhausted: return {"too-many-requests", "Trop de tentatives"};
    case ErrorCode::kInternal: return {"internal", "Erreur interne"};
  }
  return {"internal", "Erreur interne"};
}
}  // namespace
#pragma GCC diagnostic pop

Problem ProblemFor(const Error& error) {
  const Kind kind = KindFor(error.code);
  return {HttpStatusFor(error.code), kind.slug, kind.title, error.message, error.field_errors,
          error.location};
}

nlohmann::json ProblemBody(const Problem& problem, const std::string& instance,
                           const std::string& request_id) {
  nlohmann::json body = {
      {"type", "urn:nuitee:problem:" + problem.slug},
      {"title", problem.title},
      {"status", static_cast<int>(problem.status)},
      {"detail", problem.detail},
      {"instance", instance},
      {"request_id", request_id},
  };
  if (!problem.errors.empty()) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& each : problem.errors) {
      errors.push_back({{"pointer", each.field}, {"detail", each.message}});
    }
    body["errors"] = std::move(errors);
  }
  if (!problem.location.empty()) body["existing"] = problem.location;
  return body;
}

}  // namespace nuitee::api
