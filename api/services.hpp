// What route handlers are given: the database, "today" (injected so tests can move time) and
// the simulator's cache.
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
};

// Today's date in Europe/Paris, where every collectivity we serve keeps its calendar.
Day ParisToday();

}  // namespace nuitee::api
