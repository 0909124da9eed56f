// Deliberations and loaded legal grids on a real database: versions, append-only tables, tenant
// scoping, the stored document's round trip, the rate book's load, and the rounding setting.
#include "persistence/deliberation_repository.hpp"

#include <gtest/gtest.h>

#include "persistence/collectivity_repository.hpp"
#include "persistence/deliberation_admission.hpp"
#include "persistence/legal_grid_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

using namespace date::literals;
using testing::SampleCollectivity;

rates::Deliberation SampleDeliberation(int year) {
  rates::Deliberation deliberation;
  deliberation.year = year;
  deliberation.adopted_on = Day{date::year{year - 1}, date::June, date::day{20}};
  deliberation.perception_periods = {{Day{date::year{year}, date::January, date::day{1}},
                                      Day{date::year{year}, date::December, date::day{31}}}};
  deliberation.tariffs = {Money::Cents(400), Money::Cents(230), Money::Cents(165),
                          Money::Cents(110), Money::Cents(80),  Money::Cents(70),
                          Money::Cents(55),  Money::Cents(20)};
  deliberation.unclassified_rate = {500};
  deliberation.abatements = {{{3000}, 1, 60}, {{5000}, 61, std::nullopt}};
  deliberation.communes = {"15138"};
  deliberation.additional_taxes = {{rates::Beneficiary::kDepartement,
                                    "",
                                    {1000},
                                    Day{date::year{year}, date::January, date::day{1}},
                                    std::nullopt}};
  return deliberation;
}

class DeliberationRepositoryTest : public ::testing::Test {
 protected:
  template <class Work>
  auto InTx(Work&& work) {
    return db_.database().InTransaction(std::forward<Work>(work));
  }
  Collectivity MakeCollectivity(const std::string& siren) {
    auto made = InTx([&](Transaction& tx) {
      return CollectivityRepository::Insert(tx, SampleCollectivity(siren));
    });
    EXPECT_TRUE(made) << made.error().message;
    return *made;
  }
  StoredDeliberation Append(const CollectivityId& id, const rates::Deliberation& deliberation,
                            std::optional<std::string> reason = std::nullopt) {
    auto stored = InTx([&](Transaction& tx) {
      return DeliberationRepository::Append(tx, id, deliberation, "agent", kSourceApi, reason);
    });
    EXPECT_TRUE(stored) << stored.error().message;
    return *stored;
  }

  testing::TestDatabase db_;
};

TEST_F(DeliberationRepositoryTest, NumbersTheVersionsOfAYearAndKeepsThemAll) {
  const Collectivity collectivity = MakeCollectivity("200066637");
  const auto first = Append(collectivity.id, SampleDeliberation(2026), "Conseil du 20 juin");
  rates::Deliberation changed = SampleDeliberation(2026);
  changed.unclassified_rate = {400};
  const auto second = Append(collectivity.id, changed);
  const auto other_year = Append(collectivity.id, SampleDeliberation(2025));
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(other_year.version, 1);
  EXPECT_EQ(first.reason, "Conseil du 20 juin");
  EXPECT_EQ(first.source, "api");

  auto read = InTx([&](Transaction& tx) -> Result<std::vector<StoredDeliberation>> {
    std::vector<StoredDeliberation> found;
    found.push_back(*DeliberationRepository::Latest(tx, collectivity.id, 2026));
    found.push_back(*DeliberationRepository::Version(tx, collectivity.id, 2026, 1));
    return found;
  });
  ASSERT_TRUE(read);
  EXPECT_EQ((*read)[0].version, 2);
  EXPECT_EQ((*read)[0].deliberation, changed);
  EXPECT_EQ((*read)[1].deliberation, SampleDeliberation(2026));
  EXPECT_EQ((*read)[1].recorded_by, "agent");
  EXPECT_EQ((*read)[1].recorded_at, first.recorded_at);

  auto versions = InTx([&](Transaction& tx) -> Result<std::vector<StoredDeliberation>> {
    return DeliberationRepository::Versions(tx, collectivity.id, 2026);
  });
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, 1);
  EXPECT_EQ((*versions)[1].version, 2);
  auto years = InTx([&](Transaction& tx) -> Result<std::vector<StoredDeliberation>> {
    return DeliberationRepository::LatestOfEachYear(tx, collectivity.id);
  });
  ASSERT_EQ(years->size(), 2u);
  EXPECT_EQ((*years)[0].deliberation.year, 2025);
  EXPECT_EQ((*years)[1].deliberation.year, 2026);
  EXPECT_EQ((*years)[1].version, 2);
}

