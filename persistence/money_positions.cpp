// Three queries per collectivity (debts grouped per month, payments, refunds), then the allocation
// of each host in memory.
#include "persistence/money_positions.hpp"

#include <map>

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

// `scope` is "collectivity_id" or "host_id"; the id is bound to :id, the day to :on/:on2.
std::map<std::string, HostMoney> Read(Transaction& tx, const std::string& scope,
                                      const std::string& id, const std::optional<Day>& as_of) {
  const std::optional<std::string> on = DateText(as_of);
  std::map<std::string, HostMoney> hosts;
  auto host = [&](const std::string& host_id) -> HostMoney& {
    auto& money = hosts[host_id];
    money.host_id = HostId(host_id);
    return money;
  };
  {
    soci::rowset<soci::row> rows =
        (tx.session().prepare
             << "SELECT host_id::text AS host_id, accommodation_id::text AS accommodation_id,"
                " period::text AS period, kind, sum(amount_cents)::bigint AS amount,"
                " min(booked_on)::text AS known_on FROM ledger_postings"
                " WHERE " + scope + " = :id::uuid AND account = 'host_receivable'"
                " AND kind IN ('declaration', 'assessment', 'late_interest')"
                " AND (:on::date IS NULL OR booked_on <= :on2::date)"
                " GROUP BY host_id, accommodation_id, period, kind HAVING sum(amount_cents) <> 0"
                " ORDER BY host_id, period, accommodation_id, kind",
         soci::use(id), soci::use(on), soci::use(on));
    for (const auto& row : rows) {
      Debt debt;
      debt.accommodation_id = GetOptionalString(row, "accommodation_id").value_or("");
      const Day first = GetDay(row, "period");
      debt.period = first.year() / first.month();
      debt.kind = ParseLedgerEntryKind(GetString(row, "kind")).value_or(LedgerEntryKind::kDeclaration);
      debt.amount = Money::Cents(GetLong(row, "amount"));
      debt.known_on = GetDay(row, "known_on");
      host(GetString(row, "host_id")).debts.push_back(std::move(debt));
    }
  }
  {
    soci::rowset<soci::row> rows =
        (tx.session().prepare
             << "SELECT p.id::text AS id, p.seq, p.host_id::text AS host_id,"
                " p.received_on::text AS received_on, p.amount_cents,"
                " p.target_month::text AS target_month FROM payments p"
                " WHERE p." + scope + " = :id::uuid"
                " AND (:on::date IS NULL OR p.received_on <= :on2::date)"
                " AND NOT EXISTS (SELECT FROM payment_reversals r JOIN ledger_entries e"
                "  ON e.id = r.entry_id WHERE r.payment_id = p.id"
                "  AND (:on3::date IS NULL OR e.booked_on <= :on4::date))"
                " ORDER BY p.received_on, p.seq",
         soci::use(id), soci::use(on), soci::use(on), soci::use(on), soci::use(on));
    for (const auto& row : rows) {
      HostPayment payment;
      payment.id = GetString(row, "id");
      payment.seq = GetLong(row, "seq");
      payment.received_on = GetDay(row, "received_on");
      payment.amount = Money::Cents(GetLong(row, "amount_cents"));
      if (auto first = GetOptionalDay(row, "target_month")) {
        payment.target_month = first->year() / first->month();
      }
      host(GetString(row, "host_id")).payments.push_back(std::move(payment));
    }
  }
  {
    soci::rowset<soci::row> rows =
        (tx.session().prepare
             << "SELECT seq, host_id::text AS host_id, paid_on::text AS paid_on, amount_cents"
                " FROM refunds WHERE " + scope + " = :id::uuid"
                " AND (:on::date IS NULL OR paid_on <= :on2::date) ORDER BY paid_on, seq",
         soci::use(id), soci::use(on), soci::use(on));
    for (const auto& row : rows) {
      HostRefund refund;
      refund.seq = GetLong(row, "seq");
      refund.paid_on = GetDay(row, "paid_on");
      refund.amount = Money::Cents(GetLong(row, "amount_cents"));
      host(GetString(row, "host_id")).refunds.push_back(refund);
    }
  }
  for (auto& [_, money] : hosts) {
    money.allocation = AllocatePayments(money.debts, money.payments, money.refunds);
  }
  return hosts;
}

}  // namespace

std::vector<HostMoney> ReadMoneyPositions(Transaction& tx, const CollectivityId& collectivity,
                                          const std::optional<Day>& as_of) {
  auto hosts = Read(tx, "collectivity_id", collectivity.value(), as_of);
  std::vector<HostMoney> out;
  out.reserve(hosts.size());
  for (auto& [_, money] : hosts) out.push_back(std::move(money));
  return out;
}

HostMoney ReadHostMoney(Transaction& tx, const HostId& host, const std::optional<Day>& as_of) {
  auto hosts = Read(tx, "host_id", host.value(), as_of);
  if (hosts.empty()) {
    HostMoney none;
    none.host_id = host;
    none.allocation = AllocatePayments({}, {}, {});
    return none;
  }
  return std::move(hosts.begin()->second);
}

}  // namespace nuitee::persistence
