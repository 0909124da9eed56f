// INSEE commune code format.
#include "domain/commune.hpp"

namespace nuitee {
namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool IsInseeCommuneCode(std::string_view code) {
  if (code.size() != 5) return false;
  for (std::size_t i = 2; i < 5; ++i) {
    if (!IsDigit(code[i])) return false;
  }
  if (code[0] == '2' && (code[1] == 'A' || code[1] == 'B')) return true;
  if (!IsDigit(code[0]) || !IsDigit(code[1])) return false;
  if (code.substr(0, 2) == "00" || code.substr(0, 2) == "20") return false;
  return true;
}

Status ValidateCommune(const Commune& commune, std::string_view field) {
  FieldErrors errors;
  if (!IsInseeCommuneCode(commune.insee_code)) {
    errors.Add(std::string(field) + "/insee_code",
               "Le code INSEE doit comporter 5 caractères (ex. 15014, 2A004).");
  }
  if (commune.name.empty()) {
    errors.Add(std::string(field) + "/name", "Le nom de la commune est obligatoire.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return {};
}

}  // namespace nuitee
