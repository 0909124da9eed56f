// Loading the demo territory through the repositories, in one transaction.
#include "demo/seed.hpp"

#include <map>
#include <string>

#include "demo/deliberations.hpp"
#include "demo/seed_accounts.hpp"
#include "demo/seed_declarations.hpp"
#include "demo/seed_enforcement.hpp"
#include "demo/seed_payments.hpp"
#include "demo/territory.hpp"
#include "domain/audit.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/audit_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/deliberation_repository.hpp"
#include "persistence/host_repository.hpp"

namespace nuitee::demo {
namespace {

using persistence::Transaction;

constexpr const char* kActor = "seed-demo";

void AuditCreation(Transaction& tx, const CollectivityId& collectivity, EntityKind kind,
                   const std::string& id) {
  AuditEntry entry;
  entry.entity_kind = kind;
  entry.entity_id = id;
  entry.version = 1;
  entry.action = "created";
  entry.actor = kActor;
  persistence::AuditRepository::Append(tx, collectivity, entry);
}

// Returns each host's legal name by id: accommodations store it for free-text search.
Result<std::map<std::string, std::string>> InsertHosts(Transaction& tx,
                                                       const DemoTerritory& territory) {
  std::map<std::string, std::string> names;
  for (const auto& host : territory.hosts) {
    auto saved = persistence::HostRepository::Insert(tx, host);
    if (!saved) return Fail(saved.error());
    AuditCreation(tx, territory.collectivity.id, EntityKind::kHost, saved->id.value());
    names[saved->id.value()] = saved->legal_name;
  }
  return names;
}

Status InsertAccommodations(Transaction& tx, const DemoTerritory& territory,
                            const std::map<std::string, std::string>& host_names) {
  for (const auto& accommodation : territory.accommodations) {
    auto saved = persistence::AccommodationRepository::Insert(
        tx, accommodation, host_names.at(accommodation.host_id.value()));
    if (!saved) return Fail(saved.error());
    AuditCreation(tx, territory.collectivity.id, EntityKind::kAccommodation, saved->id.value());
  }
  return {};
}

Status InsertClassifications(Transaction& tx, const DemoTerritory& territory) {
  std::map<std::string, Nature> natures;
  for (const auto& accommodation : territory.accommodations) {
    natures[accommodation.id.value()] = accommodation.nature;
  }
  for (const auto& classification : territory.classifications) {
    const Nature nature = natures.at(classification.accommodation_id.value());
    auto saved = persistence::ClassificationRepository::Insert(
        tx, territory.collectivity.id, classification,
        ClassifiedCategory(nature, classification.rank), kActor);
    if (!saved) return Fail(saved.error());
  }
  return {};
}

// The deliberations of the years that have none yet: a database seeded before the rates engine
// existed gets them on the next `seed-demo`, and a second run adds nothing.
Result<int> InsertMissingDeliberations(Transaction& tx, const DemoTerritory& territory,
                                       const CollectivityId& collectivity) {
  int inserted = 0;
  for (const auto& deliberation : DemoDeliberations(territory)) {
    using persistence::DeliberationRepository;
    if (DeliberationRepository::Latest(tx, collectivity, deliberation.year)) continue;
    auto saved = DeliberationRepository::Append(tx, collectivity, deliberation, kActor,
                                                persistence::kSourceDemo, std::nullopt);
    if (!saved) return Fail(saved.error());
    ++inserted;
  }
  return inserted;
}

// What a territory may lack, whether loaded now or by an earlier version of the seed: the
// deliberations first, since declarations are computed with them.
Status CompleteTerritory(Transaction& tx, const DemoTerritory& territory,
                         const CollectivityId& collectivity, Day today, RefusedSubmission refused,
                         SeedReport& report) {
  auto deliberations = InsertMissingDeliberations(tx, territory, collectivity);
  if (!deliberations) return Fail(deliberations.error());
  report.deliberations = *deliberations;
  auto declarations = InsertMissingDeclarations(tx, territory, collectivity, today, refused);
  if (!declarations) return Fail(declarations.error());
  report.declaration_revisions = declarations->revisions;
  report.declarations_skipped = declarations->skipped;
  auto accounts = InsertMissingAccounts(tx, collectivity);
  if (!accounts) return Fail(accounts.error());
  report.accounts = *accounts;
  InsertMissingEnforcementSettings(tx, collectivity, today);
  auto payments = InsertMissingPayments(tx, collectivity, today);
  if (!payments) return Fail(payments.error());
  report.payments = *payments;
  return {};
}

Result<SeedReport> Load(Transaction& tx, const DemoTerritory& territory, Day today) {
  const auto existing =
      persistence::CollectivityRepository::FindBySiren(tx, territory.collectivity.siren);
  if (existing) {
    SeedReport report{true, existing->id.value(), 0, 0, 0};
    auto completed =
        CompleteTerritory(tx, territory, existing->id, today, RefusedSubmission::kSkip, report);
    if (!completed) return Fail(completed.error());
    return report;
  }
  auto collectivity = persistence::CollectivityRepository::Insert(tx, territory.collectivity);
  if (!collectivity) return Fail(collectivity.error());
  AuditCreation(tx, collectivity->id, EntityKind::kCollectivity, collectivity->id.value());
  auto host_names = InsertHosts(tx, territory);
  if (!host_names) return Fail(host_names.error());
  if (auto done = InsertAccommodations(tx, territory, *host_names); !done)
    return Fail(done.error());
  if (auto done = InsertClassifications(tx, territory); !done) return Fail(done.error());
  SeedReport report{false, collectivity->id.value(), static_cast<int>(territory.hosts.size()),
                    static_cast<int>(territory.accommodations.size()),
                    static_cast<int>(territory.classifications.size())};
  auto completed =
      CompleteTerritory(tx, territory, collectivity->id, today, RefusedSubmission::kFail, report);
  if (!completed) return Fail(completed.error());
  return report;
}

}  // namespace

Result<SeedReport> SeedDemo(persistence::Database& database) {
  return SeedDemo(database, kDemoReferenceDay);
}

Result<SeedReport> SeedDemo(persistence::Database& database, Day today) {
  const DemoTerritory territory = GenerateDemoTerritory(today);
  // A generator bug must not half-load the register: check everything before the first insert.
  if (auto valid = ValidateDemoTerritory(territory); !valid) {
    persistence::LogInternal("seed_demo_invalid", valid.error().message);
    return Fail(Error::Internal());
  }
  auto report = database.InTransaction(
      [&](Transaction& tx) -> Result<SeedReport> { return Load(tx, territory, today); });
  if (!report) return report;
  // The demo is served, tested and copied at once: with fresh statistics, not autovacuum's later.
  if (auto analysed = database.Analyze(); !analysed) return Fail(analysed.error());
  return report;
}

}  // namespace nuitee::demo
