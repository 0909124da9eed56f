// Mail over HTTP: each kind's wording (Nuitée's, or the collectivity's own, versioned with
// If-Match), the test mail, and the list of mails where staff see what was sent and what never
// arrived, with attempts and last error, never a body.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "domain/mail_template.hpp"
#include "mailer/mail_delivery.hpp"
#include "mailer/smtp_transport.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/smtp_catcher.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::CollectivityBody;
using testing::CreateCollectivity;
using testing::ETag;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestServer;

std::string Templates(const std::string& collectivity) {
  return "/v1/collectivities/" + collectivity + "/mail-templates";
}
std::string Mails(const std::string& collectivity) {
  return "/v1/collectivities/" + collectivity + "/mails";
}

HttpResponse PutTemplate(HttpClient& client, const std::string& path, const json& body,
                         const std::string& if_match = {}) {
  std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
  if (!if_match.empty()) headers["If-Match"] = if_match;
  return client.Request("PUT", path, body.dump(), headers);
}

std::multiset<std::string> Pointers(const HttpResponse& response) {
  std::multiset<std::string> pointers;
  const json body = response.Json();
  for (const auto& each : body.at("errors")) pointers.insert(each.at("pointer"));
  return pointers;
}

HttpResponse SendTestMail(HttpClient& client, const std::string& collectivity,
                          const std::string& to, std::map<std::string, std::string> headers = {}) {
  return client.PostJson(Mails(collectivity) + ":test", {{"to", to}}, std::move(headers));
}

mailer::SmtpSettings LoopbackSmtp(const std::string& url) {
  mailer::SmtpSettings settings;
  settings.url = url;
  settings.from = {"Nuitée", "nuitee@example.fr"};
  settings.starttls = mailer::StartTls::kOptional;
  settings.connect_timeout = std::chrono::seconds(5);
  return settings;
}

TEST(MailTemplates, ShowNuiteesTextUntilTheCollectivityWritesItsOwn) {
  TestServer server;
  const std::string id = CreateCollectivity(server.client());
  server.ActAsStaff(id);
  const auto read = server.client().Get(Templates(id) + "/invitation");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Header("etag"), "");
  const json body = read.Json();
  const MailTemplate shipped = DefaultMailTemplate(MailKind::kInvitation);
  EXPECT_EQ(body.at("kind"), "invitation");
  EXPECT_EQ(body.at("is_default"), true);
  EXPECT_EQ(body.at("version"), 0);
  EXPECT_EQ(body.at("subject"), shipped.subject);
  EXPECT_EQ(body.at("body"), shipped.body);
  EXPECT_EQ(body.at("default").at("body"), shipped.body);
  EXPECT_TRUE(body.at("recorded_by").is_null());
  std::set<std::string> names;
  for (const auto& each : body.at("placeholders")) {
    names.insert(each.at("name"));
    if (each.at("name") == "lien") {
      EXPECT_EQ(each.at("required"), true);
    }
  }
  EXPECT_EQ(names, (std::set<std::string>{"collectivite", "destinataire", "lien", "date_limite"}));

  const auto all = server.client().Get(Templates(id));
  ASSERT_EQ(all.status, 200) << all.body;
  std::set<std::string> kinds;
  const json items = all.Json().at("items");
  for (const auto& each : items) kinds.insert(each.at("kind"));
  EXPECT_EQ(kinds, (std::set<std::string>{"invitation", "password_reset", "test", "manager_access",
                                          "manager_invitation", "declaration_invitation",
                                          "first_reminder", "second_reminder", "formal_notice"}));
}

TEST(MailTemplates, APutStoresAVersionThatIfMatchGuards) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  const std::string path = Templates(id) + "/password_reset";
  const json own = {{"subject", "Mairie de Murat : nouveau mot de passe"},
                    {"body",
                     "Bonjour {{ destinataire }},\r\nOuvrez {{lien}} avant le "
                     "{{date_limite}}.\r\n"}};
  const auto first = PutTemplate(client, path, own);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Header("etag"), ETag(1));
  EXPECT_EQ(first.Json().at("is_default"), false);
  EXPECT_EQ(first.Json().at("recorded_by"), TestServer::StaffEmail(id));
  EXPECT_EQ(first.Json().at("body"),
            "Bonjour {{ destinataire }},\nOuvrez {{lien}} avant le {{date_limite}}.\n");
  EXPECT_EQ(client.Get(path).Json().at("subject"), "Mairie de Murat : nouveau mot de passe");

  EXPECT_EQ(PutTemplate(client, path, own).status, 428);
  EXPECT_EQ(PutTemplate(client, path, own, ETag(7)).status, 412);
  const auto same = PutTemplate(client, path, own, ETag(1));
  EXPECT_EQ(same.status, 200);
  EXPECT_EQ(same.Header("etag"), ETag(1)) << "the same wording stores nothing";

  const auto back = PutTemplate(client, path, {{"use_default", true}}, ETag(1));
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.Header("etag"), ETag(2));
  EXPECT_EQ(back.Json().at("is_default"), true);
  EXPECT_EQ(back.Json().at("body"), DefaultMailTemplate(MailKind::kPasswordReset).body);
}

