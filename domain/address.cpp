// Postal address, e-mail and phone checks shared by hosts and accommodations.
#include "domain/address.hpp"

namespace nuitee {

void ValidatePostalAddress(const PostalAddress& address, std::string_view pointer,
                           FieldErrors& errors) {
  const std::string base(pointer);
  if (address.line.empty()) errors.Add(base + "/line", "L'adresse est obligatoire.");
  bool five_digits = address.postal_code.size() == 5;
  for (char c : address.postal_code) five_digits = five_digits && c >= '0' && c <= '9';
  if (!five_digits) errors.Add(base + "/postal_code", "Le code postal doit comporter 5 chiffres.");
  if (address.city.empty()) errors.Add(base + "/city", "La commune est obligatoire.");
}

bool LooksLikeEmail(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto domain = email.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  for (char c : email) {
    if (c == ' ' || c == '\t' || c == '<' || c == '>' || c == ',') return false;
  }
  return email.size() <= 254;
}

bool LooksLikePhone(std::string_view phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == ' ' || c == '.' || c == '-' || (c == '+' && i == 0))) {
      return false;
    }
  }
  return digits >= 9 && digits <= 15;
}

}  // namespace nuitee
