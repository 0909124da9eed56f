// The enforcement calendar of a month not declared (issue 6, CGCT L. 2333-38): invitation on the
// 1st, first reminder the day after the deadline, second reminder and mise en demeure after the
// collectivity's delays, taxation d'office after the 30 days the law leaves to regularise.
#include <gtest/gtest.h>

#include "domain/enforcement_calendar.hpp"

namespace nuitee {
namespace {

Day On(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}
Month M(int year, unsigned month) { return Month{date::year{year}, date::month{month}}; }

const DeclarationSettings kDeclarations;  // due on the 15th
const EnforcementSettings kDefaults;       // 10 days, then 15 days

Day DayOf(EnforcementStep step, Month month, const DeclarationSettings& declarations = kDeclarations,
          const EnforcementSettings& settings = kDefaults) {
  return *StepDay(step, month, declarations, settings);
}

TEST(EnforcementCalendar, InvitesOnTheFirstDayOfTheFollowingMonth) {
  EXPECT_EQ(DayOf(EnforcementStep::kInvitation, M(2026, 3)), On(2026, 4, 1));
  EXPECT_EQ(DayOf(EnforcementStep::kInvitation, M(2026, 12)), On(2027, 1, 1));
}

TEST(EnforcementCalendar, RemindsTheDayAfterTheDeadlineThenTenDaysLater) {
  EXPECT_EQ(DayOf(EnforcementStep::kFirstReminder, M(2026, 3)), On(2026, 4, 16));
  EXPECT_EQ(DayOf(EnforcementStep::kSecondReminder, M(2026, 3)), On(2026, 4, 26));
}

TEST(EnforcementCalendar, SendsTheFormalNoticeFifteenDaysAfterTheSecondReminder) {
  EXPECT_EQ(DayOf(EnforcementStep::kFormalNotice, M(2026, 3)), On(2026, 5, 11));
}

TEST(EnforcementCalendar, FollowsTheCollectivitysDelays) {
  DeclarationSettings declarations;
  declarations.deadline_day = 10;
  EnforcementSettings settings;
  settings.second_reminder_after_days = 7;
  settings.formal_notice_after_days = 20;
  EXPECT_EQ(DayOf(EnforcementStep::kFirstReminder, M(2026, 3), declarations, settings),
            On(2026, 4, 11));
  EXPECT_EQ(DayOf(EnforcementStep::kSecondReminder, M(2026, 3), declarations, settings),
            On(2026, 4, 18));
  EXPECT_EQ(DayOf(EnforcementStep::kFormalNotice, M(2026, 3), declarations, settings),
            On(2026, 5, 8));
}

TEST(EnforcementCalendar, RemindsAfterADeadlineMovedPastAWeekend) {
  // July 2026 is due on 15 August, a Saturday and a holiday: due Monday 17, reminded Tuesday 18.
  EXPECT_EQ(DayOf(EnforcementStep::kFirstReminder, M(2026, 7)), On(2026, 8, 18));
}

TEST(EnforcementCalendar, CrossesMonthEndsAndLeapDays) {
  // January 2028 is due on Tuesday 15 February; reminders on 16 and 26 February; the notice 15
  // days later falls on 12 March in a leap year (29 days in February).
  EXPECT_EQ(DayOf(EnforcementStep::kSecondReminder, M(2028, 1)), On(2028, 2, 26));
  EXPECT_EQ(DayOf(EnforcementStep::kFormalNotice, M(2028, 1)), On(2028, 3, 12));
  EXPECT_EQ(DayOf(EnforcementStep::kFormalNotice, M(2027, 1)), On(2027, 3, 13));
}

TEST(EnforcementCalendar, ProposesTheAssessmentOnlyOnceTheNoticeWasDeliveredAndThirtyDaysPassed) {
  EXPECT_FALSE(StepDay(EnforcementStep::kAssessment, M(2026, 3), kDeclarations, kDefaults));
  EXPECT_EQ(StepDay(EnforcementStep::kAssessment, M(2026, 3), kDeclarations, kDefaults,
                    On(2026, 5, 14)),
            On(2026, 6, 14));
}

TEST(EnforcementCalendar, PutsAnAssessmentIntoRecoveryNoEarlierThanThirtyDaysAfterItsNotice) {
  EXPECT_EQ(RecoverableFrom(On(2026, 6, 20)), On(2026, 7, 20));
}

TEST(EnforcementStep, HasStableNames) {
  for (EnforcementStep step :
       {EnforcementStep::kInvitation, EnforcementStep::kFirstReminder,
        EnforcementStep::kSecondReminder, EnforcementStep::kFormalNotice,
        EnforcementStep::kAssessment}) {
    EXPECT_EQ(ParseEnforcementStep(EnforcementStepName(step)), step);
  }
  EXPECT_EQ(EnforcementStepName(EnforcementStep::kFormalNotice), "formal_notice");
  EXPECT_FALSE(ParseEnforcementStep("mise_en_demeure"));
}

}  // namespace
}  // namespace nuitee
