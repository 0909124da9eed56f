// Invitations and password resets end to end, over HTTP on a real database, with the mails
// delivered by the real sender to a real SMTP server on loopback: the link that arrives is the
// only way to set a password, it works once, and asking for a reset tells nothing about whether
// an address has an account.
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

constexpr const char* kChosen = "les gentianes du Cézallier";

class AccountLinks : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(client());
    server_.ActAsStaff(collectivity_);
    host_ = testing::CreateHost(client(), collectivity_, "Anne Aubrac");
    client().ClearDefaultHeader("Authorization");
  }
  HttpClient& client() { return server_.client(); }

  // Delivers what is due and returns the token of the newest mail's link.
  std::string TokenOfLastMail(std::size_t expected_mails) {
    mailer::SmtpSettings smtp;
    smtp.url = catcher_.Url();
    smtp.from = {"Nuitée", "nuitee@example.fr"};
    smtp.starttls = mailer::StartTls::kOptional;
    mailer::SmtpTransport transport(smtp);
    mailer::MailDelivery delivery(server_.db().database(), transport,
                                  {20, std::chrono::seconds(300), {2, {}, {}}});
    EXPECT_TRUE(delivery.DeliverDue());
    const auto mails = catcher_.WaitForMails(expected_mails);
    if (mails.size() != expected_mails) {
      ADD_FAILURE() << "expected " << expected_mails << " mails, got " << mails.size();
      return "";
    }
    const std::string& body = mails.back().body;
    const auto at = body.find("#jeton=");
    if (at == std::string::npos) {
      ADD_FAILURE() << "no link in: " << body;
      return "";
    }
    return body.substr(at + 7, 43);
  }
  HttpResponse Login(const std::string& email, const std::string& password) {
    return client().PostJson("/v1/auth/login", {{"email", email}, {"password", password}});
  }

  TestServer server_;
  testing::SmtpCatcher catcher_;
  std::string collectivity_;
  std::string host_;
};

TEST_F(AccountLinks, AHostInvitedByTheReferentChoosesAPasswordOnceAndSeesOnlyItsOwnRecords) {
  const auto referent = client().AsStaffOf(collectivity_);
  const auto invited = client().PostJson(
      "/v1/hosts/" + host_ + "/users",
      {{"email", "Anne.Aubrac@Example.fr"}, {"display_name", "Anne Aubrac"}}, referent);
  ASSERT_EQ(invited.status, 201) << invited.body;
  EXPECT_EQ(invited.Json().at("kind"), "host");
  EXPECT_EQ(invited.Json().at("email"), "anne.aubrac@example.fr");
  // No password yet: nobody can log in with this address.
  EXPECT_EQ(Login("anne.aubrac@example.fr", kChosen).status, 401);

  const std::string token = TokenOfLastMail(1);
  ASSERT_EQ(token.size(), 43u);
  const auto mail = catcher_.Mails().back();
  EXPECT_EQ(mail.rcpt_to, "anne.aubrac@example.fr");
  EXPECT_NE(mail.body.find("Bonjour Anne Aubrac"), std::string::npos) << mail.body;
  EXPECT_NE(mail.body.find("(heure de Paris)"), std::string::npos) << mail.body;
  // The database keeps the link's digest only.
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM one_time_tokens WHERE token_digest = '" +
                                   token + "'"),
            0);

  // A weak password is refused with its reason, and the link still works afterwards.
  const auto weak =
      client().PostJson("/v1/auth/invitations/accept", {{"token", token}, {"password", "court"}});
  EXPECT_EQ(weak.status, 400) << weak.body;
  EXPECT_EQ(weak.Json().at("errors")[0].at("pointer"), "/password");
  ASSERT_EQ(
      client().PostJson("/v1/auth/invitations/accept", {{"token", token}, {"password", kChosen}})
          .status,
      204);
  // Used once: never again.
  const auto again = client().PostJson("/v1/auth/invitations/accept",
                                       {{"token", token}, {"password", "un autre mot de passe"}});
  EXPECT_EQ(again.status, 409) << again.body;

  const auto login = Login("anne.aubrac@example.fr", kChosen);
  ASSERT_EQ(login.status, 201) << login.body;
  const auto as_anne = HttpClient::Bearer(login.Json().at("token"));
  EXPECT_EQ(login.Json().at("principal").at("hosts"), json::array({host_}));
  EXPECT_EQ(client().Get("/v1/hosts/" + host_, as_anne).status, 200);
  const std::string other = testing::CreateHost(client(), collectivity_, "Bernard Brezons");
  EXPECT_EQ(client().Get("/v1/hosts/" + other, as_anne).status, 404);
  // The same address cannot be invited twice in one collectivity.
  EXPECT_EQ(client()
                .PostJson("/v1/hosts/" + other + "/users",
                          {{"email", "anne.aubrac@example.fr"}, {"display_name", "Anne"}}, referent)
                .status,
            409);
}

