// The worklist of non-declarers from the register's facts.
#include "api/routes/non_declarers.hpp"

#include "domain/declaration.hpp"
#include "domain/missing_month.hpp"
#include "rates/office_assessment.hpp"

namespace nuitee::api {
namespace {

ChaseFacts FactsOf(const persistence::UndeclaredMonth& row, std::optional<Month> enforcement_from) {
  ChaseFacts facts;
  facts.month = row.month;
  facts.enforcement_from = enforcement_from;
  facts.host_archived = row.host_archived;
  facts.opened_on = row.opened_on;
  facts.ceased_on = row.ceased_on;
  facts.closures = row.closures;
  facts.marketing = row.marketing;
  facts.declared = false;  // the repository reads only months without a submission
  facts.sworn_statement = row.sworn_statement;
  // The worklist shows hosts on hold (flagged): holding stops the steps, not the debt.
  facts.on_hold = false;
  return facts;
}

// The step furthest along the calendar, which is the latest taken: steps follow its order.
std::optional<TakenStep> Latest(const std::vector<TakenStep>& taken) {
  std::optional<TakenStep> latest;
  for (const TakenStep& step : taken) {
    if (!latest || step.kind > latest->kind) latest = step;
  }
  return latest;
}

bool KeepsMonth(const WorklistMonth& month, const WorklistFilters& filters) {
  if (filters.period && month.month != *filters.period) return false;
  if (!filters.step) return true;
  if (*filters.step == "none") return !month.current.has_value();
  return month.current && EnforcementStepName(month.current->kind) == *filters.step;
}

WorklistMonth MonthOf(const persistence::UndeclaredMonth& row, const TakenSteps& steps,
                      const CategoryPeriods& periods, const Collectivity& collectivity,
                      const EnforcementPolicy& policy, const rates::RateBook& book, Day today) {
  WorklistMonth month;
  month.month = row.month;
  month.due_on = DeclarationDueOn(row.month, collectivity.declarations);
  static const std::vector<TakenStep> kNone;
  const auto found = steps.find({row.accommodation_id, FormatIsoMonth(row.month)});
  const std::vector<TakenStep>& taken = found == steps.end() ? kNone : found->second;
  month.current = Latest(taken);
  if (!row.on_hold) {
    month.next = FollowingStep(row.month, taken, collectivity.declarations, policy.delays, today);
  }
  auto amount = AmountAtStake(row, periods, book);
  if (amount) {
    month.at_stake = *amount;
  } else {
    month.at_stake_problem = amount.error().message;
  }
  return month;
}

}  // namespace

std::optional<std::pair<Month, Month>> ChasedRange(const EnforcementPolicy& policy, Day today) {
  if (!policy.chased_from) return std::nullopt;
  const Month last = Month{today.year(), today.month()} - date::months{1};
  if (*policy.chased_from > last) return std::nullopt;
  return std::pair{*policy.chased_from, last};
}

bool HadToDeclare(const persistence::UndeclaredMonth& month) {
  return !WhyNotChased(FactsOf(month, month.month)).has_value();
}

Result<Money> AmountAtStake(const persistence::UndeclaredMonth& month,
                            const CategoryPeriods& periods, const rates::RateBook& book) {
  const auto open = OpenNightsIn(month.month, month.opened_on, month.ceased_on, month.closures);
  if (!open) return Money::Zero();
  static const std::vector<CategoryPeriod> kUnclassified;
  const auto found = periods.find(month.accommodation_id);
  const auto categories = CategoriesOfNights(
      *open, found == periods.end() ? kUnclassified : found->second, month.unclassified_category);
  auto assessed = rates::ComputeOfficeAssessment(
      {month.commune_insee_code, open->first_night, open->nights, month.capacity_persons},
      categories, book);
  if (!assessed) return Fail(assessed.error());
  return assessed->total;
}

Worklist BuildWorklist(const std::vector<persistence::UndeclaredMonth>& undeclared,
                       const TakenSteps& steps, const CategoryPeriods& periods,
                       const Collectivity& collectivity, const EnforcementPolicy& policy,
                       const rates::RateBook& book, Day today, const WorklistFilters& filters) {
  Worklist worklist;
  for (const auto& row : undeclared) {
    if (WhyNotChased(FactsOf(row, policy.chased_from))) continue;
    WorklistMonth month = MonthOf(row, steps, periods, collectivity, policy, book, today);
    if (!KeepsMonth(month, filters)) continue;
    // Rows come by accommodation then month: a new accommodation starts a new entry.
    if (worklist.entries.empty() ||
        worklist.entries.back().facts.accommodation_id != row.accommodation_id) {
      worklist.entries.push_back({row, {}, Money::Zero()});
    }
    WorklistEntry& entry = worklist.entries.back();
    if (month.at_stake) {
      entry.at_stake += *month.at_stake;
      worklist.at_stake += *month.at_stake;
    }
    entry.months.push_back(std::move(month));
    ++worklist.months;
  }
  return worklist;
}

}  // namespace nuitee::api
