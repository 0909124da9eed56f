// The demo's declarations through the domain and the declaration repository.
#include "demo/seed_declarations.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "demo/declarations.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/deliberation_repository.hpp"

namespace nuitee::demo {
namespace {

using persistence::DeclarationRepository;
using persistence::Transaction;

constexpr const char* kActor = "seed-demo";

// The years of every night declared, for one rate book loaded once.
std::pair<int, int> YearsOfAll(const std::vector<DemoDeclaration>& declarations) {
  std::pair<int, int> years{9999, 0};
  for (const auto& declaration : declarations) {
    for (const auto& submission : declaration.submissions) {
      const auto [first, last] = YearsOf(declaration.month, submission.stays);
      years = {std::min(years.first, first), std::max(years.second, last)};
    }
  }
  return years;
}

std::map<std::string, std::vector<Classification>> HistoriesOf(const DemoTerritory& territory) {
  std::map<std::string, std::vector<Classification>> histories;
  for (const auto& classification : territory.classifications) {
    histories[classification.accommodation_id.value()].push_back(classification);
  }
  return histories;
}

// Every submission checked and computed by the domain, before anything is written.
struct Prepared {
  std::vector<std::pair<const Accommodation*, Month>> months;               // each once
  std::vector<std::pair<std::size_t, persistence::NewRevision>> revisions;  // month index, what
};

Result<Prepared> PrepareAll(const DemoTerritory& territory,
                            const std::vector<DemoDeclaration>& declarations,
                            const Collectivity& collectivity, const rates::RateBook& book,
                            RefusedSubmission refused, DeclarationsReport& report) {
  const auto histories = HistoriesOf(territory);
  const std::vector<Classification> unclassified;
  Prepared prepared;
  for (const auto& declaration : declarations) {
    const Accommodation& accommodation = territory.accommodations[declaration.accommodation];
    const auto found = histories.find(accommodation.id.value());
    const auto& history = found == histories.end() ? unclassified : found->second;
    const std::size_t month = prepared.months.size();
    prepared.months.emplace_back(&accommodation, declaration.month);
    for (const auto& each : declaration.submissions) {
      auto submission = PrepareSubmission(accommodation, history, declaration.month, each.kind,
                                          each.stays, collectivity.declarations, book,
                                          collectivity.rounding_mode, each.submitted_on);
      if (!submission) {
        persistence::LogInternal("seed_demo_declaration_refused",
                                 accommodation.id.value() + " " +
                                     FormatIsoMonth(declaration.month) + ": " +
                                     submission.error().message);
        if (refused == RefusedSubmission::kFail) return Fail(Error::Internal());
        ++report.skipped;
        break;  // a correction of a submission left out has nothing to correct
      }
      prepared.revisions.emplace_back(
          month, persistence::NewRevision{std::move(*submission), collectivity.rounding_mode,
                                          kActor, each.submitted_on, each.reason});
    }
  }
  return prepared;
}

// Thousands of months and revisions: a few round trips of each kind rather than one per
// submission (16,000 round trips took 12 s on a busy machine). A month touched but whose first
// submission was refused stays "to declare", as a host's refused submission would leave it.
void AppendAll(Transaction& tx, Prepared& prepared) {
  constexpr std::size_t kMonthsPerBatch = 2000;
  constexpr std::size_t kRevisionsPerBatch = 250;  // about 1 MB of JSON with the explanations
  std::vector<persistence::DeclarationMonth> months;
  for (std::size_t from = 0; from < prepared.months.size(); from += kMonthsPerBatch) {
    const auto to = std::min(prepared.months.size(), from + kMonthsPerBatch);
    auto locked = DeclarationRepository::LockMonths(
        tx, {prepared.months.begin() + from, prepared.months.begin() + to});
    std::move(locked.begin(), locked.end(), std::back_inserter(months));
  }
  std::vector<persistence::PendingRevision> batch;
  for (auto& [month, revision] : prepared.revisions) {
    batch.push_back({prepared.months[month].first, &months[month], std::move(revision)});
    if (batch.size() == kRevisionsPerBatch) {
      DeclarationRepository::AppendRevisions(tx, batch);
      batch.clear();
    }
  }
  if (!batch.empty()) DeclarationRepository::AppendRevisions(tx, batch);
}

}  // namespace

Result<DeclarationsReport> InsertMissingDeclarations(Transaction& tx,
                                                     const DemoTerritory& territory,
                                                     const CollectivityId& collectivity_id,
                                                     Day today, RefusedSubmission refused) {
  DeclarationsReport report;
  if (DeclarationRepository::AnyMonth(tx, collectivity_id)) return report;
  auto collectivity = persistence::CollectivityRepository::Find(tx, collectivity_id);
  if (!collectivity) return Fail(collectivity.error());
  const auto declarations = MakeDemoDeclarations(territory, collectivity->declarations, today);
  if (declarations.empty()) return report;
  const auto [first_year, last_year] = YearsOfAll(declarations);
  auto book =
      persistence::DeliberationRepository::LoadRateBook(tx, collectivity_id, first_year, last_year);
  if (!book) return Fail(book.error());
  auto prepared = PrepareAll(territory, declarations, *collectivity, *book, refused, report);
  if (!prepared) return Fail(prepared.error());
  AppendAll(tx, *prepared);
  report.revisions = static_cast<int>(prepared->revisions.size());
  return report;
}

}  // namespace nuitee::demo