TEST_F(AccountLinks, AnAdminInvitesStaffWithRolesAndAHostAccountCannot) {
  const auto invited = client().PostJson(
      "/v1/collectivities/" + collectivity_ + "/users",
      {{"email", "compta@murat.fr"}, {"display_name", "Paul Rouquet"}, {"roles", {"finance"}}},
      client().AsStaffOf(collectivity_));
  ASSERT_EQ(invited.status, 201) << invited.body;
  EXPECT_EQ(invited.Json().at("roles"), json::array({"finance"}));
  const std::string token = TokenOfLastMail(1);
  ASSERT_EQ(
      client().PostJson("/v1/auth/invitations/accept", {{"token", token}, {"password", kChosen}})
          .status,
      204);
  const auto login = Login("compta@murat.fr", kChosen);
  ASSERT_EQ(login.status, 201) << login.body;
  const auto as_finance = HttpClient::Bearer(login.Json().at("token"));
  // Finance reads the register, and cannot invite anyone.
  EXPECT_EQ(client().Get("/v1/collectivities/" + collectivity_ + "/hosts", as_finance).status, 200);
  EXPECT_EQ(client()
                .PostJson("/v1/collectivities/" + collectivity_ + "/users",
                          {{"email", "x@murat.fr"}, {"display_name", "X"}, {"roles", {"admin"}}},
                          as_finance)
                .status,
            403);
  // Unknown roles are named.
  const auto bad = client().PostJson(
      "/v1/collectivities/" + collectivity_ + "/users",
      {{"email", "y@murat.fr"}, {"display_name", "Y"}, {"roles", {"maire"}}},
      client().AsStaffOf(collectivity_));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json().at("errors")[0].at("pointer"), "/roles/0");
}

TEST_F(AccountLinks, AResetSaysNothingAboutTheAddressAndEndsEverySessionOfTheAccount) {
  const std::string email = "referente@murat.fr";
  server_.SignIn(UserKind::kStaff, email, collectivity_, {Role::kReferent});
  const auto before = Login(email, testing::kTestPassword);
  ASSERT_EQ(before.status, 201);
  const auto old_session = HttpClient::Bearer(before.Json().at("token"));
  ASSERT_EQ(client().Get("/v1/auth/me", old_session).status, 200);

  const auto known = client().PostJson("/v1/auth/password-resets", {{"email", email}});
  const auto unknown =
      client().PostJson("/v1/auth/password-resets", {{"email", "personne@murat.fr"}});
  ASSERT_EQ(known.status, 202);
  ASSERT_EQ(unknown.status, 202);
  EXPECT_EQ(known.body, unknown.body);

  const std::string token = TokenOfLastMail(1);  // only the existing account got a mail
  EXPECT_EQ(catcher_.Mails().back().rcpt_to, email);
  // An invitation's token is not a reset's, nor the reverse.
  EXPECT_EQ(
      client().PostJson("/v1/auth/invitations/accept", {{"token", token}, {"password", kChosen}})
          .status,
      409);
  ASSERT_EQ(client()
                .PostJson("/v1/auth/password-resets/confirm",
                          {{"token", token}, {"password", kChosen}})
                .status,
            204);
  EXPECT_EQ(client().Get("/v1/auth/me", old_session).status, 401);
  EXPECT_EQ(Login(email, testing::kTestPassword).status, 401);
  EXPECT_EQ(Login(email, kChosen).status, 201);
  EXPECT_EQ(client()
                .PostJson("/v1/auth/password-resets/confirm",
                          {{"token", token}, {"password", "encore un autre mot de passe"}})
                .status,
            409);
}

}  // namespace
}  // namespace nuitee
