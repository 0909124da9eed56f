// Late-payment interest (CGCT L. 2333-38 and L. 2333-46, since LF 2019 art. 162; taxe-de-sejour.md
// §8): 0,20 % of the amount paid late for each month started after the due day.
#pragma once

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "rates/basis_points.hpp"

namespace nuitee::rates {

inline constexpr BasisPoints kLateInterestPerMonth{20};  // 0,20 %

// Months started between the due day and the payment: 0 when paid on or before the due day; one
// for a payment up to the same day of the next month (31 January + 1 month = 28 or 29 February),
// two from the day after, and so on.
int MonthsStarted(Day due_on, Day paid_on);

// amount × 0,20 % × months started, rounded half-up to the cent once.
Money LateInterest(Money amount, Day due_on, Day paid_on);

}  // namespace nuitee::rates
