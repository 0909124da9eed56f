// Loading the demo's declarations: every submission is checked and computed by the domain
// (PrepareSubmission, the rates engine with the demo deliberations) and appended through the
// declaration repository, in the seed's transaction.
#pragma once

#include "demo/territory.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "persistence/database.hpp"

namespace nuitee::demo {

// What to do when the domain refuses a generated submission. On a fresh load it is a bug of the
// generator, and nothing is loaded; on a territory loaded earlier, the register may have been
// edited since (an accommodation ceased, a classification recorded), and that month is left out.
enum class RefusedSubmission { kFail, kSkip };

struct DeclarationsReport {
  int revisions = 0;  // revisions appended (first submissions and corrections)
  int skipped = 0;    // submissions left out (RefusedSubmission::kSkip only)
};

// Appends the declarations of MakeDemoDeclarations(territory, ..., today) unless the collectivity
// already has a declaration month (a second run adds nothing).
Result<DeclarationsReport> InsertMissingDeclarations(persistence::Transaction& tx,
                                                     const DemoTerritory& territory,
                                                     const CollectivityId& collectivity, Day today,
                                                     RefusedSubmission refused);

}  // namespace nuitee::demo
