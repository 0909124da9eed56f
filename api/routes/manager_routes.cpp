// /v1/hosts/{id}/managers: a host (its own account) or its collectivity's referent gives a manager
// (conciergerie, agency) access to the host's records, and ends it. An address with a manager
// account gets the access and a mail; an address without an account gets a manager account and an
// invitation to choose its password. Grants are never deleted: an ended one keeps its dates and
// who made them. A manager never reaches these routes (the access table admits only a host's own
// account), so it cannot grant itself anything.
#include <algorithm>

#include "api/http/json_body.hpp"
#include "api/routes/account_links.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/mail_address.hpp"
#include "persistence/account_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/mail_queue.hpp"
#include "persistence/manager_access_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::AccountRepository;
using persistence::ManagerAccessRepository;
using persistence::ManagerGrant;
using persistence::StoredUser;
using persistence::Transaction;
using Pistache::Http::Code;

struct GrantRequest {
  std::string email;
  std::optional<std::string> display_name;  // needed only for an address without an account
};

Result<GrantRequest> GrantRequestFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  GrantRequest request;
  request.email = reader.String("email", Presence::kRequired, 254).value_or("");
  std::transform(request.email.begin(), request.email.end(), request.email.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  if (!request.email.empty() && !IsDeliverableAddress(request.email)) {
    errors.Add("/email", "Cette adresse électronique n'est pas utilisable.");
  }
  request.display_name = reader.String("display_name", Presence::kOptional, 200);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

nlohmann::json GrantJson(const ManagerGrant& grant) {
  auto optional = [](const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json();
  };
  return {{"id", grant.id},
          {"user_id", grant.user_id.value()},
          {"email", grant.email},
          {"display_name", grant.display_name},
          {"account_activated", grant.password_chosen},
          {"active", !grant.revoked_at.has_value()},
          {"granted_at", grant.granted_at},
          {"granted_by", optional(grant.granted_by)},
          {"revoked_at", optional(grant.revoked_at)},
          {"revoked_by", optional(grant.revoked_by)}};
}

std::string ManagersPath(const std::string& host) { return "/v1/hosts/" + host + "/managers"; }

// The manager account of the address in the host's collectivity, created (without a password)
// when there is none. `created` tells which.
Result<StoredUser> ManagerAccount(Transaction& tx, const CollectivityId& collectivity,
                                  const GrantRequest& request, const std::string& actor,
                                  bool& created) {
  auto existing = AccountRepository::FindByEmail(tx, request.email, collectivity);
  if (!existing.empty()) {
    if (existing.front().kind != UserKind::kManager) {
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "Cette adresse est celle d'un compte d'hébergeur ou d'agent, pas d'un "
                        "gestionnaire : indiquez l'adresse de la conciergerie ou de l'agence.",
                        {{"/email", "Cette adresse n'est pas celle d'un gestionnaire."}},
                        {}});
    }
    created = false;
    return existing.front();
  }
  if (!request.display_name || request.display_name->empty()) {
    return Fail(Error::InvalidArgument(
        "/display_name",
        "Indiquez le nom du gestionnaire (société ou personne) : cette adresse n'a pas encore de "
        "compte, il en recevra un."));
  }
  created = true;
  return AccountRepository::CreateUser(tx, {UserKind::kManager,
                                            request.email,
                                            *request.display_name,
                                            collectivity,
                                            std::nullopt,
                                            {},
                                            {},
                                            actor});
}

// The mail of a grant: an invitation for a new account, a notice for an existing one.
Status MailGrant(Transaction& tx, const Services& services, const StoredUser& manager,
                 const std::string& host_name, bool invited, const std::string& actor) {
  if (invited) {
    return SendLink(tx, services, manager, AccountRepository::LinkPurpose::kInvitation,
                    MailKind::kManagerInvitation, {{"hebergeur", host_name}}, actor);
  }
  auto queued = persistence::QueueMail(tx, {manager.collectivity,
                                            MailKind::kManagerAccess,
                                            manager.email,
                                            {{"destinataire", manager.display_name},
                                             {"hebergeur", host_name},
                                             {"portail", services.public_url}},
                                            actor});
  if (!queued) return Fail(queued.error());
  return {};
}

// POST /v1/hosts/{id}/managers
void Grant(Exchange& exchange, Services& services) {
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = GrantRequestFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto host = persistence::HostRepository::Find(tx, *tenant, HostId(*host_id));
    if (!host) return Fail(host.error());
    bool invited = false;
    auto manager = ManagerAccount(tx, *tenant, *request, exchange.Actor(), invited);
    if (!manager) return Fail(manager.error());
    auto grant = ManagerAccessRepository::Grant(tx, manager->id, host->id, exchange.Actor());
    if (!grant) return Fail(grant.error());
    if (auto mailed =
            MailGrant(tx, services, *manager, host->legal_name, invited, exchange.Actor());
        !mailed) {
      return Fail(mailed.error());
    }
    nlohmann::json answer = GrantJson(*grant);
    answer["invitation_sent"] = invited;
    return Reply{Code::Created, answer, ManagersPath(*host_id), std::nullopt};
  });
  // The manager's live sessions must see the new host now, not after the cache's TTL.
  services.sessions->Invalidate();
  services.wake_mail_delivery();
}

// GET /v1/hosts/{id}/managers: every grant, live and ended, newest first.
void List(Exchange& exchange, Services& services) {
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& grant : ManagerAccessRepository::ForHost(tx, HostId(*host_id))) {
      items.push_back(GrantJson(grant));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

// POST /v1/hosts/{id}/managers/{user_id}/revoke: ends the live grant at once.
void Revoke(Exchange& exchange, Services& services) {
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto user_id = PathId(exchange, "user_id");
  if (!user_id) return;
  auto ended = services.database.InTransaction([&](Transaction& tx) {
    return ManagerAccessRepository::Revoke(tx, UserId(*user_id), HostId(*host_id),
                                           exchange.Actor());
  });
  if (!ended) return exchange.SendError(ended.error());
  // A cached session of the manager would otherwise keep the host for up to the TTL.
  services.sessions->Invalidate();
  exchange.SendJson(Code::Ok, GrantJson(*ended));
}

}  // namespace

void RegisterManagerRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/hosts/{id}/managers", [&services](Exchange& e) { List(e, services); });
  table.Post("/v1/hosts/{id}/managers", [&services](Exchange& e) { Grant(e, services); });
  table.Post("/v1/hosts/{id}/managers/{user_id}/revoke",
             [&services](Exchange& e) { Revoke(e, services); });
}

}  // namespace nuitee::api
