// The calendar over a whole year, one pass per day with an injected clock, in-process on a real
// database: each step on its day, never for a declared month, never twice, and not at all where
// a month is not chased (issue 6, "Tests that must exist").
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "persistence/mail_outbox_repository.hpp"
#include "tests/worker/worker_fixtures.hpp"

namespace nuitee::testing {
namespace {

class EnforcementYear : public ::testing::Test {
 protected:
  // Day by day; the referent records the delivery of each mise en demeure 8 days after it was
  // taken, as the avis de réception would come back.
  void RunDays(Day from, Day to) {
    for (Day day = from; day <= to; day = AddDays(day, 1)) {
      db_.Execute(
          "UPDATE enforcement_steps SET delivered_on = taken_on + 8, "
          "delivery_recorded_by = 'referente', delivery_recorded_at = now() "
          "WHERE kind = 'formal_notice' AND delivered_on IS NULL AND taken_on + 8 <= '" +
          FormatIsoDate(day) + "'");
      territory_.Pass(day);
    }
  }

  std::string StepDays(const std::string& accommodation, Month month) {
    return TestDatabase::QueryText(
        db_.url(),
        "SELECT coalesce(string_agg(kind || '@' || taken_on::text, ' ' ORDER BY seq), "
        "'') FROM enforcement_steps WHERE accommodation_id = '" +
            accommodation + "' AND month = '" + FormatIsoMonth(month) + "-01'");
  }

  long long StepsOf(const std::string& accommodation) {
    return db_.CountRows("SELECT count(*) FROM enforcement_steps WHERE accommodation_id = '" +
                         accommodation + "'");
  }

  TestDatabase db_;
  WorkerTerritory territory_{db_, MonthOf(2024, 1)};
};

TEST_F(EnforcementYear, TakesEachStepOnItsDayOnceAndStopsAtEveryExclusion) {
  const std::string silent_host = territory_.AddHost("Hélène Muette", "helene@example.fr");
  const std::string gite = territory_.AddAccommodation(silent_host, "Gîte des Sources");
  const std::string moulin = territory_.AddAccommodation(silent_host, "Le Moulin");
  const std::string late_host = territory_.AddHost("Louis Tardif", "louis@example.fr");
  const std::string late = territory_.AddAccommodation(late_host, "Chalet Tardif");
  const std::string ceased = territory_.AddAccommodation(
      territory_.AddHost("Cécile Cessée", "cecile@example.fr"), "Gîte fermé",
      [](Accommodation& a) { a.ceased_on = On(2024, 4, 1); });
  const std::string seasonal =
      territory_.AddAccommodation(territory_.AddHost("Serge Saison", "serge@example.fr"),
                                  "Refuge d'hiver", [](Accommodation& a) {
                                    a.closures = {{On(2024, 7, 1), On(2024, 8, 31)}};
                                  });
  const std::string nil_host = territory_.AddHost("Nina Néant", "nina@example.fr");
  const std::string nil = territory_.AddAccommodation(nil_host, "Studio Néant");
  const std::string platform_host = territory_.AddHost("Paul Plateforme", "paul@example.fr");
  const std::string platforms_only =
      territory_.AddAccommodation(platform_host, "Appartement Plateformes",
                                  [](Accommodation& a) { a.marketing = Marketing::kPlatforms; });
  const std::string held_host = territory_.AddHost("Hugo Suspendu", "hugo@example.fr");
  const std::string held = territory_.AddAccommodation(held_host, "Maison Suspendue");
  const std::string archived_host = territory_.AddHost("Anne Archivée", "anne@example.fr");
  const std::string archived = territory_.AddAccommodation(archived_host, "Ancienne Ferme");
  const std::string opened_late = territory_.AddAccommodation(
      territory_.AddHost("Olivier Ouvert", "olivier@example.fr"), "Cabane Neuve",
      [](Accommodation& a) { a.opened_on = On(2024, 10, 10); });

  for (unsigned month = 1; month <= 12; ++month) territory_.Declare(nil, MonthOf(2024, month));
  db_.Execute(
      "INSERT INTO platform_sworn_statements (collectivity_id, host_id, year, filed_on, "
      "recorded_by) SELECT collectivity_id, id, 2024, '2024-01-10', 'referente' FROM "
      "hosts WHERE id = '" +
      platform_host + "'");
  db_.Execute(
      "INSERT INTO enforcement_holds (collectivity_id, host_id, reason, placed_by) SELECT "
      "collectivity_id, id, 'Litige en cours', 'referente' FROM hosts WHERE id = '" +
      held_host + "'");
  db_.Execute("UPDATE hosts SET archived_on = '2023-12-01' WHERE id = '" + archived_host + "'");

  // January to mid-February; the late host declares January on 20 February, between its first
  // reminder (16 February) and its second (26 February).
  RunDays(On(2024, 1, 1), On(2024, 2, 20));
  territory_.Declare(late, MonthOf(2024, 1));
  RunDays(On(2024, 2, 21), On(2024, 12, 31));

  // January 2024: invitation on the 1st of February; 15 February is a Thursday, so the first
  // reminder comes on the 16th; the second 10 days later; the mise en demeure 15 days after it;
  // delivered on 20 March (8 days later, as simulated), the taxation d'office on the 31st day.
  EXPECT_EQ(StepDays(gite, MonthOf(2024, 1)),
            "invitation@2024-02-01 first_reminder@2024-02-16 second_reminder@2024-02-26 "
            "formal_notice@2024-03-12 assessment@2024-04-20");
  // February of a leap year: invited on 1 March (after the 29th).
  EXPECT_EQ(StepDays(gite, MonthOf(2024, 2)).substr(0, 21), "invitation@2024-03-01");
  // May 2024: the deadline, Saturday 15 June, moves to Monday 17 June; the reminder follows.
  EXPECT_EQ(StepDays(gite, MonthOf(2024, 5)).substr(0, 54),
            "invitation@2024-06-01 first_reminder@2024-06-18 second");
  // Taken every day, so never late, and never twice (the constraint would refuse it anyway).
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM enforcement_steps WHERE taken_on <> due_on"), 0);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM (SELECT 1 FROM enforcement_steps GROUP BY "
                          "accommodation_id, month, kind HAVING count(*) > 1) twice"),
            0);

