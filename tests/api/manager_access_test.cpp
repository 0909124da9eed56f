// Managers (conciergeries, agencies) acting for hosts, end to end over HTTP on a real database: a
// host's own account or the referent grants a manager access by address (an existing manager gets
// a mail, an unknown address an invitation whose link opens a manager account), the grant shows
// at once, its end takes effect at once and keeps the row, a manager never grants anything, and
// what a manager declares is recorded as done by it on behalf of the host.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "mailer/mail_delivery.hpp"
#include "mailer/smtp_transport.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/smtp_catcher.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestServer;

constexpr const char* kManagerEmail = "agence@conciergerie.fr";

class ManagerAccess : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(client());
    server_.ActAsStaff(collectivity_);
    host_ = testing::CreateHost(client(), collectivity_, "Anne Aubrac");
    other_host_ = testing::CreateHost(client(), collectivity_, "Bernard Brezons");
    rental_ = testing::CreateRental(client(), collectivity_, host_, "000101");
    ASSERT_EQ(
        testing::PutDeliberation(client(), collectivity_, 2026, testing::DeliberationBody()).status,
        201);
    client().ClearDefaultHeader("Authorization");
    as_host_ = HttpClient::Bearer(
        server_.SignIn(UserKind::kHost, "anne@aubrac.fr", collectivity_, {}, {host_}));
    as_other_host_ = HttpClient::Bearer(
        server_.SignIn(UserKind::kHost, "bernard@brezons.fr", collectivity_, {}, {other_host_}));
  }
  HttpClient& client() { return server_.client(); }
  std::string Managers(const std::string& host) { return "/v1/hosts/" + host + "/managers"; }
  HttpResponse Grant(const std::string& host, const json& body,
                     const std::map<std::string, std::string>& as) {
    return client().PostJson(Managers(host), body, as);
  }
  // A manager account of the collectivity, signed in, acting for nobody yet.
  std::map<std::string, std::string> SignedInManager() {
    return HttpClient::Bearer(server_.SignIn(UserKind::kManager, kManagerEmail, collectivity_));
  }
  long long MailsOfKind(const std::string& kind, const std::string& recipient) {
    return server_.db().CountRows("SELECT count(*) FROM mail_outbox WHERE kind = '" + kind +
                                  "' AND recipient = '" + recipient + "'");
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string other_host_;
  std::string rental_;
  std::map<std::string, std::string> as_host_;
  std::map<std::string, std::string> as_other_host_;
};

TEST_F(ManagerAccess, AHostGrantsAnExistingManagerWhoReadsAndDeclaresForItAtOnce) {
  const auto as_manager = SignedInManager();
  // Before the grant (and with its session cached), the host's records do not exist for it.
  ASSERT_EQ(client().Get("/v1/hosts/" + host_, as_manager).status, 404);

  const auto granted = Grant(host_, {{"email", "Agence@Conciergerie.fr"}}, as_host_);
  ASSERT_EQ(granted.status, 201) << granted.body;
  EXPECT_EQ(granted.Json().at("email"), kManagerEmail);
  EXPECT_EQ(granted.Json().at("invitation_sent"), false);
  EXPECT_EQ(granted.Json().at("active"), true);
  EXPECT_EQ(granted.Json().at("granted_by"), "anne@aubrac.fr");
  EXPECT_EQ(MailsOfKind("manager_access", kManagerEmail), 1);

  // At once, not after the session cache's TTL.
  EXPECT_EQ(client().Get("/v1/hosts/" + host_, as_manager).status, 200);
  EXPECT_EQ(client().Get("/v1/hosts/" + other_host_, as_manager).status, 404);

  // What it declares is recorded as done by it on behalf of the host.
  const auto nil = client().PostJson("/v1/accommodations/" + rental_ + "/declarations/2026-10/nil",
                                     json::object(), as_manager);
  ASSERT_EQ(nil.status, 201) << nil.body;
  const std::string expected =
      std::string(kManagerEmail) + " pour le compte de l'hébergeur " + host_;
  EXPECT_EQ(nil.Json().at("current").at("submitted_by"), expected);
  const auto read = client().Get("/v1/accommodations/" + rental_ + "/declarations/2026-10",
                                 client().AsStaffOf(collectivity_));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json().at("current").at("submitted_by"), expected);
}

