// The referent's actions in the enforcement procedure, end to end through HTTP: the settings, the
// worklist of a small register computed by hand, notes and calls, holds, sworn statements and the
// history that records them all; and bad input refused with a French message on the right field,
// storing nothing.
#include <gtest/gtest.h>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestServer;

class EnforcementActions : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& client = server_.client();
    collectivity_ = testing::CreateCollectivity(client);
    server_.ActAsStaff(collectivity_);
    host_ = testing::CreateHost(client, collectivity_, "Anne Aubrac");
    rental_ = testing::CreateRental(client, collectivity_, host_, "000101", 4, "2025-03-01");
    ASSERT_EQ(
        testing::PutDeliberation(client, collectivity_, 2026, testing::DeliberationBody()).status,
        201);
  }

  std::string Collectivity(const std::string& rest) const {
    return "/v1/collectivities/" + collectivity_ + rest;
  }

  HttpResponse PutSettings(const json& body, const std::string& if_match = {}) {
    std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
    if (!if_match.empty()) headers["If-Match"] = if_match;
    return server_.client().Request("PUT", Collectivity("/enforcement-settings"), body.dump(),
                                    headers);
  }

  static json Settings(const json& chased_from) {
    return {{"chased_from", chased_from},
            {"second_reminder_after_days", 10},
            {"formal_notice_after_days", 15},
            {"letter_sender", "Communauté de communes du Pays de Murat"},
            {"letter_address", "4 rue de la Mairie\n15300 Murat"},
            {"letter_signatory", "Le Président"},
            {"letter_contact", "04 71 00 00 00"}};
  }

  json History() {
    auto answer = server_.client().Get("/v1/accommodations/" + rental_ + "/enforcement-events");
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.Json()["items"];
  }

  json Worklist() {
    auto answer = server_.client().Get(Collectivity("/non-declarers"));
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.Json();
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string rental_;
};

TEST_F(EnforcementActions, SettingsStartAsDefaultsWithNothingChasedThenKeepVersions) {
  auto initial = server_.client().Get(Collectivity("/enforcement-settings"));
  ASSERT_EQ(initial.status, 200) << initial.body;
  EXPECT_TRUE(initial.Json()["chased_from"].is_null());
  EXPECT_EQ(initial.Json()["second_reminder_after_days"], 10);
  EXPECT_EQ(initial.Json()["formal_notice_after_days"], 15);
  EXPECT_EQ(initial.Json()["version"], 0);
  EXPECT_EQ(initial.Header("etag"), "");
  EXPECT_EQ(Worklist()["totals"]["months"], 0) << "nothing is chased before a first month is set";

  auto first = PutSettings(Settings("2026-09"));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json()["version"], 1);
  EXPECT_EQ(first.Header("etag"), testing::ETag(1));
  EXPECT_EQ(first.Json()["recorded_by"], TestServer::StaffEmail(collectivity_));

  EXPECT_EQ(PutSettings(Settings("2026-08")).status, 428) << "If-Match is required once set";
  EXPECT_EQ(PutSettings(Settings("2026-08"), "\"7\"").status, 412);
  auto same = PutSettings(Settings("2026-09"), testing::ETag(1));
  EXPECT_EQ(same.Json()["version"], 1) << "a PUT that changes nothing appends nothing";
  auto second = PutSettings(Settings("2026-08"), testing::ETag(1));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.Json()["version"], 2);
  EXPECT_EQ(second.Json()["chased_from"], "2026-08");
}

TEST_F(EnforcementActions, BadSettingsAreRefusedOnTheirFieldAndStoreNothing) {
  json body = Settings("2026-9");
  body["formal_notice_after_days"] = 0;
  body["second_reminder_after_days"] = "dix";
  auto answer = PutSettings(body);
  ASSERT_EQ(answer.status, 400) << answer.body;
  EXPECT_EQ(answer.Header("content-type").rfind("application/problem+json", 0), 0u);
  std::map<std::string, std::string> errors;
  const json problem = answer.Json();
  for (const auto& error : problem["errors"]) {
    errors[error["pointer"].get<std::string>()] = error["detail"].get<std::string>();
  }
  EXPECT_EQ(errors["/chased_from"], "Un mois au format AAAA-MM est attendu.") << answer.body;
  EXPECT_NE(errors["/formal_notice_after_days"].find("comprise entre 1 et 90"), std::string::npos)
      << errors["/formal_notice_after_days"];
  EXPECT_TRUE(errors.count("/second_reminder_after_days"));
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM enforcement_settings_versions"), 0);
}