TEST_F(DeliberationRepositoryTest, StoresEveryFieldOfADeliberation) {
  const Collectivity collectivity = MakeCollectivity("200066637");
  rates::Deliberation full = SampleDeliberation(2026);
  full.adopted_on.reset();
  full.flat_rate_natures = {"camping", "marina"};
  full.low_rent_threshold = Money::Cents(1250);
  full.perception_periods = {{2026_y / date::April / 1, 2026_y / date::September / 30},
                             {2026_y / date::December / 19, 2026_y / date::December / 31}};
  full.additional_taxes.push_back({rates::Beneficiary::kOther,
                                   "Taxe régionale",
                                   {1000},
                                   2026_y / date::January / 1,
                                   2026_y / date::June / 30});
  Append(collectivity.id, full);
  auto read = InTx([&](Transaction& tx) -> Result<StoredDeliberation> {
    return *DeliberationRepository::Latest(tx, collectivity.id, 2026);
  });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->deliberation, full);
}

TEST_F(DeliberationRepositoryTest, NeverRewritesNorDeletesAVersionOrALoadedGrid) {
  const Collectivity collectivity = MakeCollectivity("200066637");
  Append(collectivity.id, SampleDeliberation(2026));
  ASSERT_TRUE(InTx([&](Transaction& tx) -> Result<LoadedGrid> {
    return LegalGridRepository::Append(tx, *rates::ShippedLegalGrid(2026), "DGCL", "admin");
  }));
  EXPECT_ANY_THROW(db_.Execute("UPDATE deliberations SET reason = 'réécrit'"));
  EXPECT_ANY_THROW(db_.Execute("DELETE FROM deliberations"));
  EXPECT_ANY_THROW(db_.Execute("UPDATE legal_grids SET source = 'réécrit'"));
  EXPECT_ANY_THROW(db_.Execute("DELETE FROM legal_grids"));
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM deliberations WHERE reason IS NULL"), 1);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM legal_grids WHERE source = 'DGCL'"), 1);
}

TEST_F(DeliberationRepositoryTest, NeverShowsACollectivityTheDeliberationsOfAnother) {
  const Collectivity a = MakeCollectivity("200066637");
  const Collectivity b = MakeCollectivity("200066645");
  Append(a.id, SampleDeliberation(2026));
  auto seen = InTx([&](Transaction& tx) -> Result<std::size_t> {
    std::size_t count = DeliberationRepository::Versions(tx, b.id, 2026).size() +
                        DeliberationRepository::LatestOfEachYear(tx, b.id).size();
    if (DeliberationRepository::Latest(tx, b.id, 2026)) ++count;
    if (DeliberationRepository::Version(tx, b.id, 2026, 1)) ++count;
    auto book = DeliberationRepository::LoadRateBook(tx, b.id, 2026, 2026);
    if (book->DeliberationFor(2026) != nullptr) ++count;
    return count;
  });
  ASSERT_TRUE(seen);
  EXPECT_EQ(*seen, 0u);
  // B's first version of 2026 is its own version 1.
  EXPECT_EQ(Append(b.id, SampleDeliberation(2026)).version, 1);
}

TEST_F(DeliberationRepositoryTest, LoadsTheRateBookOfTheYearsAsked) {
  const Collectivity collectivity = MakeCollectivity("200066637");
  Append(collectivity.id, SampleDeliberation(2025));
  Append(collectivity.id, SampleDeliberation(2026));
  rates::Deliberation changed = SampleDeliberation(2026);
  changed.tariffs[0] = Money::Cents(450);
  Append(collectivity.id, changed);
  Append(collectivity.id, SampleDeliberation(2024));
  rates::LegalGrid official = *rates::ShippedLegalGrid(2026);
  official.rows[0].ceiling = Money::Cents(600);
  ASSERT_TRUE(InTx([&](Transaction& tx) -> Result<LoadedGrid> {
    return LegalGridRepository::Append(tx, official, "Note DGCL 2026", "admin");
  }));

  auto book = InTx([&](Transaction& tx) {
    return DeliberationRepository::LoadRateBook(tx, collectivity.id, 2025, 2026);
  });
  ASSERT_TRUE(book) << book.error().message;
  ASSERT_NE(book->DeliberationFor(2026), nullptr);
  EXPECT_EQ(book->DeliberationFor(2026)->version, 2);
  EXPECT_EQ(book->DeliberationFor(2026)->deliberation, changed);
  ASSERT_NE(book->DeliberationFor(2025), nullptr);
  EXPECT_EQ(book->DeliberationFor(2025)->version, 1);
  EXPECT_EQ(book->DeliberationFor(2024), nullptr);  // outside the years asked
  ASSERT_NE(book->GridFor(2026), nullptr);
  EXPECT_EQ(book->GridFor(2026)->rows[0].ceiling, Money::Cents(600));
  EXPECT_EQ(book->GridFor(2026)->rows[0].provenance, rates::Provenance::kLoaded);
  EXPECT_EQ(book->GridFor(2026)->rows[0].source, "Note DGCL 2026");
  ASSERT_NE(book->GridFor(2025), nullptr);
  EXPECT_NE(book->GridFor(2025)->rows[0].provenance, rates::Provenance::kLoaded);
}

