// What route handlers are given: the database, "today" (injected so tests can move time), the
// simulator's cache and the mail sender's wake-up call.
#pragma once

#include <functional>
#include <memory>

#include "domain/core/dates.hpp"
#include "api/rate_cache.hpp"
#include "persistence/database.hpp"

namespace nuitee::api {

struct Services {
  persistence::Database& database;
  std::function<Day()> today;
  // The simulator's rate contexts; write routes call rate_cache->Invalidate().
  std::shared_ptr<RateCache> rate_cache = std::make_shared<RateCache>();
  // Called after a mail was queued, so that the background sender (when there is one) sends it
  // now rather than at its next poll.
  std::function<void()> wake_mail_delivery = [] {};
};

// Today's date in Europe/Paris, where every collectivity we serve keeps its calendar.
Day ParisToday();

}  // namespace nuitee::api
