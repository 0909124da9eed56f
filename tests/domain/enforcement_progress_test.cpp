// Whether a month is chased and which step of the calendar comes next (issue 6; L. 2333-38).
#include <gtest/gtest.h>

#include <vector>

#include "domain/enforcement_progress.hpp"

namespace nuitee {
namespace {

Day On(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}
Month M(int year, unsigned month) { return Month{date::year{year}, date::month{month}}; }

const DeclarationSettings kDeclarations;  // due on the 15th
const EnforcementSettings kDefaults;       // 10 days, then 15 days

ChaseFacts Chased(Month month) {
  ChaseFacts facts;
  facts.month = month;
  facts.enforcement_from = M(2026, 1);
  return facts;
}

TEST(ChasedMonth, IsChasedWhenOpenAndNotDeclared) {
  EXPECT_EQ(WhyNotChased(Chased(M(2026, 3))), std::nullopt);
}

TEST(ChasedMonth, IsNotChasedBeforeTheCollectivitysFirstChasedMonthOrWithoutOne) {
  EXPECT_EQ(WhyNotChased(Chased(M(2025, 12))), NotChasedReason::kBeforeEnforcement);
  ChaseFacts none = Chased(M(2026, 3));
  none.enforcement_from.reset();
  EXPECT_EQ(WhyNotChased(none), NotChasedReason::kBeforeEnforcement);
}

TEST(ChasedMonth, IsNotChasedBeforeOpeningButIsTheMonthItOpens) {
  ChaseFacts facts = Chased(M(2026, 3));
  facts.opened_on = On(2026, 4, 1);
  EXPECT_EQ(WhyNotChased(facts), NotChasedReason::kNotOpenYet);
  facts.opened_on = On(2026, 3, 31);
  EXPECT_EQ(WhyNotChased(facts), std::nullopt);
}

TEST(ChasedMonth, IsChasedTheMonthItCeasesUnlessItCeasesOnTheFirst) {
  ChaseFacts facts = Chased(M(2026, 3));
  facts.ceased_on = On(2026, 3, 10);  // nights of 1–9 March to declare
  EXPECT_EQ(WhyNotChased(facts), std::nullopt);
  facts.ceased_on = On(2026, 3, 1);
  EXPECT_EQ(WhyNotChased(facts), NotChasedReason::kCeased);
}

TEST(ChasedMonth, IsNotChasedWhenClosuresCoverEveryDayIncludingFebruaryOfALeapYear) {
  const std::vector<DayRange> split = {{On(2028, 1, 20), On(2028, 2, 10)},
                                       {On(2028, 2, 11), On(2028, 3, 5)}};
  ChaseFacts facts = Chased(M(2028, 2));
  facts.closures = split;
  EXPECT_EQ(WhyNotChased(facts), NotChasedReason::kClosedAllMonth);
  const std::vector<DayRange> gap = {{On(2028, 2, 1), On(2028, 2, 28)}};  // the 29th is open
  facts.closures = gap;
  EXPECT_EQ(WhyNotChased(facts), std::nullopt);
}

TEST(ChasedMonth, IsNotChasedOnceDeclaredEvenNil) {
  ChaseFacts facts = Chased(M(2026, 3));
  facts.declared = true;
  EXPECT_EQ(WhyNotChased(facts), NotChasedReason::kDeclared);
}

TEST(ChasedMonth, SkipsPlatformsOnlyLodgingWithASwornStatementOnly) {
  ChaseFacts facts = Chased(M(2026, 3));
  facts.marketing = Marketing::kPlatforms;
  EXPECT_EQ(WhyNotChased(facts), std::nullopt);  // no statement: it may still rent directly
  facts.sworn_statement = true;
  EXPECT_EQ(WhyNotChased(facts), NotChasedReason::kPlatformsOnly);
  facts.marketing = Marketing::kBoth;               // rents directly too: chased
  EXPECT_EQ(WhyNotChased(facts), std::nullopt);
}

TEST(ChasedMonth, IsNotChasedWhileTheHostIsOnHoldOrArchived) {
  ChaseFacts facts = Chased(M(2026, 3));
  facts.on_hold = true;
  EXPECT_EQ(WhyNotChased(facts), NotChasedReason::kOnHold);
  facts.host_archived = true;
  EXPECT_EQ(WhyNotChased(facts), NotChasedReason::kHostArchived);
}

TakenStep Took(EnforcementStep kind, Day taken_on) {
  TakenStep step;
  step.kind = kind;
  step.taken_on = taken_on;
  return step;
}

std::optional<NextStep> Next(Month month, std::vector<TakenStep> taken, Day today) {
  return FollowingStep(month, taken, kDeclarations, kDefaults, today);
}

TEST(FollowingStep, StartsWithTheInvitationOnTheFirstOfTheFollowingMonth) {
  const auto next = Next(M(2026, 3), {}, On(2026, 3, 20));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->kind, EnforcementStep::kInvitation);
  EXPECT_EQ(next->due_on, On(2026, 4, 1));
}

TEST(FollowingStep, SkipsTheInvitationOnceTheFirstReminderIsDue) {
  const auto next = Next(M(2026, 3), {}, On(2026, 4, 16));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->kind, EnforcementStep::kFirstReminder);
  EXPECT_EQ(next->due_on, On(2026, 4, 16));
}

