// Format check of registration numbers (D. 324-1-1; see docs on the domain, §9).
#include "domain/registration_number.hpp"

#include <string>

#include "domain/commune.hpp"

namespace nuitee {
namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperAlnum(char c) { return IsDigit(c) || (c >= 'A' && c <= 'Z'); }
}  // namespace

Status ValidateRegistrationNumber(std::string_view number, std::string_view commune_insee_code,
                                  std::string_view field) {
  const std::string pointer(field);
  if (number.size() != 13) {
    return Fail(Error::InvalidArgument(
        pointer, "Le numéro d'enregistrement doit comporter 13 caractères (ex. 15014123456AB)."));
  }
  if (!IsInseeCommuneCode(number.substr(0, 5))) {
    return Fail(Error::InvalidArgument(
        pointer, "Le numéro d'enregistrement doit commencer par le code INSEE de la commune."));
  }
  if (number.substr(0, 5) != commune_insee_code) {
    return Fail(Error::InvalidArgument(
        pointer, "Le numéro d'enregistrement doit commencer par le code INSEE de la commune de "
                 "l'hébergement (" + std::string(commune_insee_code) + ")."));
  }
  for (std::size_t i = 5; i < 11; ++i) {
    if (!IsDigit(number[i])) {
      return Fail(Error::InvalidArgument(
          pointer, "Les caractères 6 à 11 du numéro d'enregistrement doivent être des chiffres."));
    }
  }
  if (!IsUpperAlnum(number[11]) || !IsUpperAlnum(number[12])) {
    return Fail(Error::InvalidArgument(
        pointer, "Les deux derniers caractères du numéro d'enregistrement doivent être des "
                 "chiffres ou des lettres majuscules."));
  }
  return {};
}

}  // namespace nuitee
