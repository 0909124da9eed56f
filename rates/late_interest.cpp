// Late-payment interest: 0,20 % per month started (L. 2333-38).
#include "rates/late_interest.hpp"

#include "rates/exact_cents.hpp"
#include "rates/int128.hpp"

namespace nuitee::rates {
namespace {

// `day` + `months`, the day of month clamped to the month's last (31 January + 1 = 28 February).
Day PlusMonths(Day day, int months) {
  const date::year_month target = date::year_month{day.year(), day.month()} + date::months{months};
  const date::day last = date::year_month_day_last{target.year(), target.month() / date::last}.day();
  return Day{target.year(), target.month(), std::min(day.day(), last)};
}

}  // namespace

int MonthsStarted(Day due_on, Day paid_on) {
  if (paid_on <= due_on) return 0;
  // At most a few hundred months in practice: counting is clearer than dividing.
  int months = 1;
  while (paid_on > PlusMonths(due_on, months)) ++months;
  return months;
}

Money LateInterest(Money amount, Day due_on, Day paid_on) {
  const int months = MonthsStarted(due_on, paid_on);
  const Int128 numerator =
      CheckedMul(CheckedMul(amount.cents(), kLateInterestPerMonth.value), months);
  return ExactCents{numerator, kBasisPointsPerUnit}.RoundedHalfUp();
}

}  // namespace nuitee::rates
