// /v1/auth: logging in and out, who I am, my sessions. Passwords are checked against scrypt hashes
// (re-hashed when the configured parameters changed), failures are throttled per account address
// and per client address, and a failed login never tells whether the address has an account.
#include <algorithm>

#include "api/http/authentication.hpp"
#include "api/http/json_body.hpp"
#include "api/http/write_audit_context.hpp"
#include "api/logger.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/account_repository.hpp"
#include "persistence/lockout_repository.hpp"
#include "persistence/write_audit.hpp"
#include "security/password_hash.hpp"
#include "security/secret_token.hpp"

namespace nuitee::api {
namespace {

using persistence::AccountRepository;
using persistence::Transaction;
using Pistache::Http::Code;

struct LoginRequest {
  std::string email;
  std::string password;
  std::optional<CollectivityId> collectivity;
};

Result<LoginRequest> LoginFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  LoginRequest request;
  request.email = reader.String("email", Presence::kRequired, 254).value_or("");
  std::transform(request.email.begin(), request.email.end(), request.email.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  request.password = reader.String("password", Presence::kRequired, 200).value_or("");
  if (auto collectivity = reader.String("collectivity_id", Presence::kOptional, 36)) {
    request.collectivity = CollectivityId(*collectivity);
  }
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

nlohmann::json PrincipalToJson(const Principal& principal) {
  nlohmann::json roles = nlohmann::json::array();
  for (Role role : principal.roles) roles.push_back(RoleName(role));
  nlohmann::json hosts = nlohmann::json::array();
  for (const HostId& host : principal.hosts) hosts.push_back(host.value());
  return {
      {"user_id", principal.user_id.value()},
      {"kind", UserKindName(principal.kind)},
      {"email", principal.email},
      {"display_name", principal.display_name},
      {"collectivity_id",
       principal.collectivity ? nlohmann::json(principal.collectivity->value()) : nlohmann::json()},
      {"roles", roles},
      {"hosts", hosts},
      {"session_id", principal.session_id.value()}};
}

Error WrongCredentials() {
  return {ErrorCode::kUnauthenticated, "Adresse électronique ou mot de passe incorrect.", {}, {}};
}

// 429 when the account address or the client address failed too often lately.
Status CheckThrottle(Exchange& exchange, Services& services, const LoginRequest& request,
                     const std::string& address) {
  auto recent = services.database.InTransaction(
      [&](Transaction& tx) -> Result<AccountRepository::RecentFailures> {
        return AccountRepository::CountRecentFailures(tx, request.email, address,
                                                      services.auth.failure_window);
      });
  if (!recent) return Fail(recent.error());
  const auto& auth = services.auth;
  if (recent->for_email < auth.max_failures_per_account &&
      recent->for_address < auth.max_failures_per_address) {
    return {};
  }
  const long long wait =
      std::max<long long>(1, auth.failure_window.count() - recent->oldest_age_seconds);
  // Staff see lockouts in the log (account address hashed: the log is not a list of addresses).
  Logger::Write(LogLevel::kWarn, "login_locked",
                {{"email_digest", security::TokenDigest(request.email).substr(0, 16)},
                 {"address", address},
                 {"request_id", exchange.request_id()}});
  // And in login_lockouts, once per lock, for the collectivity's admins and the operator.
  {
    persistence::UnauditedWrites bookkeeping;
    const auto reason = recent->for_email >= auth.max_failures_per_account
                            ? persistence::LockoutReason::kAccount
                            : persistence::LockoutReason::kAddress;
    services.database.InTransaction([&](Transaction& tx) -> Status {
      persistence::LockoutRepository::Record(tx, request.email, address, reason, wait,
                                             exchange.request_id());
      return {};
    });
  }
  exchange.AddHeader("Retry-After", std::to_string(wait));
  return Fail(Error{
      ErrorCode::kResourceExhausted,
      "Trop de tentatives de connexion : réessayez dans " + std::to_string(wait) + " secondes.",
      {},
      {}});
}

// The account whose password matches. With no candidate a dummy hash is still checked, so the
// answer takes as long whether the address has an account or not.
std::optional<persistence::StoredUser> CheckPassword(
    const std::vector<persistence::StoredUser>& candidates, const std::string& password,
    const security::ScryptParameters& parameters) {
  static const std::string dummy = *security::HashPassword("pas un vrai mot de passe", parameters);
  std::optional<persistence::StoredUser> match;
  for (const auto& user : candidates) {
    if (user.password_hash && security::VerifyPassword(password, *user.password_hash) && !match) {
      match = user;
    }
  }
  if (candidates.empty()) security::VerifyPassword(password, dummy);
  return match;
}

std::string SessionCookie(const std::string& token, std::chrono::seconds max_age) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; Max-Age=" + std::to_string(max_age.count()) +
         "; HttpOnly; Secure; SameSite=Strict";
}

void Login(Exchange& exchange, Services& services) {
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = LoginFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  const std::string address = ClientAddress(exchange);
  if (auto allowed = CheckThrottle(exchange, services, *request, address); !allowed) {
    return exchange.SendError(allowed.error());
  }
  const std::string token = security::NewSecretToken();
  const std::string csrf = security::NewSecretToken();
  auto opened = services.database.InTransaction([&](Transaction& tx) -> Result<Principal> {
    const auto candidates =
        AccountRepository::FindByEmail(tx, request->email, request->collectivity);
    auto user = CheckPassword(candidates, request->password, services.auth.scrypt);
    if (!user) return Fail(WrongCredentials());
    if (security::NeedsRehash(*user->password_hash, services.auth.scrypt)) {
      auto rehashed = security::HashPassword(request->password, services.auth.scrypt);
      if (rehashed) AccountRepository::SetPasswordHash(tx, user->id, *rehashed);
    }
    persistence::NewSession session{security::TokenDigest(token),
                                    security::TokenDigest(csrf),
                                    services.auth.session_idle,
                                    services.auth.session_absolute,
                                    address,
                                    exchange.Header("User-Agent").value_or("")};
    AccountRepository::CreateSession(tx, user->id, session);
    auto principal = AccountRepository::Authenticate(tx, security::TokenDigest(token),
                                                     services.auth.session_idle);
    if (!principal) return Fail(Error::Internal());
    NoteAuditPrincipal(principal->principal);  // the audit names who signed in, not "anonyme"
    return principal->principal;
  });
  if (!opened) {
    if (opened.error().code == ErrorCode::kUnauthenticated) {
      persistence::UnauditedWrites bookkeeping;  // a refused login, not a write of the caller's
      services.database.InTransaction([&](Transaction& tx) -> Status {
        AccountRepository::RecordLoginFailure(tx, request->email, address);
        return {};
      });
    }
    return exchange.SendError(opened.error());
  }
  exchange.AddHeader("Set-Cookie", SessionCookie(token, services.auth.session_absolute));
  exchange.SendJson(
      Code::Created,
      {{"token", token}, {"csrf_token", csrf}, {"principal", PrincipalToJson(*opened)}});
}

void Logout(Exchange& exchange, Services& services) {
  auto principal = RequirePrincipal(exchange, services);
  if (!principal) return exchange.SendError(principal.error());
  auto closed = services.database.InTransaction([&](Transaction& tx) -> Status {
    AccountRepository::RevokeSession(tx, principal->user_id, principal->session_id);
    return {};
  });
  services.sessions->Invalidate();
  if (!closed) return exchange.SendError(closed.error());
  exchange.AddHeader("Set-Cookie", SessionCookie("", std::chrono::seconds(0)));
  exchange.SendNoContent();
}

void Me(Exchange& exchange, Services& services) {
  auto principal = RequirePrincipal(exchange, services);
  if (!principal) return exchange.SendError(principal.error());
  exchange.SendJson(Code::Ok, PrincipalToJson(*principal));
}

void ListSessions(Exchange& exchange, Services& services) {
  auto principal = RequirePrincipal(exchange, services);
  if (!principal) return exchange.SendError(principal.error());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& session : AccountRepository::Sessions(tx, principal->user_id)) {
      items.push_back({{"id", session.id.value()},
                       {"created_at", session.created_at},
                       {"last_seen_at", session.last_seen_at},
                       {"expires_at", session.expires_at},
                       {"address", session.address},
                       {"user_agent", session.user_agent},
                       {"current", session.id == principal->session_id}});
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void RevokeSession(Exchange& exchange, Services& services) {
  auto principal = RequirePrincipal(exchange, services);
  if (!principal) return exchange.SendError(principal.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto revoked = services.database.InTransaction([&](Transaction& tx) -> Status {
    if (!AccountRepository::RevokeSession(tx, principal->user_id, SessionId(*id))) {
      return Fail(Error::NotFound("Aucune de vos sessions ouvertes ne porte cet identifiant."));
    }
    return {};
  });
  services.sessions->Invalidate();
  if (!revoked) return exchange.SendError(revoked.error());
  exchange.SendNoContent();
}

}  // namespace

void RegisterAuthRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/auth/login", [&services](Exchange& e) { Login(e, services); });
  table.Post("/v1/auth/logout", [&services](Exchange& e) { Logout(e, services); });
  table.Get("/v1/auth/me", [&services](Exchange& e) { Me(e, services); });
  table.Get("/v1/auth/sessions", [&services](Exchange& e) { ListSessions(e, services); });
  table.Post("/v1/auth/sessions/{id}/revoke",
             [&services](Exchange& e) { RevokeSession(e, services); });
}

}  // namespace nuitee::api
