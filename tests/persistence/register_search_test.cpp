// The register's free-text search in bounded steps (persistence/register_search.hpp): a short walk
// in insertion order, a longer walk when the term is common, then the trigram index alone. Whatever
// step finds them, the pages must be those of the plain filter: same rows, same order, no duplicate
// and no gap from one cursor to the next, another tenant's rows never mixed in.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "persistence/accommodation_repository.hpp"
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

constexpr int kRows = 240;
// Small windows (positions of seq, which the other tenant's rows also take), so that a register
// of a few hundred rows has matches beyond both walks.
constexpr SearchWindows kSmallWindows{10, 40};
// Walks of one position: nearly every match comes from the index.
constexpr SearchWindows kIndexAtOnce{1, 1};

// Row i of a register: which words it holds says which step of the search finds it.
//   "9876" (registration): rows 170 and 233 only, beyond both small walks;
//   "5432" (registration): rows 3, 30 and 200, one in each step;
//   "estives": every sixth row, common from the start;
//   "grange": rows 150-199 only, common but late;
//   "moulin": row 5, then every ninth row from 120 on.
Accommodation RowOf(int i, const CollectivityId& collectivity, const HostId& host,
                    const std::string& tenant_mark) {
  const std::string commune = i % 2 == 0 ? "15138" : "15001";
  char digits[8];
  std::snprintf(digits, sizeof digits, "%06d", i);
  std::string number = digits;
  if (i == 170) number = "987601";
  if (i == 233) number = "987602";
  if (i == 3) number = "543201";
  if (i == 30) number = "543202";
  if (i == 200) number = "543203";
  Accommodation accommodation = SampleAccommodation(
      collectivity, host, commune + number + tenant_mark, std::to_string(i) + " rue du Lac");
  accommodation.commune_insee_code = commune;
  std::string name = "Gîte";
  if (i % 6 == 0) name += " des Estives";
  if (i >= 150 && i < 200) name += " de la Grange";
  if (i == 5 || (i >= 120 && (i - 120) % 9 == 0)) name += " du Moulin";
  accommodation.name = name;
  return accommodation;
}

class AccommodationSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) -> Status {
      mine_ = CollectivityRepository::Insert(tx, SampleCollectivity("200066637"))->id;
      other_ = CollectivityRepository::Insert(tx, SampleCollectivity("200066645"))->id;
      const Host host = *HostRepository::Insert(tx, SampleHost(mine_));
      const Host stranger = *HostRepository::Insert(tx, SampleHost(other_));
      for (int i = 0; i < kRows; ++i) {
        auto inserted =
            AccommodationRepository::Insert(tx, RowOf(i, mine_, host.id, "AB"), host.legal_name);
        if (!inserted) return Fail(inserted.error());
        // Another tenant's rows, interleaved, holding every word searched below.
        if (i % 8 == 0) {
          Accommodation theirs = RowOf(i, other_, stranger.id, "ZZ");
          theirs.name = "Gîte des Estives de la Grange du Moulin";
          char digits[8];
          std::snprintf(digits, sizeof digits, "%s%02d", i < 120 ? "9876" : "5432", i / 8);
          theirs.registration_number = "15138" + std::string(digits) + "ZZ";
          auto stored = AccommodationRepository::Insert(tx, theirs, stranger.legal_name);
          if (!stored) return Fail(stored.error());
        }
      }
      return {};
    });
    ASSERT_TRUE(made) << made.error().message;
  }

  // The plain filter: every match of this tenant, in insertion order, in one query.
  std::vector<std::string> PlainFilter(const std::string& term, const std::string& commune = "") {
    std::vector<std::string> ids;
    db_.database().InTransaction([&](Transaction& tx) -> Status {
      const std::string pattern = "%" + term + "%";
      soci::rowset<std::string> rows =
          (tx.session().prepare << "SELECT id::text FROM accommodations "
                                   "WHERE collectivity_id = :c::uuid "
                                   "AND search_text LIKE lower(:pattern) "
                                   "AND (:commune = '' OR commune_insee_code = :commune2) "
                                   "ORDER BY seq",
           soci::use(mine_.value()), soci::use(pattern), soci::use(commune), soci::use(commune));
      for (const auto& id : rows) ids.push_back(id);
      return {};
    });
    return ids;
  }

  // Every page of a search, cursor after cursor, checking each page's shape on the way.
  std::vector<std::string> PageThrough(AccommodationFilter filter, int limit,
                                       const SearchWindows& windows) {
    std::vector<std::string> ids;
    PageRequest page{0, limit};
    for (int pages = 0; pages <= kRows + 1; ++pages) {
      auto read =
          db_.database().InTransaction([&](Transaction& tx) -> Result<Page<AccommodationListing>> {
            return AccommodationRepository::List(tx, mine_, filter, page, windows);
          });
      EXPECT_TRUE(read);
      if (!read) break;
      EXPECT_LE(static_cast<int>(read->items.size()), limit);
      for (const auto& listing : read->items) ids.push_back(listing.accommodation.id.value());
      if (!read->next_after_seq) break;
      EXPECT_EQ(static_cast<int>(read->items.size()), limit) << "a short page with a next one";
      page.after_seq = *read->next_after_seq;
    }
    return ids;
  }

  AccommodationFilter Search(const std::string& text) {
    AccommodationFilter filter;
    filter.on = 2026_y / date::November / 23;
    filter.text = text;
    return filter;
  }

  testing::TestDatabase db_;
  CollectivityId mine_;
  CollectivityId other_;
};

