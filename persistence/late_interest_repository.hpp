// SQL of late_interest_charges and late_interest_cancellations (migration 0017). A charge books its
// `late_interest` ledger entry (host +interest; late_interest_revenue −interest, with the
// accommodation and the month, so that the allocation takes it as a debt of that month) in the
// same transaction; a cancellation books the reverse.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/money/late_interest_charge.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct NewLateInterest {
  CollectivityId collectivity_id;
  HostId host_id;
  std::string accommodation_id;
  Month period{};
  LateInterestCharge charge;
  Day booked_on{};  // the day finance charges it
  std::string recorded_by;
};

struct StoredLateInterest {
  std::string id;
  long long seq = 0;
  HostId host_id;
  std::string accommodation_id;
  std::string accommodation_name;
  Month period{};
  int charge_no = 0;
  LateInterestCharge charge;
  std::string entry_id;
  std::string recorded_by;
  std::string recorded_at;
  struct Cancellation {
    std::string reason;
    std::string recorded_by;
    std::string recorded_at;
  };
  std::optional<Cancellation> cancellation;
};

class LateInterestRepository {
 public:
  // kAlreadyExists when a charge of the month stands (not cancelled).
  static Result<StoredLateInterest> Charge(Transaction& tx, const NewLateInterest& charge);
  // kAlreadyExists when already cancelled, kNotFound when not the host's.
  static Result<StoredLateInterest> Cancel(Transaction& tx, const HostId& host,
                                           const std::string& charge_id, const std::string& reason,
                                           Day booked_on, const std::string& actor);
  static std::optional<StoredLateInterest> Find(Transaction& tx, const HostId& host,
                                                const std::string& charge_id);
  static std::vector<StoredLateInterest> OfHost(Transaction& tx, const HostId& host);
};

}  // namespace nuitee::persistence
