// The allocation of a host's payments to its debts (domain/money/payment_allocation.hpp), with
// the rules finance expects: the month the reference names first, then the oldest debt; the
// remainder a credit that later debts take; a revision lowering a paid month frees the surplus.
#include "domain/money/payment_allocation.hpp"

#include <gtest/gtest.h>

#include <random>

namespace nuitee {
namespace {

Day D(int y, unsigned m, unsigned d) { return date::year{y} / date::month{m} / date::day{d}; }
Month M(int y, unsigned m) { return date::year{y} / date::month{m}; }

Debt Declared(const std::string& accommodation, Month period, long long cents, Day known_on) {
  return Debt{accommodation, period, LedgerEntryKind::kDeclaration, Money::Cents(cents), known_on};
}

HostPayment Paid(const std::string& id, long long seq, Day on, long long cents,
                 std::optional<Month> target = std::nullopt) {
  return HostPayment{id, seq, on, Money::Cents(cents), target};
}

TEST(PaymentAllocation, PaysTheOldestDebtFirst) {
  const std::vector<Debt> debts = {Declared("a", M(2026, 8), 5000, D(2026, 9, 10)),
                                   Declared("a", M(2026, 7), 3000, D(2026, 8, 10))};
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 9, 20), 4000)}, {});
  EXPECT_EQ(allocation.paid[1], Money::Cents(3000));  // July first
  EXPECT_EQ(allocation.paid[0], Money::Cents(1000));
  EXPECT_EQ(allocation.credit, Money::Zero());
}

TEST(PaymentAllocation, PaysTheMonthTheReferenceNamesFirst) {
  const std::vector<Debt> debts = {Declared("a", M(2026, 7), 3000, D(2026, 8, 10)),
                                   Declared("a", M(2026, 8), 5000, D(2026, 9, 10))};
  const auto allocation =
      AllocatePayments(debts, {Paid("p", 1, D(2026, 9, 20), 6000, M(2026, 8))}, {});
  EXPECT_EQ(allocation.paid[1], Money::Cents(5000));  // August, as the reference says
  EXPECT_EQ(allocation.paid[0], Money::Cents(1000));  // the rest to the oldest
}

TEST(PaymentAllocation, APaymentNamingAMonthNotDeclaredYetWaitsForIt) {
  // August paid on 20 September by its reference, declared only on 1 October; July, declared
  // on 10 August, stays owed.
  const std::vector<Debt> debts = {Declared("a", M(2026, 7), 3000, D(2026, 8, 10)),
                                   Declared("a", M(2026, 8), 5000, D(2026, 10, 1))};
  const auto allocation =
      AllocatePayments(debts, {Paid("p", 1, D(2026, 9, 20), 6000, M(2026, 8))}, {});
  EXPECT_EQ(allocation.paid[1], Money::Cents(5000));
  EXPECT_EQ(allocation.paid[0], Money::Cents(1000));  // the rest, once August was paid
  EXPECT_EQ(allocation.credit, Money::Zero());
}

TEST(PaymentAllocation, KeepsAnOverpaymentAsACreditThatTheNextDebtTakes) {
  const std::vector<Debt> debts = {Declared("a", M(2026, 7), 3000, D(2026, 8, 10)),
                                   Declared("a", M(2026, 8), 5000, D(2026, 9, 10))};
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 8, 20), 4000)}, {});
  EXPECT_EQ(allocation.paid[0], Money::Cents(3000));
  EXPECT_EQ(allocation.paid[1], Money::Cents(1000));  // the credit, taken when August was booked
  EXPECT_EQ(allocation.credit, Money::Zero());
  ASSERT_EQ(allocation.shares.size(), 2u);
  EXPECT_EQ(allocation.shares[1].payment_id, "p");
}

TEST(PaymentAllocation, AnswersTheCreditLeftWhenEverythingIsPaid) {
  const std::vector<Debt> debts = {Declared("a", M(2026, 7), 3000, D(2026, 8, 10))};
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 8, 20), 3500)}, {});
  EXPECT_EQ(allocation.paid[0], Money::Cents(3000));
  EXPECT_EQ(allocation.credit, Money::Cents(500));
  EXPECT_EQ(allocation.Outstanding(debts, 0), Money::Zero());
}

TEST(PaymentAllocation, ARefundDrawsOnTheCredit) {
  const std::vector<Debt> debts = {Declared("a", M(2026, 7), 3000, D(2026, 8, 10)),
                                   Declared("a", M(2026, 8), 5000, D(2026, 9, 10))};
  // 1 000 € overpaid in August, 400 € refunded before September's declaration.
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 8, 20), 4000)},
                                           {HostRefund{1, D(2026, 8, 25), Money::Cents(400)}});
  EXPECT_EQ(allocation.paid[1], Money::Cents(600));
  EXPECT_EQ(allocation.Outstanding(debts, 1), Money::Cents(4400));
  EXPECT_EQ(allocation.credit, Money::Zero());
}

