// The yearly sworn statements of hosts marketing only through collecting platforms (migration
// 0013, platform_sworn_statements): one per host and year, never changed.
#pragma once

#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct SwornStatement {
  std::string id;
  HostId host_id;
  int year = 0;
  Day filed_on{};
  std::string recorded_by;
  std::string recorded_at;
};

class SwornStatementRepository {
 public:
  // kAlreadyExists (409) when the host has one for that year.
  static Result<SwornStatement> Record(Transaction& tx, const CollectivityId& collectivity,
                                       const HostId& host, int year, Day filed_on,
                                       const std::string& actor);
  // Latest year first.
  static std::vector<SwornStatement> OfHost(Transaction& tx, const HostId& host);
};

}  // namespace nuitee::persistence
