// Accommodations of one collectivity: the register's list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accommodation.hpp"
#include "domain/core/error.hpp"
#include "persistence/database.hpp"
#include "persistence/page.hpp"
#include "persistence/search_windows.hpp"
#include "rates/category.hpp"

namespace nuitee::persistence {

struct AccommodationFilter {
  std::optional<HostId> host;
  std::optional<std::string> commune;          // INSEE code
  std::optional<Nature> nature;
  std::optional<rates::Category> category;     // on `on`
  std::optional<AccommodationStatus> status;   // on `on`
  std::optional<std::string> text;             // name, address, registration number, host name
  Day on;                                      // the day category and status are read on
};

// A row of the register's list: the accommodation and its category on the filter's day.
struct AccommodationListing {
  Accommodation accommodation;
  rates::Category category = rates::Category::kUnclassified;
};

// Whose a record is, for access checks.
struct RecordOwner {
  CollectivityId collectivity;
  HostId host;
};

class AccommodationRepository {
 public:
  // `host_name` feeds the free-text search.
  static Result<Accommodation> Insert(Transaction& tx, Accommodation accommodation,
                                      const std::string& host_name);
  enum class Lock { kNone, kForUpdate };
  // kForUpdate holds the row until the transaction ends (classifying and updating take it, so a
  // nature change and a new classification cannot interleave).
  static Result<Accommodation> Find(Transaction& tx, const CollectivityId& collectivity,
                                    const AccommodationId& id, Lock lock = Lock::kNone);
  // A new classification changes what the accommodation's representation says (its category), so
  // it gets a new version and ETag.
  static long long BumpVersion(Transaction& tx, const AccommodationId& id);
  // Also refreshes the host's name kept for search when the accommodation changes host.
  static Result<Accommodation> Update(Transaction& tx, const Accommodation& accommodation,
                                      long long expected_version);
  // A live accommodation that the given one would duplicate: same registration number, or same
  // host and address (case, punctuation and spacing ignored) in the same commune.
  static std::optional<AccommodationId> FindDuplicate(Transaction& tx,
                                                      const Accommodation& accommodation);
  // The collectivity and the host an accommodation belongs to today (the access check of every
  // /v1/accommodations/{id} route); nullopt for an unknown id.
  static std::optional<RecordOwner> OwnerOf(Transaction& tx, const AccommodationId& id);
  // Every accommodation of a host, ceased ones included, in register order (a host's statement).
  static std::vector<Accommodation> ListOfHost(Transaction& tx, const CollectivityId& collectivity,
                                               const HostId& host);
  // With `filter.text`, a search in bounded steps (persistence/register_search.hpp); `windows`
  // is for tests.
  static Page<AccommodationListing> List(Transaction& tx, const CollectivityId& collectivity,
                                         const AccommodationFilter& filter,
                                         const PageRequest& page,
                                         const SearchWindows& windows = {});
};

}  // namespace nuitee::persistence
