// The deliberations of each collectivity, year by year: append-only, a change is a new version
// (who, when, why), and the engine reads the latest version of each year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"
#include "rates/deliberation.hpp"
#include "rates/rate_book.hpp"

namespace nuitee::persistence {

// Where a version came from: the API, a DELTA file, the demo seed (the table's CHECK).
inline constexpr std::string_view kSourceApi = "api";
inline constexpr std::string_view kSourceDelta = "delta";
inline constexpr std::string_view kSourceDemo = "demo";

struct StoredDeliberation {
  CollectivityId collectivity_id;
  rates::Deliberation deliberation;  // deliberation.year is the year it is filed under
  std::int64_t version = 0;
  std::string recorded_by;
  std::string recorded_at;  // ISO 8601, UTC
  std::string source;
  std::optional<std::string> reason;
};

class DeliberationRepository {
 public:
  // Stores `deliberation` as the next version of its year for `collectivity` (version 1 if none),
  // as is: validate it first (ValidateDeliberationOf, with LegalGridRepository::InForce). Appends
  // to one collectivity and year are serialised, so concurrent appends get consecutive versions.
  // Callable from anywhere that holds a transaction (API routes, the demo seed, the DELTA CLI).
  static Result<StoredDeliberation> Append(Transaction& tx, const CollectivityId& collectivity,
                                           const rates::Deliberation& deliberation,
                                           const std::string& actor, std::string_view source,
                                           std::optional<std::string> reason);
  // Holds appends to this collectivity and year until the transaction ends: take it before
  // reading the latest version to compare it with a client's If-Match. Append takes it too.
  static void LockYear(Transaction& tx, const CollectivityId& collectivity, int year);

  static std::optional<StoredDeliberation> Latest(Transaction& tx,
                                                  const CollectivityId& collectivity, int year);
  static std::optional<StoredDeliberation> Version(Transaction& tx,
                                                   const CollectivityId& collectivity, int year,
                                                   std::int64_t version);
  // Every version of the year, oldest first.
  static std::vector<StoredDeliberation> Versions(Transaction& tx,
                                                  const CollectivityId& collectivity, int year);
  // The latest version of every year that has one, by year.
  static std::vector<StoredDeliberation> LatestOfEachYear(Transaction& tx,
                                                          const CollectivityId& collectivity);

  // What the engine needs for stays in [first_year, last_year]: the latest deliberation of each of
  // these years and the latest loaded grid of each (shipped grids are the book's own fallback).
  // One round trip.
  static Result<rates::RateBook> LoadRateBook(Transaction& tx, const CollectivityId& collectivity,
                                              int first_year, int last_year);
};

}  // namespace nuitee::persistence
