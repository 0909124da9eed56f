// Loading the demo territory into a real, freshly migrated database.
#include "demo/seed.hpp"

#include <gtest/gtest.h>

#include "demo/territory.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/deliberation_repository.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::demo {
namespace {

using testing::TestDatabase;

TEST(DemoSeed, LoadsTheWholeTerritoryIntoAFreshDatabase) {
  TestDatabase db;
  const DemoTerritory territory = GenerateDemoTerritory(kDemoReferenceDay);

  auto report = SeedDemo(db.database(), kDemoReferenceDay);

  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->already_loaded);
  EXPECT_EQ(report->collectivity_id, territory.collectivity.id.value());
  EXPECT_EQ(report->hosts, static_cast<int>(territory.hosts.size()));
  EXPECT_EQ(report->accommodations, static_cast<int>(territory.accommodations.size()));
  EXPECT_EQ(report->classifications, static_cast<int>(territory.classifications.size()));
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM collectivities"), 1);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM hosts"), report->hosts);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM accommodations"), report->accommodations);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM classifications"), report->classifications);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM audit_events WHERE action = 'created' AND "
                         "actor = 'seed-demo' AND version = 1 AND changes = '[]'::jsonb"),
            1 + report->hosts + report->accommodations);
}

TEST(DemoSeed, LoadsTheDeliberationsOf2024To2026WithTheDepartmentalTax) {
  TestDatabase db;
  auto report = SeedDemo(db.database(), kDemoReferenceDay);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->deliberations, 3);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM deliberations WHERE source = 'demo' AND "
                         "version = 1 AND year BETWEEN 2024 AND 2026"),
            3);
  auto book = db.database().InTransaction([&](persistence::Transaction& tx) {
    return persistence::DeliberationRepository::LoadRateBook(
        tx, CollectivityId(report->collectivity_id), 2024, 2026);
  });
  ASSERT_TRUE(book) << book.error().message;
  for (int year = 2024; year <= 2026; ++year) {
    const auto* in_force = book->DeliberationFor(year);
    ASSERT_NE(in_force, nullptr) << year;
    EXPECT_EQ(in_force->version, 1);
    ASSERT_EQ(in_force->deliberation.additional_taxes.size(), 1u);
    EXPECT_EQ(in_force->deliberation.additional_taxes[0].beneficiary,
              rates::Beneficiary::kDepartement);
  }
}

TEST(DemoSeed, SecondRunReportsAlreadyLoadedAndChangesNothing) {
  TestDatabase db;
  auto first = SeedDemo(db.database());
  ASSERT_TRUE(first) << first.error().message;
  const long long accommodations = db.CountRows("SELECT count(*) FROM accommodations");
  const long long audit = db.CountRows("SELECT count(*) FROM audit_events");

  auto second = SeedDemo(db.database());

  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->already_loaded);
  EXPECT_EQ(second->collectivity_id, first->collectivity_id);
  EXPECT_EQ(second->accommodations, 0);
  EXPECT_EQ(second->deliberations, 0);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM deliberations"), 3);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM accommodations"), accommodations);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM audit_events"), audit);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM collectivities"), 1);
}

TEST(DemoSeed, SeededAccommodationsAreListedByCommune) {
  TestDatabase db;
  auto report = SeedDemo(db.database(), kDemoReferenceDay);
  ASSERT_TRUE(report) << report.error().message;
  const DemoTerritory territory = GenerateDemoTerritory(kDemoReferenceDay);
  std::size_t in_murat = 0;
  for (const auto& accommodation : territory.accommodations) {
    if (accommodation.commune_insee_code == "15138") ++in_murat;
  }

  persistence::AccommodationFilter filter;
  filter.commune = "15138";
  filter.on = kDemoReferenceDay;
  auto page = db.database().InTransaction(
      [&](persistence::Transaction& tx)
          -> Result<persistence::Page<persistence::AccommodationListing>> {
        return persistence::AccommodationRepository::List(
            tx, CollectivityId(report->collectivity_id), filter, {0, 500});
      });

  ASSERT_TRUE(page) << page.error().message;
  EXPECT_GT(in_murat, 0u);
  EXPECT_EQ(page->items.size(), in_murat);
  for (const auto& listing : page->items) {
    EXPECT_EQ(listing.accommodation.commune_insee_code, "15138");
    EXPECT_EQ(listing.accommodation.postal_code, "15300");
  }
}

}  // namespace
}  // namespace nuitee::demo
