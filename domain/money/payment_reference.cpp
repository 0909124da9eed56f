#include "domain/money/payment_reference.hpp"

#include <cctype>

namespace nuitee {
namespace {

constexpr std::size_t kNumberDigits = 8;
constexpr std::size_t kMonthDigits = 6;

// ISO 7064 MOD 97-10 over a string of digits: the two digits that make the whole number ≡ 1.
int CheckDigits(std::string_view digits) {
  int remainder = 0;
  for (char c : digits) remainder = (remainder * 10 + (c - '0')) % 97;
  remainder = (remainder * 100) % 97;
  return 98 - remainder;
}

std::string TwoDigits(int value) {
  return std::string{char('0' + value / 10), char('0' + value % 10)};
}

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

std::string Compact(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '\t') continue;
    out += char(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// `body` = digits after "TS", check digits included.
std::optional<PaymentReference> ParseBody(std::string_view body) {
  if (body.size() != kNumberDigits + 2 && body.size() != kNumberDigits + kMonthDigits + 2) {
    return std::nullopt;
  }
  if (!AllDigits(body)) return std::nullopt;
  const std::string_view payload = body.substr(0, body.size() - 2);
  if (TwoDigits(CheckDigits(payload)) != body.substr(body.size() - 2)) return std::nullopt;
  PaymentReference reference;
  reference.host_number = std::stoll(std::string(payload.substr(0, kNumberDigits)));
  if (reference.host_number <= 0) return std::nullopt;
  if (payload.size() > kNumberDigits) {
    const int year = std::stoi(std::string(payload.substr(kNumberDigits, 4)));
    const unsigned month = unsigned(std::stoi(std::string(payload.substr(kNumberDigits + 4, 2))));
    if (year < 2000 || year > 2100 || month < 1 || month > 12) return std::nullopt;
    reference.month = date::year{year} / date::month{month};
  }
  return reference;
}

}  // namespace

std::string FormatPaymentReference(const PaymentReference& reference) {
  std::string payload = std::to_string(reference.host_number);
  payload.insert(0, kNumberDigits > payload.size() ? kNumberDigits - payload.size() : 0, '0');
  if (reference.month) {
    const int year = int(reference.month->year());
    const unsigned month = unsigned(reference.month->month());
    payload += std::to_string(year) + TwoDigits(int(month));
  }
  return "TS" + payload + TwoDigits(CheckDigits(payload));
}

std::optional<PaymentReference> ParsePaymentReference(std::string_view text) {
  const std::string compact = Compact(text);
  if (compact.size() < 2 || compact.compare(0, 2, "TS") != 0) return std::nullopt;
  return ParseBody(std::string_view(compact).substr(2));
}

std::optional<PaymentReference> FindPaymentReference(std::string_view label) {
  const std::string compact = Compact(label);
  std::optional<PaymentReference> found;
  for (std::size_t at = compact.find("TS"); at != std::string::npos;
       at = compact.find("TS", at + 1)) {
    std::size_t end = at + 2;
    while (end < compact.size() && std::isdigit(static_cast<unsigned char>(compact[end]))) ++end;
    const std::string_view digits = std::string_view(compact).substr(at + 2, end - at - 2);
    // The longer form first; then the short one at the same place (a label may run on into a
    // date or an amount).
    for (std::size_t length : {kNumberDigits + kMonthDigits + 2, kNumberDigits + 2}) {
      if (digits.size() < length) continue;
      if (auto reference = ParseBody(digits.substr(0, length))) {
        if (reference->month) return reference;
        if (!found) found = reference;
        break;
      }
    }
  }
  return found;
}

}  // namespace nuitee
