// POSTs that store something run through here: their effect, the claim of the request's
// Idempotency-Key and the answer are committed in one transaction, so a retried request gets the
// first answer back and nothing is stored twice (issue "declarations", TigerBeetle's habit).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api/http/exchange.hpp"
#include "api/services.hpp"
#include "persistence/database.hpp"

namespace nuitee::api {

// What a POST answers on success.
struct Reply {
  Pistache::Http::Code code = Pistache::Http::Code::Ok;
  nlohmann::json body;
  std::string location;              // Location header, for 201
  std::optional<long long> version;  // ETag
};

// Runs `work` in one transaction and sends its reply or its error. With an Idempotency-Key
// header (1–200 printable characters) the key is claimed first: a retry of the same request
// replays the recorded reply without running `work`; the same key on another request is a 422.
// Without the header, `work` simply runs.
void RunIdempotentPost(Exchange& exchange, Services& services,
                       const std::function<Result<Reply>(persistence::Transaction&)>& work);

// The same, for an answer holding a secret shown once (a new API key): the recorded answer, which
// a retry replays, is `redact(body)`, so the secret is never stored.
using Redaction = std::function<nlohmann::json(const nlohmann::json&)>;
void RunIdempotentPost(Exchange& exchange, Services& services,
                       const std::function<Result<Reply>(persistence::Transaction&)>& work,
                       const Redaction& redact);

}  // namespace nuitee::api
