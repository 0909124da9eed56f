// What the reconciliation report of a fiscal year reads (domain/money/reconciliation.hpp): the
// latest declarations' night totals of the year summed per cell (month, commune, nature,
// category) and, for the split of payments, per accommodation (months split over several cells
// one by one), every debt of those months as the ledger books it with its add-ons and what the
// allocation of payments gave it (persistence/money_positions), the budget in force, the year's
// transfers and what platforms declared collecting. A handful of bulk queries.
#pragma once

#include "domain/core/strong_id.hpp"
#include "domain/money/reconciliation.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

ReconciliationInputs ReadReconciliationInputs(Transaction& tx, const CollectivityId& collectivity,
                                              int year);

}  // namespace nuitee::persistence