// Chased from September with "today" 23 November: September and October are missing, assessed as
// the unclassified rental would be (the highest adopted tariff, 4,00 €, × 4 persons × every night
// of the month, plus the 10 % departmental tax).
TEST_F(EnforcementActions, WorklistPricesTheMissingMonthsAsATaxationDOfficeWould) {
  ASSERT_EQ(PutSettings(Settings("2026-09")).status, 200);
  const json worklist = Worklist();
  ASSERT_EQ(worklist["items"].size(), 1u) << worklist.dump();
  const json& item = worklist["items"][0];
  EXPECT_EQ(item["accommodation"]["id"], rental_);
  EXPECT_EQ(item["host"]["id"], host_);
  ASSERT_EQ(item["months"].size(), 2u);
  EXPECT_EQ(item["months"][0]["month"], "2026-09");
  EXPECT_EQ(item["months"][0]["amount_at_stake_cents"], 30 * 4 * 400 + 30 * 4 * 40);
  EXPECT_EQ(item["months"][1]["month"], "2026-10");
  EXPECT_EQ(item["months"][1]["amount_at_stake_cents"], 31 * 4 * 400 + 31 * 4 * 40);
  EXPECT_EQ(worklist["totals"]["amount_at_stake_cents"], 61 * 4 * 440);
  EXPECT_EQ(worklist["totals"]["accommodations"], 1);
  EXPECT_EQ(worklist["totals"]["months"], 2);
}

TEST_F(EnforcementActions, NotesAndCallsGoToTheHistoryWithWhoAndWhen) {
  const std::string path = "/v1/accommodations/" + rental_ + "/enforcement-events";
  auto call = server_.client().PostJson(path, {{"kind", "call"},
                                               {"text", "Appel : déclarera d'ici vendredi."},
                                               {"occurred_on", "2026-11-20"},
                                               {"month", "2026-10"}});
  ASSERT_EQ(call.status, 201) << call.body;
  auto note = server_.client().PostJson(path, {{"kind", "note"}, {"text", "Courrier retourné."}});
  ASSERT_EQ(note.status, 201) << note.body;

  const json history = History();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["kind"], "call");
  EXPECT_EQ(history[0]["month"], "2026-10");
  EXPECT_EQ(history[0]["occurred_on"], "2026-11-20");
  EXPECT_EQ(history[0]["recorded_by"], TestServer::StaffEmail(collectivity_));
  EXPECT_FALSE(history[0]["recorded_at"].get<std::string>().empty());
  EXPECT_EQ(history[1]["kind"], "note");
  EXPECT_EQ(history[1]["occurred_on"], "2026-11-23") << "today by default";
}

TEST_F(EnforcementActions, ABadNoteIsRefusedOnItsFieldAndStoresNothing) {
  const std::string path = "/v1/accommodations/" + rental_ + "/enforcement-events";
  auto answer =
      server_.client().PostJson(path, {{"kind", "courrier"}, {"text", ""}, {"month", "octobre"}});
  ASSERT_EQ(answer.status, 400) << answer.body;
  std::map<std::string, std::string> errors;
  const json problem = answer.Json();
  for (const auto& error : problem["errors"]) {
    errors[error["pointer"].get<std::string>()] = error["detail"].get<std::string>();
  }
  EXPECT_EQ(errors["/kind"], "« kind » vaut « note » (une note) ou « call » (un appel).")
      << answer.body;
  EXPECT_EQ(errors["/text"], "Ce champ ne peut pas être vide.");
  EXPECT_EQ(errors["/month"], "Un mois au format AAAA-MM est attendu.");
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM enforcement_events"), 0);
}

