// The request's principal, host, address, ids and route, as the write audit records them.
#include "api/http/write_audit_context.hpp"

#include "api/http/authentication.hpp"
#include "api/http/identifiers.hpp"

namespace nuitee::api {
namespace {

const char* TargetKindOf(Ownership ownership) {
  switch (ownership) {
    case Ownership::kPathCollectivity:
      return "collectivity";
    case Ownership::kPathHost:
      return "host";
    case Ownership::kPathAccommodation:
      return "accommodation";
    case Ownership::kNone:
      return nullptr;
  }
  return nullptr;
}

void SetPrincipal(persistence::WriteAuditContext& context, const Principal& principal) {
  if (IsUuid(principal.user_id.value())) context.principal_user_id = principal.user_id.value();
  context.principal = principal.email;
  context.principal_kind = std::string(UserKindName(principal.kind));
  if (principal.collectivity) context.collectivity_id = principal.collectivity->value();
  // A host account acting for a single host acts on its behalf even where no path names it
  // (its sessions); a manager's host is known only from the record the path names.
  if (principal.kind == UserKind::kHost && principal.hosts.size() == 1 &&
      !context.on_behalf_of_host_id) {
    context.on_behalf_of_host_id = principal.hosts.front().value();
  }
}

}  // namespace

bool IsWriteMethod(std::string_view method) {
  return method == "post" || method == "put" || method == "patch" || method == "delete";
}

persistence::WriteAuditContext WriteAuditContextOf(const Exchange& exchange,
                                                   const AccessRule& rule) {
  persistence::WriteAuditContext context;
  // A manager acts for the host of the path (set by the guard); so does a host's own account.
  if (exchange.on_behalf_of()) {
    context.on_behalf_of_host_id = exchange.on_behalf_of()->value();
  } else if (exchange.principal() && exchange.principal()->kind == UserKind::kHost &&
             exchange.path_host()) {
    context.on_behalf_of_host_id = exchange.path_host()->value();
  }
  if (exchange.principal()) SetPrincipal(context, *exchange.principal());
  context.address = ClientAddress(exchange);
  context.request_id = exchange.request_id();
  context.method = exchange.method();
  context.route = std::string(rule.path);
  context.path = exchange.path();
  if (const char* kind = TargetKindOf(rule.ownership)) {
    const std::string id = exchange.Param("id");
    if (IsUuid(id)) {
      context.target_kind = kind;
      context.target_id = id;
      // The operator has no collectivity of its own: it acts in the one the path names.
      if (!context.collectivity_id && rule.ownership == Ownership::kPathCollectivity) {
        context.collectivity_id = id;
      }
    }
  }
  return context;
}

void NoteAuditAccount(const UserId& user, const std::string& email, UserKind kind,
                      const std::optional<CollectivityId>& collectivity) {
  Principal holder;
  holder.user_id = user;
  holder.email = email;
  holder.kind = kind;
  holder.collectivity = collectivity;
  NoteAuditPrincipal(holder);
}

void NoteAuditPrincipal(const Principal& principal) {
  auto* context = persistence::WriteAuditScope::Current();
  if (context == nullptr) return;
  SetPrincipal(*context, principal);
  context->target_kind = "user";
  context->target_id = principal.user_id.value();
}

}  // namespace nuitee::api
