// What route handlers are given: the database and "today" (injected so tests can move time).
#pragma once

#include <functional>

#include "domain/core/dates.hpp"
#include "persistence/database.hpp"

namespace nuitee::api {

struct Services {
  persistence::Database& database;
  std::function<Day()> today;
};

// Today's date in Europe/Paris, where every collectivity we serve keeps its calendar.
Day ParisToday();

}  // namespace nuitee::api
