// Monthly declarations, as a specification: what each state allows, when a month is due, the month
// a stay belongs to under each stay month rule, the guards on months and stays, nil returns and
// closed months, and the frozen computation of what the host owes.
#include "domain/declaration.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "tests/rates/rates_fixtures.hpp"

namespace nuitee {
namespace {

using rates::AdditionalTax;
using rates::Beneficiary;
using rates::Category;
using rates::RoundingMode;
using rates::fixtures::BookOf;
using rates::fixtures::Cents;
using rates::fixtures::Departemental;
using rates::fixtures::MakeDeliberation;
using rates::fixtures::On;

// The declarations below are made on the last day of June 2026: every month up to June has
// started, July has not.
const Day kToday = On(2026, 6, 30);

Month M(int year, unsigned month) { return Month{date::year{year}, date::month{month}}; }

// A meublé de tourisme for four persons in the commune the fixtures' deliberations cover, open
// since 2020 and never classified: its nights fall in row 9, the proportional rate.
Accommodation Gite() {
  Accommodation accommodation;
  accommodation.id = AccommodationId("acc-1");
  accommodation.collectivity_id = CollectivityId("epci-1");
  accommodation.host_id = HostId("host-1");
  accommodation.name = "Gîte des Aravis";
  accommodation.commune_insee_code = rates::fixtures::kCommune;
  accommodation.nature = Nature::kFurnishedRental;
  accommodation.capacity_persons = 4;
  accommodation.opened_on = On(2020, 4, 1);
  return accommodation;
}

Classification Classified(int stars, Day decided_on) {
  return Classification{ClassificationId("cls-1"), AccommodationId("acc-1"),
                        Rank{stars, false},        decided_on,
                        DefaultExpiry(decided_on), "Organisme évaluateur"};
}

// Three stars from 1 January 2024 to 31 December 2028: row 4, 1,50 € per person and night in the
// fixtures' deliberations.
std::vector<Classification> ThreeStars() { return {Classified(3, On(2024, 1, 1))}; }

const std::vector<Classification> kNeverClassified;

// The 2025 deliberation as version 1 and the 2026 one as version 2: highest tariff 4,00 €, 5 % for
// unclassified lodging, the given additional taxes (the departmental 10 % by default).
rates::RateBook Book(const std::vector<AdditionalTax>& additional_taxes = {Departemental()}) {
  rates::Deliberation year2025 = MakeDeliberation(2025);
  year2025.additional_taxes = additional_taxes;
  rates::Deliberation year2026 = MakeDeliberation(2026);
  year2026.additional_taxes = additional_taxes;
  return BookOf({year2025, year2026});
}

StayLine Stay(Day arrival, int nights, int occupants,
              std::optional<Money> price_per_night = Cents(10000),
              Collector collector = Collector::kHost) {
  StayLine line;
  line.arrival = arrival;
  line.nights = nights;
  line.occupants = occupants;
  line.price_per_night = price_per_night;
  line.collector = collector;
  return line;
}

DeclarationSettings Rule(StayMonthRule rule) {
  DeclarationSettings settings;
  settings.stay_month_rule = rule;
  return settings;
}

const DeclarationSettings kDefaults;

DeclarationCheck Check(const std::vector<StayLine>& lines, Month month,
                       const DeclarationSettings& settings = kDefaults,
                       const Accommodation& accommodation = Gite(),
                       const std::vector<Classification>& history = kNeverClassified,
                       Day today = kToday) {
  return CheckStayLines(accommodation, history, month, lines, settings, today);
}

bool Accepted(const StayLine& line, Month month, const DeclarationSettings& settings) {
  return Check({line}, month, settings).errors.empty();
}

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& each : errors) fields.push_back(each.field);
  return fields;
}

Result<Submission> Prepare(DeclarationKind kind, const std::vector<StayLine>& stays, Month month,
                           const Accommodation& accommodation = Gite(),
                           const DeclarationSettings& settings = kDefaults, Day today = kToday) {
  return PrepareSubmission(accommodation, kNeverClassified, month, kind, stays, settings, Book(),
                           RoundingMode::kPerLine, today);
}

Result<DeclarationAmounts> Compute(const std::vector<StayLine>& lines,
                                   const std::vector<Classification>& history = kNeverClassified,
                                   const rates::RateBook& book = Book(),
                                   RoundingMode rounding = RoundingMode::kPerLine) {
  return ComputeDeclaration(Gite(), history, lines, book, rounding);
}

Money AdditionalFor(const std::vector<rates::AdditionalTaxAmount>& amounts,
                    Beneficiary beneficiary) {
  Money sum = Money::Zero();
  for (const auto& each : amounts) {
    if (each.beneficiary == beneficiary) sum += each.amount;
  }
  return sum;
}

