#include "payments/provider.hpp"

namespace nuitee::payments {

std::string_view PaymentOutcomeCode(PaymentOutcome outcome) {
  switch (outcome) {
    case PaymentOutcome::kPaid: return "paid";
    case PaymentOutcome::kRefused: return "refused";
    case PaymentOutcome::kAbandoned: return "abandoned";
    case PaymentOutcome::kPending: return "pending";
  }
  return "pending";
}

void PaymentProviders::Add(std::shared_ptr<PaymentProvider> provider, bool make_default) {
  std::lock_guard lock(mutex_);
  const std::string code(provider->Code());
  providers_[code] = std::move(provider);
  if (make_default || default_.empty()) default_ = code;
}

std::shared_ptr<PaymentProvider> PaymentProviders::Find(std::string_view code) const {
  std::lock_guard lock(mutex_);
  auto it = providers_.find(code);
  return it == providers_.end() ? nullptr : it->second;
}

std::shared_ptr<PaymentProvider> PaymentProviders::Default() const {
  std::lock_guard lock(mutex_);
  auto it = providers_.find(default_);
  return it == providers_.end() ? nullptr : it->second;
}

}  // namespace nuitee::payments