TEST_F(ManagerAccess, EndingAGrantTakesEffectAtOnceAndKeepsItsRow) {
  const auto as_manager = SignedInManager();
  const auto granted = Grant(host_, {{"email", kManagerEmail}}, as_host_);
  ASSERT_EQ(granted.status, 201) << granted.body;
  const std::string manager_id = granted.Json().at("user_id");
  ASSERT_EQ(client().Get("/v1/hosts/" + host_, as_manager).status, 200);

  const auto revoked =
      client().Request("POST", Managers(host_) + "/" + manager_id + "/revoke", "", as_host_);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.Json().at("active"), false);
  EXPECT_EQ(revoked.Json().at("revoked_by"), "anne@aubrac.fr");
  EXPECT_FALSE(revoked.Json().at("revoked_at").is_null());
  EXPECT_EQ(client().Get("/v1/hosts/" + host_, as_manager).status, 404);
  EXPECT_EQ(client()
                .PostJson("/v1/accommodations/" + rental_ + "/declarations/2026-09/nil",
                          json::object(), as_manager)
                .status,
            404);
  // Ending it twice: there is nothing left to end.
  EXPECT_EQ(
      client().Request("POST", Managers(host_) + "/" + manager_id + "/revoke", "", as_host_).status,
      404);

  // A new grant is a new row; the ended one stays, newest first.
  ASSERT_EQ(Grant(host_, {{"email", kManagerEmail}}, client().AsStaffOf(collectivity_)).status,
            201);
  const auto listed = client().Get(Managers(host_), as_host_);
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto items = listed.Json().at("items");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("active"), true);
  EXPECT_EQ(items[0].at("granted_by"), TestServer::StaffEmail(collectivity_));
  EXPECT_EQ(items[1].at("active"), false);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM host_access WHERE relation = 'manager'"),
            2);
  EXPECT_EQ(client().Get("/v1/hosts/" + host_, as_manager).status, 200);
  // The database refuses to rewrite or delete a grant, whatever the application does.
  EXPECT_THROW(server_.db().Execute("DELETE FROM host_access"), std::exception);
  EXPECT_THROW(server_.db().Execute("UPDATE host_access SET revoked_at = NULL"), std::exception);
}

TEST_F(ManagerAccess, AManagerNeverGrantsNorEndsAccessNotEvenToItself) {
  const auto as_manager = SignedInManager();
  ASSERT_EQ(Grant(host_, {{"email", kManagerEmail}}, as_host_).status, 201);
  const std::string manager_id =
      client().Get(Managers(host_), as_host_).Json().at("items")[0].at("user_id");
  for (const auto& host : {host_, other_host_}) {
    const auto refused = Grant(host, {{"email", kManagerEmail}}, as_manager);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(refused.Header("content-type").rfind("application/problem+json", 0), 0u);
  }
  EXPECT_EQ(client()
                .Request("POST", Managers(host_) + "/" + manager_id + "/revoke", "", as_manager)
                .status,
            403);
  EXPECT_EQ(client().Get(Managers(host_), as_manager).status, 403);
  // Another host cannot see nor touch this host's managers.
  EXPECT_EQ(client().Get(Managers(host_), as_other_host_).status, 404);
  EXPECT_EQ(Grant(host_, {{"email", "x@agence.fr"}, {"display_name", "X"}}, as_other_host_).status,
            404);
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM host_access WHERE relation = 'manager'"),
            1);
}

