// /v1/accommodations/{id}/declarations: the monthly declaration of each accommodation (CGCT
// L. 2333-34 I: hosts remit what they collected at the dates of the deliberation, with the state
// of their register). A draft is the host's working copy; a submission is computed by the rates
// engine and frozen; a correction is a revision that supersedes it, and every revision stays
// readable with who, when and why.
#include <cctype>

#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/declaration_json.hpp"
#include "api/routes/declaration_support.hpp"
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

// Checks, computes with the deliberations of every year the stays touch, and appends the month's
// next revision. `month` is the locked row; it is updated to the row as stored now.
Result<persistence::StoredRevision> Submit(Transaction& tx, const Target& target,
                                           const Context& context,
                                           persistence::DeclarationMonth& month,
                                           DeclarationKind kind, const std::vector<StayLine>& stays,
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
  return DeclarationRepository::AppendRevision(tx, context.accommodation, month, revision);
}

void List(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, false);
  if (!target) return;
  auto query = QueryParameters::Read(exchange, {"from", "to"});
  if (!query) return exchange.SendError(query.error());
  const Day today = services.today();
  auto period = query->MonthPeriod(today);
  if (!period) return exchange.SendError(period.error());
  const Month from = period->from;
  const Month to = period->to;
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
    return StoreDraft(tx, *target, *context, *condition, *stays, exchange.Actor(), today,
                      [](std::vector<FieldError> problems) { return problems; });
  });
  if (!saved) return exchange.SendError(saved.error());
  exchange.SendJson(Code::Ok, *saved, (*saved)["version"].get<long long>());
}

// Whether the client asked for a short answer (RFC 7240 `Prefer: return=minimal`; several
// preferences are separated by commas, a preference's parameters follow ";").
bool PrefersMinimal(const Exchange& exchange) {
  auto header = exchange.Header("Prefer");
  if (!header) return false;
  std::size_t start = 0;
  while (start <= header->size()) {
    std::size_t end = header->find(',', start);
    if (end == std::string::npos) end = header->size();
    std::string preference = header->substr(start, end - start);
    preference = preference.substr(0, preference.find(';'));
    std::string compact;
    for (char c : preference) {
      if (c != ' ' && c != '\t' && c != '"') compact += static_cast<char>(std::tolower(c));
    }
    if (compact == "return=minimal") return true;
    start = end + 1;
  }
  return false;
}

// The reply to a submission, 201 at the month's address: the month as stored now (GET's
// answer), or with `Prefer: return=minimal` the month as GET …/declarations lists it. A first
// submission is answered from what was just stored, without reading it back; a revision reads
// the earlier ones, which its full answer shows with what changed, and whose first filing gives
// the month's delay in the short one.
Result<Reply> SubmittedReply(Transaction& tx, const Target& target, const Context& context,
                             const persistence::DeclarationMonth& month,
                             persistence::StoredRevision appended, bool minimal, Day today) {
  const DeclarationSettings& settings = context.collectivity.declarations;
  nlohmann::json view;
  if (minimal) {
    std::vector<persistence::DeclarationMonthSummary> listed;
    if (appended.revision == 1) {
      listed.push_back({month, std::move(appended), context.accommodation.name, std::nullopt});
    } else {
      listed = DeclarationRepository::ListMonths(tx, target.tenant, target.accommodation,
                                                 target.month, target.month);
    }
    if (listed.size() != 1) return Fail(Error::Internal());
    view = MonthSummaryToJson(target.month, &listed.front(), settings, today);
  } else if (appended.revision == 1) {
    std::vector<persistence::StoredRevision> revisions;
    revisions.push_back(std::move(appended));
    view = DeclarationMonthToJson(target.accommodation, target.month, month, revisions, settings,
                                  today);
  } else {
    view = MonthView(tx, target, context, today);
  }
  const long long version = view["version"].get<long long>();
  Reply reply{Code::Created, std::move(view), MonthPath(target), version, {}};
  if (minimal) reply.headers.emplace_back("Preference-Applied", "return=minimal");
  return reply;
}

// What every submission starts with: the register's view of the accommodation, and its month
// locked (created if need be) in a state that allows `action` (409 otherwise).
struct LockedMonth {
  Context context;
  persistence::DeclarationMonth month;
};

Result<LockedMonth> LockFor(Transaction& tx, const Target& target, DeclarationAction action) {
  auto context = LoadContext(tx, target);
  if (!context) return Fail(context.error());
  auto month = DeclarationRepository::LockMonth(tx, context->accommodation, target.month);
  if (auto allowed = CheckAllowed(action, month); !allowed) return Fail(allowed.error());
  return LockedMonth{std::move(*context), std::move(month)};
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
  const bool minimal = PrefersMinimal(exchange);
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto locked = LockFor(tx, *target, DeclarationAction::kSubmit);
    if (!locked) return Fail(locked.error());
    auto& [context, month] = *locked;
    if (!*given && !month.draft) {
      return Fail(Error::FailedPrecondition(
          "Aucun brouillon n'est enregistré pour ce mois : envoyez les séjours, ou déclarez le "
          "mois « néant »."));
    }
    // A copy: appending clears the month's draft.
    const std::vector<StayLine> stays = *given ? **given : *month.draft;
    auto submitted = Submit(tx, *target, context, month, DeclarationKind::kStays, stays,
                            std::nullopt, exchange.Actor(), today);
    if (!submitted) return Fail(submitted.error());
    return SubmittedReply(tx, *target, context, month, std::move(*submitted), minimal, today);
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
  const bool minimal = PrefersMinimal(exchange);
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto locked = LockFor(tx, *target, DeclarationAction::kSubmit);
    if (!locked) return Fail(locked.error());
    auto& [context, month] = *locked;
    auto submitted =
        Submit(tx, *target, context, month, *kind, {}, std::nullopt, exchange.Actor(), today);
    if (!submitted) return Fail(submitted.error());
    return SubmittedReply(tx, *target, context, month, std::move(*submitted), minimal, today);
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
  const bool minimal = PrefersMinimal(exchange);
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto locked = LockFor(tx, *target, DeclarationAction::kRevise);
    if (!locked) return Fail(locked.error());
    auto& [context, month] = *locked;
    // A correction names the version it corrects: "*" would correct whatever is there.
    if (!condition->version || *condition->version != month.version) {
      return Fail(Error::StaleVersion());
    }
    auto submitted = Submit(tx, *target, context, month, request->kind, request->stays,
                            request->reason, exchange.Actor(), today);
    if (!submitted) return Fail(submitted.error());
    return SubmittedReply(tx, *target, context, month, std::move(*submitted), minimal, today);
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