TEST(MailTemplates, RefusesAWordingThatCannotWorkWithEveryProblemAtOnce) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  const std::string path = Templates(id) + "/invitation";
  const auto refused =
      PutTemplate(client, path, {{"subject", "Bonjour {{prenom}}"}, {"body", "Venez {{ici"}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Pointers(refused), (std::multiset<std::string>{"/subject", "/body"}));
  const auto without_link =
      PutTemplate(client, path, {{"subject", "Invitation"}, {"body", "Bonjour {{destinataire}}"}});
  ASSERT_EQ(without_link.status, 422);
  EXPECT_NE(without_link.body.find("{{lien}}"), std::string::npos);
  EXPECT_EQ(PutTemplate(client, path, {{"subject", "S"}}).status, 400);
  EXPECT_EQ(PutTemplate(client, path, {{"use_default", true}, {"subject", "S"}}).status, 400);
  EXPECT_EQ(PutTemplate(client, path, {{"subject", "S"}, {"body", "{{lien}}"}, {"x", 1}}).status,
            400);
  EXPECT_EQ(client.Get(path).Json().at("is_default"), true) << "nothing was stored";
}

TEST(MailTemplates, AnswerNotFoundForAnUnknownKindOrAnotherCollectivity) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  const std::string other = CreateCollectivity(client, CollectivityBody("200066645"));
  EXPECT_EQ(client.Get(Templates(id) + "/relance").status, 404);
  EXPECT_EQ(PutTemplate(client, Templates(id) + "/relance", {{"use_default", true}}).status, 404);
  EXPECT_EQ(client.Get(Templates(id) + "/test", client.AsStaffOf(other)).status, 404);
  EXPECT_EQ(client.Get(Templates("00000000-0000-4000-8000-000000000000") + "/test").status, 404);
}

TEST(Mails, ATestMailIsQueuedInTheCollectivitysWordingAndListedWithoutItsBody) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  const auto queued = SendTestMail(client, id, "accueil@murat.example.fr");
  ASSERT_EQ(queued.status, 202) << queued.body;
  const json mail = queued.Json();
  EXPECT_EQ(mail.at("kind"), "test");
  EXPECT_EQ(mail.at("to"), "accueil@murat.example.fr");
  EXPECT_EQ(mail.at("subject"),
            "Nuitée : courriel d'essai – Communauté de communes du Pays de Murat");
  EXPECT_EQ(mail.at("status"), "pending");
  EXPECT_EQ(mail.at("attempts"), 0);
  EXPECT_EQ(mail.at("created_by"), TestServer::StaffEmail(id));
  EXPECT_FALSE(mail.contains("body"));

  const auto listed = client.Get(Mails(id) + "?status=pending");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json().at("items").size(), 1u);
  EXPECT_EQ(listed.Json().at("items")[0].at("id"), mail.at("id"));
  EXPECT_FALSE(listed.Json().at("items")[0].contains("body"));
  EXPECT_TRUE(client.Get(Mails(id) + "?status=sent").Json().at("items").empty());
  EXPECT_EQ(client.Get(Mails(id) + "?status=lost").status, 400);
}

TEST(Mails, RefuseAnUnusableAddressAndStayWithinTheirCollectivity) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  const std::string other = CreateCollectivity(client, CollectivityBody("200066645"));
  const auto refused = SendTestMail(client, id, "pas une adresse");
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(Pointers(refused), (std::multiset<std::string>{"/to"}));
  EXPECT_EQ(SendTestMail(client, id, "a@example.fr>\r\nRCPT TO:<b@example.fr").status, 400);

  ASSERT_EQ(SendTestMail(client, id, "accueil@murat.example.fr").status, 202);
  EXPECT_TRUE(client.Get(Mails(other), client.AsStaffOf(other)).Json().at("items").empty());
  EXPECT_EQ(client.Get(Mails(id), client.AsStaffOf(other)).status, 404);
  EXPECT_EQ(SendTestMail(client, id, "x@example.fr", client.AsStaffOf(other)).status, 404);
}

