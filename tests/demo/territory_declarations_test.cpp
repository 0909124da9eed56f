// The demo's declarations without a database: each submission passes the domain's checks on its
// own day with the demo deliberations, and together they show what the issue asks the demo to
// show (a season, platform nights, nil returns, closed and late months, corrections, hosts who
// never declared).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "demo/declarations.hpp"
#include "demo/deliberations.hpp"

namespace nuitee::demo {
namespace {

rates::RateBook DemoRateBook(const DemoTerritory& territory) {
  rates::RateBook book;
  for (auto& deliberation : DemoDeliberations(territory)) book.AddDeliberation({deliberation, 1});
  return book;
}

std::map<std::string, std::vector<Classification>> Histories(const DemoTerritory& territory) {
  std::map<std::string, std::vector<Classification>> histories;
  for (const auto& each : territory.classifications) {
    histories[each.accommodation_id.value()].push_back(each);
  }
  return histories;
}

class DemoDeclarations : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    territory_ = new DemoTerritory(GenerateDemoTerritory(kDemoReferenceDay));
    declarations_ = new std::vector<DemoDeclaration>(
        MakeDemoDeclarations(*territory_, DeclarationSettings{}, kDemoReferenceDay));
  }
  static void TearDownTestSuite() {
    delete declarations_;
    delete territory_;
  }
  static DemoTerritory* territory_;
  static std::vector<DemoDeclaration>* declarations_;
};

DemoTerritory* DemoDeclarations::territory_ = nullptr;
std::vector<DemoDeclaration>* DemoDeclarations::declarations_ = nullptr;

TEST_F(DemoDeclarations, CoverTheTwentyFourMonthsBeforeTheReferenceDay) {
  const DemoMonths months = DemoDeclarationMonths(kDemoReferenceDay);
  EXPECT_EQ(months.first, date::year{2024} / date::November);
  EXPECT_EQ(months.last, date::year{2026} / date::October);
  std::set<Month> declared;
  for (const auto& declaration : *declarations_) {
    EXPECT_GE(declaration.month, months.first);
    EXPECT_LE(declaration.month, months.last);
    declared.insert(declaration.month);
  }
  EXPECT_EQ(declared.size(), 24u);
}

TEST_F(DemoDeclarations, EverySubmissionPassesTheDomainOnItsDayWithoutWarning) {
  const rates::RateBook book = DemoRateBook(*territory_);
  const auto histories = Histories(*territory_);
  const std::vector<Classification> none;
  for (const auto& declaration : *declarations_) {
    const Accommodation& accommodation = territory_->accommodations[declaration.accommodation];
    const auto found = histories.find(accommodation.id.value());
    ASSERT_FALSE(declaration.submissions.empty());
    Day previous{};
    for (std::size_t i = 0; i < declaration.submissions.size(); ++i) {
      const DemoSubmission& each = declaration.submissions[i];
      EXPECT_LE(each.submitted_on, kDemoReferenceDay);
      EXPECT_GT(each.submitted_on, LastDay(declaration.month));
      EXPECT_EQ(each.reason.has_value(), i > 0);
      if (i > 0) {
        EXPECT_GT(each.submitted_on, previous);
      }
      previous = each.submitted_on;
      auto submission =
          PrepareSubmission(accommodation, found == histories.end() ? none : found->second,
                            declaration.month, each.kind, each.stays, DeclarationSettings{}, book,
                            rates::RoundingMode::kPerLine, each.submitted_on);
      ASSERT_TRUE(submission) << accommodation.name << " " << FormatIsoMonth(declaration.month)
                              << ": " << submission.error().message;
      EXPECT_TRUE(submission->warnings.empty()) << accommodation.name;
    }
  }
}

TEST_F(DemoDeclarations, FollowTheMountainSeasonWithAThirdOfNightsOnPlatforms) {
  std::map<unsigned, long long> by_calendar_month;
  long long person_nights = 0;
  long long platform = 0;
  for (const auto& declaration : *declarations_) {
    for (const auto& stay : declaration.submissions.back().stays) {
      const long long nights = static_cast<long long>(stay.occupants) * stay.nights;
      by_calendar_month[unsigned(declaration.month.month())] += nights;
      person_nights += nights;
      if (CollectedByPlatform(stay.collector)) platform += nights;
    }
  }
  ASSERT_GT(person_nights, 0);
  EXPECT_GE(platform * 100, person_nights * 20) << platform << " / " << person_nights;
  EXPECT_LE(platform * 100, person_nights * 45) << platform << " / " << person_nights;
  // August is the peak, February the winter one, November the low.
  for (unsigned month = 1; month <= 12; ++month) {
    if (month != 8) {
      EXPECT_GT(by_calendar_month[8], by_calendar_month[month]) << month;
    }
    if (month != 11) {
      EXPECT_LT(by_calendar_month[11], by_calendar_month[month]) << month;
    }
  }
  EXPECT_GT(by_calendar_month[2], by_calendar_month[1]);
  EXPECT_GT(by_calendar_month[2], by_calendar_month[3]);
}

TEST_F(DemoDeclarations, HoldNilClosedLateAndCorrectedMonthsAndHostsWhoNeverDeclared) {
  std::map<DeclarationKind, int> kinds;
  int late = 0;
  int corrected = 0;
  std::set<std::size_t> declaring;
  for (const auto& declaration : *declarations_) {
    const DemoSubmission& first = declaration.submissions.front();
    ++kinds[first.kind];
    if (DaysLate(declaration.month, DeclarationSettings{}, first.submitted_on) > 0) ++late;
    if (declaration.submissions.size() > 1) ++corrected;
    declaring.insert(declaration.accommodation);
  }
  EXPECT_GT(kinds[DeclarationKind::kStays], 3000);
  EXPECT_GT(kinds[DeclarationKind::kNil], 50);
  EXPECT_GT(kinds[DeclarationKind::kClosed], 20);
  EXPECT_GT(late, 100);
  EXPECT_GT(corrected, 30);
  const std::size_t never = territory_->accommodations.size() - declaring.size();
  EXPECT_GE(never, 5u);
  EXPECT_LE(never, 40u);
}

TEST_F(DemoDeclarations, AreTheSameOnEveryRun) {
  const auto again = MakeDemoDeclarations(*territory_, DeclarationSettings{}, kDemoReferenceDay);
  ASSERT_EQ(again.size(), declarations_->size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    ASSERT_EQ(again[i].accommodation, (*declarations_)[i].accommodation);
    ASSERT_EQ(again[i].month, (*declarations_)[i].month);
    ASSERT_EQ(again[i].submissions.size(), (*declarations_)[i].submissions.size());
    for (std::size_t j = 0; j < again[i].submissions.size(); ++j) {
      EXPECT_EQ(again[i].submissions[j].stays, (*declarations_)[i].submissions[j].stays);
      EXPECT_EQ(again[i].submissions[j].submitted_on,
                (*declarations_)[i].submissions[j].submitted_on);
    }
  }
}

}  // namespace
}  // namespace nuitee::demo
