// Protocol-neutral errors: what went wrong, in words safe to show a user, and on which field.
#pragma once

#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace nuitee {

// A small canonical set; api/ maps each one to exactly one HTTP status (no default branch there).
enum class ErrorCode {
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kConflict,
  kStaleVersion,          // the client's version (If-Match) is not the stored one
  kPreconditionRequired,  // an update came without If-Match
  kRuleViolation,         // well-formed input that a rule of law or of the tenant refuses
  kUnauthenticated,
  kPermissionDenied,
  kUnavailable,
  kResourceExhausted,     // too many attempts: retry later (throttling)
  kInternal,
};

// One problem with one input field. `field` is a JSON pointer ("/address/postal_code"), or empty
// when the problem concerns the whole request. `message` is French and addressed to the user.
struct FieldError {
  std::string field;
  std::string message;
  friend bool operator==(const FieldError&, const FieldError&) = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;                  // French, safe to show
  std::vector<FieldError> field_errors; // every bad field at once, when there are several
  std::string location;                 // for kAlreadyExists: the existing resource's path

  static Error InvalidArgument(std::string field, std::string message) {
    Error error{ErrorCode::kInvalidArgument, message, {}, {}};
    error.field_errors.push_back({std::move(field), std::move(message)});
    return error;
  }
  static Error Invalid(std::vector<FieldError> errors) {
    Error error{ErrorCode::kInvalidArgument, "La requête contient des valeurs invalides.", {}, {}};
    error.field_errors = std::move(errors);
    return error;
  }
  // Every rule an otherwise well-formed input breaks (a tariff above the legal ceiling...), each
  // with the JSON pointer of its field.
  static Error RuleViolation(std::vector<FieldError> errors,
                             std::string message = "Ces valeurs ne respectent pas les règles "
                                                   "applicables.") {
    Error error{ErrorCode::kRuleViolation, std::move(message), {}, {}};
    error.field_errors = std::move(errors);
    return error;
  }
  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}, {}};
  }
  static Error AlreadyExists(std::string message, std::string location = {}) {
    return {ErrorCode::kAlreadyExists, std::move(message), {}, std::move(location)};
  }
  static Error FailedPrecondition(std::string message) {
    return {ErrorCode::kFailedPrecondition, std::move(message), {}, {}};
  }
  static Error Conflict(std::string message) {
    return {ErrorCode::kConflict, std::move(message), {}, {}};
  }
  static Error StaleVersion() {
    return {ErrorCode::kStaleVersion,
            "Cet enregistrement a été modifié entre-temps : rechargez-le avant de le modifier.",
            {},
            {}};
  }
  static Error Unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message), {}, {}};
  }
  static Error Internal() {
    return {ErrorCode::kInternal, "Une erreur interne est survenue.", {}, {}};
  }
};

template <class T>
using Result = std::expected<T, Error>;

// Result<void> reads better as Status at call sites that return nothing.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(Error error) { return std::unexpected<Error>(std::move(error)); }

// Collects every field problem of an input before failing, so a user sees them all at once.
class FieldErrors {
 public:
  void Add(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }
  void Append(const Error& error, const std::string& prefix = {}) {
    for (const auto& each : error.field_errors) errors_.push_back({prefix + each.field, each.message});
    if (error.field_errors.empty()) errors_.push_back({prefix, error.message});
  }
  // Like Append, but skips fields that already have a problem (a field that failed to parse
  // should not also be reported as missing by the rule that checks its value).
  void AppendNew(const Error& error) {
    if (error.field_errors.empty()) {
      errors_.push_back({"", error.message});
      return;
    }
    for (const auto& each : error.field_errors) {
      bool known = false;
      for (const auto& existing : errors_) known = known || existing.field == each.field;
      if (!known) errors_.push_back(each);
    }
  }
  bool empty() const { return errors_.empty(); }
  Error ToError() const { return Error::Invalid(errors_); }
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

}  // namespace nuitee
