// The reconciliation report of a fiscal year (issue 7, "The budget"): for the months taxed in the
// year, what hosts declared, what was assessed d'office, what the payments paid (as allocated,
// domain/money/payment_allocation.hpp), what is still to recover, set against the budget voted,
// with each additional tax's beneficiary and the tourist office. Pure: the figures come in,
// gathered by persistence/reconciliation_repository; every amount is in cents, every split of an
// amount over several parts is exact (largest remainder), and the rows add up to the totals.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "domain/money/budget.hpp"
#include "domain/money/ledger.hpp"

namespace nuitee {

enum class ReconciliationGroup { kMonth, kQuarter, kYear, kCommune, kNature, kCategory };
std::string_view ReconciliationGroupCode(ReconciliationGroup group);
std::optional<ReconciliationGroup> ParseReconciliationGroup(std::string_view code);

// The category of an assessment's cell: a taxation d'office assesses an accommodation, not stays.
inline constexpr std::string_view kAssessedCategory = "taxation_d_office";

// `total` split in proportion to `weights` (none negative), to the cent: each part is rounded
// down, then the cents left go one by one to the largest remainders (the first part on a tie).
// All zero weights: everything to the first part. The parts always sum to `total`.
std::vector<Money> SplitProRata(Money total, const std::vector<Money>& weights);

// One accommodation-month's latest declaration, per commune, nature and category (its night
// totals, declaration_night_totals; what hosts owe, platform-collected stays count zero).
struct DeclaredPart {
  std::string commune;
  std::string nature;
  std::string category;
  Money tax = Money::Zero();
  Money additional = Money::Zero();
  Money total = Money::Zero();
};
struct DeclaredMonth {
  std::string accommodation_id;
  Month month{};
  std::vector<DeclaredPart> parts;
};

// The same declarations as a whole territory's read hands them over (persistence groups them in
// SQL): the sums per cell, and per accommodation-month only what splitting its payment needs.
struct DeclaredCell {
  Month month{};
  std::string commune;
  std::string nature;
  std::string category;
  Money tax = Money::Zero();
  Money additional = Money::Zero();
  Money total = Money::Zero();
};
// An accommodation whose every declared month of the year fell in one commune, nature and
// category: each of `months` has that single part, which takes the month's whole payment.
struct SingleCellAccommodation {
  std::string accommodation_id;
  std::string commune;
  std::string nature;
  std::string category;
  std::vector<Month> months;
};

// What a month owes under a declaration or an assessment, as the ledger books it now, with its
// additional taxes per beneficiary, and what the allocation of the host's payments gave it.
struct MonthDebt {
  std::string accommodation_id;
  Month month{};
  LedgerEntryKind kind = LedgerEntryKind::kDeclaration;  // declaration or assessment
  Money amount = Money::Zero();
  Money paid = Money::Zero();
  std::map<std::string, Money> additional;  // beneficiary code -> add-on within `amount`
  // For an assessment: where the accommodation is (the register's commune and nature).
  std::string commune;
  std::string nature;
};

struct TransferFacts {
  bool tourist_office = false;
  std::string beneficiary;        // when not the tourist office
  std::optional<int> instalment;
  Money amount = Money::Zero();   // reversed transfers are left out by the caller
};

struct ReconciliationInputs {
  int year = 0;
  std::vector<DeclaredMonth> declared;  // counted, and weighs the split of each month's payment
  // Counted only: what declared_cells, single_cell and split_months hold is not in `declared`.
  std::vector<DeclaredCell> declared_cells;
  // Only for the split of payments: months whose sums are in declared_cells.
  std::vector<SingleCellAccommodation> single_cell;
  std::vector<DeclaredMonth> split_months;  // of the accommodations declared in several cells
  std::vector<MonthDebt> debts;
  std::optional<BudgetLines> budget;
  long long budget_version = 0;
  std::vector<TransferFacts> transfers;   // of the fiscal year, not reversed
  Money platform_tax = Money::Zero();     // ledger platform_statement entries of the year
  Money platform_additional = Money::Zero();
};

struct ReconciliationFigures {
  Money declared_tax = Money::Zero();
  Money declared_additional = Money::Zero();
  Money declared = Money::Zero();     // tax + additional
  Money assessed = Money::Zero();     // issued taxations d'office, tax + additional
  Money paid = Money::Zero();
  Money outstanding = Money::Zero();  // declared + assessed − paid: restes à recouvrer
  ReconciliationFigures& operator+=(const ReconciliationFigures& other);
  friend bool operator==(const ReconciliationFigures&, const ReconciliationFigures&) = default;
};

struct ReconciliationRow {
  std::string key;    // "2026-07", "2026-T3", "2026", an INSEE code, a nature or category code
  std::string label;  // French: "juillet 2026", "3e trimestre 2026"...
  ReconciliationFigures figures;
};

struct BeneficiaryFigures {
  std::string beneficiary;
  std::string label;
  Money expected = Money::Zero();    // the budget's line
  Money declared = Money::Zero();    // add-on declared and assessed for the year's months
  Money collected = Money::Zero();   // its share of what was paid (pro rata, exact cents)
  Money passed_on = Money::Zero();   // transfers of the fiscal year
  Money to_pass_on = Money::Zero();  // collected − passed on
};

struct InstalmentFigures {
  Instalment instalment;
  Money paid = Money::Zero();
};

struct TouristOfficeFigures {
  Money allocation = Money::Zero();  // the budget's
  std::vector<InstalmentFigures> instalments;
  Money paid = Money::Zero();        // every tourist office transfer of the fiscal year
  Money remaining = Money::Zero();   // allocation − paid
};

struct ReconciliationReport {
  int year = 0;
  ReconciliationGroup group = ReconciliationGroup::kMonth;
  std::vector<ReconciliationRow> rows;
  ReconciliationFigures totals;
  Money paid_tax = Money::Zero();         // the collectivity's own share of `paid`
  Money paid_additional = Money::Zero();  // the beneficiaries' share
  // Against the budget: realised is the year's own revenue as titled (declared and assessed tax,
  // additional taxes out); collected is what of it was paid.
  std::optional<BudgetLines> budget;
  long long budget_version = 0;
  Money forecast = Money::Zero();
  Money realised = Money::Zero();
  std::optional<long long> realised_per_10000;  // realised / forecast, in hundredths of a percent
  Money platform_tax = Money::Zero();
  Money platform_additional = Money::Zero();
  std::vector<BeneficiaryFigures> beneficiaries;
  TouristOfficeFigures tourist_office;
};

ReconciliationReport BuildReconciliation(const ReconciliationInputs& inputs,
                                         ReconciliationGroup group);

// "juillet 2026".
std::string FrenchMonthLabel(Month month);

}  // namespace nuitee
