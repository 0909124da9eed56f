// Names of audited entity kinds, as they appear in history URLs and the audit table.
#include "domain/audit.hpp"

namespace nuitee {

std::string EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kCollectivity: return "collectivity";
    case EntityKind::kHost: return "host";
    case EntityKind::kAccommodation: return "accommodation";
  }
  return "host";
}

}  // namespace nuitee