TEST(Mails, ATestMailIsQueuedOncePerIdempotencyKey) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  const auto first =
      SendTestMail(client, id, "accueil@murat.example.fr", {{"Idempotency-Key", "essai-1"}});
  const auto again =
      SendTestMail(client, id, "accueil@murat.example.fr", {{"Idempotency-Key", "essai-1"}});
  ASSERT_EQ(first.status, 202);
  ASSERT_EQ(again.status, 202);
  EXPECT_EQ(again.Header("idempotent-replayed"), "true");
  EXPECT_EQ(again.Json().at("id"), first.Json().at("id"));
  EXPECT_EQ(client.Get(Mails(id)).Json().at("items").size(), 1u);
}

// A reminder withdrawn by the sender (its months were declared meanwhile, issue 6) is listed with
// when and why, and never sent.
TEST(Mails, AWithdrawnMailIsListedWithWhenAndWhy) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  ASSERT_EQ(SendTestMail(client, id, "accueil@murat.example.fr").status, 202);
  // As the sender does it (MailOutboxRepository::WithdrawDeclared), here by hand.
  server.db().Execute(
      "UPDATE mail_outbox SET withdrawn_at = now(), "
      "withdrawn_reason = 'Retiré : les mois relancés ont été déclarés.'");
  const auto withdrawn = client.Get(Mails(id) + "?status=withdrawn");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  const auto items = withdrawn.Json().at("items");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("status"), "withdrawn");
  EXPECT_FALSE(items[0].at("withdrawn_at").is_null());
  EXPECT_EQ(items[0].at("withdrawn_reason"), "Retiré : les mois relancés ont été déclarés.");
  EXPECT_TRUE(items[0].at("sent_at").is_null());
  const auto pending = client.Get(Mails(id) + "?status=pending").Json().at("items");
  ASSERT_EQ(pending.size(), 0u);
}

// The whole way: queued over HTTP, delivered to a real SMTP server that then stops, retried, and
// finally dead, which staff see in the list with its attempts and last error.
TEST(Mails, AStoppedSmtpServerLeadsToRetriesThenADeadMailThatStaffSee) {
  TestServer server;
  auto& client = server.client();
  const std::string id = CreateCollectivity(client);
  server.ActAsStaff(id);
  testing::SmtpCatcher catcher;
  mailer::SmtpTransport transport(LoopbackSmtp(catcher.Url()));
  mailer::MailDelivery delivery(server.db().database(), transport,
                                {20, std::chrono::seconds(300), {2, {}, {}}});

  ASSERT_EQ(SendTestMail(client, id, "arrive@example.fr").status, 202);
  ASSERT_TRUE(delivery.DeliverDue());
  ASSERT_EQ(catcher.WaitForMails(1).size(), 1u);
  const auto sent = client.Get(Mails(id) + "?status=sent").Json().at("items");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].at("attempts"), 1);
  EXPECT_FALSE(sent[0].at("sent_at").is_null());
  EXPECT_TRUE(sent[0].at("next_attempt_at").is_null());

  catcher.Stop();
  ASSERT_EQ(SendTestMail(client, id, "perdu@example.fr").status, 202);
  ASSERT_TRUE(delivery.DeliverDue());
  const auto pending = client.Get(Mails(id) + "?status=pending").Json().at("items");
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].at("to"), "perdu@example.fr");
  EXPECT_EQ(pending[0].at("attempts"), 1);
  EXPECT_FALSE(pending[0].at("next_attempt_at").is_null());
  EXPECT_EQ(pending[0].at("last_error").get<std::string>().rfind("Le serveur SMTP est injoignable"),
            0u);

  ASSERT_TRUE(delivery.DeliverDue());
  EXPECT_TRUE(client.Get(Mails(id) + "?status=pending").Json().at("items").empty());
  const auto dead = client.Get(Mails(id) + "?status=dead");
  ASSERT_EQ(dead.status, 200);
  const auto items = dead.Json().at("items");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("to"), "perdu@example.fr");
  EXPECT_EQ(items[0].at("status"), "dead");
  EXPECT_EQ(items[0].at("attempts"), 2);
  EXPECT_FALSE(items[0].at("dead_at").is_null());
  EXPECT_NE(items[0].at("last_error").get<std::string>().find("injoignable"), std::string::npos);
  EXPECT_EQ(client.Get(Mails(id)).Json().at("items").size(), 2u);
}

}  // namespace
}  // namespace nuitee
