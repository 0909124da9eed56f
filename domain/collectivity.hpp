// The tenant: the commune or intercommunality that levies the taxe de séjour.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/commune.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"

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
  long long version = 0;

  const Commune* FindCommune(std::string_view insee_code) const;
};

// Every problem at once: name, SIREN key, département, member communes (at least one, no code
// twice; a commune collectivity has exactly one member, itself).
Status ValidateCollectivity(const Collectivity& collectivity);

}  // namespace nuitee