TEST_F(AccommodationSearch, FindsRareRegistrationFragmentsBeyondTheWalkWindow) {
  const auto expected = PlainFilter("9876");
  ASSERT_EQ(expected.size(), 2u);  // rows 170 and 233, far beyond a walk of 10 then 40 rows
  EXPECT_EQ(PageThrough(Search("9876"), 50, kSmallWindows), expected);
  EXPECT_EQ(PageThrough(Search("9876"), 1, kSmallWindows), expected);
  EXPECT_EQ(PageThrough(Search("9876"), 50, SearchWindows{}), expected);
  // One match in the first walk, one in the longer walk, one through the index only.
  const auto spread = PlainFilter("5432");
  ASSERT_EQ(spread.size(), 3u);
  EXPECT_EQ(PageThrough(Search("5432"), 50, kSmallWindows), spread);
  EXPECT_EQ(PageThrough(Search("5432"), 2, kSmallWindows), spread);
}

TEST_F(AccommodationSearch, PagesLikeThePlainFilterWhateverTheStepThatFindsTheRows) {
  // Terms with a digit and no space are read from the words with a digit (migration 0010): in
  // registration numbers ("9876", "5ab"), in postal codes ("1530", in every row) and in house
  // numbers ("17"); "7 r" has a space and is read from the whole text.
  for (const std::string term : {"9876", "5432", "estives", "grange", "moulin", "lac", "absent",
                                 "1530", "15001", "17", "5ab", "7 r", "0000"}) {
    const auto expected = PlainFilter(term);
    EXPECT_EQ(std::set<std::string>(expected.begin(), expected.end()).size(), expected.size());
    for (const SearchWindows& windows : {kSmallWindows, kIndexAtOnce, SearchWindows{}}) {
      for (int limit : {1, 7, 50}) {
        if (limit == 1 && expected.size() > 60) continue;  // 240 one-row pages add nothing
        EXPECT_EQ(PageThrough(Search(term), limit, windows), expected)
            << "term " << term << ", limit " << limit << ", walks " << windows.first_walk << "/"
            << windows.longest_walk;
      }
    }
  }
}

TEST_F(AccommodationSearch, CombinesTheSearchWithTheOtherFiltersInEveryStep) {
  for (const std::string term : {"5432", "estives", "grange", "moulin"}) {
    const auto expected = PlainFilter(term, "15001");
    AccommodationFilter filter = Search(term);
    filter.commune = "15001";
    for (const SearchWindows& windows : {kSmallWindows, kIndexAtOnce}) {
      EXPECT_EQ(PageThrough(filter, 4, windows), expected) << term;
    }
  }
}