  // Declared mid-way: nothing after the first reminder for January; February onwards is chased.
  EXPECT_EQ(StepDays(late, MonthOf(2024, 1)), "invitation@2024-02-01 first_reminder@2024-02-16");
  EXPECT_NE(StepDays(late, MonthOf(2024, 2)), "");

  // The exclusions.
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM enforcement_steps WHERE accommodation_id = '" +
                          ceased + "' AND month >= '2024-04-01'"),
            0);
  EXPECT_NE(StepDays(ceased, MonthOf(2024, 3)), "");
  EXPECT_EQ(StepDays(seasonal, MonthOf(2024, 7)), "");
  EXPECT_EQ(StepDays(seasonal, MonthOf(2024, 8)), "");
  EXPECT_NE(StepDays(seasonal, MonthOf(2024, 9)), "");
  EXPECT_EQ(StepsOf(nil), 0);
  EXPECT_EQ(StepsOf(platforms_only), 0);
  EXPECT_EQ(StepsOf(held), 0);
  EXPECT_EQ(StepsOf(archived), 0);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM enforcement_steps WHERE accommodation_id = '" +
                          opened_late + "' AND month < '2024-10-01'"),
            0);
  EXPECT_EQ(StepDays(opened_late, MonthOf(2024, 10)).substr(0, 21), "invitation@2024-11-01");
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM enforcement_steps WHERE month < '2024-01-01'"), 0);

  // One mail per host and kind a day, listing both accommodations of the silent host.
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox m WHERE kind = 'first_reminder' "
                          "AND recipient = 'helene@example.fr'"),
            11);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox m WHERE kind = 'first_reminder' "
                          "AND recipient = 'helene@example.fr' AND body LIKE '%Gîte des Sources%' "
                          "AND body LIKE '%Le Moulin%'"),
            11);
  EXPECT_EQ(
      db_.CountRows("SELECT count(*) FROM enforcement_steps s WHERE kind IN ('invitation', "
                    "'first_reminder', 'second_reminder', 'formal_notice') AND mail_id IS NULL"),
      0);
  // Each mise en demeure is one letter for the host, listing both accommodations with amounts.
  EXPECT_EQ(db_.CountRows("SELECT count(DISTINCT letter_id) FROM enforcement_steps WHERE "
                          "kind = 'formal_notice' AND month = '2024-01-01' AND host_id = '" +
                          silent_host + "'"),
            1);
  EXPECT_NE(TestDatabase::QueryText(
                db_.url(),
                "SELECT convert_from(l.pdf, 'UTF8') FROM enforcement_letters l JOIN "
                "enforcement_steps s ON s.letter_id = l.id WHERE s.accommodation_id = '" +
                    gite + "' AND s.month = '2024-01-01'"),
            "");
  // The taxation d'office of February 2024: 4 persons × 29 nights.
  EXPECT_EQ(TestDatabase::QueryText(db_.url(),
                                    "SELECT nights || ' ' || capacity_persons || ' ' || status || "
                                    "' ' || revision FROM office_assessments WHERE "
                                    "accommodation_id = '" +
                                        gite + "' AND month = '2024-02-01'"),
            "29 4 proposed 1");
  // The history has one 'step_taken' row per step.
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM enforcement_events WHERE kind = 'step_taken'"),
            db_.CountRows("SELECT count(*) FROM enforcement_steps"));
}

