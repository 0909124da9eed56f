// The register's repositories on a real database: tenant scoping, duplicates, the category on a
// date read in SQL, status filters, free-text search, optimistic concurrency, append-only tables.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "domain/classification.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/audit_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/register_lock.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using namespace date::literals;
using testing::SampleAccommodation;
using testing::SampleCollectivity;
using testing::SampleHost;

class RegisterRepositories : public ::testing::Test {
 protected:
  template <class Work>
  auto InTx(Work&& work) {
    return db_.database().InTransaction(std::forward<Work>(work));
  }

  // A collectivity with one host and one accommodation.
  struct Tenant {
    Collectivity collectivity;
    Host host;
    Accommodation accommodation;
  };
  Tenant MakeTenant(const std::string& siren, const std::string& registration) {
    auto made = InTx([&](Transaction& tx) -> Result<Tenant> {
      auto collectivity = CollectivityRepository::Insert(tx, SampleCollectivity(siren));
      auto host = HostRepository::Insert(tx, SampleHost(collectivity->id));
      auto accommodation = AccommodationRepository::Insert(
          tx, SampleAccommodation(collectivity->id, host->id, registration), host->legal_name);
      return Tenant{*collectivity, *host, *accommodation};
    });
    EXPECT_TRUE(made) << made.error().message;
    return *made;
  }

  Page<AccommodationListing> ListAccommodations(const CollectivityId& tenant,
                                                AccommodationFilter filter) {
    return *InTx([&](Transaction& tx) -> Result<Page<AccommodationListing>> {
      return AccommodationRepository::List(tx, tenant, filter, PageRequest{0, 200});
    });
  }

  testing::TestDatabase db_;
};

TEST_F(RegisterRepositories, NeverShowACollectivityTheRowsOfAnother) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  Tenant b = MakeTenant("200066645", "15138654321ZZ");
  auto found = InTx([&](Transaction& tx) {
    return HostRepository::Find(tx, a.collectivity.id, b.host.id);
  });
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  auto accommodation = InTx([&](Transaction& tx) {
    return AccommodationRepository::Find(tx, a.collectivity.id, b.accommodation.id);
  });
  EXPECT_FALSE(accommodation);

  AccommodationFilter filter;
  filter.on = 2026_y / date::November / 23;
  auto listed = ListAccommodations(a.collectivity.id, filter);
  ASSERT_EQ(listed.items.size(), 1u);
  EXPECT_EQ(listed.items[0].accommodation.id, a.accommodation.id);

  auto hosts = InTx([&](Transaction& tx) -> Result<Page<Host>> {
    return HostRepository::List(tx, a.collectivity.id, {}, {});
  });
  ASSERT_EQ(hosts->items.size(), 1u);
  EXPECT_EQ(hosts->items[0].id, a.host.id);

  // An update aimed at another tenant's row changes nothing.
  Host stolen = b.host;
  stolen.collectivity_id = a.collectivity.id;
  stolen.legal_name = "Pirate";
  auto update = InTx([&](Transaction& tx) { return HostRepository::Update(tx, stolen, 1); });
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM hosts WHERE legal_name = 'Pirate'"), 0);
}

TEST_F(RegisterRepositories, KeepAuditHistoriesApartBetweenCollectivities) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  Tenant b = MakeTenant("200066645", "15138654321ZZ");
  ASSERT_TRUE(InTx([&](Transaction& tx) -> Status {
    AuditRepository::Append(tx, b.collectivity.id,
                            {EntityKind::kHost, b.host.id.value(), 1, "created", "test", "", {}});
    return {};
  }));
  auto seen_by_a = InTx([&](Transaction& tx) -> Result<std::vector<AuditEntry>> {
    return AuditRepository::History(tx, a.collectivity.id, EntityKind::kHost, b.host.id.value());
  });
  EXPECT_TRUE(seen_by_a->empty());
  auto seen_by_b = InTx([&](Transaction& tx) -> Result<std::vector<AuditEntry>> {
    return AuditRepository::History(tx, b.collectivity.id, EntityKind::kHost, b.host.id.value());
  });
  EXPECT_EQ(seen_by_b->size(), 1u);
}