TEST(PaymentAllocation, ARevisionLoweringAPaidMonthFreesTheSurplusForTheNextDebt) {
  // July was declared 3 000 and paid in full, then revised down to 2 000: the 1 000 paid too
  // much goes to August, as if the revised amount had always been the one due.
  const std::vector<Debt> debts = {Declared("a", M(2026, 7), 2000, D(2026, 8, 10)),
                                   Declared("a", M(2026, 8), 5000, D(2026, 9, 10))};
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 8, 12), 3000)}, {});
  EXPECT_EQ(allocation.paid[0], Money::Cents(2000));
  EXPECT_EQ(allocation.paid[1], Money::Cents(1000));
}

TEST(PaymentAllocation, APaymentOnTheDayADebtIsBookedPaysIt) {
  const std::vector<Debt> debts = {Declared("a", M(2026, 7), 3000, D(2026, 8, 10))};
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 8, 10), 3000)}, {});
  EXPECT_EQ(allocation.paid[0], Money::Cents(3000));
  ASSERT_EQ(allocation.shares.size(), 1u);
}

TEST(PaymentAllocation, AnOlderMonthBookedLaterDoesNotTakeWhatAnEarlierPaymentAlreadyPaid) {
  // March's payment paid February (the only debt then); a taxation d'office for December
  // issued in May does not move it.
  Debt december{"a", M(2025, 12), LedgerEntryKind::kAssessment, Money::Cents(8000), D(2026, 5, 4)};
  const std::vector<Debt> debts = {december, Declared("a", M(2026, 2), 3000, D(2026, 3, 2))};
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 3, 20), 3000)}, {});
  EXPECT_EQ(allocation.paid[1], Money::Cents(3000));
  EXPECT_EQ(allocation.paid[0], Money::Zero());
}

TEST(PaymentAllocation, DeclarationBeforeAssessmentBeforeInterestWithinAMonth) {
  const std::vector<Debt> debts = {
      Debt{"a", M(2026, 7), LedgerEntryKind::kLateInterest, Money::Cents(100), D(2026, 9, 1)},
      Debt{"a", M(2026, 7), LedgerEntryKind::kAssessment, Money::Cents(2000), D(2026, 9, 1)},
      Declared("a", M(2026, 7), 1000, D(2026, 9, 1))};
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 9, 2), 2500)}, {});
  EXPECT_EQ(allocation.paid[2], Money::Cents(1000));
  EXPECT_EQ(allocation.paid[1], Money::Cents(1500));
  EXPECT_EQ(allocation.paid[0], Money::Zero());
}

TEST(PaymentAllocation, NeverPaysADebtOfZeroOrLess) {
  const std::vector<Debt> debts = {Declared("a", M(2026, 7), 0, D(2026, 8, 10)),
                                   Declared("a", M(2026, 8), -500, D(2026, 9, 10))};
  const auto allocation = AllocatePayments(debts, {Paid("p", 1, D(2026, 9, 20), 700)}, {});
  EXPECT_EQ(allocation.paid[0], Money::Zero());
  EXPECT_EQ(allocation.paid[1], Money::Zero());
  EXPECT_EQ(allocation.credit, Money::Cents(700));
}

// Whatever the order and amounts: what the payments paid plus the credit left is what was paid
// less what was refunded; no debt is paid beyond its amount.
TEST(PaymentAllocation, ConservesMoneyOverRandomHistories) {
  std::mt19937 random(20261130);
  for (int round = 0; round < 300; ++round) {
    std::vector<Debt> debts;
    std::vector<HostPayment> payments;
    std::vector<HostRefund> refunds;
    const int n_debts = int(random() % 8);
    for (int i = 0; i < n_debts; ++i) {
      const Month period = M(2026, unsigned(1 + random() % 12));
      debts.push_back(Declared(std::string(1, char('a' + random() % 3)), period,
                               long(random() % 20000) - 1000,
                               D(2026, unsigned(1 + random() % 12), unsigned(1 + random() % 28))));
    }
    Money in = Money::Zero();
    for (int i = 0; i < int(random() % 6); ++i) {
      const long long cents = 1 + random() % 15000;
      std::optional<Month> target;
      if (random() % 3 == 0) target = M(2026, unsigned(1 + random() % 12));
      payments.push_back(Paid("p" + std::to_string(i), i, D(2026, unsigned(1 + random() % 12), 15),
                              cents, target));
      in += Money::Cents(cents);
    }
    for (int i = 0; i < int(random() % 2); ++i) {
      const long long cents = 1 + random() % 3000;
      refunds.push_back(HostRefund{i, D(2026, 12, 31), Money::Cents(cents)});
      in -= Money::Cents(cents);
    }
    const auto allocation = AllocatePayments(debts, payments, refunds);
    Money paid = Money::Zero();
    for (std::size_t i = 0; i < debts.size(); ++i) {
      EXPECT_GE(allocation.paid[i], Money::Zero());
      EXPECT_LE(allocation.paid[i], std::max(debts[i].amount, Money::Zero()));
      paid += allocation.paid[i];
    }
    EXPECT_EQ(paid + allocation.credit, in) << "round " << round;
    Money shared = Money::Zero();
    for (const auto& share : allocation.shares) shared += share.amount;
    EXPECT_EQ(shared, paid);
  }
}

}  // namespace
}  // namespace nuitee
