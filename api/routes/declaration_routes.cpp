// /v1/accommodations/{id}/declarations: the monthly declaration of each accommodation (CGCT
// L. 2333-34 I: hosts remit what they collected at the dates of the deliberation, with the state
// of their register). A draft is the host's working copy; a submission is computed by the rates
// engine and frozen; a correction is a revision that supersedes it, and every revision stays
// readable with who, when and why.
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/declaration_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/deliberation_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::DeclarationRepository;
using persistence::Transaction;
using Pistache::Http::Code;

// The accommodation-month a request names.
struct Target {
  CollectivityId tenant;
  AccommodationId accommodation;
  Month month{};
};

std::string MonthPath(const Target& target) {
  return "/v1/accommodations/" + target.accommodation.value() + "/declarations/" +
         FormatIsoMonth(target.month);
}

// A month in the path ("2026-07"), 1900–2199; anything else is a resource that does not exist.
std::optional<Month> PathMonth(Exchange& exchange) {
  auto month = ParseIsoMonth(exchange.Param("month"));
  if (!month || month->year() < date::year{1900} || month->year() > date::year{2199}) {
    exchange.SendError(Error::NotFound("Aucune déclaration ne correspond à ce mois (AAAA-MM)."));
    return std::nullopt;
  }
  return month;
}

std::optional<Target> ReadTarget(Exchange& exchange, bool with_month) {
  auto tenant = exchange.TenantFromHeader();
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

// What every decision on a declaration reads from the register.
struct Context {
  Collectivity collectivity;
  Accommodation accommodation;
  std::vector<Classification> history;
};

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

// Checks, computes with the deliberations of every year the stays touch, and appends the month's
// next revision. The month must be locked.
Result<persistence::StoredRevision> Submit(Transaction& tx, const Target& target,
                                           const Context& context, DeclarationKind kind,
                                           const std::vector<StayLine>& stays,
                                           std::optional<std::string> reason,
                                           const std::string& actor, Day today) {
  const auto [first_year, last_year] = YearsOf(target.month, stays);
  auto book =
      persistence::DeliberationRepository::LoadRateBook(tx, target.tenant, first_year, last_year);
  if (!book) return Fail(book.error());
  auto submission = PrepareSubmission(context.accommodation, context.history, target.month, kind,
                                      stays, context.collectivity.declarations, *book,
                                      context.collectivity.rounding_mode, today);
  if (!submission) return Fail(submission.error());
  persistence::NewRevision revision{std::move(*submission), context.collectivity.rounding_mode,
                                    actor, today, std::move(reason)};
  return DeclarationRepository::AppendRevision(tx, context.accommodation, target.month, revision);
}

void List(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, false);
  if (!target) return;
  auto query = QueryParameters::Read(exchange, {"from", "to"});
  if (!query) return exchange.SendError(query.error());
  const Day today = services.today();
  const Month current = today.year() / today.month();
  FieldErrors errors;
  auto read_month = [&](const std::string& name, Month fallback) {
    auto text = query->Get(name);
    if (!text) return fallback;
    auto month = ParseIsoMonth(*text);
    if (!month) errors.Add("/query/" + name, "Un mois au format AAAA-MM est attendu.");
    return month.value_or(fallback);
  };
  const Month to = read_month("to", current - date::months{1});
  const Month from = read_month("from", to - date::months{11});
  if (errors.empty() && (from > to || (to - from).count() >= 120)) {
    errors.Add("/query/from", "La période va de « from » à « to », dix ans au plus.");
  }
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto context = LoadContext(tx, *target);
    if (!context) return Fail(context.error());
    auto stored =
        DeclarationRepository::ListMonths(tx, target->tenant, target->accommodation, from, to);
    nlohmann::json items = nlohmann::json::array();
    std::size_t next = 0;
    for (Month month = from; month <= to; month += date::months{1}) {
      const persistence::DeclarationMonthSummary* summary = nullptr;
      if (next < stored.size() && stored[next].month.month == month) summary = &stored[next++];
      // A month with nothing stored is listed only when it may be declared at all.
      if (!summary && MonthRefusal(context->accommodation, month, today)) continue;
      items.push_back(
          MonthSummaryToJson(month, summary, context->collectivity.declarations, today));
    }
    return nlohmann::json{{"accommodation_id", target->accommodation.value()},
                          {"from", FormatIsoMonth(from)},
                          {"to", FormatIsoMonth(to)},
                          {"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Read(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, true);
  if (!target) return;
  auto read = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto context = LoadContext(tx, *target);
    if (!context) return Fail(context.error());
    return MonthView(tx, *target, *context, services.today());
  });
  if (!read) return exchange.SendError(read.error());
  exchange.SendJson(Code::Ok, *read, (*read)["version"].get<long long>());
}