TEST_F(RegisterRepositories, FindDuplicatesByRegistrationNumberOrByHostAndAddress) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  auto same_number = SampleAccommodation(a.collectivity.id, a.host.id, "15138123456AB",
                                         "Le Bourg");
  auto same_address = SampleAccommodation(a.collectivity.id, a.host.id, "15138999999AA",
                                          "1, Rue du  LAC");
  auto elsewhere = SampleAccommodation(a.collectivity.id, a.host.id, "15138999999AA", "Le Bourg");
  InTx([&](Transaction& tx) -> Status {
    EXPECT_EQ(AccommodationRepository::FindDuplicate(tx, same_number), a.accommodation.id);
    EXPECT_EQ(AccommodationRepository::FindDuplicate(tx, same_address), a.accommodation.id);
    EXPECT_EQ(AccommodationRepository::FindDuplicate(tx, elsewhere), std::nullopt);
    // An accommodation is not its own duplicate (updates check themselves against the others).
    EXPECT_EQ(AccommodationRepository::FindDuplicate(tx, a.accommodation), std::nullopt);
    return {};
  });
  // The unique index backs the check up when two requests race.
  auto raced = InTx([&](Transaction& tx) {
    return AccommodationRepository::Insert(tx, same_number, "x");
  });
  ASSERT_FALSE(raced);
  EXPECT_EQ(raced.error().code, ErrorCode::kAlreadyExists);
}

TEST_F(RegisterRepositories, ReadTheCategoryOnADayAsTheDomainRuleDoes) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  Classification three_stars;
  three_stars.accommodation_id = a.accommodation.id;
  three_stars.rank = Rank{3, false};
  three_stars.decided_on = 2021_y / date::November / 24;
  three_stars.expires_on = DefaultExpiry(three_stars.decided_on);
  three_stars.body = "Organisme test";
  ASSERT_TRUE(InTx([&](Transaction& tx) {
    return ClassificationRepository::Insert(tx, a.collectivity.id, three_stars,
                                            rates::Category::kThreeStars, "test");
  }));
  auto history = *InTx([&](Transaction& tx) -> Result<std::vector<Classification>> {
    return ClassificationRepository::ListFor(tx, a.collectivity.id, a.accommodation.id);
  });
  for (Day day : {Day{2021_y / date::November / 23}, Day{2021_y / date::November / 24},
                  Day{2026_y / date::November / 23}, Day{2026_y / date::November / 24}}) {
    AccommodationFilter filter;
    filter.on = day;
    auto listed = ListAccommodations(a.collectivity.id, filter);
    ASSERT_EQ(listed.items.size(), 1u);
    EXPECT_EQ(listed.items[0].category, CategoryOn(Nature::kFurnishedRental, history, day))
        << FormatIsoDate(day);
    filter.category = rates::Category::kThreeStars;
    const bool classified = day >= three_stars.decided_on && day <= three_stars.expires_on;
    EXPECT_EQ(ListAccommodations(a.collectivity.id, filter).items.size(), classified ? 1u : 0u)
        << FormatIsoDate(day);
  }
}

TEST_F(RegisterRepositories, FilterByCategoryNeverRevivesASupersededDecision) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  auto record = [&](int stars, Day decided, Day expires, rates::Category category) {
    Classification decision;
    decision.accommodation_id = a.accommodation.id;
    decision.rank = Rank{stars, false};
    decision.decided_on = decided;
    decision.expires_on = expires;
    decision.body = "Organisme test";
    ASSERT_TRUE(InTx([&](Transaction& tx) {
      return ClassificationRepository::Insert(tx, a.collectivity.id, decision, category, "test");
    }));
  };
  record(4, 2020_y / date::January / 1, 2024_y / date::December / 31, rates::Category::kFourStars);
  record(2, 2022_y / date::June / 1, 2023_y / date::May / 31, rates::Category::kTwoStars);
  auto count = [&](Day day, rates::Category category) {
    AccommodationFilter filter;
    filter.on = day;
    filter.category = category;
    return ListAccommodations(a.collectivity.id, filter).items.size();
  };
  EXPECT_EQ(count(2021_y / date::June / 1, rates::Category::kFourStars), 1u);
  EXPECT_EQ(count(2022_y / date::June / 1, rates::Category::kFourStars), 0u);
  EXPECT_EQ(count(2022_y / date::June / 1, rates::Category::kTwoStars), 1u);
  EXPECT_EQ(count(2023_y / date::June / 1, rates::Category::kFourStars), 0u);  // not revived
  EXPECT_EQ(count(2023_y / date::June / 1, rates::Category::kUnclassified), 1u);
}

