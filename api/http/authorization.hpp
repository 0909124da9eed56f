// The access check every route's guard runs before its handler: who the caller is (session),
// whether the route's rule admits it, and whether the record the path names is its own.
#pragma once

#include "api/http/access_policy.hpp"
#include "api/http/exchange.hpp"
#include "api/services.hpp"

namespace nuitee::api {

// Records the caller on the exchange and returns true when it may go on; otherwise answers and
// returns false:
// - 401 when a session is needed and there is none (or it is unknown, expired or revoked);
// - 403 when the caller is signed in but the route is not for its kind or roles;
// - 404 when the path names a collectivity, host or accommodation that is not the caller's,
//   exactly as if it did not exist (a host never learns that another host's records exist).
bool Authorize(Exchange& exchange, Services& services, const AccessRule& rule);

}  // namespace nuitee::api
