// Member communes, identified by their INSEE code (code officiel géographique).
#pragma once

#include <string>
#include <string_view>

#include "domain/core/error.hpp"

namespace nuitee {

struct Commune {
  std::string insee_code;  // "15014", "2A004", "97411"
  std::string name;
  friend bool operator==(const Commune&, const Commune&) = default;
};

// Five characters: a two-character département ("01"–"95", "2A", "2B") then three digits, or an
// overseas "971"–"978" prefix then two digits. Metropolitan "20" no longer exists (Corsica split).
bool IsInseeCommuneCode(std::string_view code);
// "01"–"95" (no "20"), "2A", "2B", or "971"–"978".
bool IsDepartmentCode(std::string_view code);

Status ValidateCommune(const Commune& commune, std::string_view field);

}  // namespace nuitee
