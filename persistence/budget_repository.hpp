// SQL of budget_versions, budget_transfers and budget_transfer_reversals (migration 0016). A
// transfer and its reversal each book their ledger entry in the same transaction:
// beneficiary_transfer (additional_tax_payable[b] +amount; treasury −amount) and
// tourist_office_transfer (tourist_office +amount; treasury −amount); a reversal is an entry of
// the same kind with the postings reversed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/money/budget.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct StoredBudget {
  int fiscal_year = 0;
  long long version = 0;  // 0: never entered
  BudgetLines lines;
  std::string recorded_by;
  std::string recorded_at;
};

struct NewBudgetTransfer {
  CollectivityId collectivity_id;
  bool tourist_office = false;
  std::string beneficiary;  // when not the tourist office: the code of its payable account
  int fiscal_year = 0;
  std::optional<int> instalment;
  Day paid_on{};
  Money amount = Money::Zero();
  std::string reference;
  std::string note;
  std::string recorded_by;
};

struct StoredBudgetTransfer {
  std::string id;
  long long seq = 0;
  bool tourist_office = false;
  std::string beneficiary;
  int fiscal_year = 0;
  std::optional<int> instalment;
  Day paid_on{};
  Money amount = Money::Zero();
  std::string reference;
  std::string note;
  std::string entry_id;
  std::string recorded_by;
  std::string recorded_at;
  struct Reversal {
    std::string reason;
    Day reversed_on{};
    std::string entry_id;
    std::string recorded_by;
    std::string recorded_at;
  };
  std::optional<Reversal> reversal;
};

class BudgetRepository {
 public:
  static std::optional<StoredBudget> Latest(Transaction& tx, const CollectivityId& collectivity,
                                            int fiscal_year);
  // Every version, the first first.
  static std::vector<StoredBudget> Versions(Transaction& tx, const CollectivityId& collectivity,
                                            int fiscal_year);
  // Appends the next version (concurrent appends are serialised).
  static StoredBudget Append(Transaction& tx, const CollectivityId& collectivity, int fiscal_year,
                             const BudgetLines& lines, const std::string& actor);

  // What the ledger holds payable to the beneficiary: its add-ons declared and assessed, less
  // what was passed on (the credit balance of additional_tax_payable[b], as a positive amount).
  static Money PayableTo(Transaction& tx, const CollectivityId& collectivity,
                         const std::string& beneficiary);
  // Records the transfer and books its entry; kRuleViolation when a beneficiary transfer is more
  // than what is payable to it.
  static Result<StoredBudgetTransfer> RecordTransfer(Transaction& tx,
                                                     const NewBudgetTransfer& transfer);
  static Result<StoredBudgetTransfer> ReverseTransfer(Transaction& tx,
                                                      const CollectivityId& collectivity,
                                                      const std::string& transfer_id,
                                                      const std::string& reason, Day reversed_on,
                                                      const std::string& actor);
  static std::optional<StoredBudgetTransfer> FindTransfer(Transaction& tx,
                                                          const CollectivityId& collectivity,
                                                          const std::string& transfer_id);
  // The transfers of a fiscal year, reversed ones included, in the order recorded.
  static std::vector<StoredBudgetTransfer> Transfers(Transaction& tx,
                                                     const CollectivityId& collectivity,
                                                     int fiscal_year);
};

}  // namespace nuitee::persistence