// PUT: saves the draft (nothing is computed nor frozen). The lines are checked as they would be
// on submission, so the host sees every problem early; warnings come back with the draft.
void SaveDraft(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, true);
  if (!target) return;
  auto condition = OptionalIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto stays = DraftFromJson(*body);
  if (!stays) return exchange.SendError(stays.error());
  const Day today = services.today();
  auto saved = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto context = LoadContext(tx, *target);
    if (!context) return Fail(context.error());
    if (auto refusal = MonthRefusal(context->accommodation, target->month, today)) {
      return Fail(Error::FailedPrecondition(*refusal));
    }
    auto existing = DeclarationRepository::FindMonth(tx, target->tenant, target->accommodation,
                                                     target->month, true);
    if (auto ready =
            CheckIfMatch(*condition, existing ? std::optional(existing->version) : std::nullopt);
        !ready) {
      return Fail(ready.error());
    }
    if (existing) {
      if (auto allowed = CheckAllowed(DeclarationAction::kSaveDraft, *existing); !allowed) {
        return Fail(allowed.error());
      }
    }
    const auto check = CheckStayLines(context->accommodation, context->history, target->month,
                                      *stays, context->collectivity.declarations, today);
    if (!check.errors.empty()) {
      return Fail(Error::RuleViolation(check.errors,
                                       "Certains séjours sont invalides : le "
                                       "brouillon n'a pas été enregistré."));
    }
    DeclarationRepository::SaveDraft(tx, context->accommodation, target->month, *stays,
                                     exchange.Actor());
    nlohmann::json view = MonthView(tx, *target, *context, today);
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& warning : check.warnings) {
      warnings.push_back({{"pointer", warning.field}, {"detail", warning.message}});
    }
    view["warnings"] = warnings;
    return view;
  });
  if (!saved) return exchange.SendError(saved.error());
  exchange.SendJson(Code::Ok, *saved, (*saved)["version"].get<long long>());
}

// The reply to a submission: the month as stored now, 201 at the month's address.
Result<Reply> SubmittedReply(Transaction& tx, const Target& target, const Context& context,
                             Day today) {
  nlohmann::json view = MonthView(tx, target, context, today);
  const long long version = view["version"].get<long long>();
  return Reply{Code::Created, std::move(view), MonthPath(target), version};
}

// POST …/submit: the first submission of the month (409 once submitted: revise instead).
void SubmitMonth(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, true);
  if (!target) return;
  auto body = ReadOptionalJsonObject(exchange);
  if (!body) return;
  auto given = SubmitFromJson(*body);
  if (!given) return exchange.SendError(given.error());
  const Day today = services.today();
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto context = LoadContext(tx, *target);
    if (!context) return Fail(context.error());
    const auto month = DeclarationRepository::LockMonth(tx, context->accommodation, target->month);
    if (auto allowed = CheckAllowed(DeclarationAction::kSubmit, month); !allowed) {
      return Fail(allowed.error());
    }
    if (!*given && !month.draft) {
      return Fail(Error::FailedPrecondition(
          "Aucun brouillon n'est enregistré pour ce mois : envoyez les séjours, ou déclarez le "
          "mois « néant »."));
    }
    const std::vector<StayLine>& stays = *given ? **given : *month.draft;
    auto submitted = Submit(tx, *target, *context, DeclarationKind::kStays, stays, std::nullopt,
                            exchange.Actor(), today);
    if (!submitted) return Fail(submitted.error());
    return SubmittedReply(tx, *target, *context, today);
  });
}

// POST …/nil: "no night collected directly this month", or {"closed": true}, in one click.
void SubmitNil(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, true);
  if (!target) return;
  auto body = ReadOptionalJsonObject(exchange);
  if (!body) return;
  auto kind = NilFromJson(*body);
  if (!kind) return exchange.SendError(kind.error());
  const Day today = services.today();
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto context = LoadContext(tx, *target);
    if (!context) return Fail(context.error());
    const auto month = DeclarationRepository::LockMonth(tx, context->accommodation, target->month);
    if (auto allowed = CheckAllowed(DeclarationAction::kSubmit, month); !allowed) {
      return Fail(allowed.error());
    }
    auto submitted =
        Submit(tx, *target, *context, *kind, {}, std::nullopt, exchange.Actor(), today);
    if (!submitted) return Fail(submitted.error());
    return SubmittedReply(tx, *target, *context, today);
  });
}

// POST …/revisions: a correction of a submitted month. If-Match must name the month's version,
// so a correction is always made knowing what it corrects.
void Revise(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, true);
  if (!target) return;
  auto condition = RequiredIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = RevisionFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  const Day today = services.today();
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto context = LoadContext(tx, *target);
    if (!context) return Fail(context.error());
    const auto month = DeclarationRepository::LockMonth(tx, context->accommodation, target->month);
    if (auto allowed = CheckAllowed(DeclarationAction::kRevise, month); !allowed) {
      return Fail(allowed.error());
    }
    if (!condition->Matches(month.version)) return Fail(Error::StaleVersion());
    auto submitted = Submit(tx, *target, *context, request->kind, request->stays, request->reason,
                            exchange.Actor(), today);
    if (!submitted) return Fail(submitted.error());
    return SubmittedReply(tx, *target, *context, today);
  });
}

}  // namespace

void RegisterDeclarationRoutes(RouteTable& table, Services& services) {
  const std::string base = "/v1/accommodations/{id}/declarations";
  table.Get(base, [&services](Exchange& e) { List(e, services); });
  table.Get(base + "/{month}", [&services](Exchange& e) { Read(e, services); });
  table.Put(base + "/{month}", [&services](Exchange& e) { SaveDraft(e, services); });
  table.Post(base + "/{month}/submit", [&services](Exchange& e) { SubmitMonth(e, services); });
  table.Post(base + "/{month}/nil", [&services](Exchange& e) { SubmitNil(e, services); });
  table.Post(base + "/{month}/revisions", [&services](Exchange& e) { Revise(e, services); });
}

}  // namespace nuitee::api
