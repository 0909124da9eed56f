#include "demo/seed_payments.hpp"

#include "domain/money/payment_reference.hpp"
#include "persistence/money_positions.hpp"
#include "persistence/payment_repository.hpp"

namespace nuitee::demo {
namespace {

constexpr const char* kActor = "seed-demo";

}  // namespace

Result<int> InsertMissingPayments(persistence::Transaction& tx, const CollectivityId& collectivity,
                                  Day today) {
  using persistence::PaymentRepository;
  if (!PaymentRepository::List(tx, collectivity, {}, {0, 1}).items.empty()) return 0;
  const Day booked_by = AddDays(today, -30);
  const Day paid_on = AddDays(today, -25);
  int recorded = 0;
  int index = 0;
  for (const auto& host : persistence::ReadMoneyPositions(tx, collectivity, booked_by)) {
    const int kind = index++ % 10;
    if (kind >= 8) continue;
    Money owed = Money::Zero();
    for (const auto& debt : host.debts) owed += debt.amount;
    if (owed <= Money::Zero()) continue;
    persistence::NewPayment payment;
    payment.collectivity_id = collectivity;
    payment.host_id = host.host_id;
    payment.received_on = paid_on;
    payment.recorded_by = kActor;
    if (kind < 7) {
      payment.method = PaymentMethod::kBankTransfer;
      payment.amount = owed;
      payment.payer_reference =
          "VIR SEPA TAXE DE SEJOUR " +
          FormatPaymentReference({PaymentRepository::HostNumber(tx, host.host_id), std::nullopt});
    } else {
      payment.method = PaymentMethod::kCheque;
      payment.amount = Money::Cents(owed.cents() / 2 + 1);
      payment.cheque_number = std::to_string(4'100'000 + index);
    }
    auto stored = PaymentRepository::Record(tx, payment);
    if (!stored) return Fail(stored.error());
    ++recorded;
  }
  return recorded;
}

}  // namespace nuitee::demo
