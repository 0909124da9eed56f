// Steps shared by the declaration routes (declaration_routes.cpp, stay_import_routes.cpp): the
// accommodation-month a request names, what the register says about it, the month as answered,
// and storing a checked draft.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/http/exchange.hpp"
#include "api/routes/route_support.hpp"
#include "domain/accommodation.hpp"
#include "domain/classification.hpp"
#include "domain/collectivity.hpp"
#include "domain/declaration.hpp"
#include "persistence/database.hpp"
#include "persistence/declaration_repository.hpp"

namespace nuitee::api {

// The accommodation-month a request names.
struct Target {
  CollectivityId tenant;
  AccommodationId accommodation;
  Month month{};
};

std::string MonthPath(const Target& target);

// The tenant (the caller's collectivity), the accommodation id and, `with_month`, the month of the path
// ("2026-07", 1900–2199). Answers 400/404 itself and returns nullopt when one is unusable.
std::optional<Target> ReadTarget(Exchange& exchange, bool with_month);

// What every decision on a declaration reads from the register.
struct Context {
  Collectivity collectivity;
  Accommodation accommodation;
  std::vector<Classification> history;
};
Result<Context> LoadContext(persistence::Transaction& tx, const Target& target);

// The month as stored now, as GET answers it and every write too.
nlohmann::json MonthView(persistence::Transaction& tx, const Target& target, const Context& context,
                         Day today);

// 409 with the French reason when the month's state does not allow `action`.
Status CheckAllowed(DeclarationAction action, const persistence::DeclarationMonth& month);

// If-Match against a locked month: required once something is stored (428), and must name its
// version (412); an untouched month accepts no If-Match or "0".
Status CheckMonthIfMatch(const std::optional<IfMatch>& condition,
                         const persistence::DeclarationMonth& month);

// Renames the fields of stay problems for the client (a CSV file names its lines).
using ProblemNaming = std::function<std::vector<FieldError>(std::vector<FieldError>)>;

// Replaces the month's draft with `stays` once the month may be declared, the client's If-Match
// holds and the stays pass CheckStayLines (422 with every problem, nothing stored). Returns the
// month's view with the warnings.
Result<nlohmann::json> StoreDraft(persistence::Transaction& tx, const Target& target,
                                  const Context& context, const std::optional<IfMatch>& condition,
                                  const std::vector<StayLine>& stays, const std::string& actor,
                                  Day today, const ProblemNaming& naming);

}  // namespace nuitee::api
