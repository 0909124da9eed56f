// Throttling of password-reset requests (issue 5), without changing what the always-202 answer
// tells a legitimate user: a client that asks too often gets 429 with Retry-After whatever the
// address (so the 429 says nothing about accounts); an address that was already sent enough mails
// lately gets the same 202 but no new mail, since the links it received still work.
#pragma once

#include <string>

#include "api/http/exchange.hpp"
#include "api/services.hpp"

namespace nuitee::api {

// Records the request; true when a mail may be sent to `email`, 429 (with Retry-After) when the
// client asked too often.
Result<bool> AdmitResetRequest(Exchange& exchange, Services& services, const std::string& email);

}  // namespace nuitee::api
