// Idempotent POSTs: claim, work and recorded answer in one transaction.
#include "api/routes/idempotent_post.hpp"

#include "persistence/idempotency_repository.hpp"
#include "security/secret_token.hpp"

namespace nuitee::api {
namespace {

using persistence::IdempotencyRepository;
using persistence::RecordedAnswer;

constexpr std::size_t kMaxKeyLength = 200;

Result<std::optional<std::string>> ReadKey(const Exchange& exchange) {
  auto key = exchange.Header("Idempotency-Key");
  if (!key) return std::optional<std::string>();
  bool printable = !key->empty() && key->size() <= kMaxKeyLength;
  for (unsigned char c : *key) printable = printable && c >= 0x21 && c <= 0x7E;
  if (!printable) {
    return Fail(Error::InvalidArgument(
        "/headers/Idempotency-Key",
        "La clé d'idempotence compte de 1 à 200 caractères visibles (ASCII), "
        "par exemple un UUID."));
  }
  return key;
}

void Send(Exchange& exchange, const RecordedAnswer& answer) {
  if (!answer.location.empty()) exchange.AddHeader("Location", answer.location);
  if (!answer.etag.empty()) exchange.AddHeader("ETag", answer.etag);
  exchange.SendJsonText(static_cast<Pistache::Http::Code>(answer.status), answer.body);
}

RecordedAnswer Record(const Reply& reply, const nlohmann::json& body) {
  RecordedAnswer answer;
  answer.status = static_cast<int>(reply.code);
  answer.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  answer.location = reply.location;
  if (reply.version) answer.etag = "\"" + std::to_string(*reply.version) + "\"";
  return answer;
}

}  // namespace

void RunIdempotentPost(Exchange& exchange, Services& services,
                       const std::function<Result<Reply>(persistence::Transaction&)>& work) {
  RunIdempotentPost(exchange, services, work, [](const nlohmann::json& body) { return body; });
}

void RunIdempotentPost(Exchange& exchange, Services& services,
                       const std::function<Result<Reply>(persistence::Transaction&)>& work,
                       const Redaction& redact) {
  auto key = ReadKey(exchange);
  if (!key) return exchange.SendError(key.error());
  // Keys are the client's: one account's key never replays another's answer.
  const std::string scope =
      (exchange.principal() ? exchange.principal()->user_id.value() : std::string("-")) +
      " POST " + exchange.path();
  const std::string hash = security::TokenDigest(exchange.request().body());
  bool replayed = false;
  auto answer =
      services.database.InTransaction([&](persistence::Transaction& tx) -> Result<RecordedAnswer> {
        if (*key) {
          auto claimed = IdempotencyRepository::Claim(tx, scope, **key, hash);
          if (!claimed) return Fail(claimed.error());
          if (*claimed) {  // a retry: the first answer, nothing run again
            replayed = true;
            return **claimed;
          }
        }
        auto reply = work(tx);
        if (!reply) return Fail(reply.error());
        if (*key) {
          IdempotencyRepository::Record(tx, scope, **key, Record(*reply, redact(reply->body)));
        }
        return Record(*reply, reply->body);
      });
  if (!answer) return exchange.SendError(answer.error());
  if (*key) exchange.AddHeader("Idempotency-Key", **key);
  if (replayed) exchange.AddHeader("Idempotent-Replayed", "true");
  Send(exchange, *answer);
}

}  // namespace nuitee::api
