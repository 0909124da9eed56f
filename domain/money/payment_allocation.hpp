// Which debts a host's payments paid (docs/decisions.md, "Allocating payments"). The imputation
// is worked out from the ledger each time it is read, never stored, so a revision that lowers a
// month already paid frees the surplus for the next debt (or a credit) instead of leaving a stale
// allocation behind:
// - events are taken in the order they happened: a debt from the day it was first booked, a
//   payment on the day it was received, a refund on the day it was paid; on one day, debts come
//   first, then payments, then refunds;
// - a payment goes first to the debts of the month its reference names, then to the oldest
//   debts (by month taxed, then accommodation, declaration before assessment before interest);
//   a payment naming a month not booked yet (paid before the declaration) waits for that month,
//   and what it has left once the month is booked goes to the oldest debts;
// - what a payment has left over is a credit, taken by the next debts as they are booked, the
//   oldest credit first; a refund draws on the credit, the oldest first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "domain/money/ledger.hpp"

namespace nuitee {

// One month's debt of one accommodation, as it stands now.
struct Debt {
  std::string accommodation_id;
  Month period{};
  LedgerEntryKind kind = LedgerEntryKind::kDeclaration;  // declaration, assessment, late interest
  Money amount = Money::Zero();  // the current amount (after every revision)
  Day known_on{};                // the day the month was first booked
};

struct HostPayment {
  std::string id;
  long long seq = 0;  // orders payments received the same day
  Day received_on{};
  Money amount = Money::Zero();
  std::optional<Month> target_month;  // the month its reference names
};

struct HostRefund {
  long long seq = 0;
  Day paid_on{};
  Money amount = Money::Zero();
};

struct PaymentShare {
  std::string payment_id;
  std::size_t debt = 0;  // index into the debts given
  Money amount = Money::Zero();
};

struct Allocation {
  std::vector<Money> paid;  // per debt, in the order given
  std::vector<PaymentShare> shares;
  // What the payments left over after the debts and refunds: the host's credit. Negative only
  // if more was refunded than was ever overpaid (the refund rule refuses that).
  Money credit = Money::Zero();
  Money Outstanding(const std::vector<Debt>& debts, std::size_t index) const {
    return debts[index].amount - paid[index];
  }
};

// The debts are taken in any order; debts of zero or negative amount are never paid.
Allocation AllocatePayments(const std::vector<Debt>& debts, std::vector<HostPayment> payments,
                            std::vector<HostRefund> refunds);

}  // namespace nuitee
