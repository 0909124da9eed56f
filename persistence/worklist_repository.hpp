// What the referent's worklist and dashboard read (issue 6): the accommodation-months that have no
// submission, with the facts WhyNotChased weighs, the steps taken, the categories in force, and
// the declared months' counts per month and commune. Set-wise queries: one per kind of fact for a
// whole territory, never one per accommodation.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/accommodation.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/enforcement_progress.hpp"
#include "domain/missing_month.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct WorklistFilter {
  std::optional<std::string> commune_insee_code;
  std::optional<std::string> nature;
};

// One accommodation-month with no submission, whose accommodation was not ceased nor yet to open
// that month (WhyNotChased makes the finer checks).
struct UndeclaredMonth {
  std::string accommodation_id;
  long long accommodation_seq = 0;
  std::string accommodation_name;
  std::string commune_insee_code;
  std::string nature;
  int capacity_persons = 0;
  Marketing marketing = Marketing::kDirect;
  std::optional<Day> opened_on;
  std::optional<Day> ceased_on;
  std::vector<DayRange> closures;
  rates::Category unclassified_category = rates::Category::kUnclassified;
  std::string host_id;
  std::string host_name;
  std::optional<std::string> host_email;
  bool host_archived = false;  // archived on or before `today`
  Month month{};
  bool sworn_statement = false;  // filed by the host for the month's year
  bool on_hold = false;          // a live hold of the host
};

// (accommodation id, "YYYY-MM")
using AccommodationMonthKey = std::pair<std::string, std::string>;

// One row of the declared months' counts.
struct DeclaredCount {
  Month month{};
  std::string commune_insee_code;
  long long declared = 0;
  long long on_time = 0;  // first submission on or before its due day
  long long late = 0;
  long long nil = 0;              // latest revision nil or closed
  long long tax_total_cents = 0;  // latest revisions' totals
};

class WorklistRepository {
 public:
  // Every month from `from` to `to` (both included) of the collectivity's accommodations that has
  // no submission, ordered by accommodation (register order) then month.
  static std::vector<UndeclaredMonth> UndeclaredMonths(Transaction& tx,
                                                       const CollectivityId& collectivity,
                                                       Month from, Month to,
                                                       const WorklistFilter& filter, Day today);
  // The steps taken for those months, in the order they were taken.
  static std::map<AccommodationMonthKey, std::vector<TakenStep>> TakenSteps(
      Transaction& tx, const CollectivityId& collectivity, Month from, Month to);
  // The classification periods of the collectivity's accommodations, by accommodation id.
  static std::map<std::string, std::vector<CategoryPeriod>> CategoryPeriods(
      Transaction& tx, const CollectivityId& collectivity);
  // Submitted months per month and commune (the accommodation's commune today).
  static std::vector<DeclaredCount> DeclaredCounts(Transaction& tx,
                                                   const CollectivityId& collectivity, Month from,
                                                   Month to);
};

}  // namespace nuitee::persistence
