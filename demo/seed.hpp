// `nuitee seed-demo`: loads the demo territory once; later runs change nothing.
#pragma once

#include <string>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "persistence/database.hpp"

namespace nuitee::demo {

struct SeedReport {
  bool already_loaded = false;
  std::string collectivity_id;
  int hosts = 0;  // rows inserted by this run (0 when already loaded)
  int accommodations = 0;
  int classifications = 0;
  int deliberations = 0;          // demo deliberations (2024–2026) added by this run
  int declaration_revisions = 0;  // submissions and corrections of months added by this run
  int declarations_skipped = 0;   // refused by the domain on an edited register (see below)
  int accounts = 0;               // demo accounts (demo/seed_accounts.hpp) added by this run
  int payments = 0;               // demo payments (demo/seed_payments.hpp) added by this run
};

// Loads the territory generated for kDemoReferenceDay (2026-11-23), a fixed day rather than the
// clock, so that the demo is the same on every machine and every day it is installed.
Result<SeedReport> SeedDemo(persistence::Database& database);

// Loads the territory generated for `today`, in one transaction through the repositories, with
// one "created" audit entry per collectivity, host and accommodation, then its two years of
// declarations (demo/declarations.hpp). When a collectivity with the demo SIREN exists already,
// reports already_loaded and only adds what a territory seeded by an earlier version lacks: the
// demo deliberations of years that have none, and the declarations if it has none. A submission
// the domain then refuses (the register was edited since) is left out and counted.
Result<SeedReport> SeedDemo(persistence::Database& database, Day today);

}  // namespace nuitee::demo
