// Accounts made by others, and passwords set through one-time links (issue 5):
// - the operator or a collectivity's admin invites staff, a referent invites a host's own account;
//   the account has no password until its owner opens the invitation's link (valid 7 days);
// - anyone may ask for a password reset (valid 1 hour); the answer never tells whether the address
//   has an account, and choosing the new password ends every session of the account.
// The link's token is sent only by mail, stored only as its digest, and used once. Each mail is
// queued in the transaction that creates its link (persistence::QueueMail).
#include <algorithm>
#include <utility>

#include "api/http/json_body.hpp"
#include "api/http/write_audit_context.hpp"
#include "api/logger.hpp"
#include "api/routes/account_links.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/reset_throttle.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/mail_address.hpp"
#include "persistence/account_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/write_audit.hpp"
#include "security/password_hash.hpp"
#include "security/password_policy.hpp"
#include "security/secret_token.hpp"

namespace nuitee::api {
namespace {

using persistence::AccountRepository;
using persistence::Transaction;
using Pistache::Http::Code;
using LinkPurpose = AccountRepository::LinkPurpose;

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return text;
}

Status SendLink(Transaction& tx, const Services& services, const persistence::StoredUser& user,
                LinkPurpose purpose, const std::string& actor) {
  return api::SendLink(tx, services, user, purpose, DefaultLinkMail(purpose), {}, actor);
}

struct Invitation {
  std::string email;
  std::string display_name;
  std::vector<Role> roles;
};

Result<Invitation> InvitationFromJson(const nlohmann::json& body, bool staff) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  Invitation invitation;
  invitation.email = Lowercase(reader.String("email", Presence::kRequired, 254).value_or(""));
  if (!invitation.email.empty() && !IsDeliverableAddress(invitation.email)) {
    errors.Add("/email", "Cette adresse électronique n'est pas utilisable.");
  }
  invitation.display_name = reader.String("display_name", Presence::kRequired, 200).value_or("");
  if (staff) {
    auto roles = reader.StringArray("roles", Presence::kRequired, 20, 3);
    if (roles && roles->empty()) errors.Add("/roles", "Indiquez au moins un rôle.");
    for (std::size_t i = 0; roles && i < roles->size(); ++i) {
      auto role = ParseRole((*roles)[i]);
      if (!role) {
        errors.Add("/roles/" + std::to_string(i),
                   "Rôle inconnu : « " + (*roles)[i] + " » (referent, finance ou admin).");
      } else if (std::find(invitation.roles.begin(), invitation.roles.end(), *role) ==
                 invitation.roles.end()) {
        invitation.roles.push_back(*role);
      }
    }
  }
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return invitation;
}

nlohmann::json AccountJson(const persistence::StoredUser& user, const Invitation& invitation) {
  nlohmann::json roles = nlohmann::json::array();
  for (Role role : invitation.roles) roles.push_back(RoleName(role));
  return {{"id", user.id.value()},
          {"kind", UserKindName(user.kind)},
          {"email", user.email},
          {"display_name", user.display_name},
          {"roles", roles},
          {"invitation_sent", true}};
}

// POST /v1/collectivities/{id}/users (staff) and POST /v1/hosts/{id}/users (a host's account).
void Invite(Exchange& exchange, Services& services, bool staff) {
  auto path_id = PathId(exchange);
  if (!path_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto invitation = InvitationFromJson(*body, staff);
  if (!invitation) return exchange.SendError(invitation.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    std::optional<CollectivityId> collectivity;
    std::vector<HostId> hosts;
    if (staff) {
      collectivity = CollectivityId(*path_id);
    } else {
      collectivity = persistence::HostRepository::CollectivityOf(tx, HostId(*path_id));
      if (!collectivity) return Fail(Error::NotFound("Cet hébergeur n'existe pas."));
      hosts.push_back(HostId(*path_id));
    }
    if (!AccountRepository::FindByEmail(tx, invitation->email, collectivity).empty()) {
      return Fail(Error{ErrorCode::kAlreadyExists,
                        "Un compte utilise déjà cette adresse dans cette collectivité.",
                        {{"/email", "Un compte utilise déjà cette adresse."}},
                        {}});
    }
    auto user = AccountRepository::CreateUser(
        tx, {staff ? UserKind::kStaff : UserKind::kHost, invitation->email,
             invitation->display_name, collectivity, std::nullopt, invitation->roles, hosts,
             exchange.Actor()});
    if (!user) return Fail(user.error());
    if (auto sent = SendLink(tx, services, *user, LinkPurpose::kInvitation, exchange.Actor());
        !sent) {
      return Fail(sent.error());
    }
    return Reply{Code::Created, AccountJson(*user, *invitation), "", std::nullopt};
  });
  services.wake_mail_delivery();
}