TEST_F(ManagerAccess, RefusalsNameTheField) {
  // An unknown address needs a name for the account it will get.
  const auto nameless = Grant(host_, {{"email", "nouvelle@agence.fr"}}, as_host_);
  ASSERT_EQ(nameless.status, 400) << nameless.body;
  EXPECT_EQ(nameless.Json().at("errors")[0].at("pointer"), "/display_name");
  const auto malformed = Grant(host_, {{"email", "pas une adresse"}}, as_host_);
  ASSERT_EQ(malformed.status, 400) << malformed.body;
  EXPECT_EQ(malformed.Json().at("errors")[0].at("pointer"), "/email");
  // A host's or an agent's address is not a manager's.
  const auto host_address = Grant(host_, {{"email", "bernard@brezons.fr"}}, as_host_);
  ASSERT_EQ(host_address.status, 409) << host_address.body;
  EXPECT_EQ(host_address.Json().at("errors")[0].at("pointer"), "/email");
  // Twice the same live grant.
  SignedInManager();
  ASSERT_EQ(Grant(host_, {{"email", kManagerEmail}}, as_host_).status, 201);
  const auto twice = Grant(host_, {{"email", kManagerEmail}}, as_host_);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(MailsOfKind("manager_access", kManagerEmail), 1);
}

TEST_F(ManagerAccess, ARetriedGrantIsReplayedAndGrantsOnce) {
  SignedInManager();
  auto headers = as_host_;
  headers["Idempotency-Key"] = "grant-1";
  const auto first = Grant(host_, {{"email", kManagerEmail}}, headers);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto retry = Grant(host_, {{"email", kManagerEmail}}, headers);
  ASSERT_EQ(retry.status, 201) << retry.body;
  EXPECT_EQ(retry.Header("idempotent-replayed"), "true");
  EXPECT_EQ(retry.Json(), first.Json());
  EXPECT_EQ(MailsOfKind("manager_access", kManagerEmail), 1);
}

class ManagerInvitation : public ManagerAccess {
 protected:
  // Delivers what is due to a real SMTP server on loopback and returns the newest mail.
  testing::CaughtMail DeliverAndReadLastMail(std::size_t expected_mails) {
    mailer::SmtpSettings smtp;
    smtp.url = catcher_.Url();
    smtp.from = {"Nuitée", "nuitee@example.fr"};
    smtp.starttls = mailer::StartTls::kOptional;
    mailer::SmtpTransport transport(smtp);
    mailer::MailDelivery delivery(server_.db().database(), transport,
                                  {20, std::chrono::seconds(300), {2, {}, {}}});
    EXPECT_TRUE(delivery.DeliverDue());
    const auto mails = catcher_.WaitForMails(expected_mails);
    if (mails.size() != expected_mails) throw std::runtime_error("mails missing");
    return mails.back();
  }
  testing::SmtpCatcher catcher_;
};

TEST_F(ManagerInvitation, AnUnknownAddressGetsAManagerAccountWhoseLinkOpensIt) {
  const auto granted = Grant(
      host_, {{"email", "contact@monts-cantal.fr"}, {"display_name", "Conciergerie des Monts"}},
      as_host_);
  ASSERT_EQ(granted.status, 201) << granted.body;
  EXPECT_EQ(granted.Json().at("invitation_sent"), true);
  EXPECT_EQ(granted.Json().at("account_activated"), false);

  const auto mail = DeliverAndReadLastMail(1);
  EXPECT_EQ(mail.rcpt_to, "contact@monts-cantal.fr");
  EXPECT_NE(mail.body.find("Anne Aubrac"), std::string::npos) << mail.body;
  const auto at = mail.body.find("#jeton=");
  ASSERT_NE(at, std::string::npos) << mail.body;
  const std::string token = mail.body.substr(at + 7, 43);
  ASSERT_EQ(client()
                .PostJson("/v1/auth/invitations/accept",
                          {{"token", token}, {"password", "les gentianes du Cézallier"}})
                .status,
            204);
  const auto login = client().PostJson(
      "/v1/auth/login",
      {{"email", "contact@monts-cantal.fr"}, {"password", "les gentianes du Cézallier"}});
  ASSERT_EQ(login.status, 201) << login.body;
  EXPECT_EQ(login.Json().at("principal").at("kind"), "manager");
  EXPECT_EQ(login.Json().at("principal").at("hosts"), json::array({host_}));
  const auto as_manager = HttpClient::Bearer(login.Json().at("token"));
  EXPECT_EQ(client().Get("/v1/hosts/" + host_, as_manager).status, 200);
  EXPECT_EQ(client().Get(Managers(host_), as_host_).Json().at("items")[0].at("account_activated"),
            true);
}

}  // namespace
}  // namespace nuitee
