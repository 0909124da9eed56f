// RFC 9457 problem details: the one body every error response carries.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "api/http/pistache.hpp"
#include "domain/core/error.hpp"

namespace nuitee::api {

// The one mapping from protocol-neutral codes to HTTP statuses (no default: a new code must be
// mapped here or the build fails with -Werror=switch).
Pistache::Http::Code HttpStatusFor(ErrorCode code);

struct Problem {
  Pistache::Http::Code status;
  std::string slug;    // "validation", "not-found": the last part of the type URI
  std::string title;   // French, short
  std::string detail;  // French, this occurrence
  std::vector<FieldError> errors;
  std::string location;  // for conflicts: the existing resource
};

Problem ProblemFor(const Error& error);
nlohmann::json ProblemBody(const Problem& problem, const std::string& instance,
                           const std::string& request_id);

}  // namespace nuitee::api
