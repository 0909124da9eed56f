// Platforms (Airbnb, Booking...): machine clients that collect the tax for hosts and upload their
// statements (issue 5; the upload itself comes with the money capability).
// - The operator creates a platform and issues it API keys. A key is shown once, in the answer
//   that creates it; only its SHA-256 and its first characters are kept. A key is revoked, never
//   deleted, and its last use is recorded.
// - A collectivity's admin registers a platform for its territory, and may end the registration.
// - A key reaches only the collectivities with a live registration of its platform: its identity
//   (GET /v1/platform/me) and their deliberations, whose tariffs it applies.
#include "api/http/identifiers.hpp"
#include "api/http/json_body.hpp"
#include "api/http/platform_key.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/platform_repository.hpp"
#include "security/secret_token.hpp"

namespace nuitee::api {
namespace {

using persistence::PlatformRepository;
using persistence::Transaction;
using Pistache::Http::Code;

nlohmann::json Optional(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json();
}

nlohmann::json ClientJson(const persistence::PlatformClient& client) {
  return {{"id", client.id},
          {"name", client.name},
          {"created_by", client.created_by},
          {"created_at", client.created_at}};
}

nlohmann::json KeyJson(const persistence::PlatformKey& key) {
  return {{"id", key.id},
          {"platform_id", key.platform_id},
          {"prefix", key.prefix},
          {"label", key.label},
          {"created_by", key.created_by},
          {"created_at", key.created_at},
          {"last_used_at", Optional(key.last_used_at)},
          {"active", !key.revoked_at.has_value()},
          {"revoked_at", Optional(key.revoked_at)},
          {"revoked_by", Optional(key.revoked_by)}};
}

nlohmann::json RegistrationJson(const persistence::PlatformRegistration& registration) {
  return {{"id", registration.id},
          {"collectivity_id", registration.collectivity_id},
          {"collectivity_name", registration.collectivity_name},
          {"platform_id", registration.platform_id},
          {"platform_name", registration.platform_name},
          {"active", !registration.ended_at.has_value()},
          {"registered_by", registration.registered_by},
          {"registered_at", registration.registered_at},
          {"ended_by", Optional(registration.ended_by)},
          {"ended_at", Optional(registration.ended_at)}};
}

template <class Read>
void SendList(Exchange& exchange, Services& services, Read read) {
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto items = read(tx);
    if (!items) return Fail(items.error());
    return nlohmann::json{{"items", *items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

Error UnknownPlatform() { return Error::NotFound("Aucune plateforme ne porte cet identifiant."); }

// GET /v1/platforms
void ListPlatforms(Exchange& exchange, Services& services) {
  SendList(exchange, services, [](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& client : PlatformRepository::List(tx)) items.push_back(ClientJson(client));
    return items;
  });
}

// POST /v1/platforms {"name": "Airbnb"}
void CreatePlatform(Exchange& exchange, Services& services) {
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  const std::string name = reader.String("name", Presence::kRequired, 100).value_or("");
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto created = PlatformRepository::Create(tx, name, exchange.Actor());
    if (!created) return Fail(created.error());
    return Reply{Code::Created, ClientJson(*created), "/v1/platforms/" + created->id + "/keys",
                 std::nullopt};
  });
}

// GET /v1/platforms/{id}/keys
void ListKeys(Exchange& exchange, Services& services) {
  auto platform = PathId(exchange);
  if (!platform) return;
  SendList(exchange, services, [&](Transaction& tx) -> Result<nlohmann::json> {
    if (!PlatformRepository::Find(tx, *platform)) return Fail(UnknownPlatform());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& key : PlatformRepository::Keys(tx, *platform)) items.push_back(KeyJson(key));
    return items;
  });
}

// POST /v1/platforms/{id}/keys {"label": "production"}: the key is in this answer only. A retry
// with the same Idempotency-Key gets the key's description without the key itself.
void IssueKey(Exchange& exchange, Services& services) {
  auto platform = PathId(exchange);
  if (!platform) return;
  auto body = ReadOptionalJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  const std::string label = reader.String("label", Presence::kOptional, 100).value_or("");
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(
      exchange, services,
      [&](Transaction& tx) -> Result<Reply> {
        if (!PlatformRepository::Find(tx, *platform)) return Fail(UnknownPlatform());
        const std::string key = NewPlatformKey();
        auto issued = PlatformRepository::IssueKey(tx, *platform, security::TokenDigest(key),
                                                   VisiblePrefix(key), label, exchange.Actor());
        nlohmann::json shown = KeyJson(issued);
        shown["key"] = key;
        return Reply{Code::Created, shown, "/v1/platforms/" + *platform + "/keys", std::nullopt};
      },
      [](const nlohmann::json& body) {
        nlohmann::json described = body;
        described["key"] = nullptr;
        return described;
      });
}

// POST /v1/platforms/{id}/keys/{key_id}/revoke: the key stops working at once on this server.
void RevokeKey(Exchange& exchange, Services& services) {
  auto platform = PathId(exchange);
  if (!platform) return;
  auto key = PathId(exchange, "key_id");
  if (!key) return;
  auto revoked = services.database.InTransaction([&](Transaction& tx) {
    return PlatformRepository::RevokeKey(tx, *platform, *key, exchange.Actor());
  });
  if (!revoked) return exchange.SendError(revoked.error());
  services.sessions->Invalidate();
  exchange.SendJson(Code::Ok, KeyJson(*revoked));
}

// GET /v1/collectivities/{id}/platforms
void ListRegistrations(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  SendList(exchange, services, [&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& each : PlatformRepository::RegistrationsOf(tx, *collectivity)) {
      items.push_back(RegistrationJson(each));
    }
    return items;
  });
}

