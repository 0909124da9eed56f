// The pass: per collectivity, the facts in bulk, then the due steps host batch by host batch.
#include "worker/calendar_pass.hpp"

#include "persistence/collectivity_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "worker/due_steps.hpp"
#include "worker/host_batch.hpp"

namespace nuitee::worker {
namespace {

using persistence::ChasedAccommodation;
using persistence::EnforcementStepRepository;

// The facts of one collectivity, read in one transaction with a few set-based queries.
struct CollectivityFacts {
  ChasedCollectivity chased;
  std::vector<ChasedAccommodation> accommodations;
  AccommodationsByHost by_host;
  std::vector<std::string> hosts_with_due_steps;  // in a stable order
};

Result<CollectivityFacts> ReadFacts(persistence::Database& database, const CollectivityId& id,
                                    Day today) {
  CollectivityFacts facts;
  auto read = database.Run([&](persistence::Transaction& tx) -> Status {
    auto collectivity = persistence::CollectivityRepository::Find(tx, id);
    if (!collectivity) return Fail(collectivity.error());
    facts.chased.collectivity = std::move(*collectivity);
    facts.chased.policy = persistence::EnforcementSettingsRepository::Latest(tx, id).policy;
    if (!facts.chased.policy.chased_from) return {};
    facts.chased.from = *facts.chased.policy.chased_from;
    const auto months = ChasedMonths(facts.chased.policy, today);
    if (months.empty()) return {};
    auto candidates =
        EnforcementStepRepository::Candidates(tx, id, facts.chased.from, months.back());
    facts.accommodations = std::move(candidates.accommodations);
    std::vector<std::string> hosts;
    for (const auto& accommodation : facts.accommodations) {
      if (hosts.empty() || hosts.back() != accommodation.host_id) {
        hosts.push_back(accommodation.host_id);  // sorted by host
      }
    }
    if (hosts.empty()) return {};
    auto state = EnforcementStepRepository::State(tx, id, facts.chased.from, hosts,
                                                  EnforcementStepRepository::Declared::kSkip);
    state.declared = std::move(candidates.declared);
    std::vector<DueStep> due;
    for (const auto& accommodation : facts.accommodations) {
      const std::size_t before = due.size();
      AppendDueSteps(accommodation, state, facts.chased.policy,
                     facts.chased.collectivity.declarations, today, due);
      if (due.size() == before) continue;
      if (facts.by_host.try_emplace(accommodation.host_id).second) {
        facts.hosts_with_due_steps.push_back(accommodation.host_id);
      }
    }
    return {};
  });
  if (!read) return Fail(read.error());
  // Every accommodation of a host with something due goes with it: the batch decides again.
  for (const auto& accommodation : facts.accommodations) {
    const auto found = facts.by_host.find(accommodation.host_id);
    if (found != facts.by_host.end()) found->second.push_back(&accommodation);
  }
  return facts;
}

bool StopRequested(const CalendarPassOptions& options) {
  return options.stop_requested && options.stop_requested();
}

void RunBatches(persistence::Database& database, CollectivityFacts& facts,
                const CalendarPassOptions& options, CalendarPassReport& report) {
  const auto& hosts = facts.hosts_with_due_steps;
  for (std::size_t start = 0; start < hosts.size(); start += options.hosts_per_batch) {
    if (StopRequested(options)) {
      report.stopped = true;
      return;
    }
    const std::size_t end = std::min(hosts.size(), start + options.hosts_per_batch);
    const std::vector<std::string> batch(hosts.begin() + long(start), hosts.begin() + long(end));
    auto outcome = database.InTransaction([&](persistence::Transaction& tx) {
      return TakeHostBatch(tx, facts.chased, batch, facts.by_host, options);
    });
    if (!outcome) {
      ++report.batches_failed;
      persistence::LogInternal("enforcement_batch_failed", outcome.error().message);
      continue;
    }
    report.steps_taken += outcome->steps;
    report.mails_queued += outcome->mails;
    report.letters += outcome->letters;
    report.assessments += outcome->assessments;
    report.hosts_skipped += outcome->hosts_skipped;
    if (options.on_batch_committed) options.on_batch_committed(outcome->steps);
  }
}

}  // namespace

Result<CalendarPassReport> RunCalendarPass(persistence::Database& database,
                                           const CalendarPassOptions& options) {
  std::vector<CollectivityId> chased;
  auto listed = database.Run([&](persistence::Transaction& tx) -> Status {
    chased = EnforcementStepRepository::ChasedCollectivities(tx);
    return {};
  });
  if (!listed) return Fail(listed.error());
  CalendarPassReport report;
  for (const auto& id : chased) {
    if (StopRequested(options)) {
      report.stopped = true;
      break;
    }
    auto facts = ReadFacts(database, id, options.today);
    if (!facts) {
      if (facts.error().code == ErrorCode::kUnavailable) return Fail(facts.error());
      ++report.batches_failed;
      continue;
    }
    ++report.collectivities;
    RunBatches(database, *facts, options, report);
    if (report.stopped) break;
  }
  return report;
}

}  // namespace nuitee::worker
