// Steps shared by the declaration routes.
#include "api/routes/declaration_support.hpp"

#include "api/json/declaration_json.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/collectivity_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::DeclarationRepository;
using persistence::Transaction;

// A month in the path ("2026-07"), 1900–2199; anything else is a resource that does not exist.
std::optional<Month> PathMonth(Exchange& exchange) {
  auto month = ParseIsoMonth(exchange.Param("month"));
  if (!month || month->year() < date::year{1900} || month->year() > date::year{2199}) {
    exchange.SendError(Error::NotFound("Aucune déclaration ne correspond à ce mois (AAAA-MM)."));
    return std::nullopt;
  }
  return month;
}

nlohmann::json WarningsJson(const std::vector<FieldError>& warnings) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& warning : warnings) {
    array.push_back({{"pointer", warning.field}, {"detail", warning.message}});
  }
  return array;
}

}  // namespace

std::string MonthPath(const Target& target) {
  return "/v1/accommodations/" + target.accommodation.value() + "/declarations/" +
         FormatIsoMonth(target.month);
}

std::optional<Target> ReadTarget(Exchange& exchange, bool with_month) {
  auto tenant = exchange.Tenant();
  if (!tenant) {
    exchange.SendError(tenant.error());
    return std::nullopt;
  }
  auto id = PathId(exchange);
  if (!id) return std::nullopt;
  Target target{*tenant, AccommodationId(*id), {}};
  if (with_month) {
    auto month = PathMonth(exchange);
    if (!month) return std::nullopt;
    target.month = *month;
  }
  return target;
}

Result<Context> LoadContext(Transaction& tx, const Target& target) {
  auto accommodation =
      persistence::AccommodationRepository::Find(tx, target.tenant, target.accommodation);
  if (!accommodation) return Fail(accommodation.error());
  auto collectivity = persistence::CollectivityRepository::Find(tx, target.tenant);
  if (!collectivity) return Fail(collectivity.error());
  auto history =
      persistence::ClassificationRepository::ListFor(tx, target.tenant, target.accommodation);
  return Context{std::move(*collectivity), std::move(*accommodation), std::move(history)};
}

// The month as stored now, answered to GET and to every write.
nlohmann::json MonthView(Transaction& tx, const Target& target, const Context& context, Day today) {
  auto stored = DeclarationRepository::FindMonth(tx, target.tenant, target.accommodation,
                                                 target.month, false);
  auto revisions =
      DeclarationRepository::Revisions(tx, target.tenant, target.accommodation, target.month);
  return DeclarationMonthToJson(target.accommodation, target.month, stored, revisions,
                                context.collectivity.declarations, today);
}

Status CheckAllowed(DeclarationAction action, const persistence::DeclarationMonth& month) {
  if (auto refusal = RefusalOf(action, month.State())) return Fail(Error::Conflict(*refusal));
  return {};
}

Status CheckMonthIfMatch(const std::optional<IfMatch>& condition,
                         const persistence::DeclarationMonth& month) {
  // A month with nothing stored answers GET with version 0: If-Match "0" (or none) fits it.
  if (month.Untouched()) {
    if (condition && condition->version && *condition->version != 0) {
      return Fail(Error::StaleVersion());
    }
    return {};
  }
  return CheckIfMatch(condition, month.version);
}

Result<nlohmann::json> StoreDraft(Transaction& tx, const Target& target, const Context& context,
                                  const std::optional<IfMatch>& condition,
                                  const std::vector<StayLine>& stays, const std::string& actor,
                                  Day today, const ProblemNaming& naming) {
  if (auto refusal = MonthRefusal(context.accommodation, target.month, today)) {
    return Fail(Error::FailedPrecondition(*refusal));
  }
  // Lock first (creating the month's row if need be), then decide on the locked row: a
  // concurrent submission or draft is either fully before this one or fully after it.
  const auto month = DeclarationRepository::LockMonth(tx, context.accommodation, target.month);
  if (auto ready = CheckMonthIfMatch(condition, month); !ready) return Fail(ready.error());
  if (auto allowed = CheckAllowed(DeclarationAction::kSaveDraft, month); !allowed) {
    return Fail(allowed.error());
  }
  const auto check = CheckStayLines(context.accommodation, context.history, target.month, stays,
                                    context.collectivity.declarations, today);
  if (!check.errors.empty()) {
    return Fail(Error::RuleViolation(
        naming(check.errors),
        "Certains séjours sont invalides : le brouillon n'a pas été enregistré."));
  }
  DeclarationRepository::SaveDraft(tx, context.accommodation, target.month, stays, actor);
  nlohmann::json view = MonthView(tx, target, context, today);
  view["warnings"] = WarningsJson(naming(check.warnings));
  return view;
}

}  // namespace nuitee::api
