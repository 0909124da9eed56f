// /v1/collectivities/{id}/mails: what the outbox holds for a collectivity (pending, sent, dead,
// with attempts and last error), and POST .../mails:test, which queues a test mail to check that
// mail leaves and arrives.
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/mail_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/mail_outbox_repository.hpp"
#include "persistence/mail_queue.hpp"

namespace nuitee::api {
namespace {

using persistence::MailOutboxRepository;
using persistence::Transaction;
using Pistache::Http::Code;

Result<std::optional<persistence::MailStatus>> ReadStatus(const QueryParameters& query) {
  auto name = query.Get("status");
  if (!name) return std::optional<persistence::MailStatus>();
  auto status = persistence::ParseMailStatus(*name);
  if (!status) {
    return Fail(Error::InvalidArgument("/query/status",
                                       "« status » vaut « pending », « sent » ou « dead »."));
  }
  return std::optional(*status);
}

void List(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto query = QueryParameters::Read(exchange, WithPagination({"status"}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  auto status = ReadStatus(*query);
  if (!status) return exchange.SendError(status.error());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *tenant);
    if (!collectivity) return Fail(collectivity.error());
    return PageJson(MailOutboxRepository::List(tx, *tenant, *status, *page), QueuedMailToJson);
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void SendTest(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  auto to = reader.String("to", Presence::kRequired, 254);
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto queued = persistence::QueueMail(tx, {*tenant, MailKind::kTest, *to, {}, exchange.Actor()});
    if (!queued) return Fail(queued.error());
    return Reply{Code::Accepted, QueuedMailToJson(*queued), {}, std::nullopt};
  });
  services.wake_mail_delivery();
}

}  // namespace

void RegisterMailRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/mails", [&services](Exchange& e) { List(e, services); });
  table.Post("/v1/collectivities/{id}/mails:test",
             [&services](Exchange& e) { SendTest(e, services); });
}

}  // namespace nuitee::api
