// Where every host of a collectivity stands with its money: its debts month by month, its
// payments and refunds, and which debts the payments paid (domain/money/payment_allocation), read
// in three bulk queries. The reconciliation report, the statements and the exports read this.
#pragma once

#include <optional>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/money/payment_allocation.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct HostMoney {
  HostId host_id;
  std::vector<Debt> debts;           // oldest first
  std::vector<HostPayment> payments; // not reversed
  std::vector<HostRefund> refunds;
  Allocation allocation;             // paid[i] is what debts[i] received
};

// Every host with a debt, a payment or a refund, in host order. With `as_of`, only what was booked,
// received or paid by then counts (a payment reversed later still counts).
std::vector<HostMoney> ReadMoneyPositions(Transaction& tx, const CollectivityId& collectivity,
                                          const std::optional<Day>& as_of);
// The same for one host.
HostMoney ReadHostMoney(Transaction& tx, const HostId& host, const std::optional<Day>& as_of);

}  // namespace nuitee::persistence