// Every category filter against the domain rule, over natures whose categories come from
// classifications (stars, palace), from the nature alone (chambres d'hôtes, aires, ports) or from
// both (campings: row 8 unclassified, row 7 classified 3-5 stars).
TEST_F(RegisterRepositories, FilterEveryCategoryAsTheDomainRuleDoesWhateverTheNature) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  struct Case {
    Nature nature;
    std::optional<Rank> rank;  // decided on 2021-06-01, valid five years
  };
  const Case cases[] = {
      {Nature::kCamping, Rank{3, false}},        {Nature::kCamping, Rank{2, false}},
      {Nature::kCamping, std::nullopt},          {Nature::kCamperVanArea, std::nullopt},
      {Nature::kMarina, std::nullopt},           {Nature::kGuestHouse, std::nullopt},
      {Nature::kHostel, std::nullopt},           {Nature::kHolidayVillage, Rank{4, false}},
      {Nature::kHolidayVillage, Rank{2, false}}, {Nature::kHotel, Rank{1, false}},
      {Nature::kPalace, Rank{5, true}},          {Nature::kOther, std::nullopt},
  };
  std::vector<std::pair<AccommodationId, Nature>> made = {
      {a.accommodation.id, a.accommodation.nature}};
  std::vector<std::vector<Classification>> histories(1);
  int n = 0;
  for (const Case& each : cases) {
    Accommodation accommodation = SampleAccommodation(a.collectivity.id, a.host.id, "",
                                                      std::to_string(++n) + " chemin des Prés");
    accommodation.nature = each.nature;
    accommodation.registration_number = std::nullopt;
    auto stored = InTx([&](Transaction& tx) {
      return AccommodationRepository::Insert(tx, accommodation, a.host.legal_name);
    });
    ASSERT_TRUE(stored) << stored.error().message;
    made.push_back({stored->id, each.nature});
    histories.emplace_back();
    if (!each.rank) continue;
    Classification decision;
    decision.accommodation_id = stored->id;
    decision.rank = *each.rank;
    decision.decided_on = 2021_y / date::June / 1;
    decision.expires_on = DefaultExpiry(decision.decided_on);
    decision.body = "Organisme test";
    ASSERT_TRUE(InTx([&](Transaction& tx) {
      return ClassificationRepository::Insert(tx, a.collectivity.id, decision,
                                              ClassifiedCategory(each.nature, *each.rank), "test");
    }));
    histories.back().push_back(decision);
  }
  for (Day day :
       {Day{2021_y / date::May / 31}, Day{2024_y / date::July / 1}, Day{2026_y / date::June / 1}}) {
    for (rates::Category category : rates::kAllCategories) {
      std::set<std::string> expected;
      for (std::size_t i = 0; i < made.size(); ++i) {
        if (CategoryOn(made[i].second, histories[i], day) == category) {
          expected.insert(made[i].first.value());
        }
      }
      AccommodationFilter filter;
      filter.on = day;
      filter.category = category;
      std::set<std::string> listed;
      for (const auto& row : ListAccommodations(a.collectivity.id, filter).items) {
        listed.insert(row.accommodation.id.value());
      }
      EXPECT_EQ(listed, expected) << rates::CategoryName(category) << " on " << FormatIsoDate(day);
    }
  }
}

TEST_F(RegisterRepositories, FilterByStatusOnADay) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  Accommodation changed = a.accommodation;
  changed.closures = {{2026_y / date::January / 5, 2026_y / date::February / 1}};
  changed.ceased_on = 2026_y / date::October / 1;
  ASSERT_TRUE(InTx([&](Transaction& tx) { return AccommodationRepository::Update(tx, changed, 1); }));
  auto count = [&](Day day, AccommodationStatus status) {
    AccommodationFilter filter;
    filter.on = day;
    filter.status = status;
    return ListAccommodations(a.collectivity.id, filter).items.size();
  };
  EXPECT_EQ(count(2025_y / date::December / 31, AccommodationStatus::kActive), 1u);
  EXPECT_EQ(count(2026_y / date::January / 5, AccommodationStatus::kClosed), 1u);
  EXPECT_EQ(count(2026_y / date::January / 5, AccommodationStatus::kActive), 0u);
  EXPECT_EQ(count(2026_y / date::October / 1, AccommodationStatus::kCeased), 1u);
  EXPECT_EQ(count(2026_y / date::September / 30, AccommodationStatus::kCeased), 0u);
}

