// A fiscal year's budget lines for the taxe de séjour, as finance enters them (issue 7, "The
// budget"): the forecast revenue, the additional taxes expected to be passed on to each
// beneficiary (taxe-de-sejour.md §5, CGCT L. 3333-1), and the tourist office's allocation with its
// schedule of instalments (code du tourisme L. 133-7). Each change is a new version (budget
// primitif, then décisions modificatives); the latest is in force.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"

namespace nuitee {

enum class BudgetStage { kBudgetPrimitif, kBudgetSupplementaire, kDecisionModificative };
std::string_view BudgetStageCode(BudgetStage stage);   // "budget_primitif"...
std::string_view BudgetStageLabel(BudgetStage stage);  // "Budget primitif"...
std::optional<BudgetStage> ParseBudgetStage(std::string_view code);

struct ExpectedBeneficiary {
  std::string beneficiary;  // the code of its additional_tax_payable account: "departement"...
  std::string label;        // French, as printed: "Département du Cantal"
  Money expected = Money::Zero();
  friend bool operator==(const ExpectedBeneficiary&, const ExpectedBeneficiary&) = default;
};

struct Instalment {
  int number = 1;  // 1, 2... in the order of their due dates
  Day due_on{};
  Money amount = Money::Zero();
  friend bool operator==(const Instalment&, const Instalment&) = default;
};

struct BudgetLines {
  BudgetStage stage = BudgetStage::kBudgetPrimitif;
  std::string decision_reference;  // "DM n° 2, délibération du 12 juin 2026"
  std::optional<Day> decided_on;
  Money forecast_tax = Money::Zero();  // the collectivity's own revenue (chapter 73), add-ons out
  std::vector<ExpectedBeneficiary> beneficiaries;
  Money tourist_office = Money::Zero();
  std::vector<Instalment> instalments;
  std::string note;
  friend bool operator==(const BudgetLines&, const BudgetLines&) = default;
};

// Every problem at once, as JSON pointers into the body: amounts not negative, beneficiaries
// named once, instalments numbered 1..n in the order of their due dates, within the fiscal year or
// the next one (an allocation may be settled early the year after), adding up to the allocation.
Status ValidateBudgetLines(const BudgetLines& lines, int fiscal_year);

// What changed from one version to the next, one French sentence per change ("Recettes prévues :
// 120 000,00 € → 135 000,00 €"), for the history.
std::vector<std::string> DescribeBudgetChanges(const BudgetLines& before, const BudgetLines& after);

// A beneficiary's name from the code of its payable account: the additional tax's French label
// (rates/additional_tax) for a known one ("departement"), the label itself for "other:<label>".
std::string BeneficiaryName(std::string_view code);

// "1 234,56 €" (rates/french_format).
std::string EurosText(Money amount);

}  // namespace nuitee
