// One batch of the calendar: the due steps of a few hosts, taken in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/collectivity.hpp"
#include "persistence/enforcement_step_repository.hpp"
#include "rates/rate_book.hpp"
#include "worker/calendar_pass.hpp"

namespace nuitee::worker {

// What a pass knows of a collectivity that chases.
struct ChasedCollectivity {
  Collectivity collectivity;
  EnforcementPolicy policy;
  Month from{};
  // The rates, read the first time a batch needs an amount (mises en demeure, assessments).
  std::optional<rates::RateBook> rate_book;
  bool rate_book_read = false;
};

using AccommodationsByHost =
    std::unordered_map<std::string, std::vector<const persistence::ChasedAccommodation*>>;

struct BatchOutcome {
  int steps = 0;
  int mails = 0;
  int letters = 0;
  int assessments = 0;
  int hosts_skipped = 0;
};

// Claims the hosts (those another worker holds are skipped), reads their procedure again under
// the lock, and takes what is still due. Fails (the caller rolls back) when a letter cannot be
// rendered or a mail cannot be queued for a reason other than a bad address.
Result<BatchOutcome> TakeHostBatch(persistence::Transaction& tx, ChasedCollectivity& chased,
                                   const std::vector<std::string>& hosts,
                                   const AccommodationsByHost& accommodations,
                                   const CalendarPassOptions& options);

}  // namespace nuitee::worker
