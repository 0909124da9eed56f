#include "domain/money/payment_allocation.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
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
  std::optional<Month> reserved_for;  // a month named by the payment and not booked yet
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

  // The debt is booked: the credits reserved for its month pay it first, then the oldest
  // credits free to pay anything. What a reserved credit has left once its month is booked and
  // paid is free: it pays the oldest debts still owed, and stays a credit for the rest.
  void Know(std::size_t debt) {
    known_[debt] = true;
    const Month period = debts_[debt].period;
    for (auto& credit : credits_) {
      if (credit.reserved_for != period) continue;
      Pay(credit.payment_id, debt, credit.left);
    }
    std::vector<Credit> freed;
    for (auto& credit : credits_) {
      if (credit.reserved_for != period) continue;
      credit.reserved_for.reset();
      if (credit.left > Money::Zero()) freed.push_back(credit);
      credit.left = Money::Zero();
    }
    Drop();
    for (auto& credit : freed) {
      PayOldest(credit.payment_id, credit.left);
      if (credit.left > Money::Zero()) credits_.push_back(credit);
    }
    for (auto& credit : credits_) {
      if (Outstanding(debt) == Money::Zero()) break;
      if (!credit.reserved_for) Pay(credit.payment_id, debt, credit.left);
    }
    Drop();
  }

  void Receive(const HostPayment& payment) {
    Money left = payment.amount;
    if (payment.target_month) {
      bool booked = false;
      for (std::size_t debt : order_) {
        if (known_[debt] && debts_[debt].period == *payment.target_month) {
          booked = true;
          Pay(payment.id, debt, left);
        }
      }
      // The month named is not booked yet (the host pays before declaring): the money waits
      // for it.
      if (!booked) {
        credits_.push_back({payment.id, left, payment.target_month});
        return;
      }
    }
    PayOldest(payment.id, left);
    if (left > Money::Zero()) credits_.push_back({payment.id, left, std::nullopt});
  }

  // A refund draws on the credits, the oldest first (reserved ones too: the money is the host's).
  void Refund(const HostRefund& refund) {
    Money left = refund.amount;
    for (auto& credit : credits_) {
      const Money taken = std::min(left, credit.left);
      credit.left -= taken;
      left -= taken;
    }
    Drop();
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
  void PayOldest(const std::string& payment_id, Money& left) {
    for (std::size_t debt : order_) {
      if (left == Money::Zero()) break;
      if (known_[debt]) Pay(payment_id, debt, left);
    }
  }
  // Forgets the credits used up.
  void Drop() {
    std::erase_if(credits_, [](const Credit& credit) { return credit.left == Money::Zero(); });
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
  std::vector<Credit> credits_;  // the oldest first
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
