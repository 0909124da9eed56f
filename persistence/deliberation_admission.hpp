// Admitting deliberations: the checks a deliberation must pass before it is stored (the year's
// legal grid in force, the collectivity's member communes, nature codes) and the all-or-nothing
// recording of several at once (a DELTA file). Used by the API and by the `nuitee` CLI alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/collectivity.hpp"
#include "domain/core/error.hpp"
#include "persistence/database.hpp"
#include "persistence/deliberation_repository.hpp"
#include "rates/deliberation.hpp"

namespace nuitee::persistence {

// Every violation of `deliberation` (ValidateDeliberationOf against the grid in force for its
// year: the latest loaded, else the shipped one), pointers as in the deliberation's JSON body.
FieldErrors CheckDeliberation(Transaction& tx, const Collectivity& collectivity,
                              const rates::Deliberation& deliberation);

struct DeliberationToAdmit {
  rates::Deliberation deliberation;
  std::string pointer;  // where it came from, prefixed to its violations ("/deliberations/0")
  std::string origin;   // prefixed to its messages ("Ligne 12 : "), may be empty
};

struct AdmittedDeliberation {
  StoredDeliberation stored;
  bool created = false;  // false: identical to the latest version, nothing was appended
};

// Checks every deliberation first and fails with kRuleViolation listing every violation of every
// one; otherwise appends each as the next version of its year (unless identical to the latest),
// in the caller's transaction, so that nothing is half-recorded.
Result<std::vector<AdmittedDeliberation>> AdmitDeliberations(
    Transaction& tx, const Collectivity& collectivity,
    const std::vector<DeliberationToAdmit>& deliberations, const std::string& actor,
    std::string_view source, const std::optional<std::string>& reason);

}  // namespace nuitee::persistence