TEST_F(DeliberationRepositoryTest, KeepsLoadedGridVersionsAndPrefersTheLatest) {
  rates::LegalGrid grid = *rates::ShippedLegalGrid(2026);
  auto loaded = InTx([&](Transaction& tx) -> Result<std::vector<int>> {
    std::vector<int> versions;
    versions.push_back(LegalGridRepository::Append(tx, grid, "v1", "admin").version);
    grid.rows[1].ceiling = Money::Cents(340);
    versions.push_back(LegalGridRepository::Append(tx, grid, "v2", "admin").version);
    return versions;
  });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, (std::vector<int>{1, 2}));
  auto in_force =
      InTx([&](Transaction& tx) -> Result<std::vector<std::optional<rates::LegalGrid>>> {
        return std::vector<std::optional<rates::LegalGrid>>{LegalGridRepository::InForce(tx, 2026),
                                                            LegalGridRepository::InForce(tx, 2025),
                                                            LegalGridRepository::InForce(tx, 2010)};
      });
  ASSERT_TRUE(in_force);
  ASSERT_TRUE((*in_force)[0]);
  EXPECT_EQ((*in_force)[0]->rows[1].ceiling, Money::Cents(340));
  EXPECT_EQ((*in_force)[0]->rows[1].source, "v2");
  ASSERT_TRUE((*in_force)[1]);
  EXPECT_EQ(*(*in_force)[1], *rates::ShippedLegalGrid(2025));
  EXPECT_FALSE((*in_force)[2]);
}

TEST_F(DeliberationRepositoryTest, AdmitsAllDeliberationsOrNone) {
  const Collectivity collectivity = MakeCollectivity("200066637");
  rates::Deliberation stranger = SampleDeliberation(2025);
  stranger.communes = {"15014"};  // not a member commune
  auto refused = InTx([&](Transaction& tx) {
    return AdmitDeliberations(tx, collectivity,
                              {{SampleDeliberation(2026), "/deliberations/0", ""},
                               {stranger, "/deliberations/1", "Ligne 9 : "}},
                              "cli", kSourceDelta, std::nullopt);
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kRuleViolation);
  ASSERT_EQ(refused.error().field_errors.size(), 1u);
  EXPECT_EQ(refused.error().field_errors[0].field, "/deliberations/1/communes/0");
  EXPECT_EQ(refused.error().field_errors[0].message.rfind("Ligne 9 : ", 0), 0u);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM deliberations"), 0);

  auto admitted = InTx([&](Transaction& tx) {
    return AdmitDeliberations(tx, collectivity,
                              {{SampleDeliberation(2026), "/deliberations/0", ""},
                               {SampleDeliberation(2025), "/deliberations/1", ""}},
                              "cli", kSourceDelta, std::nullopt);
  });
  ASSERT_TRUE(admitted) << admitted.error().message;
  ASSERT_EQ(admitted->size(), 2u);
  EXPECT_TRUE((*admitted)[0].created);
  EXPECT_EQ((*admitted)[0].stored.source, "delta");
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM deliberations WHERE source = 'delta'"), 2);
}

TEST_F(DeliberationRepositoryTest, StoresTheCollectivitysRoundingMode) {
  Collectivity collectivity = SampleCollectivity();
  collectivity.rounding_mode = rates::RoundingMode::kPerPersonNight;
  auto saved = InTx([&](Transaction& tx) -> Result<Collectivity> {
    auto inserted = CollectivityRepository::Insert(tx, collectivity);
    if (!inserted) return inserted;
    auto found = CollectivityRepository::Find(tx, inserted->id);
    EXPECT_EQ(found->rounding_mode, rates::RoundingMode::kPerPersonNight);
    found->rounding_mode = rates::RoundingMode::kPerLine;
    return CollectivityRepository::Update(tx, *found, found->version);
  });
  ASSERT_TRUE(saved) << saved.error().message;
  auto found = InTx([&](Transaction& tx) { return CollectivityRepository::Find(tx, saved->id); });
  EXPECT_EQ(found->rounding_mode, rates::RoundingMode::kPerLine);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM collectivities WHERE rounding_mode = 'per_line'"),
            1);
}

}  // namespace
}  // namespace nuitee::persistence
