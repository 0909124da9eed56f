// The payment reference printed on a host's statement, which the host copies into the label of
// a bank transfer so that the bank statement import can find who paid (and for which month):
//   "TS" + the host's number on 8 digits + 2 check digits             TS0000004217
//   "TS" + the host's number + the month as YYYYMM + 2 check digits   TS000000421720260702
// The check digits are ISO 7064 MOD 97-10 (those of an IBAN), so that a mistyped digit is not
// taken for another host. Banks cut, space and upper-case labels; FindPaymentReference ignores
// spaces, dashes, dots and slashes and the case.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/core/dates.hpp"

namespace nuitee {

struct PaymentReference {
  long long host_number = 0;  // hosts.seq
  std::optional<Month> month;
  friend bool operator==(const PaymentReference&, const PaymentReference&) = default;
};

std::string FormatPaymentReference(const PaymentReference& reference);
// The reference exactly as printed (after dropping separators), or none.
std::optional<PaymentReference> ParsePaymentReference(std::string_view text);
// The first valid reference anywhere in a bank line's label, the one naming a month preferred.
std::optional<PaymentReference> FindPaymentReference(std::string_view label);

}  // namespace nuitee