// The words with a digit follow every change of the searched text: a new registration number, a
// new address, a host renamed with digits in the name.
TEST_F(AccommodationSearch, FindsDigitTermsAfterTheTextChanges) {
  ASSERT_TRUE(db_.database().InTransaction([&](Transaction& tx) -> Status {
    auto rows = AccommodationRepository::List(tx, mine_, Search("987601"), PageRequest{0, 5});
    if (rows.items.size() != 1) return Fail(Error::NotFound("row 170 not found"));
    Accommodation changed = rows.items[0].accommodation;
    changed.registration_number = "15138246802AB";
    changed.address_line = "4321 route des Crêtes";
    auto updated = AccommodationRepository::Update(tx, changed, changed.version);
    if (!updated) return Fail(updated.error());
    auto host = HostRepository::Find(tx, mine_, changed.host_id);
    if (!host) return Fail(host.error());
    Host renamed = *host;
    renamed.legal_name = "SCI 1789 Estives";
    auto saved = HostRepository::Update(tx, renamed, renamed.version);
    if (!saved) return Fail(saved.error());
    return {};
  }));
  EXPECT_EQ(PlainFilter("987601").size(), 0u);
  for (const std::string term : {"987601", "246802", "4321", "1789", "9876"}) {
    const auto expected = PlainFilter(term);
    EXPECT_EQ(PageThrough(Search(term), 7, kSmallWindows), expected) << term;
    EXPECT_EQ(PageThrough(Search(term), 50, SearchWindows{}), expected) << term;
  }
  EXPECT_EQ(PlainFilter("246802").size(), 1u);
  EXPECT_EQ(PlainFilter("1789").size(), static_cast<std::size_t>(kRows));
}

// Hosts are searched the same way.
TEST(HostSearch, PagesLikeThePlainFilterBeyondTheWalkWindow) {
  testing::TestDatabase db;
  CollectivityId mine;
  ASSERT_TRUE(db.database().InTransaction([&](Transaction& tx) -> Status {
    mine = CollectivityRepository::Insert(tx, SampleCollectivity("200066637"))->id;
    const CollectivityId other =
        CollectivityRepository::Insert(tx, SampleCollectivity("200066645"))->id;
    for (int i = 0; i < 90; ++i) {
      const bool rare = i == 4 || i == 77 || i == 88;
      auto host =
          HostRepository::Insert(tx, SampleHost(mine, rare ? "Jeanne Vialard" : "Paul Roux"));
      if (!host) return Fail(host.error());
      if (i % 10 == 0) {
        auto stranger = HostRepository::Insert(tx, SampleHost(other, "Louis Vialard"));
        if (!stranger) return Fail(stranger.error());
      }
    }
    return {};
  }));
  auto page_through = [&](int limit, const SearchWindows& windows) {
    std::vector<std::string> names;
    PageRequest page{0, limit};
    while (true) {
      auto read = db.database().InTransaction([&](Transaction& tx) -> Result<Page<Host>> {
        return HostRepository::List(tx, mine, HostFilter{"vialard", std::nullopt}, page, windows);
      });
      if (!read) return names;
      for (const auto& host : read->items) names.push_back(host.legal_name);
      if (!read->next_after_seq) return names;
      page.after_seq = *read->next_after_seq;
    }
  };
  const std::vector<std::string> expected(3, "Jeanne Vialard");
  EXPECT_EQ(page_through(50, kSmallWindows), expected);
  EXPECT_EQ(page_through(1, kSmallWindows), expected);
  EXPECT_EQ(page_through(2, kIndexAtOnce), expected);
  EXPECT_EQ(page_through(50, SearchWindows{}), expected);
}

}  // namespace
}  // namespace nuitee::persistence
