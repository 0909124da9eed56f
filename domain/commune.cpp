// INSEE commune code format.
#include "domain/commune.hpp"

namespace nuitee {
namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool IsDepartmentCode(std::string_view code) {
  if (code == "2A" || code == "2B") return true;
  if (code.size() == 2 && IsDigit(code[0]) && IsDigit(code[1])) {
    const int number = (code[0] - '0') * 10 + (code[1] - '0');
    return number >= 1 && number <= 95 && number != 20;  // "20" split into 2A/2B in 1976
  }
  // Overseas départements and collectivities that levy the tax under the CGCT: 971 to 978.
  return code.size() == 3 && code[0] == '9' && code[1] == '7' && code[2] >= '1' && code[2] <= '8';
}

bool IsInseeCommuneCode(std::string_view code) {
  if (code.size() != 5) return false;
  for (std::size_t i = 2; i < 5; ++i) {
    if (!IsDigit(code[i])) return false;
  }
  if (code.substr(0, 2) == "97") return IsDepartmentCode(code.substr(0, 3));
  return IsDepartmentCode(code.substr(0, 2));
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
