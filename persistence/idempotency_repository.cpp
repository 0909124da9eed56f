// SQL for the idempotency_keys table (migration 0006).
#include "persistence/idempotency_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {

Result<std::optional<RecordedAnswer>> IdempotencyRepository::Claim(
    Transaction& tx, const std::string& scope, const std::string& key,
    const std::string& request_hash) {
  int inserted = 0;
  tx.session() << "WITH claimed AS (INSERT INTO idempotency_keys (scope, key, request_hash) "
                  "VALUES (:scope, :key, :hash) ON CONFLICT (scope, key) DO NOTHING RETURNING 1) "
                  "SELECT count(*) FROM claimed",
      soci::use(scope), soci::use(key), soci::use(request_hash), soci::into(inserted);
  if (inserted == 1) return std::optional<RecordedAnswer>();
  soci::row row;
  tx.session() << "SELECT request_hash, status, body, coalesce(location, '') AS location, "
                  "coalesce(etag, '') AS etag FROM idempotency_keys "
                  "WHERE scope = :scope AND key = :key",
      soci::use(scope), soci::use(key), soci::into(row);
  if (GetString(row, "request_hash") != request_hash) {
    return Fail(
        Error::RuleViolation({{"/headers/Idempotency-Key",
                               "Cette clé d'idempotence a déjà servi pour une autre requête : "
                               "choisissez une nouvelle clé pour une nouvelle requête."}}));
  }
  if (row.get_indicator("status") == soci::i_null) {
    return Fail(Error::Conflict(
        "La première requête portant cette clé d'idempotence n'a pas encore reçu sa réponse : "
        "réessayez dans un instant."));
  }
  RecordedAnswer answer;
  answer.status = row.get<int>("status");
  answer.body = GetString(row, "body");
  answer.location = GetString(row, "location");
  answer.etag = GetString(row, "etag");
  return std::optional<RecordedAnswer>(std::move(answer));
}

void IdempotencyRepository::Record(Transaction& tx, const std::string& scope,
                                   const std::string& key, const RecordedAnswer& answer) {
  tx.session() << "UPDATE idempotency_keys SET status = :status, body = :body, "
                  "location = nullif(:location, ''), etag = nullif(:etag, '') "
                  "WHERE scope = :scope AND key = :key",
      soci::use(answer.status), soci::use(answer.body), soci::use(answer.location),
      soci::use(answer.etag), soci::use(scope), soci::use(key);
}

}  // namespace nuitee::persistence