TEST_F(RegisterRepositories, SearchFreeTextAcrossNameAddressNumberAndHostEvenAfterARename) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  auto search = [&](const std::string& text) {
    AccommodationFilter filter;
    filter.on = 2026_y / date::November / 23;
    filter.text = text;
    return ListAccommodations(a.collectivity.id, filter).items.size();
  };
  EXPECT_EQ(search("gîte du"), 1u);
  EXPECT_EQ(search("RUE DU LAC"), 1u);
  EXPECT_EQ(search("123456ab"), 1u);
  EXPECT_EQ(search("dupont"), 1u);
  EXPECT_EQ(search("100%"), 0u);  // wildcards are searched literally
  Host renamed = a.host;
  renamed.legal_name = "SARL Les Estives";
  renamed.kind = HostKind::kCompany;
  renamed.siret = "73282932000074";
  ASSERT_TRUE(InTx([&](Transaction& tx) { return HostRepository::Update(tx, renamed, 1); }));
  EXPECT_EQ(search("dupont"), 0u);
  EXPECT_EQ(search("estives"), 1u);
}

TEST_F(RegisterRepositories, SearchFindsAnAccommodationByItsNewHostAfterAMove) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  auto other = InTx([&](Transaction& tx) {
    return HostRepository::Insert(tx, SampleHost(a.collectivity.id, "Paul Laborie"));
  });
  ASSERT_TRUE(other);
  Accommodation moved = a.accommodation;
  moved.host_id = other->id;
  ASSERT_TRUE(InTx([&](Transaction& tx) { return AccommodationRepository::Update(tx, moved, 1); }));
  AccommodationFilter filter;
  filter.on = 2026_y / date::November / 23;
  filter.text = "laborie";
  EXPECT_EQ(ListAccommodations(a.collectivity.id, filter).items.size(), 1u);
  filter.text = "dupont";
  EXPECT_EQ(ListAccommodations(a.collectivity.id, filter).items.size(), 0u);
}

// Identity values are handed out at INSERT, not at COMMIT: without the register lock a row could
// commit after a later-numbered one and be skipped by a reader already past it.
TEST_F(RegisterRepositories, AppendsToOneRegisterCommitInTheOrderOfTheirPosition) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  const auto started = std::chrono::steady_clock::now();
  std::chrono::steady_clock::duration second_waited{};
  std::thread slow([&] {
    InTx([&](Transaction& tx) -> Result<Host> {
      LockRegisterAppends(tx, a.collectivity.id.value());
      auto host = HostRepository::Insert(tx, SampleHost(a.collectivity.id, "Lent"));
      std::this_thread::sleep_for(std::chrono::milliseconds(800));
      return host;
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  persistence::Database second_connection({db_.url(), 1});
  second_connection.InTransaction([&](Transaction& tx) -> Result<Host> {
    LockRegisterAppends(tx, a.collectivity.id.value());
    second_waited = std::chrono::steady_clock::now() - started;
    return HostRepository::Insert(tx, SampleHost(a.collectivity.id, "Rapide"));
  });
  slow.join();
  EXPECT_GE(second_waited, std::chrono::milliseconds(700));
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM hosts h1 JOIN hosts h2 ON h1.seq < h2.seq "
                          "WHERE h1.legal_name = 'Lent' AND h2.legal_name = 'Rapide'"),
            1);
}

TEST_F(RegisterRepositories, RefuseAnUpdateFromAStaleVersion) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  Host first = a.host;
  first.phone = "04 71 20 00 00";
  ASSERT_TRUE(InTx([&](Transaction& tx) { return HostRepository::Update(tx, first, 1); }));
  Host second = a.host;
  second.phone = "06 00 00 00 00";
  auto stale = InTx([&](Transaction& tx) { return HostRepository::Update(tx, second, 1); });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM hosts WHERE phone = '04 71 20 00 00' "
                          "AND version = 2"),
            1);
}

TEST_F(RegisterRepositories, NeverDeleteRegisterRowsNorRewriteClassificationsAndAudit) {
  Tenant a = MakeTenant("200066637", "15138123456AB");
  EXPECT_ANY_THROW(db_.Execute("DELETE FROM accommodations"));
  EXPECT_ANY_THROW(db_.Execute("DELETE FROM hosts"));
  EXPECT_ANY_THROW(db_.Execute("DELETE FROM collectivities"));
  ASSERT_TRUE(InTx([&](Transaction& tx) -> Status {
    AuditRepository::Append(tx, a.collectivity.id,
                            {EntityKind::kHost, a.host.id.value(), 1, "created", "test", "", {}});
    return {};
  }));
  EXPECT_ANY_THROW(db_.Execute("UPDATE audit_events SET actor = 'someone else'"));
  EXPECT_ANY_THROW(db_.Execute("DELETE FROM audit_events"));
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM accommodations"), 1);
}

}  // namespace
}  // namespace nuitee::persistence
