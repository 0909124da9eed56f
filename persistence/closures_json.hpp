// An accommodation's closures as stored in accommodations.closures (jsonb):
// [{"from": "2026-01-05", "to": "2026-02-01"}]. The one reader and writer of that column's shape.
#pragma once

#include <string>
#include <vector>

#include "domain/core/dates.hpp"

namespace nuitee::persistence {

std::string ClosuresToJson(const std::vector<DayRange>& closures);
// `json_text` as selected (closures::text); the column's CHECKs and writers keep it well formed.
std::vector<DayRange> ClosuresFromJson(const std::string& json_text);

}  // namespace nuitee::persistence
