// /v1/collectivities/{id}/mail-templates: the wording of each kind of mail, Nuitée's until the
// collectivity writes its own. A PUT that changes it appends a version; a PUT of
// {"use_default": true} returns to Nuitée's text.
#include "api/http/json_body.hpp"
#include "api/json/mail_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/mail_template_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::MailTemplateRepository;
using persistence::StoredMailTemplate;
using persistence::Transaction;
using Pistache::Http::Code;

// The kind named in the path; otherwise answers 404 and returns nullopt.
std::optional<MailKind> PathKind(Exchange& exchange) {
  auto kind = ParseMailKind(exchange.Param("kind"));
  if (!kind) exchange.SendError(Error::NotFound("Aucun modèle de courriel ne porte ce nom."));
  return kind;
}

std::optional<long long> VersionOf(const StoredMailTemplate& stored) {
  if (stored.version == 0) return std::nullopt;
  return stored.version;
}

void List(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    nlohmann::json items = nlohmann::json::array();
    for (MailKind kind : AllMailKinds()) {
      items.push_back(MailTemplateToJson(MailTemplateRepository::Latest(tx, *id, kind)));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Read(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto kind = PathKind(exchange);
  if (!kind) return;
  auto found = services.database.InTransaction([&](Transaction& tx) -> Result<StoredMailTemplate> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    return MailTemplateRepository::Latest(tx, *id, *kind);
  });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, MailTemplateToJson(*found), VersionOf(*found));
}

// Precondition, then the append (or nothing when the wording in force does not change).
Result<StoredMailTemplate> Record(Transaction& tx, const CollectivityId& id, MailKind kind,
                                  const std::optional<MailTemplate>& wording,
                                  const std::optional<IfMatch>& condition,
                                  const std::string& actor) {
  auto collectivity = persistence::CollectivityRepository::Find(tx, id);
  if (!collectivity) return Fail(collectivity.error());
  MailTemplateRepository::Lock(tx, id, kind);
  const StoredMailTemplate latest = MailTemplateRepository::Latest(tx, id, kind);
  if (auto ready = CheckIfMatch(condition, VersionOf(latest)); !ready) return Fail(ready.error());
  if (latest.own == wording) return latest;
  return MailTemplateRepository::Append(tx, id, kind, wording, actor);
}

void Put(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto kind = PathKind(exchange);
  if (!kind) return;
  auto condition = OptionalIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto wording = MailTemplateFromJson(*kind, *body);
  if (!wording) return exchange.SendError(wording.error());
  auto recorded = services.database.InTransaction([&](Transaction& tx) {
    return Record(tx, *id, *kind, *wording, *condition, exchange.Actor());
  });
  if (!recorded) return exchange.SendError(recorded.error());
  exchange.SendJson(Code::Ok, MailTemplateToJson(*recorded), VersionOf(*recorded));
}

}  // namespace

void RegisterMailTemplateRoutes(RouteTable& table, Services& services) {
  const std::string base = "/v1/collectivities/{id}/mail-templates";
  table.Get(base, [&services](Exchange& e) { List(e, services); });
  table.Get(base + "/{kind}", [&services](Exchange& e) { Read(e, services); });
  table.Put(base + "/{kind}", [&services](Exchange& e) { Put(e, services); });
}

}  // namespace nuitee::api
