// Sessions from bearer tokens and cookies, and the CSRF check of cookie writes.
#include "api/http/authentication.hpp"

#include "api/http/platform_key.hpp"
#include "persistence/account_repository.hpp"
#include "persistence/platform_repository.hpp"
#include "security/secret_token.hpp"

namespace nuitee::api {
namespace {

Error Unauthenticated(std::string message) {
  return {ErrorCode::kUnauthenticated, std::move(message), {}, {}};
}

// A token as NewSecretToken makes it: 43 base64url characters. Anything else is refused before
// the database is asked.
bool WellFormedToken(const std::string& token) {
  return token.size() == 43 &&
         token.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
             std::string::npos;
}

bool IsWrite(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// The session of a token digest: from the cache when it was read less than its TTL ago,
// otherwise from the database (which also pushes its idle expiry back), then cached.
Result<std::shared_ptr<const persistence::AuthenticatedSession>> LiveSession(
    Services& services, const std::string& digest) {
  if (auto cached = services.sessions->Find(digest)) return cached;
  const std::uint64_t generation = services.sessions->Generation();
  auto found = services.database.InTransaction(
      [&](persistence::Transaction& tx) -> Result<persistence::AuthenticatedSession> {
        auto session =
            persistence::AccountRepository::Authenticate(tx, digest, services.auth.session_idle);
        if (!session) {
          return Fail(
              Unauthenticated("Votre session a expiré ou a été fermée : reconnectez-vous."));
        }
        return *session;
      });
  if (!found) return Fail(found.error());
  auto session = std::make_shared<const persistence::AuthenticatedSession>(std::move(*found));
  services.sessions->Store(digest, session, generation);
  return session;
}

// The platform behind an API key, cached like a session (a revoked key or an ended registration
// empties the cache through this server; elsewhere, it shows within the TTL).
Result<std::shared_ptr<const persistence::AuthenticatedSession>> LivePlatformKey(
    Services& services, const std::string& digest) {
  if (auto cached = services.sessions->Find(digest)) return cached;
  const std::uint64_t generation = services.sessions->Generation();
  auto found = services.database.InTransaction(
      [&](persistence::Transaction& tx) -> Result<persistence::AuthenticatedSession> {
        auto platform = persistence::PlatformRepository::Authenticate(tx, digest);
        if (!platform) {
          return Fail(Unauthenticated("Cette clé d'API n'est pas valable (inconnue ou révoquée)."));
        }
        return persistence::AuthenticatedSession{std::move(*platform), ""};
      });
  if (!found) return Fail(found.error());
  auto session = std::make_shared<const persistence::AuthenticatedSession>(std::move(*found));
  services.sessions->Store(digest, session, generation);
  return session;
}

}  // namespace

std::optional<std::string> RequestCookie(const Exchange& exchange, const std::string& name) {
  auto header = exchange.Header("Cookie");
  if (!header) return std::nullopt;
  std::size_t start = 0;
  while (start < header->size()) {
    std::size_t end = header->find(';', start);
    if (end == std::string::npos) end = header->size();
    std::string pair = header->substr(start, end - start);
    const std::size_t first = pair.find_first_not_of(' ');
    pair = first == std::string::npos ? "" : pair.substr(first);
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    start = end + 1;
  }
  return std::nullopt;
}

std::string ClientAddress(const Exchange& exchange) { return exchange.request().address().host(); }

Result<std::optional<Principal>> Authenticate(Exchange& exchange, Services& services) {
  std::optional<std::string> token;
  bool from_cookie = false;
  if (auto authorization = exchange.Header("Authorization")) {
    if (authorization->rfind("Bearer ", 0) != 0) {
      return Fail(Unauthenticated("Seul le schéma « Authorization: Bearer <jeton> » est accepté."));
    }
    token = authorization->substr(7);
  } else if (auto cookie = RequestCookie(exchange, kSessionCookie)) {
    token = *cookie;
    from_cookie = true;
  }
  if (!token) return std::optional<Principal>();
  // A platform's API key is told from a session token by its prefix; it is only ever a header
  // (a browser never holds one, so no CSRF check applies).
  if (!from_cookie && LooksLikePlatformKey(*token)) {
    if (!WellFormedPlatformKey(*token)) {
      return Fail(Unauthenticated("Cette clé d'API n'est pas valable (inconnue ou révoquée)."));
    }
    auto platform = LivePlatformKey(services, security::TokenDigest(*token));
    if (!platform) return Fail(platform.error());
    return std::optional<Principal>((*platform)->principal);
  }
  if (!WellFormedToken(*token)) {
    return Fail(Unauthenticated("Ce jeton de session n'est pas valide : reconnectez-vous."));
  }
  const std::string digest = security::TokenDigest(*token);
  auto found = LiveSession(services, digest);
  if (!found) return Fail(found.error());
  if (from_cookie && IsWrite(exchange.method())) {
    auto csrf = exchange.Header("X-CSRF-Token");
    if (!csrf || !security::ConstantTimeEquals(security::TokenDigest(*csrf), (*found)->csrf_digest)) {
      return Fail(Error{ErrorCode::kPermissionDenied,
                        "Jeton anti-falsification (X-CSRF-Token) absent ou incorrect.",
                        {},
                        {}});
    }
  }
  return std::optional<Principal>((*found)->principal);
}

Result<Principal> RequirePrincipal(Exchange& exchange, Services& services) {
  if (exchange.principal()) return *exchange.principal();  // the route's guard found it
  auto principal = Authenticate(exchange, services);
  if (!principal) return Fail(principal.error());
  if (!*principal) {
    return Fail(Unauthenticated("Connectez-vous pour accéder à cette ressource."));
  }
  return **principal;
}

}  // namespace nuitee::api
