// "Send a reminder now" (issue 6, the referent's actions): the next reminder of an accommodation-
// month — the first, or the second — taken today with its mail, whatever the calendar's day.
#pragma once

#include <string>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "persistence/enforcement_step_repository.hpp"

namespace nuitee::worker {

struct RemindNowRequest {
  CollectivityId collectivity;
  std::string accommodation_id;
  Month month{};
  Day today{};
  std::string actor;
  std::string portal_url;
};

// The step taken. kNotFound for an accommodation not of the collectivity; kConflict (409) when
// the month is declared, not chased, or no reminder remains (both sent, or a later step taken).
Result<persistence::StoredStep> RemindNow(persistence::Transaction& tx,
                                          const RemindNowRequest& request);

}  // namespace nuitee::worker
