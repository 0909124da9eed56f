// Idempotency keys of POST requests: a retry with the same key gets the first answer back and
// stores nothing twice (issue "declarations"; TigerBeetle's "ids double as idempotency keys").
#pragma once

#include <optional>
#include <string>

#include "domain/core/error.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct RecordedAnswer {
  int status = 0;
  std::string body;
  std::string location;
  std::string etag;
};

class IdempotencyRepository {
 public:
  // Claims `key` within `scope` ("POST /v1/…") in the caller's transaction, so the claim commits
  // with the request's effect or not at all. A concurrent claim of the same key waits for this
  // transaction. Returns:
  //   nullopt — the key is new: go on, then Record() the answer;
  //   an answer — the key was used by this same request before: replay it;
  //   kConflict — the first request is still being answered (retry shortly);
  //   kRuleViolation (on "Idempotency-Key") — the key was used for another request.
  static Result<std::optional<RecordedAnswer>> Claim(Transaction& tx, const std::string& scope,
                                                     const std::string& key,
                                                     const std::string& request_hash);
  // Stores the answer of a claimed key.
  static void Record(Transaction& tx, const std::string& scope, const std::string& key,
                     const RecordedAnswer& answer);
};

}  // namespace nuitee::persistence
