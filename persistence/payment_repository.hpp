// SQL of payments, payment_reversals and refunds (migration 0014). Each write books its ledger
// entry in the same transaction: a payment debits the treasury (or the suspense account, for a
// bank line parked there first) and credits the host; its reversal and a refund do the opposite.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/money/payment.hpp"
#include "domain/money/payment_allocation.hpp"
#include "persistence/database.hpp"
#include "persistence/page.hpp"

namespace nuitee::persistence {

struct NewPayment {
  CollectivityId collectivity_id;
  HostId host_id;
  PaymentMethod method = PaymentMethod::kBankTransfer;
  std::string origin = "manual";  // "manual", "bank_statement", "online"
  Money amount = Money::Zero();
  Day received_on{};
  std::optional<std::string> payer_reference;
  std::optional<std::string> cheque_number;
  std::optional<Month> target_month;
  std::optional<std::string> note;
  // The bank line or online payment it comes from: a second payment of one source is refused
  // with kAlreadyExists, which makes imports and provider notifications idempotent.
  std::optional<std::string> source_key;
  bool from_suspense = false;  // the money was parked in suspense when the bank line came in
  std::string recorded_by;
};

struct StoredPayment {
  std::string id;
  long long seq = 0;
  CollectivityId collectivity_id;
  HostId host_id;
  std::string host_name;
  PaymentMethod method = PaymentMethod::kBankTransfer;
  std::string origin;
  Money amount = Money::Zero();
  Day received_on{};
  std::optional<std::string> payer_reference;
  std::optional<std::string> cheque_number;
  std::optional<Month> target_month;
  std::optional<std::string> note;
  std::optional<std::string> source_key;
  std::string entry_id;
  std::string recorded_by;
  std::string recorded_at;
  struct Reversal {
    std::string reason;
    std::string recorded_by;
    std::string recorded_at;
  };
  std::optional<Reversal> reversal;
};

struct NewRefund {
  CollectivityId collectivity_id;
  HostId host_id;
  PaymentMethod method = PaymentMethod::kBankTransfer;  // not kOnline
  Money amount = Money::Zero();
  Day paid_on{};
  std::string reason;
  std::string recorded_by;
};

struct StoredRefund {
  std::string id;
  long long seq = 0;
  HostId host_id;
  PaymentMethod method = PaymentMethod::kBankTransfer;
  Money amount = Money::Zero();
  Day paid_on{};
  std::string reason;
  std::string entry_id;
  std::string recorded_by;
  std::string recorded_at;
};

struct PaymentFilter {
  std::optional<HostId> host_id;
  std::optional<Day> from;  // received_on, inclusive
  std::optional<Day> to;
  std::optional<PaymentMethod> method;
};

class PaymentRepository {
 public:
  static Result<StoredPayment> Record(Transaction& tx, const NewPayment& payment);
  static std::optional<StoredPayment> Find(Transaction& tx, const CollectivityId& collectivity,
                                           const std::string& payment_id);
  static Page<StoredPayment> List(Transaction& tx, const CollectivityId& collectivity,
                                  const PaymentFilter& filter, const PageRequest& page);
  // Every payment of the host, reversed ones included, in the order received.
  static std::vector<StoredPayment> OfHost(Transaction& tx, const HostId& host);
  // Cancels a payment recorded by mistake: kAlreadyExists when it was already reversed.
  static Result<StoredPayment> Reverse(Transaction& tx, const CollectivityId& collectivity,
                                       const std::string& payment_id, const std::string& reason,
                                       Day booked_on, const std::string& actor);
  // Pays back part of the host's credit: kRuleViolation when the credit is smaller.
  static Result<StoredRefund> Refund(Transaction& tx, const NewRefund& refund);
  static std::vector<StoredRefund> RefundsOfHost(Transaction& tx, const HostId& host);

  // The host's number (hosts.seq), which its payment reference carries, and the way back.
  static long long HostNumber(Transaction& tx, const HostId& host);
  static std::optional<HostId> FindHostByNumber(Transaction& tx, const CollectivityId& collectivity,
                                                long long number);

  // The host's payments (not reversed) and refunds, as the allocation takes them.
  static std::vector<HostPayment> PaymentsForAllocation(const std::vector<StoredPayment>& payments);
  static std::vector<HostRefund> RefundsForAllocation(const std::vector<StoredRefund>& refunds);
};

}  // namespace nuitee::persistence