struct NewPassword {
  std::string token;
  std::string password;
};

Result<NewPassword> NewPasswordFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  NewPassword request;
  request.token = reader.String("token", Presence::kRequired, 100).value_or("");
  request.password = reader.String("password", Presence::kRequired, 200).value_or("");
  if (!request.password.empty()) {
    if (auto refusal = security::PasswordRefusal(request.password)) {
      errors.Add("/password", *refusal);
    }
  }
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

// POST /v1/auth/invitations/accept and /v1/auth/password-resets/confirm: the link's token and the
// chosen password. A used, expired or unknown token gets the same answer.
void SetPassword(Exchange& exchange, Services& services, LinkPurpose purpose) {
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = NewPasswordFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  auto hash = security::HashPassword(request->password, services.auth.scrypt);
  if (!hash) return exchange.SendError(Error::Internal());
  auto done = services.database.InTransaction([&](Transaction& tx) -> Status {
    auto user =
        AccountRepository::UseOneTimeLink(tx, security::TokenDigest(request->token), purpose);
    if (!user) {
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un "
                        "nouveau.",
                        {{"/token", "Lien inconnu, déjà utilisé ou expiré."}},
                        {}});
    }
    NoteAuditAccount(user->id, user->email, user->kind, user->collectivity);  // the link's holder
    AccountRepository::SetPasswordHash(tx, user->id, *hash);
    if (purpose == LinkPurpose::kPasswordReset) AccountRepository::RevokeAllSessions(tx, user->id);
    return {};
  });
  if (!done) return exchange.SendError(done.error());
  services.sessions->Invalidate();
  exchange.SendNoContent();
}

// POST /v1/auth/password-resets: always 202, whether or not the address has an account.
void RequestReset(Exchange& exchange, Services& services) {
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  const std::string email = Lowercase(reader.String("email", Presence::kRequired, 254).value_or(""));
  std::optional<CollectivityId> collectivity;
  if (auto id = reader.String("collectivity_id", Presence::kOptional, 36)) {
    collectivity = CollectivityId(*id);
  }
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  auto may_mail = AdmitResetRequest(exchange, services, email);  // 429 for a flood from one client
  if (!may_mail) return exchange.SendError(may_mail.error());
  auto done = services.database.InTransaction([&](Transaction& tx) -> Status {
    if (!*may_mail) return {};  // enough mails to this address lately: the same 202, no new one
    bool noted = false;
    for (const auto& user : AccountRepository::FindByEmail(tx, email, collectivity)) {
      // Audited as asked anonymously, about this account (for its collectivity's admins).
      if (!std::exchange(noted, true) && user.collectivity) {
        persistence::NoteWriteTarget("user", user.id.value(), user.collectivity->value());
      }
      if (auto sent = SendLink(tx, services, user, LinkPurpose::kPasswordReset, "password-reset");
          !sent) {
        return Fail(sent.error());
      }
    }
    return {};
  });
  if (!done) return exchange.SendError(done.error());
  services.wake_mail_delivery();
  exchange.SendJson(Code::Accepted,
                    {{"detail",
                      "Si un compte utilise cette adresse, un courriel vient de lui être envoyé "
                      "avec un lien valable une heure."}});
}

}  // namespace

void RegisterAccountRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities/{id}/users",
             [&services](Exchange& e) { Invite(e, services, /*staff=*/true); });
  table.Post("/v1/hosts/{id}/users",
             [&services](Exchange& e) { Invite(e, services, /*staff=*/false); });
  table.Post("/v1/auth/invitations/accept", [&services](Exchange& e) {
    SetPassword(e, services, LinkPurpose::kInvitation);
  });
  table.Post("/v1/auth/password-resets", [&services](Exchange& e) { RequestReset(e, services); });
  table.Post("/v1/auth/password-resets/confirm", [&services](Exchange& e) {
    SetPassword(e, services, LinkPurpose::kPasswordReset);
  });
}

}  // namespace nuitee::api
