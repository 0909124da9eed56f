// Loading the demo territory into a real, freshly migrated database.
#include "demo/seed.hpp"

#include <gtest/gtest.h>

#include "demo/territory.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/deliberation_repository.hpp"
#include "persistence/ledger_repository.hpp"
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
  EXPECT_GT(report->payments, 100);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM payments"), report->payments);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM collectivities"), 1);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM hosts"), report->hosts);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM accommodations"), report->accommodations);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM classifications"), report->classifications);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM audit_events WHERE action = 'created' AND "
                         "actor = 'seed-demo' AND version = 1 AND changes = '[]'::jsonb"),
            1 + report->hosts + report->accommodations);
}

// The tests below read what a seed loaded: they share one seeded copy (Schema::kDemo) instead of
// seeding the territory each.
std::string DemoCollectivity(const TestDatabase& db) {
  return TestDatabase::QueryText(db.url(), "SELECT id::text FROM collectivities");
}

TEST(DemoSeed, LoadsTheDeliberationsOf2024To2026WithTheDepartmentalTax) {
  TestDatabase db(TestDatabase::Schema::kDemo);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM deliberations WHERE source = 'demo' AND "
                         "version = 1 AND year BETWEEN 2024 AND 2026"),
            3);
  auto book = db.database().InTransaction([&](persistence::Transaction& tx) {
    return persistence::DeliberationRepository::LoadRateBook(tx, CollectivityId(DemoCollectivity(db)),
                                                             2024, 2026);
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
  EXPECT_EQ(second->declaration_revisions, 0);
  EXPECT_EQ(second->payments, 0);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM payments"), first->payments);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM deliberations"), 3);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM declaration_revisions"),
            first->declaration_revisions);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM accommodations"), accommodations);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM audit_events"), audit);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM collectivities"), 1);
}

// One test, so that ctest (a process per test) seeds the territory once for all these checks.
TEST(DemoSeed, LoadsTwoYearsOfDeclarationsAsTheDomainComputesThem) {
  TestDatabase db(TestDatabase::Schema::kDemo);
  EXPECT_GT(db.CountRows("SELECT count(*) FROM declaration_revisions"), 5000);

  // Both years, November 2024 to October 2026, and nothing outside them.
  EXPECT_GT(db.CountRows("SELECT count(*) FROM declaration_months "
                         "WHERE month BETWEEN '2024-11-01' AND '2025-10-01'"),
            2500);
  EXPECT_GT(db.CountRows("SELECT count(*) FROM declaration_months "
                         "WHERE month BETWEEN '2025-11-01' AND '2026-10-01'"),
            2500);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM declaration_months "
                         "WHERE month NOT BETWEEN '2024-11-01' AND '2026-10-01'"),
            0);

  // About a third of the person-nights of the latest revisions were collected by platforms.
  const char* kLatest =
      "FROM declaration_night_totals t JOIN declaration_months m ON m.accommodation_id = "
      "t.accommodation_id AND m.month = t.month AND m.latest_revision = t.revision";
  const long long person_nights =
      db.CountRows(std::string("SELECT sum(t.person_nights)::bigint ") + kLatest);
  const long long platform = db.CountRows(std::string("SELECT sum(t.person_nights)::bigint ") +
                                          kLatest + " WHERE t.collector <> 'host'");
  EXPECT_GE(platform * 100, person_nights * 20) << platform << " of " << person_nights;
  EXPECT_LE(platform * 100, person_nights * 45) << platform << " of " << person_nights;
  // Platforms collected the tax of their nights: nothing of it is owed by the hosts.
  EXPECT_EQ(db.CountRows(std::string("SELECT count(*) ") + kLatest +
                         " WHERE t.collector <> 'host' AND t.total_cents <> 0"),
            0);

  // Nil returns, closed months, late submissions, corrections with their reason.
  EXPECT_GT(db.CountRows("SELECT count(*) FROM declaration_revisions WHERE kind = 'nil'"), 50);
  EXPECT_GT(db.CountRows("SELECT count(*) FROM declaration_revisions WHERE kind = 'closed'"), 20);
  EXPECT_GT(db.CountRows("SELECT count(*) FROM declaration_revisions "
                         "WHERE revision = 1 AND days_late > 0 AND submitted_on > due_on"),
            100);
  EXPECT_GT(db.CountRows("SELECT count(*) FROM declaration_revisions "
                         "WHERE revision = 2 AND reason IS NOT NULL"),
            30);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM declaration_revisions "
                         "WHERE submitted_on > '2026-11-23' OR submitted_on <= month"),
            0);
  // Accommodations open the whole time that never declared anything.
  EXPECT_GE(db.CountRows("SELECT count(*) FROM accommodations a WHERE ceased_on IS NULL "
                         "AND (opened_on IS NULL OR opened_on < '2024-11-01') AND NOT EXISTS "
                         "(SELECT 1 FROM declaration_months m WHERE m.accommodation_id = a.id)"),
            5);

  // Every revision adds up its lines, and the night totals add up the lines too.
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM declaration_revisions r LEFT JOIN (SELECT "
                         "revision_id, sum(tax_cents) AS tax, sum(total_cents) AS total, "
                         "sum(person_nights) AS person_nights FROM declaration_lines GROUP BY "
                         "revision_id) l ON l.revision_id = r.id WHERE r.total_cents <> "
                         "coalesce(l.total, 0) OR r.tax_cents <> coalesce(l.tax, 0) OR "
                         "r.person_nights <> coalesce(l.person_nights, 0)"),
            0);
  EXPECT_EQ(db.CountRows("SELECT count(*) FROM declaration_revisions r WHERE r.total_cents <> "
                         "r.tax_cents + r.additional_cents"),
            0);
  EXPECT_EQ(db.CountRows("SELECT ((SELECT sum(total_cents) FROM declaration_night_totals) - "
                         "(SELECT sum(total_cents) FROM declaration_lines))::bigint"),
            0);
  EXPECT_GT(db.CountRows("SELECT sum(total_cents)::bigint FROM declaration_revisions"), 0);
}