// The parts of a stay, one per month it has nights in: what a host declares under split_by_month.
std::vector<StayLine> SplitByMonth(const StayLine& stay) {
  std::vector<StayLine> parts;
  Day first = stay.arrival;
  int left = stay.nights;
  while (left > 0) {
    const Day month_end = LastDay(first.year() / first.month());
    const int in_month =
        std::min(left, int((date::sys_days{month_end} - date::sys_days{first}).count()) + 1);
    StayLine part = stay;
    part.arrival = first;
    part.nights = in_month;
    parts.push_back(part);
    first = AddDays(first, in_month);
    left -= in_month;
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// States: to declare → draft → submitted → revised (→ revised...), nothing overwritten.
// ---------------------------------------------------------------------------------------------

TEST(DeclarationState, IsToDeclareWhenNothingIsStored) {
  EXPECT_EQ(StateOf(0, false), DeclarationState::kToDeclare);
}

TEST(DeclarationState, IsDraftWhenOnlyADraftIsStored) {
  EXPECT_EQ(StateOf(0, true), DeclarationState::kDraft);
}

TEST(DeclarationState, IsSubmittedAfterOneSubmissionWhateverTheDraft) {
  EXPECT_EQ(StateOf(1, false), DeclarationState::kSubmitted);
  EXPECT_EQ(StateOf(1, true), DeclarationState::kSubmitted);
}

TEST(DeclarationState, IsRevisedFromTheSecondSubmissionOn) {
  EXPECT_EQ(StateOf(2, false), DeclarationState::kRevised);
  EXPECT_EQ(StateOf(3, true), DeclarationState::kRevised);
  EXPECT_EQ(StateOf(12, false), DeclarationState::kRevised);
}

TEST(DeclarationState, HasTheNamesOfTheApi) {
  EXPECT_EQ(DeclarationStateName(DeclarationState::kToDeclare), "to_declare");
  EXPECT_EQ(DeclarationStateName(DeclarationState::kDraft), "draft");
  EXPECT_EQ(DeclarationStateName(DeclarationState::kSubmitted), "submitted");
  EXPECT_EQ(DeclarationStateName(DeclarationState::kRevised), "revised");
}

struct Transition {
  const char* name;
  DeclarationAction action;
  DeclarationState state;
  bool allowed;
};

void PrintTo(const Transition& transition, std::ostream* out) { *out << transition.name; }

class DeclarationTransition : public testing::TestWithParam<Transition> {};

TEST_P(DeclarationTransition, IsAllowedOrRefusedWithAReason) {
  const auto refusal = RefusalOf(GetParam().action, GetParam().state);
  if (GetParam().allowed) {
    EXPECT_FALSE(refusal.has_value()) << *refusal;
  } else {
    ASSERT_TRUE(refusal.has_value());
    EXPECT_FALSE(refusal->empty());
  }
}

// Every action in every state: a month not yet submitted takes drafts and a first submission; a
// submitted month takes only revisions, which need a submission to supersede.
INSTANTIATE_TEST_SUITE_P(
    EveryActionInEveryState, DeclarationTransition,
    testing::Values(
        Transition{"SaveDraftToDeclare", DeclarationAction::kSaveDraft,
                   DeclarationState::kToDeclare, true},
        Transition{"SaveDraftDraft", DeclarationAction::kSaveDraft, DeclarationState::kDraft, true},
        Transition{"SaveDraftSubmitted", DeclarationAction::kSaveDraft,
                   DeclarationState::kSubmitted, false},
        Transition{"SaveDraftRevised", DeclarationAction::kSaveDraft, DeclarationState::kRevised,
                   false},
        Transition{"SubmitToDeclare", DeclarationAction::kSubmit, DeclarationState::kToDeclare,
                   true},
        Transition{"SubmitDraft", DeclarationAction::kSubmit, DeclarationState::kDraft, true},
        Transition{"SubmitSubmitted", DeclarationAction::kSubmit, DeclarationState::kSubmitted,
                   false},
        Transition{"SubmitRevised", DeclarationAction::kSubmit, DeclarationState::kRevised, false},
        Transition{"ReviseToDeclare", DeclarationAction::kRevise, DeclarationState::kToDeclare,
                   false},
        Transition{"ReviseDraft", DeclarationAction::kRevise, DeclarationState::kDraft, false},
        Transition{"ReviseSubmitted", DeclarationAction::kRevise, DeclarationState::kSubmitted,
                   true},
        Transition{"ReviseRevised", DeclarationAction::kRevise, DeclarationState::kRevised, true}),
    [](const testing::TestParamInfo<Transition>& info) { return std::string(info.param.name); });

TEST(DeclarationState, RevisionNeedsASubmissionToSupersede) {
  for (DeclarationState state : {DeclarationState::kToDeclare, DeclarationState::kDraft}) {
    const auto refusal = RefusalOf(DeclarationAction::kRevise, state);
    ASSERT_TRUE(refusal.has_value());
    EXPECT_NE(refusal->find("rien à rectifier"), std::string::npos) << *refusal;
  }
}

TEST(DeclarationState, SubmittedMonthIsCorrectedOnlyByARevision) {
  for (DeclarationState state : {DeclarationState::kSubmitted, DeclarationState::kRevised}) {
    for (DeclarationAction action : {DeclarationAction::kSaveDraft, DeclarationAction::kSubmit}) {
      const auto refusal = RefusalOf(action, state);
      ASSERT_TRUE(refusal.has_value());
      EXPECT_NE(refusal->find("rectificative"), std::string::npos) << *refusal;
    }
  }
}

TEST(DeclarationState, RevisionChainStaysRevisableAndNeverReturnsToDraft) {
  int submissions = 0;
  EXPECT_FALSE(RefusalOf(DeclarationAction::kSubmit, StateOf(submissions, true)));
  ++submissions;
  for (int revision = 1; revision <= 4; ++revision) {
    const DeclarationState state = StateOf(submissions, false);
    EXPECT_NE(state, DeclarationState::kDraft);
    EXPECT_FALSE(RefusalOf(DeclarationAction::kRevise, state)) << revision;
    EXPECT_TRUE(RefusalOf(DeclarationAction::kSubmit, state)) << revision;
    ++submissions;
    EXPECT_EQ(StateOf(submissions, false), DeclarationState::kRevised);
  }
}

// ---------------------------------------------------------------------------------------------
// Deadlines: the deadline day of the following month (L. 2333-34 I: at the dates the
// deliberation fixes).
// ---------------------------------------------------------------------------------------------

TEST(DeclarationDeadline, IsTheFifteenthOfTheFollowingMonthByDefault) {
  EXPECT_EQ(DeclarationDueOn(M(2026, 3), kDefaults), On(2026, 4, 15));
}

TEST(DeclarationDeadline, OfDecemberFallsInJanuaryOfTheNextYear) {
  EXPECT_EQ(DeclarationDueOn(M(2025, 12), kDefaults), On(2026, 1, 15));
}

TEST(DeclarationDeadline, FollowsTheCollectivitysDeadlineDay) {
  DeclarationSettings settings;
  settings.deadline_day = 6;
  EXPECT_EQ(DeclarationDueOn(M(2026, 4), settings), On(2026, 5, 6));
  settings.deadline_day = 28;
  EXPECT_EQ(DeclarationDueOn(M(2026, 9), settings), On(2026, 10, 28));
  settings.deadline_day = 2;
  EXPECT_EQ(DeclarationDueOn(M(2025, 12), settings), On(2026, 1, 2));
}

TEST(DeclarationDeadline, MovesToTheNextWorkingDay) {
  DeclarationSettings settings;
  settings.deadline_day = 5;  // Sunday 5 April 2026 is Easter, Monday 6 Easter Monday
  EXPECT_EQ(DeclarationDueOn(M(2026, 3), settings), On(2026, 4, 7));
  settings.deadline_day = 28;  // Saturday 28 February 2026
  EXPECT_EQ(DeclarationDueOn(M(2026, 1), settings), On(2026, 3, 2));
  settings.deadline_day = 1;  // New Year's Day, a Thursday
  EXPECT_EQ(DeclarationDueOn(M(2025, 12), settings), On(2026, 1, 2));
  // 15 August 2026 is a Saturday and a public holiday: a host who files on Monday 17 is on time.
  EXPECT_EQ(DeclarationDueOn(M(2026, 7), kDefaults), On(2026, 8, 17));
  EXPECT_EQ(DaysLate(M(2026, 7), kDefaults, On(2026, 8, 17)), 0);
  EXPECT_EQ(DaysLate(M(2026, 7), kDefaults, On(2026, 8, 18)), 1);
}

TEST(DeclarationDeadline, IsNotLateOnTheDueDay) {
  EXPECT_EQ(DaysLate(M(2026, 3), kDefaults, On(2026, 4, 15)), 0);
}

TEST(DeclarationDeadline, IsOneDayLateTheDayAfter) {
  EXPECT_EQ(DaysLate(M(2026, 3), kDefaults, On(2026, 4, 16)), 1);
}

TEST(DeclarationDeadline, IsNotLateWhenEarly) {
  EXPECT_EQ(DaysLate(M(2026, 3), kDefaults, On(2026, 3, 31)), 0);
  EXPECT_EQ(DaysLate(M(2026, 3), kDefaults, On(2026, 4, 1)), 0);
}

TEST(DeclarationDeadline, CountsTheDelayAcrossMonthsAndYears) {
  EXPECT_EQ(DaysLate(M(2026, 3), kDefaults, On(2026, 5, 15)), 30);
  EXPECT_EQ(DaysLate(M(2025, 12), kDefaults, On(2026, 1, 16)), 1);
  EXPECT_EQ(DaysLate(M(2025, 11), kDefaults, On(2026, 1, 1)), 17);
}

TEST(DeclarationDeadline, CountsTheDelayFromTheCollectivitysDeadlineDay) {
  DeclarationSettings settings;
  settings.deadline_day = 10;
  EXPECT_EQ(DaysLate(M(2026, 3), settings, On(2026, 4, 10)), 0);
  EXPECT_EQ(DaysLate(M(2026, 3), settings, On(2026, 4, 15)), 5);
}

TEST(DeclarationDeadline, IsRecordedWithTheSubmission) {
  const auto on_time =
      Prepare(DeclarationKind::kNil, {}, M(2026, 3), Gite(), kDefaults, On(2026, 4, 15));
  ASSERT_TRUE(on_time.has_value()) << on_time.error().message;
  EXPECT_EQ(on_time->due_on, On(2026, 4, 15));
  EXPECT_EQ(on_time->days_late, 0);
  const auto late =
      Prepare(DeclarationKind::kNil, {}, M(2026, 3), Gite(), kDefaults, On(2026, 4, 18));
  ASSERT_TRUE(late.has_value()) << late.error().message;
  EXPECT_EQ(late->days_late, 3);
}

// ---------------------------------------------------------------------------------------------
// Stays across a month end, under both rules of the collectivity.
// ---------------------------------------------------------------------------------------------

const DeclarationSettings kDepartureMonth = Rule(StayMonthRule::kDepartureMonth);
const DeclarationSettings kSplitByMonth = Rule(StayMonthRule::kSplitByMonth);

TEST(StayMonthRule, IsDepartureMonthByDefault) {
  EXPECT_EQ(kDefaults.stay_month_rule, StayMonthRule::kDepartureMonth);
}

TEST(StayMonthRule, NamesRoundTrip) {
  for (StayMonthRule rule : {StayMonthRule::kDepartureMonth, StayMonthRule::kSplitByMonth}) {
    EXPECT_EQ(ParseStayMonthRule(StayMonthRuleName(rule)), rule);
  }
  EXPECT_FALSE(ParseStayMonthRule("arrival_month"));
}

TEST(StayMonthRule, DepartureMonthDeclaresAStayFromThirtyJanuaryInFebruary) {
  const StayLine stay = Stay(On(2026, 1, 30), 4, 2);  // nights 30, 31 Jan, 1, 2 Feb
  const DeclarationCheck january = Check({stay}, M(2026, 1), kDepartureMonth);
  EXPECT_EQ(Fields(january.errors), std::vector<std::string>{"/stays/0/arrival"});
  EXPECT_TRUE(Check({stay}, M(2026, 2), kDepartureMonth).errors.empty());
}

TEST(StayMonthRule, DepartureMonthCountsTheDepartureDayNotTheLastNight) {
  const StayLine stay = Stay(On(2026, 1, 29), 3, 2);  // last night 31 January, leaves 1 February
  EXPECT_FALSE(Accepted(stay, M(2026, 1), kDepartureMonth));
  EXPECT_TRUE(Accepted(stay, M(2026, 2), kDepartureMonth));
}

TEST(StayMonthRule, DepartureMonthCarriesADecemberStayIntoJanuary) {
  const StayLine stay = Stay(On(2025, 12, 30), 4, 2);
  EXPECT_FALSE(Accepted(stay, M(2025, 12), kDepartureMonth));
  EXPECT_TRUE(Accepted(stay, M(2026, 1), kDepartureMonth));
}

TEST(StayMonthRule, DepartureMonthNamesTheDepartureInItsRefusal) {
  const DeclarationCheck check = Check({Stay(On(2026, 1, 30), 4, 2)}, M(2026, 1), kDepartureMonth);
  ASSERT_EQ(check.errors.size(), 1u);
  EXPECT_NE(check.errors[0].message.find("03/02/2026"), std::string::npos)
      << check.errors[0].message;
}

TEST(StayMonthRule, SplitByMonthRefusesTheWholeStayInEitherMonth) {
  const StayLine stay = Stay(On(2026, 1, 30), 4, 2);
  EXPECT_FALSE(Accepted(stay, M(2026, 1), kSplitByMonth));
  EXPECT_FALSE(Accepted(stay, M(2026, 2), kSplitByMonth));
}

TEST(StayMonthRule, SplitByMonthAcceptsEachPartOnlyInItsOwnMonth) {
  const StayLine january = Stay(On(2026, 1, 30), 2, 2);
  const StayLine february = Stay(On(2026, 2, 1), 2, 2);
  ASSERT_EQ(SplitByMonth(Stay(On(2026, 1, 30), 4, 2)), (std::vector<StayLine>{january, february}));
  EXPECT_TRUE(Accepted(january, M(2026, 1), kSplitByMonth));
  EXPECT_FALSE(Accepted(january, M(2026, 2), kSplitByMonth));
  EXPECT_TRUE(Accepted(february, M(2026, 2), kSplitByMonth));
  EXPECT_FALSE(Accepted(february, M(2026, 1), kSplitByMonth));
}

TEST(StayMonthRule, SplitByMonthSplitsAtTheYearEnd) {
  const std::vector<StayLine> parts = SplitByMonth(Stay(On(2025, 12, 30), 4, 2));
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_TRUE(Accepted(parts[0], M(2025, 12), kSplitByMonth));
  EXPECT_FALSE(Accepted(parts[0], M(2026, 1), kSplitByMonth));
  EXPECT_TRUE(Accepted(parts[1], M(2026, 1), kSplitByMonth));
  EXPECT_FALSE(Accepted(parts[1], M(2025, 12), kSplitByMonth));
}

// For stays of many lengths arriving on every day from December to March, the nights accepted
// over all months add up to the stay: nothing declared twice, nothing impossible to declare.
TEST(StayMonthRule, NoNightIsCountedTwiceOrLost) {
  for (Day arrival = On(2025, 12, 1); arrival <= On(2026, 3, 31); arrival = AddDays(arrival, 1)) {
    for (int nights : {1, 2, 3, 5, 10, 29, 31, 32, 45, 62}) {
      const StayLine stay = Stay(arrival, nights, 2);
      const std::vector<StayLine> parts = SplitByMonth(stay);
      const Month first_month = arrival.year() / arrival.month();
      const Day departure = DepartureDay(stay);
      const Month last_month = departure.year() / departure.month();
      int months_accepting_whole = 0;
      int nights_accepted_in_parts = 0;
      for (Month month = first_month - date::months{1}; month <= last_month + date::months{1};
           month += date::months{1}) {
        if (Accepted(stay, month, kDepartureMonth)) {
          ++months_accepting_whole;
          EXPECT_EQ(month, last_month) << FormatIsoDate(arrival) << " × " << nights;
        }
        for (const StayLine& part : parts) {
          if (Accepted(part, month, kSplitByMonth)) nights_accepted_in_parts += part.nights;
        }
      }
      EXPECT_EQ(months_accepting_whole, 1) << FormatIsoDate(arrival) << " × " << nights;
      EXPECT_EQ(nights_accepted_in_parts, nights) << FormatIsoDate(arrival) << " × " << nights;
    }
  }
}

TEST(StayMonthRule, SplittingAStayKeepsItsNightsAndItsTax) {
  const StayLine stay = Stay(On(2026, 1, 30), 4, 2);
  const auto whole = Compute({stay}, ThreeStars());
  ASSERT_TRUE(whole.has_value()) << whole.error().message;
  const std::vector<StayLine> parts = SplitByMonth(stay);
  ASSERT_EQ(parts.size(), 2u);
  const auto january = Compute({parts[0]}, ThreeStars());
  const auto february = Compute({parts[1]}, ThreeStars());
  ASSERT_TRUE(january.has_value() && february.has_value());
  EXPECT_EQ(january->person_nights + february->person_nights, whole->person_nights);
  EXPECT_EQ(whole->person_nights, 8);
  // 1,50 € × 2 persons × 4 nights, and the departmental 10 %.
  EXPECT_EQ(january->tax + february->tax, whole->tax);
  EXPECT_EQ(whole->tax, Cents(1200));
  EXPECT_EQ(january->total + february->total, whole->total);
  EXPECT_EQ(whole->total, Cents(1320));
}

// ---------------------------------------------------------------------------------------------
// Nil returns, closed months, declarations of stays.
// ---------------------------------------------------------------------------------------------

TEST(NilReturn, IsSubmittedWithoutAnyStay) {
  const auto submission = Prepare(DeclarationKind::kNil, {}, M(2026, 3));
  ASSERT_TRUE(submission.has_value()) << submission.error().message;
  EXPECT_EQ(submission->kind, DeclarationKind::kNil);
  EXPECT_TRUE(submission->amounts.lines.empty());
  EXPECT_EQ(submission->amounts.total, Money::Zero());
  EXPECT_EQ(submission->amounts.person_nights, 0);
  EXPECT_TRUE(submission->amounts.deliberation_versions.empty());
}

TEST(NilReturn, RefusesStays) {
  const auto submission = Prepare(DeclarationKind::kNil, {Stay(On(2026, 3, 2), 2, 2)}, M(2026, 3));
  ASSERT_FALSE(submission.has_value());
  EXPECT_EQ(submission.error().code, ErrorCode::kRuleViolation);
  EXPECT_EQ(Fields(submission.error().field_errors), std::vector<std::string>{"/stays"});
  EXPECT_NE(submission.error().field_errors[0].message.find("néant"), std::string::npos);
}

TEST(NilReturn, IsRefusedForAMonthTheAccommodationCannotDeclare) {
  Accommodation ceased = Gite();
  ceased.ceased_on = On(2026, 2, 10);
  const auto submission = Prepare(DeclarationKind::kNil, {}, M(2026, 3), ceased);
  ASSERT_FALSE(submission.has_value());
  EXPECT_EQ(submission.error().code, ErrorCode::kFailedPrecondition);
}

TEST(ClosedMonth, IsSubmittedWithoutAnyStay) {
  const auto submission = Prepare(DeclarationKind::kClosed, {}, M(2026, 3));
  ASSERT_TRUE(submission.has_value()) << submission.error().message;
  EXPECT_EQ(submission->kind, DeclarationKind::kClosed);
  EXPECT_TRUE(submission->amounts.lines.empty());
}

TEST(ClosedMonth, RefusesStays) {
  const auto submission =
      Prepare(DeclarationKind::kClosed, {Stay(On(2026, 3, 2), 2, 2)}, M(2026, 3));
  ASSERT_FALSE(submission.has_value());
  EXPECT_EQ(submission.error().code, ErrorCode::kRuleViolation);
  EXPECT_EQ(Fields(submission.error().field_errors), std::vector<std::string>{"/stays"});
  EXPECT_NE(submission.error().field_errors[0].message.find("fermeture"), std::string::npos);
}

TEST(StaysDeclaration, NeedsAtLeastOneStay) {
  const auto submission = Prepare(DeclarationKind::kStays, {}, M(2026, 3));
  ASSERT_FALSE(submission.has_value());
  EXPECT_EQ(submission.error().code, ErrorCode::kRuleViolation);
  EXPECT_EQ(Fields(submission.error().field_errors), std::vector<std::string>{"/stays"});
}

TEST(StaysDeclaration, MayHoldOnlyPlatformCollectedStays) {
  const auto submission =
      Prepare(DeclarationKind::kStays,
              {Stay(On(2026, 3, 2), 3, 2, std::nullopt, Collector::kAirbnb)}, M(2026, 3));
  ASSERT_TRUE(submission.has_value()) << submission.error().message;
  EXPECT_EQ(submission->amounts.total, Money::Zero());
  EXPECT_EQ(submission->amounts.platform_person_nights, 6);
}

TEST(StaysDeclaration, IsRefusedWholeWithEveryProblem) {
  const auto submission =
      Prepare(DeclarationKind::kStays,
              {Stay(On(2026, 3, 2), 0, 2), Stay(On(2026, 3, 5), 2, 2), Stay(On(2026, 3, 9), 2, 0)},
              M(2026, 3));
  ASSERT_FALSE(submission.has_value());
  EXPECT_EQ(submission.error().code, ErrorCode::kRuleViolation);
  EXPECT_EQ(Fields(submission.error().field_errors),
            (std::vector<std::string>{"/stays/0/nights", "/stays/2/occupants"}));
}

TEST(StaysDeclaration, CarriesWarningsAndIsAccepted) {
  const auto submission =
      Prepare(DeclarationKind::kStays, {Stay(On(2026, 3, 2), 2, 6)}, M(2026, 3));
  ASSERT_TRUE(submission.has_value()) << submission.error().message;
  EXPECT_EQ(Fields(submission->warnings), std::vector<std::string>{"/stays/0/occupants"});
  EXPECT_EQ(submission->amounts.lines.size(), 1u);
}

TEST(DeclarationKind, NamesRoundTrip) {
  for (DeclarationKind kind :
       {DeclarationKind::kStays, DeclarationKind::kNil, DeclarationKind::kClosed}) {
    EXPECT_EQ(ParseDeclarationKind(DeclarationKindName(kind)), kind);
  }
  EXPECT_FALSE(ParseDeclarationKind("néant"));
}

TEST(Collector, NamesRoundTripAndOnlyTheHostIsNotAPlatform) {
  for (Collector collector : {Collector::kHost, Collector::kAirbnb, Collector::kBooking,
                              Collector::kAbritel, Collector::kOtherPlatform}) {
    EXPECT_EQ(ParseCollector(CollectorName(collector)), collector);
    EXPECT_EQ(CollectedByPlatform(collector), collector != Collector::kHost);
  }
  EXPECT_FALSE(ParseCollector("hote"));
}

// ---------------------------------------------------------------------------------------------
// Months that may not be declared at all.
// ---------------------------------------------------------------------------------------------

TEST(DeclarableMonth, RefusesAMonthBeforeOpening) {
  Accommodation accommodation = Gite();
  accommodation.opened_on = On(2026, 3, 10);
  const auto refusal = MonthRefusal(accommodation, M(2026, 2), kToday);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_NE(refusal->find("10/03/2026"), std::string::npos) << *refusal;
  EXPECT_FALSE(MonthRefusal(accommodation, M(2026, 3), kToday));
}

TEST(DeclarableMonth, RefusesAMonthAfterCeasing) {
  Accommodation accommodation = Gite();
  accommodation.ceased_on = On(2026, 3, 10);
  const auto refusal = MonthRefusal(accommodation, M(2026, 4), kToday);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_NE(refusal->find("10/03/2026"), std::string::npos) << *refusal;
  EXPECT_FALSE(MonthRefusal(accommodation, M(2026, 3), kToday));
}

TEST(DeclarableMonth, RefusesAMonthNotStarted) {
  EXPECT_TRUE(MonthRefusal(Gite(), M(2026, 7), kToday).has_value());
  EXPECT_FALSE(MonthRefusal(Gite(), M(2026, 6), kToday));
  EXPECT_FALSE(MonthRefusal(Gite(), M(2026, 7), On(2026, 7, 1)));
}

TEST(DeclarableMonth, RefusalIsAFailedPreconditionOfTheSubmission) {
  const auto submission =
      Prepare(DeclarationKind::kStays, {Stay(On(2026, 7, 1), 1, 2)}, M(2026, 7));
  ASSERT_FALSE(submission.has_value());
  EXPECT_EQ(submission.error().code, ErrorCode::kFailedPrecondition);
}

// The last guests of an accommodation that ceases on 1 March leave that morning: under
// departure_month their stay belongs to March, and March must still take it.
TEST(DeclarableMonth, KeepsTheMonthOfTheLastDepartures) {
  Accommodation accommodation = Gite();
  accommodation.ceased_on = On(2026, 3, 1);
  const StayLine last_stay = Stay(On(2026, 2, 26), 3, 2);  // nights 26–28 February
  EXPECT_FALSE(Prepare(DeclarationKind::kStays, {last_stay}, M(2026, 2), accommodation));
  const auto march = Prepare(DeclarationKind::kStays, {last_stay}, M(2026, 3), accommodation);
  ASSERT_TRUE(march.has_value()) << march.error().message;
  EXPECT_EQ(march->amounts.person_nights, 6);
  EXPECT_TRUE(MonthRefusal(accommodation, M(2026, 4), kToday).has_value());
}

// ---------------------------------------------------------------------------------------------
// Guards on each stay.
// ---------------------------------------------------------------------------------------------

TEST(StayGuards, RefusesAnArrivalInTheFuture) {
  const Day today = On(2026, 6, 10);
  const DeclarationCheck check = Check({Stay(On(2026, 6, 11), 1, 2)}, M(2026, 6), kSplitByMonth,
                                       Gite(), kNeverClassified, today);
  EXPECT_EQ(Fields(check.errors), std::vector<std::string>{"/stays/0/arrival"});
}

TEST(StayGuards, AcceptsAnArrivalToday) {
  const Day today = On(2026, 6, 10);
  const DeclarationCheck check =
      Check({Stay(today, 1, 2)}, M(2026, 6), kDepartureMonth, Gite(), kNeverClassified, today);
  EXPECT_TRUE(check.errors.empty());
}

TEST(StayGuards, RefusesMoreExemptThanOccupants) {
  StayLine stay = Stay(On(2026, 3, 2), 2, 2);
  stay.exempt.minors = 2;
  stay.exempt.seasonal_workers = 1;
  const DeclarationCheck check = Check({stay}, M(2026, 3));
  EXPECT_EQ(Fields(check.errors), std::vector<std::string>{"/stays/0/exempt"});
}

TEST(StayGuards, AcceptsEveryOccupantExempt) {
  StayLine stay = Stay(On(2026, 3, 2), 2, 4);
  stay.exempt = {1, 1, 1, 1};
  EXPECT_TRUE(Check({stay}, M(2026, 3)).errors.empty());
}

TEST(StayGuards, RefusesNegativeExemptCounts) {
  StayLine stay = Stay(On(2026, 3, 2), 2, 2);
  stay.exempt.low_rent = -1;
  EXPECT_EQ(Fields(Check({stay}, M(2026, 3)).errors),
            std::vector<std::string>{"/stays/0/exempt/low_rent"});
}

TEST(StayGuards, RefusesNightsOutsideOneToThreeHundredSixtyFive) {
  EXPECT_EQ(Fields(Check({Stay(On(2026, 3, 2), 0, 2)}, M(2026, 3)).errors),
            std::vector<std::string>{"/stays/0/nights"});
  EXPECT_EQ(Fields(Check({Stay(On(2025, 1, 2), 366, 2)}, M(2026, 1)).errors),
            std::vector<std::string>{"/stays/0/nights"});
}

TEST(StayGuards, RefusesAStayWithoutOccupant) {
  EXPECT_EQ(Fields(Check({Stay(On(2026, 3, 2), 2, 0)}, M(2026, 3)).errors),
            std::vector<std::string>{"/stays/0/occupants"});
}

TEST(StayGuards, RefusesANightWhenTheAccommodationIsClosed) {
  Accommodation accommodation = Gite();
  accommodation.closures = {{On(2026, 3, 10), On(2026, 3, 20)}};
  const DeclarationCheck check =
      Check({Stay(On(2026, 3, 8), 3, 2)}, M(2026, 3), kDefaults, accommodation);
  ASSERT_EQ(Fields(check.errors), std::vector<std::string>{"/stays/0/arrival"});
  EXPECT_NE(check.errors[0].message.find("fermé la nuit du 10/03/2026"), std::string::npos)
      << check.errors[0].message;
}

TEST(StayGuards, AcceptsADepartureOnTheFirstDayOfAClosure) {
  Accommodation accommodation = Gite();
  accommodation.closures = {{On(2026, 3, 10), On(2026, 3, 20)}};
  EXPECT_TRUE(
      Check({Stay(On(2026, 3, 8), 2, 2)}, M(2026, 3), kDefaults, accommodation).errors.empty());
  EXPECT_TRUE(
      Check({Stay(On(2026, 3, 21), 2, 2)}, M(2026, 3), kDefaults, accommodation).errors.empty());
}

TEST(StayGuards, RefusesANightOnOrAfterTheCessation) {
  Accommodation accommodation = Gite();
  accommodation.ceased_on = On(2026, 3, 20);
  const DeclarationCheck check =
      Check({Stay(On(2026, 3, 18), 3, 2)}, M(2026, 3), kDefaults, accommodation);
  ASSERT_EQ(Fields(check.errors), std::vector<std::string>{"/stays/0/arrival"});
  EXPECT_NE(check.errors[0].message.find("cessé"), std::string::npos) << check.errors[0].message;
  EXPECT_TRUE(
      Check({Stay(On(2026, 3, 18), 2, 2)}, M(2026, 3), kDefaults, accommodation).errors.empty());
}

TEST(StayGuards, RefusesANightBeforeTheOpening) {
  Accommodation accommodation = Gite();
  accommodation.opened_on = On(2026, 3, 10);
  const DeclarationCheck check =
      Check({Stay(On(2026, 3, 8), 3, 2)}, M(2026, 3), kDefaults, accommodation);
  ASSERT_EQ(Fields(check.errors), std::vector<std::string>{"/stays/0/arrival"});
  EXPECT_NE(check.errors[0].message.find("pas encore ouvert"), std::string::npos)
      << check.errors[0].message;
  EXPECT_TRUE(
      Check({Stay(On(2026, 3, 10), 3, 2)}, M(2026, 3), kDefaults, accommodation).errors.empty());
}

TEST(StayGuards, RequiresAPriceOnUnclassifiedNightsTheHostCollected) {
  const DeclarationCheck check = Check({Stay(On(2026, 3, 2), 2, 2, std::nullopt)}, M(2026, 3));
  EXPECT_EQ(Fields(check.errors), std::vector<std::string>{"/stays/0/price_per_night_cents"});
}

TEST(StayGuards, NeedsNoPriceOnPlatformCollectedNights) {
  for (Collector platform :
       {Collector::kAirbnb, Collector::kBooking, Collector::kAbritel, Collector::kOtherPlatform}) {
    EXPECT_TRUE(
        Check({Stay(On(2026, 3, 2), 2, 2, std::nullopt, platform)}, M(2026, 3)).errors.empty())
        << CollectorName(platform);
  }
}

TEST(StayGuards, NeedsNoPriceOnClassifiedNights) {
  EXPECT_TRUE(
      Check({Stay(On(2026, 3, 2), 2, 2, std::nullopt)}, M(2026, 3), kDefaults, Gite(), ThreeStars())
          .errors.empty());
}

TEST(StayGuards, RequiresAPriceWhenTheClassificationExpiresDuringTheStay) {
  // Decided 11 March 2021, valid until 10 March 2026: the night of 11 March is unclassified.
  const std::vector<Classification> expiring = {Classified(3, On(2021, 3, 11))};
  const DeclarationCheck check =
      Check({Stay(On(2026, 3, 9), 3, 2, std::nullopt)}, M(2026, 3), kDefaults, Gite(), expiring);
  EXPECT_EQ(Fields(check.errors), std::vector<std::string>{"/stays/0/price_per_night_cents"});
  EXPECT_TRUE(
      Check({Stay(On(2026, 3, 9), 2, 2, std::nullopt)}, M(2026, 3), kDefaults, Gite(), expiring)
          .errors.empty());
}

TEST(StayGuards, WarnsButAcceptsOccupantsAboveTheCapacity) {
  const DeclarationCheck check = Check({Stay(On(2026, 3, 2), 2, 5)}, M(2026, 3));
  EXPECT_TRUE(check.errors.empty());
  ASSERT_EQ(Fields(check.warnings), std::vector<std::string>{"/stays/0/occupants"});
  EXPECT_NE(check.warnings[0].message.find("capacité de 4"), std::string::npos);
  EXPECT_TRUE(Check({Stay(On(2026, 3, 2), 2, 4)}, M(2026, 3)).warnings.empty());
}

TEST(StayGuards, ReportsEveryBadLineAtOnceByItsIndex) {
  StayLine too_many_exempt = Stay(On(2026, 3, 20), 2, 1);
  too_many_exempt.exempt.minors = 2;
  const DeclarationCheck check = Check({Stay(On(2026, 3, 2), 2, 2), Stay(On(2026, 2, 2), 2, 2),
                                        Stay(On(2026, 3, 10), 2, 2), too_many_exempt},
                                       M(2026, 3));
  EXPECT_EQ(Fields(check.errors),
            (std::vector<std::string>{"/stays/1/arrival", "/stays/3/exempt"}));
}

// ---------------------------------------------------------------------------------------------
// The computation frozen at submission.
// ---------------------------------------------------------------------------------------------

StayLine WorkedExampleA(Collector collector = Collector::kHost) {
  // 700 € for 7 nights, 4 occupants of whom 2 minors (taxe-de-sejour.md §3, example A).
  StayLine stay = Stay(On(2026, 7, 1), 7, 4, Cents(10000), collector);
  stay.exempt.minors = 2;
  return stay;
}

TEST(DeclarationAmounts, WorkedExampleAOwesSeventeenFiftyOfTaxAndNineteenTwentyFiveInAll) {
  const auto amounts = Compute({WorkedExampleA()});
  ASSERT_TRUE(amounts.has_value()) << amounts.error().message;
  EXPECT_EQ(amounts->tax, Cents(1750));
  EXPECT_EQ(AdditionalFor(amounts->additional_taxes, Beneficiary::kDepartement), Cents(175));
  EXPECT_EQ(amounts->total, Cents(1925));
  EXPECT_EQ(amounts->person_nights, 28);
  EXPECT_EQ(amounts->taxable_person_nights, 14);
  EXPECT_EQ(amounts->platform_person_nights, 0);
  ASSERT_EQ(amounts->lines.size(), 1u);
  EXPECT_EQ(amounts->lines[0].category, Category::kUnclassified);
  EXPECT_EQ(amounts->lines[0].unit_per_person_night, Cents(125));
  EXPECT_FALSE(amounts->lines[0].explanation.empty());
}

TEST(DeclarationAmounts, WorkedExampleARoundedPerPersonNightOwesNineteenThirtyTwo) {
  const auto amounts =
      Compute({WorkedExampleA()}, kNeverClassified, Book(), RoundingMode::kPerPersonNight);
  ASSERT_TRUE(amounts.has_value()) << amounts.error().message;
  EXPECT_EQ(amounts->total, Cents(1932));
}

TEST(DeclarationAmounts, CountPlatformNightsButNeverTaxThem) {
  const auto amounts = Compute({WorkedExampleA(), WorkedExampleA(Collector::kBooking)});
  ASSERT_TRUE(amounts.has_value()) << amounts.error().message;
  EXPECT_EQ(amounts->person_nights, 56);
  EXPECT_EQ(amounts->platform_person_nights, 28);
  EXPECT_EQ(amounts->tax, Cents(1750));
  EXPECT_EQ(amounts->total, Cents(1925));
  EXPECT_EQ(AdditionalFor(amounts->additional_taxes, Beneficiary::kDepartement), Cents(175));
  ASSERT_EQ(amounts->lines.size(), 2u);
  const ComputedLine& platform = amounts->lines[1];
  EXPECT_EQ(platform.person_nights, 28);
  EXPECT_EQ(platform.tax, Money::Zero());
  EXPECT_EQ(platform.total, Money::Zero());
  EXPECT_TRUE(platform.additional_taxes.empty());
  EXPECT_TRUE(platform.explanation.empty());
}

TEST(DeclarationAmounts, NeedNoPriceNorDeliberationForPlatformNights) {
  // 2019 has no deliberation in the book: the platform's nights are never computed.
  const auto amounts = Compute({Stay(On(2019, 5, 2), 2, 3, std::nullopt, Collector::kAbritel)});
  ASSERT_TRUE(amounts.has_value()) << amounts.error().message;
  EXPECT_EQ(amounts->platform_person_nights, 6);
  EXPECT_EQ(amounts->total, Money::Zero());
  EXPECT_TRUE(amounts->deliberation_versions.empty());
  EXPECT_EQ(amounts->taxable_person_nights, 0) << "no tax is levied without a deliberation";
}

// Platform nights count as taxable only inside a perception period (L. 2333-26), like the host's
// own: a stay of 31 December 2026 to 2 January 2027 with no 2027 deliberation has one levied night.
TEST(DeclarationAmounts, CountPlatformTaxableNightsOnlyWhereTheTaxIsLevied) {
  const auto amounts = Compute({Stay(On(2026, 12, 31), 2, 3, std::nullopt, Collector::kAirbnb)});
  ASSERT_TRUE(amounts.has_value()) << amounts.error().message;
  EXPECT_EQ(amounts->person_nights, 6);
  EXPECT_EQ(amounts->taxable_person_nights, 3);
}

// 33,33 € for one person and one night: 1,6665 € of tax rounds to 1,67 € on each line; the month
// owes the sum of its rounded lines (5,01 €), not the rounded sum of exact amounts (5,00 €).
TEST(DeclarationAmounts, SumTheRoundedHostLinesExactly) {
  const StayLine line = Stay(On(2026, 3, 2), 1, 1, Cents(3333));
  const auto amounts = Compute({line, line, line});
  ASSERT_TRUE(amounts.has_value()) << amounts.error().message;
  Money tax = Money::Zero();
  Money total = Money::Zero();
  for (const auto& each : amounts->lines) {
    EXPECT_EQ(each.tax, Cents(167));
    tax += each.tax;
    total += each.total;
  }
  EXPECT_EQ(amounts->tax, tax);
  EXPECT_EQ(amounts->tax, Cents(501));
  EXPECT_EQ(amounts->total, total);
  EXPECT_EQ(amounts->total,
            amounts->tax + AdditionalFor(amounts->additional_taxes, Beneficiary::kDepartement));
}

TEST(DeclarationAmounts, SumAdditionalTaxesPerBeneficiary) {
  const rates::RateBook book =
      Book({Departemental(), rates::fixtures::Tax(Beneficiary::kGpso, 3400, On(2024, 1, 1))});
  const auto amounts = Compute({WorkedExampleA(), Stay(On(2026, 3, 2), 3, 2, Cents(8000)),
                                Stay(On(2026, 3, 9), 1, 1, Cents(3333))},
                               kNeverClassified, book);
  ASSERT_TRUE(amounts.has_value()) << amounts.error().message;
  ASSERT_EQ(amounts->additional_taxes.size(), 2u);
  Money additional = Money::Zero();
  for (Beneficiary beneficiary : {Beneficiary::kDepartement, Beneficiary::kGpso}) {
    Money over_lines = Money::Zero();
    for (const auto& line : amounts->lines) {
      over_lines += AdditionalFor(line.additional_taxes, beneficiary);
    }
    EXPECT_EQ(AdditionalFor(amounts->additional_taxes, beneficiary), over_lines);
    EXPECT_GT(over_lines, Money::Zero());
    additional += over_lines;
  }
  EXPECT_EQ(amounts->total, amounts->tax + additional);
}

TEST(DeclarationAmounts, RecordTheDeliberationVersionOfEachYearTheNightsTouch) {
  const auto across_new_year = Compute({Stay(On(2025, 12, 30), 4, 2)});
  ASSERT_TRUE(across_new_year.has_value()) << across_new_year.error().message;
  EXPECT_EQ(across_new_year->deliberation_versions,
            (std::vector<std::pair<int, std::int64_t>>{{2025, 1}, {2026, 2}}));

  rates::RateBook edited = Book();
  edited.AddDeliberation({MakeDeliberation(2026), 7});
  const auto within_2026 = Compute({Stay(On(2026, 3, 2), 2, 2)}, kNeverClassified, edited);
  ASSERT_TRUE(within_2026.has_value()) << within_2026.error().message;
  EXPECT_EQ(within_2026->deliberation_versions,
            (std::vector<std::pair<int, std::int64_t>>{{2026, 7}}));
}

TEST(DeclarationAmounts, KeepTheCategoryOfEachLinesFirstNight) {
  const auto amounts = Compute({Stay(On(2026, 3, 2), 2, 2)}, ThreeStars());
  ASSERT_TRUE(amounts.has_value()) << amounts.error().message;
  EXPECT_EQ(amounts->lines[0].category, Category::kThreeStars);
  EXPECT_EQ(amounts->tax, Cents(600));  // 1,50 € × 2 persons × 2 nights
}

TEST(DeclarationAmounts, NameTheLineTheEngineRefuses) {
  // No deliberation for 2019: the second line cannot be computed.
  const auto amounts = Compute({Stay(On(2026, 3, 2), 2, 2), Stay(On(2019, 3, 2), 2, 2)});
  ASSERT_FALSE(amounts.has_value());
  ASSERT_FALSE(amounts.error().field_errors.empty());
  for (const auto& each : amounts.error().field_errors) {
    EXPECT_EQ(each.field.rfind("/stays/1", 0), 0u) << each.field;
  }
}

TEST(DeclarationAmounts, RefuseStaysOfANatureUnderTheForfait) {
  // L. 2333-26 II: the 2026 deliberation taxes furnished rentals au forfait. A classified gîte owes
  // the forfait on its capacity; stays are refused, naming the line and the reason.
  rates::Deliberation year2026 = MakeDeliberation(2026);
  year2026.flat_rate_natures = {"furnished_rental"};
  const auto refused =
      Compute({Stay(On(2026, 3, 2), 2, 2)}, ThreeStars(), BookOf({MakeDeliberation(2025), year2026}));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kRuleViolation);
  ASSERT_EQ(refused.error().field_errors.size(), 1u);
  EXPECT_EQ(refused.error().field_errors[0].field, "/stays/0");
  EXPECT_NE(refused.error().field_errors[0].message.find("forfaitaire"), std::string::npos);
  // Unclassified, the same gîte stays au réel (LF 2020 art. 112).
  EXPECT_TRUE(Compute({Stay(On(2026, 3, 2), 2, 2)}, kNeverClassified,
                      BookOf({MakeDeliberation(2025), year2026}))
                  .has_value());
}

TEST(YearsOf, SpansTheYearOfEveryNight) {
  EXPECT_EQ(YearsOf(M(2026, 1), {Stay(On(2025, 12, 30), 4, 2)}), (std::pair<int, int>{2025, 2026}));
  EXPECT_EQ(YearsOf(M(2025, 12), {Stay(On(2025, 12, 30), 4, 2)}),
            (std::pair<int, int>{2025, 2026}));
  EXPECT_EQ(YearsOf(M(2026, 3), {}), (std::pair<int, int>{2026, 2026}));
}

}  // namespace
}  // namespace nuitee
