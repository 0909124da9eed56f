// Collectivities: the tenants. Not scoped by a tenant themselves: the instance operator sees all.
#pragma once

#include <optional>

#include "domain/collectivity.hpp"
#include "domain/core/error.hpp"
#include "persistence/database.hpp"
#include "persistence/page.hpp"

namespace nuitee::persistence {

class CollectivityRepository {
 public:
  // Assigns the id (unless `collectivity.id` is set, as the demo does) and version 1.
  static Result<Collectivity> Insert(Transaction& tx, Collectivity collectivity);
  static Result<Collectivity> Find(Transaction& tx, const CollectivityId& id);
  static std::optional<Collectivity> FindBySiren(Transaction& tx, const std::string& siren);
  // Optimistic concurrency: kStaleVersion unless the stored version is `expected_version`.
  static Result<Collectivity> Update(Transaction& tx, const Collectivity& collectivity,
                                     long long expected_version);
  static Page<Collectivity> List(Transaction& tx, const PageRequest& page);
};

}  // namespace nuitee::persistence
