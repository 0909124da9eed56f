// The classification history of an accommodation: append-only.
#pragma once

#include <vector>

#include "domain/classification.hpp"
#include "domain/core/error.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

class ClassificationRepository {
 public:
  // `category` is what the rank gives the accommodation's nature, stored for the register's
  // "category on a date" filter.
  static Result<Classification> Insert(Transaction& tx, const CollectivityId& collectivity,
                                       Classification classification, rates::Category category,
                                       const std::string& recorded_by);
  // Oldest decision first.
  static std::vector<Classification> ListFor(Transaction& tx, const CollectivityId& collectivity,
                                             const AccommodationId& accommodation);
};

}  // namespace nuitee::persistence
