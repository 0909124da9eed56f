#include "payments/simulator.hpp"

#include <random>

namespace nuitee::payments {

Result<StartedPayment> PaymentSimulator::Start(const PaymentRequest& request) {
  std::lock_guard lock(mutex_);
  // Unique across restarts too (the idop is unique in online_payments): a random part.
  static thread_local std::mt19937_64 random{std::random_device{}()};
  const std::string idop =
      "SIMU" + std::to_string(++next_) + "X" + std::to_string(random() % 1000000000000ULL);
  operations_[idop] = Operation_{request, PaymentResult{}};
  return StartedPayment{idop, page_base_ + "/v1/payments/simulator/" + idop};
}

Result<PaymentResult> PaymentSimulator::Fetch(const std::string& idop) {
  std::lock_guard lock(mutex_);
  auto it = operations_.find(idop);
  if (it == operations_.end()) {
    return Fail(Error::NotFound("Le simulateur ne connaît pas cette opération."));
  }
  return it->second.result;
}

Status PaymentSimulator::Decide(const std::string& idop, bool pay, Day today) {
  std::lock_guard lock(mutex_);
  auto it = operations_.find(idop);
  if (it == operations_.end()) {
    return Fail(Error::NotFound("Le simulateur ne connaît pas cette opération."));
  }
  if (it->second.result.outcome != PaymentOutcome::kPending) {
    return Fail(Error::FailedPrecondition("Cette opération simulée est déjà terminée."));
  }
  auto& result = it->second.result;
  result.outcome = pay ? PaymentOutcome::kPaid : PaymentOutcome::kRefused;
  result.code = pay ? "P" : "R";
  result.amount = it->second.request.amount;
  result.debt_reference = it->second.request.debt_reference;
  result.paid_on = today;
  return {};
}

std::optional<PaymentRequest> PaymentSimulator::Operation(const std::string& idop) const {
  std::lock_guard lock(mutex_);
  auto it = operations_.find(idop);
  if (it == operations_.end()) return std::nullopt;
  return it->second.request;
}

}  // namespace nuitee::payments
