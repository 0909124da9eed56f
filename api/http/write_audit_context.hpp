// What the write audit records about a request (persistence/write_audit.hpp): built by the route
// guard once the caller is known and admitted, before the handler of a write runs.
#pragma once

#include "api/http/access_policy.hpp"
#include "api/http/exchange.hpp"
#include "persistence/write_audit.hpp"

namespace nuitee::api {

// POST, PUT, PATCH and DELETE: the methods whose committed transactions are audited.
bool IsWriteMethod(std::string_view method);

persistence::WriteAuditContext WriteAuditContextOf(const Exchange& exchange,
                                                   const AccessRule& rule);

// For routes that learn who acts only while running (a login): the account that signed in.
void NoteAuditPrincipal(const Principal& principal);
// Likewise for the holder of a one-time link (invitation, password reset): its account.
void NoteAuditAccount(const UserId& user, const std::string& email, UserKind kind,
                      const std::optional<CollectivityId>& collectivity);

}  // namespace nuitee::api
