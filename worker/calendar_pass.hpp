// One pass of the enforcement calendar (issue 6) over every collectivity that chases: the steps
// due today are taken in batches of hosts, each batch in one transaction that claims its hosts
// (FOR NO KEY UPDATE SKIP LOCKED), checks again what is due, inserts the steps (the unique
// constraint is the backstop), queues one mail per host and kind, renders the mises en demeure and
// proposes the taxations d'office. Several passes may run at once, in several processes.
#pragma once

#include <functional>
#include <string>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "letters/letters.hpp"
#include "persistence/database.hpp"

namespace nuitee::worker {

// letters::RenderFormalNotice in production; injected so that this library does not depend on how
// PDFs are made.
using FormalNoticeRenderer = std::function<Result<std::string>(const letters::FormalNoticeLetter&)>;

struct CalendarPassOptions {
  Day today{};                   // injected: tests run a whole year in seconds
  std::string actor = "worker";  // created_by of the steps, the mails and the letters
  std::string portal_url;        // written in the mails
  std::size_t hosts_per_batch = 200;
  FormalNoticeRenderer render_formal_notice;
  std::function<bool()> stop_requested;  // checked between batches
  // Called after each committed batch with the number of steps it took (tests, logs).
  std::function<void(int steps)> on_batch_committed;
};

struct CalendarPassReport {
  int collectivities = 0;
  int steps_taken = 0;
  int mails_queued = 0;
  int letters = 0;
  int assessments = 0;
  int hosts_skipped = 0;   // held by another worker: found again next pass
  int batches_failed = 0;  // rolled back (logged): found again next pass
  bool stopped = false;    // stop_requested said so between two batches
};

// kUnavailable when the database cannot be reached at all; a batch that fails is rolled back,
// counted and logged, and the pass goes on.
Result<CalendarPassReport> RunCalendarPass(persistence::Database& database,
                                           const CalendarPassOptions& options);

}  // namespace nuitee::worker