TEST(DemoSeed, BooksTheDemoMoneyInASoundLedger) {
  TestDatabase db(TestDatabase::Schema::kDemo);
  const CollectivityId collectivity(DemoCollectivity(db));
  auto check = db.database().InTransaction(
      [&](persistence::Transaction& tx) -> Result<persistence::LedgerCheck> {
        return persistence::LedgerRepository::Check(tx, collectivity);
      });
  ASSERT_TRUE(check) << check.error().message;
  EXPECT_EQ(check->unbalanced_entries, 0);
  EXPECT_TRUE(check->mismatches.empty());
  EXPECT_EQ(check->debits + check->credits, Money::Zero());
  // Every host owes what its latest revisions total, less what it paid.
  EXPECT_EQ(db.CountRows(
                "SELECT ((SELECT coalesce(sum(r.total_cents), 0) FROM declaration_months m JOIN "
                "declaration_revisions r ON r.accommodation_id = m.accommodation_id AND r.month = "
                "m.month AND r.revision = m.latest_revision) - (SELECT sum(amount_cents) FROM "
                "payments) - (SELECT sum(amount_cents) FROM ledger_postings WHERE account = "
                "'host_receivable'))::bigint"),
            0);
  // Seven hosts in ten paid by a transfer carrying their payment reference; a few by cheque.
  EXPECT_GT(db.CountRows("SELECT count(*) FROM payments WHERE method = 'bank_transfer' AND "
                         "payer_reference LIKE '%TS%'"),
            100);
  EXPECT_GT(db.CountRows("SELECT count(*) FROM payments WHERE method = 'cheque'"), 10);
}

TEST(DemoSeed, SeededAccommodationsAreListedByCommune) {
  TestDatabase db(TestDatabase::Schema::kDemo);
  const std::string collectivity = DemoCollectivity(db);
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
            tx, CollectivityId(collectivity), filter, {0, 500});
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
