// A host's personal data (issue 5): GET /v1/hosts/{id}/personal-data gives the host itself, its
// managers and the referents everything held about it as one JSON document, with no secret in
// it; staff archive a host with PATCH archived_on, which the write audit records.
#include <gtest/gtest.h>

#include <set>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::TestServer;

class PersonalData : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& client = server_.client();
    collectivity_ = testing::CreateCollectivity(client);
    ASSERT_EQ(
        testing::PutDeliberation(client, collectivity_, 2026, testing::DeliberationBody()).status,
        201);
    server_.ActAsStaff(collectivity_);
    host_ = testing::CreatedId(client.PostJson(
        "/v1/collectivities/" + collectivity_ + "/hosts",
        {{"kind", "person"},
         {"legal_name", "Jeanne Vidal"},
         {"email", "jeanne@vidal.fr"},
         {"address",
          {{"line", "2 rue du Faubourg"}, {"postal_code", "15300"}, {"city", "Murat"}}}}));
    rental_ = testing::CreateRental(client, collectivity_, host_);
    ASSERT_EQ(client
                  .PostJson("/v1/accommodations/" + rental_ + "/classifications",
                            {{"rank", "3"}, {"decided_on", "2024-05-02"}, {"body", "Atout France"}})
                  .status,
              201);
    other_host_ = testing::CreateHost(client, collectivity_, "Bernard Brezons");
    host_token_ =
        server_.SignIn(UserKind::kHost, "jeanne.compte@vidal.fr", collectivity_, {}, {host_});
    manager_token_ =
        server_.SignIn(UserKind::kManager, "agence@conciergerie.fr", collectivity_, {}, {host_});
  }

  testing::HttpResponse Export(const std::string& host, const std::string& token) {
    return server_.client().Get("/v1/hosts/" + host + "/personal-data", HttpClient::Bearer(token));
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string rental_;
  std::string other_host_;
  std::string host_token_;
  std::string manager_token_;
};

TEST_F(PersonalData, AHostDownloadsEverythingHeldAboutItWithoutSecrets) {
  auto& client = server_.client();
  // A submitted month, then a correction: both revisions belong in the export.
  const std::string month = "/v1/accommodations/" + rental_ + "/declarations/2026-07";
  const json stay = {
      {"arrival", "2026-07-01"}, {"nights", 2}, {"occupants", 2}, {"price_per_night_cents", 8000}};
  const auto submitted =
      client.PostJson(month + "/submit", {{"stays", {stay}}}, HttpClient::Bearer(host_token_));
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  json corrected = stay;
  corrected["nights"] = 3;
  const auto revised = client.PostJson(
      month + "/revisions", {{"stays", {corrected}}, {"reason", "Une nuit oubliée"}},
      {{"Authorization", "Bearer " + manager_token_}, {"If-Match", submitted.Header("etag")}});
  ASSERT_EQ(revised.status, 201) << revised.body;
  // A mail to the host's address, and an invitation (whose one-time link must not show).
  ASSERT_EQ(client
                .PostJson("/v1/collectivities/" + collectivity_ + "/mails:test",
                          {{"to", "jeanne@vidal.fr"}})
                .status,
            202);
  ASSERT_EQ(client
                .PostJson("/v1/hosts/" + host_ + "/users",
                          {{"email", "jeanne@vidal.fr"}, {"display_name", "Jeanne"}})
                .status,
            201);

  const auto answer = Export(host_, host_token_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_NE(answer.Header("content-disposition").find("attachment"), std::string::npos);
  const json data = answer.Json();
  EXPECT_EQ(data.at("host").at("legal_name"), "Jeanne Vidal");
  ASSERT_EQ(data.at("accommodations").size(), 1u);
  EXPECT_EQ(data.at("accommodations").at(0).at("classifications").size(), 1u);
  ASSERT_EQ(data.at("declarations").size(), 1u);
  EXPECT_EQ(data.at("declarations").at(0).at("month"), "2026-07");
  EXPECT_EQ(data.at("declarations").at(0).at("revisions").size(), 2u);
  std::set<std::string> accounts;
  for (const auto& account : data.at("accounts")) {
    accounts.insert(account.at("email").get<std::string>());
  }
  EXPECT_EQ(accounts, (std::set<std::string>{"jeanne.compte@vidal.fr", "agence@conciergerie.fr",
                                             "jeanne@vidal.fr"}));
  EXPECT_FALSE(data.at("register_history").empty());
  // The write audit about it: the submission by the host, the revision by its manager.
  std::set<std::string> writers;
  for (const auto& row : data.at("write_audit")) {
    writers.insert(row.at("principal").at("email").get<std::string>());
  }
  EXPECT_TRUE(writers.count("jeanne.compte@vidal.fr")) << data.at("write_audit").dump();
  EXPECT_TRUE(writers.count("agence@conciergerie.fr")) << data.at("write_audit").dump();
  ASSERT_EQ(data.at("mails").size(), 2u) << data.at("mails").dump();
  for (const auto& mail : data.at("mails")) {
    if (mail.at("kind") == "test") {
      EXPECT_FALSE(mail.at("body").is_null());
    }
    if (mail.at("kind") == "invitation") {
      EXPECT_TRUE(mail.at("body").is_null());
    }
  }
  // No password hash (scrypt's "$scrypt$" or similar), no token digest, no one-time link.
  for (const std::string secret : {"password_hash", "token", "scrypt", "digest", "/invitation"}) {
    EXPECT_EQ(answer.body.find(secret), std::string::npos) << secret;
  }
}

TEST_F(PersonalData, ItsManagerAndTheReferentMayDownloadItNobodyElse) {
  EXPECT_EQ(Export(host_, manager_token_).status, 200);
  EXPECT_EQ(Export(host_, server_.StaffToken(collectivity_)).status, 200);
  // Another host's data does not exist for this host.
  EXPECT_EQ(Export(other_host_, host_token_).status, 404);
  const std::string finance =
      server_.SignIn(UserKind::kStaff, "finances@murat.fr", collectivity_, {Role::kFinance});
  EXPECT_EQ(Export(host_, finance).status, 403);
  EXPECT_EQ(Export(host_, server_.OperatorToken()).status, 403);
}

TEST_F(PersonalData, StaffArchiveAHostAndTheAuditRecordsIt) {
  auto& client = server_.client();
  const auto archived =
      client.PatchJson("/v1/hosts/" + host_, {{"archived_on", "2026-11-23"}}, {{"If-Match", "*"}});
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_EQ(archived.Json().at("archived_on"), "2026-11-23");
  // A host account cannot archive itself.
  EXPECT_EQ(client
                .PatchJson("/v1/hosts/" + host_, {{"archived_on", nullptr}},
                           {{"If-Match", "*"}, {"Authorization", "Bearer " + host_token_}})
                .status,
            403);
  const json data = Export(host_, host_token_).Json();
  EXPECT_EQ(data.at("host").at("archived_on"), "2026-11-23");
  const auto audit = client.Get("/v1/collectivities/" + collectivity_ +
                                "/audit?method=PATCH&target_kind=host&target_id=" + host_);
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.Json().at("items").size(), 1u);
}

}  // namespace
}  // namespace nuitee
