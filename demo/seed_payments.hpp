// The demo's money (issue 7): what the demo's hosts paid, so that statements, the ledger and the
// finance reports have something to show. Seven hosts in ten paid everything they owed a month
// before the demo's day by a transfer carrying their payment reference; one in ten sent a cheque
// for half of it; the others paid nothing yet.
#pragma once

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::demo {

// Records the demo payments unless the collectivity has payments already; answers how many.
Result<int> InsertMissingPayments(persistence::Transaction& tx, const CollectivityId& collectivity,
                                  Day today);

}  // namespace nuitee::demo