TEST_F(EnforcementYear, AReminderQueuedButUnsentIsWithdrawnOnceItsMonthsAreDeclared) {
  const std::string host = territory_.AddHost("Louis Tardif", "louis@example.fr");
  const std::string chalet = territory_.AddAccommodation(host, "Chalet Tardif");
  const std::string other_host = territory_.AddHost("Hélène Muette", "helene@example.fr");
  territory_.AddAccommodation(other_host, "Gîte des Sources");
  RunDays(On(2024, 2, 1), On(2024, 2, 16));  // invitation and first reminder for January, queued
  territory_.Declare(chalet, MonthOf(2024, 1));

  auto claimed = db_.database().InTransaction(
      [&](persistence::Transaction& tx) -> Result<std::vector<persistence::ClaimedMail>> {
        return persistence::MailOutboxRepository::ClaimDue(tx, 20, std::chrono::seconds(300));
      });
  ASSERT_TRUE(claimed);
  for (const auto& each : *claimed) EXPECT_NE(each.mail.recipient, "louis@example.fr");
  EXPECT_EQ(claimed->size(), 2u);  // the other host's invitation and reminder
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox WHERE recipient = 'louis@example.fr' "
                          "AND withdrawn_at IS NOT NULL AND withdrawn_reason LIKE '%déclarés%'"),
            2);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM enforcement_events WHERE kind = 'mail_withdrawn' "
                          "AND accommodation_id = '" +
                          chalet + "'"),
            2);
  // Nothing more is taken for January.
  RunDays(On(2024, 2, 17), On(2024, 3, 31));
  EXPECT_EQ(StepDays(chalet, MonthOf(2024, 1)), "invitation@2024-02-01 first_reminder@2024-02-16");
}

TEST_F(EnforcementYear, CatchesUpLateMonthsWithTheFirstReminderAndOneMailListingThemAll) {
  const std::string host = territory_.AddHost("Hélène Muette", "helene@example.fr");
  const std::string gite = territory_.AddAccommodation(host, "Gîte des Sources");
  // The worker's first day is 20 April: January, February and March are all past their deadline.
  const auto report = territory_.Pass(On(2024, 4, 20));
  EXPECT_EQ(report.steps_taken, 3);
  EXPECT_EQ(report.mails_queued, 1);
  EXPECT_EQ(StepDays(gite, MonthOf(2024, 1)), "first_reminder@2024-04-20");
  EXPECT_EQ(StepDays(gite, MonthOf(2024, 3)), "first_reminder@2024-04-20");
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_outbox WHERE kind = 'first_reminder' AND "
                          "body LIKE '%janvier 2024%' AND body LIKE '%février 2024%' AND "
                          "body LIKE '%mars 2024%'"),
            1);
  // A second pass the same day takes nothing more.
  EXPECT_EQ(territory_.Pass(On(2024, 4, 20)).steps_taken, 0);
}

}  // namespace
}  // namespace nuitee::testing
