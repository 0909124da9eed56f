// A payment a host makes, and money paid back to it: the methods, and what a valid one is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"

namespace nuitee {

enum class PaymentMethod {
  kBankTransfer,  // virement, with the payer's reference in its label
  kCheque,        // chèque, with its number
  kCash,          // espèces, at the régie
  kOnline,        // paid online through a provider (PayFiP, or the demo's simulator)
};
std::string_view PaymentMethodCode(PaymentMethod method);  // "bank_transfer", "cheque"...
std::optional<PaymentMethod> ParsePaymentMethod(std::string_view code);
std::string_view PaymentMethodLabel(PaymentMethod method);  // "virement", "chèque"...

// A positive amount, not absurdly large (a typing mistake); the field names the JSON pointer.
Status CheckPaymentAmount(Money amount, std::string_view field);

}  // namespace nuitee
