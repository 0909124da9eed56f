// `nuitee seed-demo`: loads the demo territory once; later runs change nothing.
#pragma once

#include <string>

#include "domain/core/error.hpp"
#include "persistence/database.hpp"

namespace nuitee::demo {

struct SeedReport {
  bool already_loaded = false;
  std::string collectivity_id;
  int hosts = 0;
  int accommodations = 0;
  int classifications = 0;
};

Result<SeedReport> SeedDemo(persistence::Database& database);

}  // namespace nuitee::demo
