// SQL of platforms' reversements (migration 0015): the money a platform paid the collectivity's
// accountant for a period's collections (L. 2333-34 I–II: by 30 June and 31 December), booked as
// a `platform_reversement` entry (treasury +amount; platform_receivable −amount) in the same
// transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct NewPlatformReversement {
  CollectivityId collectivity_id;
  std::string platform_id;
  std::string platform_name;
  Day received_on{};
  Money amount = Money::Zero();
  Day period_start{};
  Day period_end{};
  std::string bank_reference;
  std::string recorded_by;
};

struct StoredPlatformReversement {
  std::string id;
  long long seq = 0;
  std::string platform_id;
  std::string platform_name;
  Day received_on{};
  Money amount = Money::Zero();
  Day period_start{};
  Day period_end{};
  std::string bank_reference;
  std::string entry_id;
  std::string recorded_by;
  std::string recorded_at;
};

class PlatformReversementRepository {
 public:
  static Result<StoredPlatformReversement> Record(Transaction& tx,
                                                  const NewPlatformReversement& reversement);
  // The collectivity's reversements, of one platform when given, in the order received.
  static std::vector<StoredPlatformReversement> List(
      Transaction& tx, const CollectivityId& collectivity,
      const std::optional<std::string>& platform_id);
};

}  // namespace nuitee::persistence
