// What the platform reconciliation reports read (issue 7): what platforms declared collecting vs
// what they paid, the nights hosts declared as collected by a platform vs the platforms' lines,
// and the facts the overcharge detection needs (domain/money/platform_overcharge.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

// One platform and half-year (the reversement periods of L. 2333-34: January–June, July–December).
struct PlatformCollectedVsPaid {
  std::string platform_id;
  std::string platform_name;
  Day period_start{};
  Day period_end{};
  Money collected = Money::Zero();  // lines whose collection date falls in the half-year
  Money paid = Money::Zero();       // reversements whose covered period ends in it
};

// One accommodation and month where the two counts differ.
struct PlatformNightsGap {
  std::string accommodation_id;
  std::string accommodation_name;
  std::optional<std::string> registration_number;
  std::string host_id;
  std::string host_name;
  Month month{};
  long long declared_nights = 0;  // by the host, as collected by a platform (latest revision)
  long long platform_nights = 0;  // in the platforms' lines, stays starting that month
};

struct PlatformLineForOvercharge {
  std::string line_id;
  std::string statement_id;
  std::string platform_name;
  std::string accommodation_id;
  std::string accommodation_name;
  std::string host_name;
  Day stay_start{};
  Day stay_end{};
  long long persons = 0;
  long long nights = 0;
  Money collected = Money::Zero();
  std::string charged_category;     // as the platform wrote it
  std::string classified_category;  // the register's on the first night
  std::optional<long long> declared_liable;  // occupants − exempted, from the host's line
};

class PlatformReconciliationRepository {
 public:
  static std::vector<PlatformCollectedVsPaid> CollectedVsPaid(Transaction& tx,
                                                              const CollectivityId& collectivity,
                                                              Day from, Day to);
  // Months from `from` to `to` inclusive; both directions (declared but absent from the files,
  // and the reverse), in register order.
  static std::vector<PlatformNightsGap> NightsGaps(Transaction& tx,
                                                   const CollectivityId& collectivity, Month from,
                                                   Month to);
  // Matched or assigned lines of stays starting from `from` to `to`, whose accommodation was
  // classified on the first night.
  static std::vector<PlatformLineForOvercharge> LinesOfClassified(
      Transaction& tx, const CollectivityId& collectivity, Month from, Month to);
};

}  // namespace nuitee::persistence
