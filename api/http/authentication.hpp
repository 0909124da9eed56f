// Who is calling: the session behind `Authorization: Bearer <token>` or the `nuitee_session`
// cookie. Cookie-authenticated writes must also carry the session's CSRF token in
// `X-CSRF-Token` (a page of another site can make the browser send the cookie, not the header).
#pragma once

#include <optional>
#include <string>

#include "api/http/exchange.hpp"
#include "api/services.hpp"
#include "domain/account.hpp"

namespace nuitee::api {

inline constexpr const char* kSessionCookie = "nuitee_session";

// nullopt for an anonymous request; 401 for a token that is malformed, unknown, revoked or
// expired; 403 for a cookie-authenticated write without the right CSRF token.
Result<std::optional<Principal>> Authenticate(Exchange& exchange, Services& services);

// The principal, or 401 "authentification requise".
Result<Principal> RequirePrincipal(Exchange& exchange, Services& services);

// The client's address as logged and throttled (the peer of the TCP connection).
std::string ClientAddress(const Exchange& exchange);

// The value of one cookie of the request, if present.
std::optional<std::string> RequestCookie(const Exchange& exchange, const std::string& name);

}  // namespace nuitee::api