TEST_F(EnforcementActions, AHoldStopsTheStepsUntilReleasedAndBothAreInTheHistory) {
  ASSERT_EQ(PutSettings(Settings("2026-09")).status, 200);
  ASSERT_FALSE(Worklist()["items"][0]["months"][0]["next_step"].is_null());
  const std::string holds = "/v1/hosts/" + host_ + "/enforcement-holds";

  auto placed = server_.client().PostJson(holds, {{"reason", "Litige en cours sur la capacité."}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string hold = placed.Json()["id"];
  EXPECT_EQ(placed.Json()["live"], true);
  auto again = server_.client().PostJson(holds, {{"reason", "Encore."}});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_NE(again.body.find("déjà suspendu"), std::string::npos) << again.body;

  json held = Worklist()["items"][0];
  EXPECT_EQ(held["host"]["on_hold"], true) << "a host on hold stays listed, flagged";
  for (const auto& month : held["months"]) EXPECT_TRUE(month["next_step"].is_null());

  auto released =
      server_.client().PostJson(holds + "/" + hold + "/release", {{"reason", "Litige réglé."}});
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.Json()["live"], false);
  EXPECT_EQ(released.Json()["release_reason"], "Litige réglé.");
  EXPECT_EQ(
      server_.client().PostJson(holds + "/" + hold + "/release", {{"reason", "Encore."}}).status,
      409);
  EXPECT_FALSE(Worklist()["items"][0]["months"][0]["next_step"].is_null());

  const json history = History();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["kind"], "hold_placed");
  EXPECT_EQ(history[0]["text"], "Litige en cours sur la capacité.");
  EXPECT_TRUE(history[0]["accommodation_id"].is_null()) << "a hold concerns the host";
  EXPECT_EQ(history[1]["kind"], "hold_released");
  auto listed = server_.client().Get(holds);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.Json()["items"].size(), 1u);
}

TEST_F(EnforcementActions, AHoldNeedsAReason) {
  auto answer =
      server_.client().PostJson("/v1/hosts/" + host_ + "/enforcement-holds", {{"reason", "   "}});
  ASSERT_EQ(answer.status, 400) << answer.body;
  EXPECT_EQ(answer.Json()["errors"][0]["pointer"], "/reason");
  EXPECT_EQ(server_.db().CountRows("SELECT count(*) FROM enforcement_holds"), 0);
}

TEST_F(EnforcementActions, ASwornStatementIsRecordedOncePerYear) {
  const std::string path = "/v1/hosts/" + host_ + "/sworn-statements";
  auto filed = server_.client().PostJson(path, {{"year", 2026}, {"filed_on", "2026-01-10"}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(filed.Json()["year"], 2026);
  auto again = server_.client().PostJson(path, {{"year", 2026}, {"filed_on", "2026-02-10"}});
  EXPECT_EQ(again.status, 409) << again.body;
  auto bad = server_.client().PostJson(path, {{"year", 1999}, {"filed_on", "2026-02-30"}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.Json()["errors"].size(), 2u);
  auto listed = server_.client().Get(path);
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.Json()["items"].size(), 1u);
  EXPECT_EQ(listed.Json()["items"][0]["filed_on"], "2026-01-10");
  const json history = History();
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0]["kind"], "sworn_statement_filed");
}

TEST_F(EnforcementActions, ASwornStatementTakesPlatformsOnlyAccommodationsOutOfTheWorklist) {
  ASSERT_EQ(PutSettings(Settings("2026-09")).status, 200);
  const auto patched =
      server_.client().PatchJson("/v1/accommodations/" + rental_, {{"marketing", "platforms"}},
                                 {{"If-Match", testing::ETag(1)}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  ASSERT_EQ(Worklist()["totals"]["months"], 2) << "platforms only, but no sworn statement yet";
  ASSERT_EQ(server_.client()
                .PostJson("/v1/hosts/" + host_ + "/sworn-statements",
                          {{"year", 2026}, {"filed_on", "2026-01-10"}})
                .status,
            201);
  EXPECT_EQ(Worklist()["totals"]["months"], 0);
  EXPECT_TRUE(Worklist()["items"].empty());
}

TEST_F(EnforcementActions, FinanceReadsButDoesNotAct) {
  const std::string finance =
      server_.SignIn(UserKind::kStaff, "finances@murat.fr", collectivity_, {Role::kFinance});
  auto headers = testing::HttpClient::Bearer(finance);
  EXPECT_EQ(server_.client().Get(Collectivity("/non-declarers"), headers).status, 200);
  EXPECT_EQ(server_.client().Get(Collectivity("/enforcement-dashboard"), headers).status, 200);
  EXPECT_EQ(
      server_.client()
          .PostJson("/v1/hosts/" + host_ + "/enforcement-holds", {{"reason", "Non."}}, headers)
          .status,
      403);
}

}  // namespace
}  // namespace nuitee
