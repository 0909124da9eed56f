// The register's category filter read from classification_periods (migration 0010) against the
// domain rule (CategoryOn): every nature, histories with superseded, lapsed, same-day and
// back-dated decisions, many days, page after page, another tenant's decisions interleaved.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/classification.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/host_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using namespace date::literals;
using testing::SampleAccommodation;
using testing::SampleCollectivity;
using testing::SampleHost;

// Decision days: a few, so that decisions of one accommodation often fall on the same day.
const Day kDecisionDays[] = {2018_y / date::March / 1,    2019_y / date::July / 15,
                             2021_y / date::June / 1,     2021_y / date::June / 1,
                             2023_y / date::January / 10, 2025_y / date::September / 30};

// A well-spread number for accommodation i and salt s, as the bench loader does.
int Pick(int i, int salt, int n) {
  return static_cast<int>((i * 7919u + salt * 104729u) % 9973u) % n;
}

// The ranks `nature` can hold (ValidateRank).
std::vector<Rank> RanksOf(Nature nature) {
  std::vector<Rank> ranks;
  for (Rank rank : {Rank{1, false}, Rank{2, false}, Rank{3, false}, Rank{4, false}, Rank{5, false},
                    Rank{5, true}}) {
    if (ValidateRank(nature, rank)) ranks.push_back(rank);
  }
  return ranks;
}

// Up to four decisions for accommodation i, in recording order (not always the order of the
// decision days): five years of validity, or a short one that lapses before the next decision.
std::vector<Classification> HistoryOf(int i, Nature nature, const AccommodationId& id) {
  const std::vector<Rank> ranks = RanksOf(nature);
  std::vector<Classification> history;
  if (ranks.empty()) return history;
  const int count = Pick(i, 1, 5);
  for (int k = 0; k < count; ++k) {
    Classification decision;
    decision.accommodation_id = id;
    decision.rank =
        ranks[static_cast<std::size_t>(Pick(i, 10 + k, static_cast<int>(ranks.size())))];
    decision.decided_on = kDecisionDays[Pick(i, 20 + k, 6)];
    decision.expires_on = Pick(i, 30 + k, 3) == 0 ? AddDays(decision.decided_on, 200)
                                                  : DefaultExpiry(decision.decided_on);
    decision.body = "Organisme test";
    history.push_back(decision);
  }
  return history;
}

class RegisterCategory : public ::testing::Test {
 protected:
  struct Made {
    AccommodationId id;
    Nature nature;
    std::vector<Classification> history;
  };

  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) -> Status {
      mine_ = CollectivityRepository::Insert(tx, SampleCollectivity("200066637"))->id;
      other_ = CollectivityRepository::Insert(tx, SampleCollectivity("200066645"))->id;
      const Host host = *HostRepository::Insert(tx, SampleHost(mine_));
      const Host stranger = *HostRepository::Insert(tx, SampleHost(other_));
      for (int i = 0; i < 66; ++i) {
        const bool theirs = i % 5 == 4;
        Accommodation accommodation =
            SampleAccommodation(theirs ? other_ : mine_, theirs ? stranger.id : host.id, "",
                                std::to_string(i) + " chemin des Prés");
        accommodation.nature = kAllNatures[static_cast<std::size_t>(i) % kAllNatures.size()];
        accommodation.registration_number = std::nullopt;
        auto stored = AccommodationRepository::Insert(tx, accommodation, host.legal_name);
        if (!stored) return Fail(stored.error());
        Made each{stored->id, accommodation.nature, HistoryOf(i, accommodation.nature, stored->id)};
        for (const auto& decision : each.history) {
          auto saved = ClassificationRepository::Insert(
              tx, theirs ? other_ : mine_, decision,
              ClassifiedCategory(accommodation.nature, decision.rank), "test");
          if (!saved) return Fail(saved.error());
        }
        if (!theirs) made_.push_back(std::move(each));
      }
      return {};
    });
    ASSERT_TRUE(made) << made.error().message;
  }

  // Every page of the list filtered by `category` on `day`, `limit` rows at a time.
  std::vector<AccommodationListing> PageThrough(rates::Category category, Day day, int limit) {
    AccommodationFilter filter;
    filter.on = day;
    filter.category = category;
    std::vector<AccommodationListing> rows;
    PageRequest page{0, limit};
    for (int pages = 0; pages < 100; ++pages) {
      auto read =
          db_.database().InTransaction([&](Transaction& tx) -> Result<Page<AccommodationListing>> {
            return AccommodationRepository::List(tx, mine_, filter, page);
          });
      EXPECT_TRUE(read);
      if (!read) break;
      for (auto& row : read->items) rows.push_back(std::move(row));
      if (!read->next_after_seq) break;
      page.after_seq = *read->next_after_seq;
    }
    return rows;
  }

  testing::TestDatabase db_;
  CollectivityId mine_;
  CollectivityId other_;
  std::vector<Made> made_;  // this tenant's accommodations, in register order
};

