#include "domain/money/late_interest_charge.hpp"

#include "rates/late_interest.hpp"

namespace nuitee {

Result<LateInterestCharge> ChargeLateInterest(Money owed, Money paid_by_due_day, Day due_on,
                                              Day paid_on) {
  if (paid_on <= due_on) {
    return Fail(Error::RuleViolation(
        {{"/paid_on", "Le paiement n'est pas postérieur à l'échéance : aucun intérêt de retard."}}));
  }
  LateInterestCharge charge;
  charge.base = owed - paid_by_due_day;
  charge.due_on = due_on;
  charge.paid_on = paid_on;
  if (charge.base <= Money::Zero()) {
    return Fail(Error::RuleViolation(
        {{"/month", "Ce mois était entièrement payé à l'échéance : aucun intérêt de retard."}}));
  }
  charge.months_started = rates::MonthsStarted(due_on, paid_on);
  charge.interest = rates::LateInterest(charge.base, due_on, paid_on);
  if (charge.interest <= Money::Zero()) {
    return Fail(Error::RuleViolation(
        {{"/month", "L'intérêt de retard arrondi au centime est nul : rien n'est facturé."}}));
  }
  return charge;
}

}  // namespace nuitee
