// The tenant: the commune or intercommunality that levies the taxe de séjour.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/commune.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/declaration_settings.hpp"
#include "rates/deliberation.hpp"
#include "rates/legal_grid.hpp"
#include "rates/rounding.hpp"

namespace nuitee {

enum class CollectivityKind { kEpci, kCommune };
std::string_view CollectivityKindName(CollectivityKind kind);
std::optional<CollectivityKind> ParseCollectivityKind(std::string_view name);

struct Collectivity {
  CollectivityId id;
  std::string name;
  std::string siren;
  CollectivityKind kind = CollectivityKind::kEpci;
  std::string department_code;  // "15", "2A", "974": where departmental add-ons come from
  std::vector<Commune> communes;
  // Settings where collectivities differ.
  bool registration_number_required = true;  // meublés must show their number (loi Le Meur)
  // How a stay's tax is rounded (no legal rule exists: taxe-de-sejour.md §3, docs/decisions.md).
  rates::RoundingMode rounding_mode = rates::RoundingMode::kPerLine;
  // Deadline, reversement frequency and month of a stay across a month end.
  DeclarationSettings declarations;
  long long version = 0;

  const Commune* FindCommune(std::string_view insee_code) const;
};

// Every problem at once: name, SIREN key, département, member communes (at least one, no code
// twice; a commune collectivity has exactly one member, itself).
Status ValidateCollectivity(const Collectivity& collectivity);

// Every reason `collectivity` may not adopt `deliberation`, each with the JSON pointer of its field
// in the deliberation body: the rules of the law against the year's legal grid
// (rates::ValidateDeliberation; `grid` null when no grid is known for the year), natures under the
// forfait that are not nature codes, and communes that are not members of the collectivity
// (a deliberation binds only the territory of the council that adopts it, L. 2333-26).
FieldErrors ValidateDeliberationOf(const Collectivity& collectivity,
                                   const rates::Deliberation& deliberation,
                                   const rates::LegalGrid* grid);

}  // namespace nuitee
