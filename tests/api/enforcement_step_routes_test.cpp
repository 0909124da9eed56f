// The referent's actions on the enforcement calendar over real HTTP (issue 6): a reminder sent
// now (the first, then the second, then none), refused for a declared month; a step cancelled
// once; the mises en demeure listed, their PDF, their delivery recorded once and within its dates.
#include <gtest/gtest.h>

#include "persistence/enforcement_settings_repository.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"
#include "worker/calendar_pass.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::TestServer;

Day On(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

class EnforcementStepRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& client = server_.client();
    collectivity_ = testing::CreateCollectivity(client);
    server_.ActAsStaff(collectivity_);
    host_ = testing::CreateHost(client, collectivity_, "Jeanne Vidal");
    rental_ = testing::CreateRental(client, collectivity_, host_);
    server_.db().Execute("UPDATE hosts SET email = 'jeanne@example.fr' WHERE id = '" + host_ + "'");
    auto set = server_.db().database().Run([&](persistence::Transaction& tx) -> Status {
      EnforcementPolicy policy;
      policy.chased_from = Month{date::year{2026}, date::September};
      persistence::EnforcementSettingsRepository::Append(tx, CollectivityId(collectivity_), policy,
                                                         "referente");
      return {};
    });
    ASSERT_TRUE(set);
  }

  void Pass(Day today) {
    worker::CalendarPassOptions options;
    options.today = today;
    options.render_formal_notice =
        [](const letters::FormalNoticeLetter& letter) -> Result<std::string> {
      return "%PDF-1.4 fake " + letter.recipient.name;
    };
    auto report = worker::RunCalendarPass(server_.db().database(), options);
    ASSERT_TRUE(report);
    ASSERT_EQ(report->batches_failed, 0);
  }

  testing::HttpResponse Remind(const std::string& month) {
    return server_.client().PostJson(
        "/v1/accommodations/" + rental_ + "/enforcement/" + month + "/remind", json::object());
  }

  long long Count(const std::string& sql) { return server_.db().CountRows(sql); }

  TestServer server_;  // today: 2026-11-23
  std::string collectivity_;
  std::string host_;
  std::string rental_;
};

TEST_F(EnforcementStepRoutes, ARemindNowTakesTheFirstThenTheSecondReminderThenRefuses) {
  const auto first = Remind("2026-10");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json().at("kind"), "first_reminder");
  EXPECT_EQ(first.Json().at("taken_on"), "2026-11-23");
  EXPECT_EQ(first.Json().at("due_on"), "2026-11-17");  // 15 November 2026 is a Sunday
  EXPECT_FALSE(first.Json().at("mail_id").is_null());
  const auto second = Remind("2026-10");
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.Json().at("kind"), "second_reminder");
  const auto none = Remind("2026-10");
  EXPECT_EQ(none.status, 409) << none.body;
  EXPECT_EQ(none.Header("content-type").rfind("application/problem+json", 0), 0u);
  EXPECT_NE(none.body.find("relance"), std::string::npos) << none.body;
  EXPECT_EQ(Count("SELECT count(*) FROM mail_outbox WHERE kind IN ('first_reminder', "
                  "'second_reminder') AND recipient = 'jeanne@example.fr'"),
            2);
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_events WHERE kind = 'reminder_sent_now'"), 2);
  // The month not over yet cannot be chased.
  EXPECT_EQ(Remind("2026-11").status, 409);
}

TEST_F(EnforcementStepRoutes, ARemindNowIsRefusedForADeclaredMonth) {
  server_.db().Execute(
      "INSERT INTO declaration_months (accommodation_id, month, collectivity_id, "
      "host_id, latest_revision) SELECT id, '2026-09-01', collectivity_id, "
      "host_id, 1 FROM accommodations WHERE id = '" +
      rental_ + "'");
  const auto refused = Remind("2026-09");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("déclaré"), std::string::npos) << refused.body;
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_steps"), 0);
}

TEST_F(EnforcementStepRoutes, AStepIsCancelledOnceWithAReason) {
  const std::string step = Remind("2026-10").Json().at("id");
  const std::string path = "/v1/enforcement-steps/" + step + "/cancel";
  EXPECT_GE(server_.client().PostJson(path, {{"reason", "  "}}).status, 400);
  const auto cancelled = server_.client().PostJson(path, {{"reason", "Hébergeur décédé"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.Json().at("cancel_reason"), "Hébergeur décédé");
  EXPECT_FALSE(cancelled.Json().at("cancelled_at").is_null());
  EXPECT_EQ(server_.client().PostJson(path, {{"reason", "Encore"}}).status, 409);
  EXPECT_EQ(server_.client()
                .PostJson("/v1/enforcement-steps/00000000-0000-4000-8000-000000000000/cancel",
                          {{"reason", "x"}})
                .status,
            404);
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_events WHERE kind = 'step_cancelled' AND "
                  "text = 'Hébergeur décédé'"),
            1);
  // The calendar takes nothing more for that month.
  Pass(On(2026, 12, 31));
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_steps WHERE month = '2026-10-01'"), 1);
}

TEST_F(EnforcementStepRoutes, TheLettersToSendAreListedWithTheirPdfAndTheirDeliveryIsRecordedOnce) {
  Pass(On(2026, 11, 23));  // first reminders of September and October, caught up
  Pass(On(2026, 12, 3));   // second reminders
  Pass(On(2026, 12, 18));  // the mise en demeure, one letter for both months
  auto& client = server_.client();
  const auto listed =
      client.Get("/v1/collectivities/" + collectivity_ + "/enforcement-letters?delivered=false");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json().at("items").size(), 1u) << listed.body;
  const json letter = listed.Json().at("items").at(0);
  EXPECT_EQ(letter.at("dated_on"), "2026-12-18");
  EXPECT_EQ(letter.at("steps").size(), 2u);
  const std::string id = letter.at("id");

  const auto pdf = client.Get("/v1/enforcement-letters/" + id);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);

  server_.SetToday(On(2026, 12, 28));
  const std::string delivery = "/v1/enforcement-letters/" + id + "/delivery";
  const auto future = client.PostJson(delivery, {{"delivered_on", "2026-12-29"}});
  EXPECT_EQ(future.status, 400) << "not in the future";
  EXPECT_NE(future.body.find("/delivered_on"), std::string::npos) << future.body;
  const auto early = client.PostJson(delivery, {{"delivered_on", "2026-12-17"}});
  EXPECT_EQ(early.status, 400) << "not before the letter";
  EXPECT_NE(early.body.find("précéder"), std::string::npos) << early.body;
  const auto recorded = client.PostJson(delivery, {{"delivered_on", "2026-12-22"}});
  ASSERT_EQ(recorded.status, 200) << recorded.body;
  EXPECT_EQ(recorded.Json().at("delivered_on"), "2026-12-22");
  EXPECT_EQ(client.PostJson(delivery, {{"delivered_on", "2026-12-23"}}).status, 409);
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_steps WHERE delivered_on = '2026-12-22'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM enforcement_events WHERE kind = 'letter_delivered' AND "
                  "occurred_on = '2026-12-22'"),
            2);
  const auto none =
      client.Get("/v1/collectivities/" + collectivity_ + "/enforcement-letters?delivered=false");
  EXPECT_EQ(none.Json().at("items").size(), 0u);
}

}  // namespace
}  // namespace nuitee
