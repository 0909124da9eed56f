// Three queries per collectivity (debts grouped per month, payments, refunds), then the allocation
// of each host in memory.
#include "persistence/money_positions.hpp"

#include <map>

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

// `scope` is "collectivity_id" or "host_id"; the id is bound to :id, the day to :on/:on2. Rows are
// read in batches (FetchInBatches) and ordered by the raw uuids and dates, which order as their
// text does.
std::map<std::string, HostMoney> Read(Transaction& tx, const std::string& scope,
                                      const std::string& id, const std::optional<Day>& as_of) {
  const std::optional<std::string> on = DateText(as_of);
  std::map<std::string, HostMoney> hosts;
  HostMoney* last = nullptr;  // the debts come host by host: most rows need no lookup
  auto host = [&](std::string& host_id) -> HostMoney& {
    if (last != nullptr && last->host_id.value() == host_id) return *last;
    auto& money = hosts[host_id];
    money.host_id = HostId(std::move(host_id));
    last = &money;
    return money;
  };
  {
    std::vector<std::string> host_ids(kBulkRows), accommodations(kBulkRows), periods(kBulkRows),
        kinds(kBulkRows), known(kBulkRows);
    std::vector<soci::indicator> accommodation_set(kBulkRows);
    std::vector<long long> amounts(kBulkRows);
    soci::statement statement =
        (tx.session().prepare
             << "SELECT l.host_id::text, l.accommodation_id::text, l.period::text, l.kind,"
                " sum(l.amount_cents)::bigint, min(l.booked_on)::text FROM ledger_postings l"
                " WHERE l." + scope + " = :id::uuid AND l.account = 'host_receivable'"
                " AND l.kind IN ('declaration', 'assessment', 'late_interest')"
                " AND (:on::date IS NULL OR l.booked_on <= :on2::date)"
                " GROUP BY l.host_id, l.period, l.accommodation_id, l.kind"
                " HAVING sum(l.amount_cents) <> 0"
                " ORDER BY l.host_id, l.period, l.accommodation_id, l.kind",
         soci::use(id), soci::use(on), soci::use(on), soci::into(host_ids),
         soci::into(accommodations, accommodation_set), soci::into(periods), soci::into(kinds),
         soci::into(amounts), soci::into(known));
    FetchInBatches(
        statement,
        [&] {
          for (std::size_t i = 0; i < host_ids.size(); ++i) {
            Debt debt;
            if (accommodation_set[i] != soci::i_null) {
              debt.accommodation_id = std::move(accommodations[i]);
            }
            const Day first = *ParseIsoDate(periods[i]);
            debt.period = first.year() / first.month();
            debt.kind = ParseLedgerEntryKind(kinds[i]).value_or(LedgerEntryKind::kDeclaration);
            debt.amount = Money::Cents(amounts[i]);
            debt.known_on = *ParseIsoDate(known[i]);
            host(host_ids[i]).debts.push_back(std::move(debt));
          }
        },
        [&] {
          for (auto* column : {&host_ids, &accommodations, &periods, &kinds, &known}) {
            column->resize(kBulkRows);
          }
          accommodation_set.resize(kBulkRows);
          amounts.resize(kBulkRows);
        });
  }
  {
    std::vector<std::string> ids(kBulkRows), host_ids(kBulkRows), received(kBulkRows),
        targets(kBulkRows);
    std::vector<soci::indicator> target_set(kBulkRows);
    std::vector<long long> seqs(kBulkRows), amounts(kBulkRows);
    soci::statement statement =
        (tx.session().prepare
             << "SELECT p.id::text, p.seq, p.host_id::text, p.received_on::text, p.amount_cents,"
                " p.target_month::text FROM payments p"
                " WHERE p." + scope + " = :id::uuid"
                " AND (:on::date IS NULL OR p.received_on <= :on2::date)"
                " AND NOT EXISTS (SELECT FROM payment_reversals r JOIN ledger_entries e"
                "  ON e.id = r.entry_id WHERE r.payment_id = p.id"
                "  AND (:on3::date IS NULL OR e.booked_on <= :on4::date))"
                " ORDER BY p.received_on, p.seq",
         soci::use(id), soci::use(on), soci::use(on), soci::use(on), soci::use(on),
         soci::into(ids), soci::into(seqs), soci::into(host_ids), soci::into(received),
         soci::into(amounts), soci::into(targets, target_set));
    FetchInBatches(
        statement,
        [&] {
          for (std::size_t i = 0; i < ids.size(); ++i) {
            HostPayment payment;
            payment.id = std::move(ids[i]);
            payment.seq = seqs[i];
            payment.received_on = *ParseIsoDate(received[i]);
            payment.amount = Money::Cents(amounts[i]);
            if (target_set[i] != soci::i_null) {
              const Day first = *ParseIsoDate(targets[i]);
              payment.target_month = first.year() / first.month();
            }
            host(host_ids[i]).payments.push_back(std::move(payment));
          }
        },
        [&] {
          for (auto* column : {&ids, &host_ids, &received, &targets}) column->resize(kBulkRows);
          target_set.resize(kBulkRows);
          seqs.resize(kBulkRows);
          amounts.resize(kBulkRows);
        });
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
      std::string host_id = GetString(row, "host_id");
      host(host_id).refunds.push_back(refund);
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