// POST /v1/collectivities/{id}/platforms {"platform_id": "..."}
void Register(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  const std::string platform = reader.String("platform_id", Presence::kRequired, 36).value_or("");
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    if (!IsUuid(platform) || !PlatformRepository::Find(tx, platform)) {
      return Fail(
          Error::InvalidArgument("/platform_id", "Aucune plateforme ne porte cet identifiant."));
    }
    auto registered = PlatformRepository::Register(tx, *collectivity, platform, exchange.Actor());
    if (!registered) return Fail(registered.error());
    return Reply{Code::Created, RegistrationJson(*registered),
                 "/v1/collectivities/" + collectivity->value() + "/platforms", std::nullopt};
  });
  // The platform's keys reach the collectivity now, not after the cache's TTL.
  services.sessions->Invalidate();
}

// POST /v1/collectivities/{id}/platforms/{platform_id}/revoke: the registration ends at once.
void EndRegistration(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto platform = PathId(exchange, "platform_id");
  if (!platform) return;
  auto ended = services.database.InTransaction([&](Transaction& tx) {
    return PlatformRepository::EndRegistration(tx, *collectivity, *platform, exchange.Actor());
  });
  if (!ended) return exchange.SendError(ended.error());
  services.sessions->Invalidate();
  exchange.SendJson(Code::Ok, RegistrationJson(*ended));
}

// GET /v1/platform/me: the key's platform and the collectivities it may upload for.
void Me(Exchange& exchange, Services& services) {
  const Principal& platform = *exchange.principal();
  auto found = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json collectivities = nlohmann::json::array();
    for (const auto& each :
         PlatformRepository::LiveRegistrationsOfPlatform(tx, platform.user_id.value())) {
      collectivities.push_back({{"id", each.collectivity_id},
                                {"name", each.collectivity_name},
                                {"registered_at", each.registered_at}});
    }
    return nlohmann::json{
        {"platform_id", platform.user_id.value()},
        {"name", platform.display_name},
        {"key", {{"id", platform.session_id.value()}, {"prefix", platform.email}}},
        {"collectivities", collectivities}};
  });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, *found);
}

}  // namespace

void RegisterPlatformRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/platforms", [&services](Exchange& e) { ListPlatforms(e, services); });
  table.Post("/v1/platforms", [&services](Exchange& e) { CreatePlatform(e, services); });
  table.Get("/v1/platforms/{id}/keys", [&services](Exchange& e) { ListKeys(e, services); });
  table.Post("/v1/platforms/{id}/keys", [&services](Exchange& e) { IssueKey(e, services); });
  table.Post("/v1/platforms/{id}/keys/{key_id}/revoke",
             [&services](Exchange& e) { RevokeKey(e, services); });
  table.Get("/v1/collectivities/{id}/platforms",
            [&services](Exchange& e) { ListRegistrations(e, services); });
  table.Post("/v1/collectivities/{id}/platforms",
             [&services](Exchange& e) { Register(e, services); });
  table.Post("/v1/collectivities/{id}/platforms/{platform_id}/revoke",
             [&services](Exchange& e) { EndRegistration(e, services); });
  table.Get("/v1/platform/me", [&services](Exchange& e) { Me(e, services); });
}

}  // namespace nuitee::api
