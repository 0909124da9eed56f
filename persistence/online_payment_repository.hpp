// SQL of online payments (migration 0018): the operation a host started with a provider, and its
// states, appended. The outcome is recorded once: a `paid` books one payment
// (PaymentRepository::Record, origin online, source_key "{provider}:{idop}") in the same
// transaction; a repeated notification finds the outcome already there and changes nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct NewOnlinePayment {
  CollectivityId collectivity_id;
  HostId host_id;
  std::string provider;  // "payfip", "simulateur"
  std::string idop;
  std::string refdet;
  Money amount = Money::Zero();
  std::vector<Month> months;  // the months the host chose to pay, if any
  std::string payer_email;
  std::string started_by;
};

struct StoredOnlinePayment {
  std::string id;
  long long seq = 0;
  CollectivityId collectivity_id;
  HostId host_id;
  std::string provider;
  std::string idop;
  std::string refdet;
  Money amount = Money::Zero();
  std::vector<Month> months;
  std::string payer_email;
  std::string started_by;
  std::string started_at;
  std::string status;  // the latest: "started", "paid", "refused", "abandoned"
  std::optional<std::string> result_code;
  std::optional<std::string> payment_id;
  std::optional<std::string> finished_at;
};

class OnlinePaymentRepository {
 public:
  // The host's number (hosts.seq), printed in its payment reference; none outside the collectivity.
  static std::optional<long long> HostNumber(Transaction& tx, const CollectivityId& collectivity,
                                             const HostId& host);
  static StoredOnlinePayment Start(Transaction& tx, const NewOnlinePayment& payment);
  static std::optional<StoredOnlinePayment> FindByIdop(Transaction& tx, const std::string& idop);
  static std::vector<StoredOnlinePayment> OfHost(Transaction& tx, const HostId& host);
  // The provider's verified outcome ("paid", "refused", "abandoned"), once. Returns the payment as
  // it now stands and whether this call recorded something. A paid one books the payment received
  // on `paid_on`, to the month chosen when the host chose exactly one.
  struct Outcome {
    StoredOnlinePayment payment;
    bool recorded = false;
  };
  static Result<Outcome> RecordOutcome(Transaction& tx, const std::string& idop,
                                       const std::string& status, const std::string& result_code,
                                       Day paid_on, const std::string& actor);
};

}  // namespace nuitee::persistence
