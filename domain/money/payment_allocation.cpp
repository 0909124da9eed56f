#include "domain/money/payment_allocation.hpp"

#include <algorithm>
#include <deque>
#include <numeric>
#include <tuple>

namespace nuitee {
namespace {

int KindRank(LedgerEntryKind kind) {
  switch (kind) {
    case LedgerEntryKind::kDeclaration:
      return 0;
    case LedgerEntryKind::kAssessment:
      return 1;
    default:
      return 2;
  }
}

struct Credit {
  std::string payment_id;
  Money left = Money::Zero();
};

class Allocator {
 public:
  explicit Allocator(const std::vector<Debt>& debts) : debts_(debts) {
    result_.paid.assign(debts.size(), Money::Zero());
    order_.resize(debts.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      const auto& x = debts[a];
      const auto& y = debts[b];
      return std::tuple(x.period, x.accommodation_id, KindRank(x.kind), a) <
             std::tuple(y.period, y.accommodation_id, KindRank(y.kind), b);
    });
    known_.assign(debts.size(), false);
  }

  // The debt is booked: the oldest credits pay it.
  void Know(std::size_t debt) {
    known_[debt] = true;
    while (!credits_.empty() && Outstanding(debt) > Money::Zero()) {
      Credit& credit = credits_.front();
      Pay(credit.payment_id, debt, credit.left);
      if (credit.left == Money::Zero()) credits_.pop_front();
    }
  }

  void Receive(const HostPayment& payment) {
    Money left = payment.amount;
    if (payment.target_month) {
      for (std::size_t debt : order_) {
        if (left == Money::Zero()) break;
        if (known_[debt] && debts_[debt].period == *payment.target_month) {
          Pay(payment.id, debt, left);
        }
      }
    }
    for (std::size_t debt : order_) {
      if (left == Money::Zero()) break;
      if (known_[debt]) Pay(payment.id, debt, left);
    }
    if (left > Money::Zero()) credits_.push_back({payment.id, left});
  }

  void Refund(const HostRefund& refund) {
    Money left = refund.amount;
    while (left > Money::Zero() && !credits_.empty()) {
      Credit& credit = credits_.front();
      const Money taken = std::min(left, credit.left);
      credit.left -= taken;
      left -= taken;
      if (credit.left == Money::Zero()) credits_.pop_front();
    }
    overdrawn_ += left;
  }

  Allocation Finish() {
    Money credit = -overdrawn_;
    for (const auto& each : credits_) credit += each.left;
    result_.credit = credit;
    return std::move(result_);
  }

 private:
  Money Outstanding(std::size_t debt) const {
    return std::max(Money::Zero(), debts_[debt].amount - result_.paid[debt]);
  }
  // Pays as much of the debt as `left` allows, and takes it from `left`.
  void Pay(const std::string& payment_id, std::size_t debt, Money& left) {
    const Money amount = std::min(left, Outstanding(debt));
    if (amount <= Money::Zero()) return;
    result_.paid[debt] += amount;
    left -= amount;
    if (!result_.shares.empty() && result_.shares.back().payment_id == payment_id &&
        result_.shares.back().debt == debt) {
      result_.shares.back().amount += amount;
    } else {
      result_.shares.push_back({payment_id, debt, amount});
    }
  }

  const std::vector<Debt>& debts_;
  std::vector<std::size_t> order_;
  std::vector<bool> known_;
  std::deque<Credit> credits_;
  Money overdrawn_ = Money::Zero();
  Allocation result_;
};

}  // namespace

Allocation AllocatePayments(const std::vector<Debt>& debts, std::vector<HostPayment> payments,
                            std::vector<HostRefund> refunds) {
  Allocator allocator(debts);
  std::vector<std::size_t> by_day(debts.size());
  std::iota(by_day.begin(), by_day.end(), std::size_t{0});
  std::sort(by_day.begin(), by_day.end(),
            [&](std::size_t a, std::size_t b) { return debts[a].known_on < debts[b].known_on; });
  std::sort(payments.begin(), payments.end(), [](const HostPayment& a, const HostPayment& b) {
    return std::tuple(a.received_on, a.seq) < std::tuple(b.received_on, b.seq);
  });
  std::sort(refunds.begin(), refunds.end(), [](const HostRefund& a, const HostRefund& b) {
    return std::tuple(a.paid_on, a.seq) < std::tuple(b.paid_on, b.seq);
  });
  std::size_t d = 0, p = 0, r = 0;
  while (d < by_day.size() || p < payments.size() || r < refunds.size()) {
    // The earliest day among the three queues; on one day: debts, payments, refunds.
    std::optional<Day> day;
    auto consider = [&](Day candidate) {
      if (!day || candidate < *day) day = candidate;
    };
    if (d < by_day.size()) consider(debts[by_day[d]].known_on);
    if (p < payments.size()) consider(payments[p].received_on);
    if (r < refunds.size()) consider(refunds[r].paid_on);
    while (d < by_day.size() && debts[by_day[d]].known_on == *day) allocator.Know(by_day[d++]);
    while (p < payments.size() && payments[p].received_on == *day) allocator.Receive(payments[p++]);
    while (r < refunds.size() && refunds[r].paid_on == *day) allocator.Refund(refunds[r++]);
  }
  return allocator.Finish();
}

}  // namespace nuitee
