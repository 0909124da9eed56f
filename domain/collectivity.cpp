// Validation of a collectivity and its member communes.
#include "domain/collectivity.hpp"

#include <set>

#include "domain/business_identifiers.hpp"
#include "domain/nature.hpp"

namespace nuitee {

std::string_view CollectivityKindName(CollectivityKind kind) {
  return kind == CollectivityKind::kEpci ? "epci" : "commune";
}

std::optional<CollectivityKind> ParseCollectivityKind(std::string_view name) {
  if (name == "epci") return CollectivityKind::kEpci;
  if (name == "commune") return CollectivityKind::kCommune;
  return std::nullopt;
}

const Commune* Collectivity::FindCommune(std::string_view insee_code) const {
  for (const auto& commune : communes) {
    if (commune.insee_code == insee_code) return &commune;
  }
  return nullptr;
}

Status ValidateCollectivity(const Collectivity& collectivity) {
  FieldErrors errors;
  if (collectivity.name.empty()) errors.Add("/name", "Le nom de la collectivité est obligatoire.");
  if (auto siren = ValidateSiren(collectivity.siren); !siren) errors.Append(siren.error());
  if (!IsDepartmentCode(collectivity.department_code)) {
    errors.Add("/department_code", "Le code du département est invalide (ex. 15, 2A, 974).");
  }
  if (collectivity.communes.empty()) {
    errors.Add("/communes", "La collectivité doit compter au moins une commune membre.");
  }
  if (collectivity.kind == CollectivityKind::kCommune && collectivity.communes.size() > 1) {
    errors.Add("/communes", "Une commune ne compte qu'une seule commune membre : elle-même.");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < collectivity.communes.size(); ++i) {
    const auto& commune = collectivity.communes[i];
    const std::string pointer = "/communes/" + std::to_string(i);
    if (auto valid = ValidateCommune(commune, pointer); !valid) errors.Append(valid.error());
    if (!seen.insert(commune.insee_code).second) {
      errors.Add(pointer + "/insee_code", "Cette commune figure déjà dans la liste.");
    }
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return {};
}

FieldErrors ValidateDeliberationOf(const Collectivity& collectivity,
                                   const rates::Deliberation& deliberation,
                                   const rates::LegalGrid* grid) {
  FieldErrors errors;
  if (grid == nullptr) {
    errors.Add("", "Aucun barème légal n'est connu pour " + std::to_string(deliberation.year) +
                       " : chargez le barème officiel de l'année avant la délibération.");
  } else {
    const FieldErrors legal = rates::ValidateDeliberation(deliberation, *grid);
    for (const auto& each : legal.errors()) errors.Add(each.field, each.message);
  }
  for (std::size_t i = 0; i < deliberation.flat_rate_natures.size(); ++i) {
    const std::string& code = deliberation.flat_rate_natures[i];
    if (!ParseNature(code)) {
      errors.Add("/flat_rate_natures/" + std::to_string(i),
                 "« " + code +
                     " » n'est pas une nature d'hébergement connue (ex. hotel, camping).");
    }
  }
  std::set<std::string> reported;  // a code already refused as malformed is not also "unknown"
  for (const auto& each : errors.errors()) reported.insert(each.field);
  for (std::size_t i = 0; i < deliberation.communes.size(); ++i) {
    const std::string& code = deliberation.communes[i];
    const std::string pointer = "/communes/" + std::to_string(i);
    if (collectivity.FindCommune(code) == nullptr && !reported.count(pointer)) {
      errors.Add(pointer,
                 "La commune " + code + " n'est pas membre de la collectivité « " +
                     collectivity.name + " ».");
    }
  }
  return errors;
}

}  // namespace nuitee
