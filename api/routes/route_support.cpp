// Shared route steps.
#include "api/routes/route_support.hpp"

#include <charconv>

#include "api/http/identifiers.hpp"
#include "api/http/query.hpp"

namespace nuitee::api {

std::optional<std::string> PathId(Exchange& exchange, const std::string& name) {
  std::string id = exchange.Param(name);
  if (!IsUuid(id)) {
    exchange.SendError(Error::NotFound("Aucune ressource ne porte cet identifiant."));
    return std::nullopt;
  }
  return id;
}

std::optional<CollectivityId> PathTenant(Exchange& exchange) {
  auto id = PathId(exchange);
  if (!id) return std::nullopt;
  return CollectivityId(*id);
}

namespace {

std::optional<long long> ParseWholeNumber(std::string_view text) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<int> PathYear(Exchange& exchange, const std::string& name) {
  auto year = ParseWholeNumber(exchange.Param(name));
  if (!year || *year < 1900 || *year > 2199) {
    exchange.SendError(Error::NotFound("Aucune ressource ne correspond à cette année."));
    return std::nullopt;
  }
  return static_cast<int>(*year);
}

std::optional<long long> PathVersion(Exchange& exchange, const std::string& name) {
  auto version = ParseWholeNumber(exchange.Param(name));
  if (!version || *version < 1) {
    exchange.SendError(Error::NotFound("Aucune version ne porte ce numéro."));
    return std::nullopt;
  }
  return version;
}

Result<std::optional<IfMatch>> OptionalIfMatch(const Exchange& exchange) {
  auto header = exchange.Header("If-Match");
  if (!header || header->empty()) return std::optional<IfMatch>();
  auto condition = RequiredIfMatch(exchange);
  if (!condition) return Fail(condition.error());
  return std::optional<IfMatch>(*condition);
}

Status CheckIfMatch(const std::optional<IfMatch>& condition, std::optional<long long> stored) {
  if (!stored) {
    if (condition) return Fail(Error::StaleVersion());
    return {};
  }
  if (!condition) {
    return Fail(Error{ErrorCode::kPreconditionRequired,
                      "Une version existe déjà : indiquez la version lue dans l'en-tête If-Match "
                      "(valeur de l'ETag).",
                      {},
                      {}});
  }
  if (!condition->Matches(*stored)) return Fail(Error::StaleVersion());
  return {};
}

Result<IfMatch> RequiredIfMatch(const Exchange& exchange) {
  auto header = exchange.Header("If-Match");
  if (!header || header->empty()) {
    return Fail(Error{ErrorCode::kPreconditionRequired,
                      "Indiquez la version lue dans l'en-tête If-Match (valeur de l'ETag).",
                      {},
                      {}});
  }
  std::string_view text = *header;
  if (text == "*") return IfMatch{};
  if (text.rfind("W/", 0) == 0) text.remove_prefix(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  long long version = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Fail(Error::InvalidArgument("", "L'en-tête If-Match doit reprendre l'ETag reçu, "
                                           "par exemple \"3\"."));
  }
  return IfMatch{version};
}

std::string NextCursor(const std::optional<long long>& next_after_seq) {
  return next_after_seq ? EncodeCursor(*next_after_seq) : std::string();
}

bool AuditChange(persistence::Transaction& tx, const CollectivityId& collectivity, EntityKind kind,
                 const std::string& entity_id, long long version, const std::string& action,
                 const std::string& actor, const nlohmann::json& before,
                 const nlohmann::json& after) {
  AuditEntry entry;
  entry.entity_kind = kind;
  entry.entity_id = entity_id;
  entry.version = version;
  entry.action = action;
  entry.actor = actor;
  entry.changes = DiffJson(before, after);
  if (entry.changes.empty() && action != "created") return false;
  persistence::AuditRepository::Append(tx, collectivity, entry);
  return true;
}

}  // namespace nuitee::api