TEST(FollowingStep, RemindsTheDayAfterAWeekendDeadline) {
  // 15 August 2026 is a Saturday and a holiday: the deadline moves to Monday 17 August.
  const auto next = Next(M(2026, 7), {Took(EnforcementStep::kInvitation, On(2026, 8, 1))},
                         On(2026, 8, 2));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->due_on, On(2026, 8, 18));
}

TEST(FollowingStep, DatesEachLaterStepFromTheDayThePreviousWasReallyTaken) {
  // The first reminder went out three days late: the host still gets ten days.
  auto next = Next(M(2026, 3), {Took(EnforcementStep::kFirstReminder, On(2026, 4, 19))},
                   On(2026, 4, 19));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->kind, EnforcementStep::kSecondReminder);
  EXPECT_EQ(next->due_on, On(2026, 4, 29));
  next = Next(M(2026, 3),
              {Took(EnforcementStep::kFirstReminder, On(2026, 4, 19)),
               Took(EnforcementStep::kSecondReminder, On(2026, 4, 29))},
              On(2026, 4, 29));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->kind, EnforcementStep::kFormalNotice);
  EXPECT_EQ(next->due_on, On(2026, 5, 14));
}

TEST(FollowingStep, WaitsForTheDeliveryOfTheFormalNoticeThenLeavesThirtyDays) {
  std::vector<TakenStep> taken = {Took(EnforcementStep::kFirstReminder, On(2026, 4, 16)),
                                  Took(EnforcementStep::kSecondReminder, On(2026, 4, 26)),
                                  Took(EnforcementStep::kFormalNotice, On(2026, 5, 11))};
  EXPECT_EQ(Next(M(2026, 3), taken, On(2026, 6, 30)), std::nullopt);
  taken.back().delivered_on = On(2026, 5, 14);
  const auto next = Next(M(2026, 3), taken, On(2026, 6, 30));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->kind, EnforcementStep::kAssessment);
  EXPECT_EQ(next->due_on, On(2026, 6, 14));  // 14 May + 31 days
}

TEST(FollowingStep, EndsAfterTheAssessmentOrACancelledStep) {
  EXPECT_EQ(
      Next(M(2026, 3), {Took(EnforcementStep::kAssessment, On(2026, 6, 14))}, On(2026, 7, 1)),
      std::nullopt);
  TakenStep cancelled = Took(EnforcementStep::kSecondReminder, On(2026, 4, 26));
  cancelled.cancelled = true;
  EXPECT_EQ(Next(M(2026, 3), {Took(EnforcementStep::kFirstReminder, On(2026, 4, 16)), cancelled},
                 On(2026, 7, 1)),
            std::nullopt);
}

}  // namespace
}  // namespace nuitee
