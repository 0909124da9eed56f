// Late-payment interest finance charges on one accommodation-month (CGCT L. 2333-38 and
// L. 2333-46; taxe-de-sejour.md §8): 0,20 % for each month started between the month's due day
// and the day of payment, on what had not been paid by the due day (rates/late_interest).
#pragma once

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"

namespace nuitee {

struct LateInterestCharge {
  Money base = Money::Zero();  // owed by the due day and not paid by then
  Day due_on{};
  Day paid_on{};               // the day of the late payment, or the day of the charge
  int months_started = 0;
  Money interest = Money::Zero();
};

// `owed` is what the month stands at now (declared and assessed), `paid_by_due_day` what the
// payments made by the due day paid to it. kRuleViolation (field /paid_on or /month) when nothing
// was late: paid on or before the due day, nothing left unpaid then, or an interest of 0 €.
Result<LateInterestCharge> ChargeLateInterest(Money owed, Money paid_by_due_day, Day due_on,
                                              Day paid_on);

}  // namespace nuitee
