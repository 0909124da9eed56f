#include "domain/money/payment.hpp"

#include <array>

namespace nuitee {
namespace {

struct MethodName {
  PaymentMethod method;
  std::string_view code;
  std::string_view label;
};
constexpr std::array kMethods{
    MethodName{PaymentMethod::kBankTransfer, "bank_transfer", "virement"},
    MethodName{PaymentMethod::kCheque, "cheque", "chèque"},
    MethodName{PaymentMethod::kCash, "cash", "espèces"},
    MethodName{PaymentMethod::kOnline, "online", "paiement en ligne"},
};

}  // namespace

std::string_view PaymentMethodCode(PaymentMethod method) {
  for (const auto& name : kMethods) {
    if (name.method == method) return name.code;
  }
  return {};
}

std::optional<PaymentMethod> ParsePaymentMethod(std::string_view code) {
  for (const auto& name : kMethods) {
    if (name.code == code) return name.method;
  }
  return std::nullopt;
}

std::string_view PaymentMethodLabel(PaymentMethod method) {
  for (const auto& name : kMethods) {
    if (name.method == method) return name.label;
  }
  return {};
}

Status CheckPaymentAmount(Money amount, std::string_view field) {
  if (amount <= Money::Zero()) {
    return Fail(Error::InvalidArgument(std::string(field),
                                       "Le montant doit être positif, en centimes d'euro."));
  }
  // Beyond 100 million euros a typing mistake is far likelier than a payment.
  if (amount > Money::Euros(100'000'000)) {
    return Fail(Error::InvalidArgument(std::string(field), "Ce montant est trop élevé."));
  }
  return {};
}

}  // namespace nuitee
