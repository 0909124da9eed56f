// SIREN and SIRET key checks (INSEE, "Répertoire SIRENE": Luhn algorithm).
#include "domain/business_identifiers.hpp"

#include <string>

namespace nuitee {
namespace {

constexpr std::string_view kLaPosteSiren = "356000000";
constexpr std::string_view kLaPosteHeadOffice = "35600000000048";

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

}  // namespace

bool PassesLuhn(std::string_view digits) {
  if (!AllDigits(digits)) return false;
  int sum = 0;
  bool double_it = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int value = *it - '0';
    if (double_it) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

Status ValidateSiret(std::string_view siret, std::string_view field) {
  if (siret.size() != 14 || !AllDigits(siret)) {
    return Fail(Error::InvalidArgument(std::string(field),
                                       "Le SIRET doit comporter exactement 14 chiffres."));
  }
  // La Poste's establishments share one SIREN and are too many for Luhn keys; INSEE gives them a
  // digit sum that is a multiple of 5 instead, except the head office, which follows Luhn.
  if (siret.substr(0, 9) == kLaPosteSiren && siret != kLaPosteHeadOffice) {
    int sum = 0;
    for (char c : siret) sum += c - '0';
    if (sum % 5 == 0) return {};
  } else if (PassesLuhn(siret) && PassesLuhn(siret.substr(0, 9))) {
    // The first nine digits are the company's SIREN, which carries its own key.
    return {};
  }
  return Fail(Error::InvalidArgument(
      std::string(field), "Ce SIRET n'est pas valide : sa clé de contrôle ne correspond pas."));
}

Status ValidateSiren(std::string_view siren, std::string_view field) {
  if (siren.size() != 9 || !AllDigits(siren)) {
    return Fail(Error::InvalidArgument(std::string(field),
                                       "Le SIREN doit comporter exactement 9 chiffres."));
  }
  if (!PassesLuhn(siren)) {
    return Fail(Error::InvalidArgument(
        std::string(field), "Ce SIREN n'est pas valide : sa clé de contrôle ne correspond pas."));
  }
  return {};
}

}  // namespace nuitee