TEST_F(RegisterCategory, ListsEveryCategoryAsTheDomainRuleDoesOnEveryDay) {
  // Around each decision day and each expiry, and every 137 days from 2017 to 2031.
  std::vector<Day> days;
  for (const Made& each : made_) {
    for (const auto& decision : each.history) {
      for (Day day : {AddDays(decision.decided_on, -1), decision.decided_on, decision.expires_on,
                      AddDays(decision.expires_on, 1)}) {
        days.push_back(day);
      }
    }
  }
  for (int quarter = 0; quarter < 40; ++quarter) {
    days.push_back(AddDays(Day{2017_y / date::January / 1}, quarter * 137));
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  int compared = 0;
  for (Day day : days) {
    for (rates::Category category : rates::kAllCategories) {
      std::vector<std::string> expected;
      for (const Made& each : made_) {
        if (CategoryOn(each.nature, each.history, day) == category) {
          expected.push_back(each.id.value());
        }
      }
      std::vector<std::string> listed;
      for (const auto& row : PageThrough(category, day, 3)) {
        listed.push_back(row.accommodation.id.value());
        EXPECT_EQ(row.category, category) << FormatIsoDate(day);
      }
      EXPECT_EQ(listed, expected) << rates::CategoryName(category) << " on " << FormatIsoDate(day);
      compared += static_cast<int>(expected.size());
    }
  }
  EXPECT_GT(compared, 1000);
}

// A decision recorded late, with a decision day before the latest one, changes the periods of
// the decisions around it; a decision superseded on its own day is never in force.
TEST_F(RegisterCategory, RecomputesThePeriodsWhenADecisionIsRecordedLate) {
  Made hotel = made_.front();
  ASSERT_EQ(hotel.nature, Nature::kHotel);
  auto record = [&](Rank rank, Day decided, Day expires) {
    Classification decision;
    decision.accommodation_id = hotel.id;
    decision.rank = rank;
    decision.decided_on = decided;
    decision.expires_on = expires;
    decision.body = "Organisme test";
    ASSERT_TRUE(db_.database().InTransaction([&](Transaction& tx) {
      return ClassificationRepository::Insert(tx, mine_, decision,
                                              ClassifiedCategory(Nature::kHotel, rank), "test");
    }));
    hotel.history.push_back(decision);
  };
  record(Rank{5, false}, 2027_y / date::May / 1, 2032_y / date::April / 30);
  record(Rank{2, false}, 2026_y / date::May / 1, 2031_y / date::April / 30);
  record(Rank{3, false}, 2026_y / date::May / 1, 2031_y / date::April / 30);  // supersedes star2
  for (Day day : {Day{2026_y / date::April / 30}, Day{2026_y / date::May / 1},
                  Day{2027_y / date::April / 30}, Day{2027_y / date::May / 1}}) {
    const rates::Category expected = CategoryOn(Nature::kHotel, hotel.history, day);
    for (rates::Category category : rates::kAllCategories) {
      bool listed = false;
      for (const auto& row : PageThrough(category, day, 50)) {
        listed = listed || row.accommodation.id == hotel.id;
      }
      EXPECT_EQ(listed, category == expected)
          << rates::CategoryName(category) << " on " << FormatIsoDate(day);
    }
  }
  EXPECT_EQ(CategoryOn(Nature::kHotel, hotel.history, 2026_y / date::June / 1),
            rates::Category::kThreeStars);
}

}  // namespace
}  // namespace nuitee::persistence
