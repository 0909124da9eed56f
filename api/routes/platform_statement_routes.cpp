// Platforms' statements of collected tax and their reversements (issue 7, L. 2333-34):
// - a statement is a CSV file (columns in openapi.yaml, PlatformStatementCsv) uploaded by the
//   collectivity's finance or referent staff for a platform it registered, or by the platform
//   itself with its API key for a collectivity that registered it. A bad file is refused whole,
//   with every bad line. The same file twice is one import: the second upload answers the first.
//   Lines already imported from another file are not booked again (their key).
// - the import splits each line's collected amount between the tax and the add-ons in force on
//   the stay's first night (domain/money/platform_tax_split.hpp), matches it to an accommodation
//   and books one `platform_statement` ledger entry;
// - finance records a platform's reversement (`platform_reversement` entry);
// - the referent works through the unmatched lines: assigns one to an accommodation, or sets it
//   aside as not in the territory, with a reason.
#include <map>

#include "api/http/identifiers.hpp"
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/platform_add_ons.hpp"
#include "api/routes/rate_context.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/money/platform_statement_csv.hpp"
#include "domain/money/platform_tax_split.hpp"
#include "persistence/platform_repository.hpp"
#include "persistence/platform_reversement_repository.hpp"
#include "persistence/platform_statement_repository.hpp"
#include "security/secret_token.hpp"

namespace nuitee::api {
namespace {

using persistence::PlatformReversementRepository;
using persistence::PlatformStatementRepository;
using persistence::StoredPlatformLine;
using persistence::StoredPlatformReversement;
using persistence::StoredPlatformStatement;
using persistence::Transaction;
using Pistache::Http::Code;

nlohmann::json OptionalText(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json();
}

nlohmann::json OptionalDay(const std::optional<Day>& day) {
  return day ? nlohmann::json(FormatIsoDate(*day)) : nlohmann::json();
}

nlohmann::json StatementJson(const StoredPlatformStatement& s) {
  return {{"id", s.id},
          {"collectivity_id", s.collectivity_id},
          {"platform_id", s.platform_id},
          {"platform_name", s.platform_name},
          {"file_sha256", s.file_sha256},
          {"file_lines", s.file_lines},
          {"new_lines", s.new_lines},
          {"already_imported_lines", s.file_lines - s.new_lines},
          {"collected_cents", s.collected.cents()},
          {"tax_cents", s.tax.cents()},
          {"additional_cents", s.additional.cents()},
          {"first_collection", OptionalDay(s.first_collection)},
          {"last_collection", OptionalDay(s.last_collection)},
          {"ledger_entry_id", OptionalText(s.entry_id)},
          {"matched_by_registration_number", s.matched_by_registration_number},
          {"matched_by_address", s.matched_by_address},
          {"unmatched", s.unmatched},
          {"uploaded_by", s.uploaded_by},
          {"uploaded_at", s.uploaded_at}};
}

nlohmann::json LineJson(const StoredPlatformLine& l) {
  nlohmann::json resolution;
  if (l.resolution) {
    resolution = {{"decision", l.resolution->decision},
                  {"accommodation_id", OptionalText(l.resolution->accommodation_id)},
                  {"reason", OptionalText(l.resolution->reason)},
                  {"decided_by", l.resolution->decided_by},
                  {"decided_at", l.resolution->decided_at}};
  }
  return {{"id", l.id},
          {"statement_id", l.statement_id},
          {"platform_id", l.platform_id},
          {"platform_name", l.platform_name},
          {"file_line", l.file_line},
          {"commune_siren", l.commune_siren},
          {"stay_start", FormatIsoDate(l.stay_start)},
          {"stay_end", FormatIsoDate(l.stay_end)},
          {"collected_on", FormatIsoDate(l.collected_on)},
          {"address", {{"line", l.address_line}, {"postal_code", l.postal_code}, {"city", l.city}}},
          {"persons", l.persons},
          {"nights", l.nights},
          {"price_per_night_cents",
           l.price_per_night ? nlohmann::json(l.price_per_night->cents()) : nlohmann::json()},
          {"collected_cents", l.collected.cents()},
          {"tax_cents", l.tax.cents()},
          {"additional_taxes", nlohmann::json::parse(l.additional_taxes_json)},
          {"nature", l.nature},
          {"category", l.category},
          {"registration_number", OptionalText(l.registration_number)},
          {"matched_by", l.matched_by},
          {"status", l.Status()},
          {"accommodation_id", OptionalText(l.AccommodationId())},
          {"resolution", resolution}};
}

nlohmann::json ReversementJson(const StoredPlatformReversement& r) {
  return {{"id", r.id},
          {"platform_id", r.platform_id},
          {"platform_name", r.platform_name},
          {"received_on", FormatIsoDate(r.received_on)},
          {"amount_cents", r.amount.cents()},
          {"period_start", FormatIsoDate(r.period_start)},
          {"period_end", FormatIsoDate(r.period_end)},
          {"bank_reference", r.bank_reference},
          {"ledger_entry_id", r.entry_id},
          {"recorded_by", r.recorded_by},
          {"recorded_at", r.recorded_at}};
}

bool IsPlatform(const Exchange& exchange) {
  return exchange.principal() && exchange.principal()->kind == UserKind::kPlatform;
}

// The platform a request is about: a platform key files for itself; staff name the platform,
// which must be one the collectivity registered (now or before).
Result<persistence::PlatformClient> PlatformOf(Transaction& tx, const Exchange& exchange,
                                               const CollectivityId& collectivity,
                                               const std::optional<std::string>& named,
                                               const std::string& field) {
  std::string platform_id;
  if (IsPlatform(exchange)) {
    platform_id = exchange.principal()->user_id.value();
    if (named && *named != platform_id) {
      return Fail(Error::InvalidArgument(field, "Une plateforme ne dépose que ses propres relevés."));
    }
  } else {
    if (!named) return Fail(Error::InvalidArgument(field, "Indiquez la plateforme (platform_id)."));
    platform_id = *named;
  }
  bool registered = false;
  if (IsUuid(platform_id)) {
    for (const auto& each : persistence::PlatformRepository::RegistrationsOf(tx, collectivity)) {
      registered = registered || each.platform_id == platform_id;
    }
  }
  auto client = registered ? persistence::PlatformRepository::Find(tx, platform_id) : std::nullopt;
  if (!client) {
    return Fail(Error::InvalidArgument(
        field, "Aucune plateforme enregistrée par la collectivité ne porte cet identifiant."));
  }
  return *client;
}

// POST /v1/collectivities/{id}/platform-statements?platform_id=... (text/csv)
void Import(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto query = QueryParameters::Read(exchange, {"platform_id"});
  if (!query) return exchange.SendError(query.error());
  auto csv = ReadCsvFile(exchange);
  if (!csv) return;
  auto context = CachedRateContext(services, *collectivity);
  if (!context) return exchange.SendError(context.error());
  auto lines = ParsePlatformStatementCsv(*csv, (*context)->collectivity.siren);
  if (!lines) return exchange.SendError(lines.error());

  persistence::NewPlatformStatement statement;
  statement.collectivity_id = *collectivity;
  statement.file_sha256 = security::TokenDigest(*csv);
  statement.booked_on = services.today();
  statement.uploaded_by = exchange.Actor();
  std::map<std::string, int> seen;  // identical lines of the file, counted
  for (auto& line : *lines) {
    const int rank = seen[PlatformLineKeyText(line, 0)]++;
    persistence::NewPlatformStatementLine each;
    each.line_key = security::TokenDigest(PlatformLineKeyText(line, rank));
    each.split = SplitCollected(line.collected, AddOnsInForce((*context)->book, line.stay_start));
    each.line = std::move(line);
    statement.lines.push_back(std::move(each));
  }
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto platform = PlatformOf(tx, exchange, *collectivity, query->Get("platform_id"),
                               "/query/platform_id");
    if (!platform) return Fail(platform.error());
    statement.platform_id = platform->id;
    statement.platform_name = platform->name;
    // The same file again: nothing changes, the first import is the answer (200).
    auto imported = PlatformStatementRepository::Import(tx, statement);
    if (!imported) return Fail(imported.error());
    nlohmann::json body = StatementJson(imported->statement);
    body["duplicate"] = imported->duplicate;
    return Reply{imported->duplicate ? Code::Ok : Code::Created, body,
                 "/v1/platform-statements/" + imported->statement.id, std::nullopt};
  });
}

// GET /v1/collectivities/{id}/platform-statements?platform_id=&limit=&cursor=: a platform key
// lists its own only.
void List(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto query = QueryParameters::Read(exchange, WithPagination({"platform_id"}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  std::optional<std::string> platform = query->Get("platform_id");
  if (platform && !IsUuid(*platform)) {
    return exchange.SendError(
        Error::InvalidArgument("/query/platform_id", "« platform_id » est un identifiant."));
  }
  if (IsPlatform(exchange)) platform = exchange.principal()->user_id.value();
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    return PageJson(PlatformStatementRepository::List(tx, *collectivity, platform, *page),
                    StatementJson);
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

// GET /v1/platform-statements/{id}: the statement and its lines with their match. Found in the
// caller's collectivity; a platform key finds only its own statements, in the collectivities
// that registered it.
void Read(Exchange& exchange, Services& services) {
  auto id = PathId(exchange);
  if (!id) return;
  const Principal& caller = *exchange.principal();
  std::vector<CollectivityId> scope;
  if (caller.kind == UserKind::kPlatform) {
    scope = caller.platform_scope;
  } else if (caller.collectivity) {
    scope.push_back(*caller.collectivity);
  }
  auto found = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    for (const auto& collectivity : scope) {
      auto statement = PlatformStatementRepository::Find(tx, collectivity, *id);
      if (!statement) continue;
      if (caller.kind == UserKind::kPlatform && statement->platform_id != caller.user_id.value()) {
        break;
      }
      nlohmann::json body = StatementJson(*statement);
      nlohmann::json lines = nlohmann::json::array();
      for (const auto& line : PlatformStatementRepository::Lines(tx, *id)) {
        lines.push_back(LineJson(line));
      }
      body["lines"] = lines;
      return body;
    }
    return Fail(Error::NotFound("Aucun relevé ne porte cet identifiant."));
  });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, *found);
}

// POST /v1/collectivities/{id}/platform-reversements {"platform_id", "received_on",
// "amount_cents", "period_start", "period_end", "bank_reference"}
void RecordReversement(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  const auto platform = reader.String("platform_id", Presence::kRequired, 36);
  const auto received_on = reader.Date("received_on", Presence::kRequired);
  const auto amount = reader.Integer("amount_cents", Presence::kRequired, 1, 100'000'000'000LL);
  const auto start = reader.Date("period_start", Presence::kRequired);
  const auto end = reader.Date("period_end", Presence::kRequired);
  const auto reference = reader.String("bank_reference", Presence::kRequired, 200);
  reader.RejectUnknownFields();
  if (start && end && *end < *start) {
    errors.Add("/period_end", "La fin de la période couverte précède son début.");
  }
  if (reference && reference->empty()) {
    errors.Add("/bank_reference", "Indiquez la référence du virement.");
  }
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto client = PlatformOf(tx, exchange, *collectivity, platform, "/platform_id");
    if (!client) return Fail(client.error());
    persistence::NewPlatformReversement reversement;
    reversement.collectivity_id = *collectivity;
    reversement.platform_id = client->id;
    reversement.platform_name = client->name;
    reversement.received_on = *received_on;
    reversement.amount = Money::Cents(*amount);
    reversement.period_start = *start;
    reversement.period_end = *end;
    reversement.bank_reference = *reference;
    reversement.recorded_by = exchange.Actor();
    auto recorded = PlatformReversementRepository::Record(tx, reversement);
    if (!recorded) return Fail(recorded.error());
    return Reply{Code::Created, ReversementJson(*recorded),
                 "/v1/collectivities/" + collectivity->value() + "/platform-reversements",
                 std::nullopt};
  });
}

// GET /v1/collectivities/{id}/platform-reversements?platform_id=
void ListReversements(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto query = QueryParameters::Read(exchange, {"platform_id"});
  if (!query) return exchange.SendError(query.error());
  const auto platform = query->Get("platform_id");
  if (platform && !IsUuid(*platform)) {
    return exchange.SendError(
        Error::InvalidArgument("/query/platform_id", "« platform_id » est un identifiant."));
  }
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& each : PlatformReversementRepository::List(tx, *collectivity, platform)) {
      items.push_back(ReversementJson(each));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

// GET /v1/collectivities/{id}/platform-lines/unmatched: the referent's worklist.
void Unmatched(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto query = QueryParameters::Read(exchange, WithPagination({}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    return PageJson(PlatformStatementRepository::Unmatched(tx, *collectivity, *page), LineJson);
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

// POST /v1/collectivities/{id}/platform-lines/{line_id}/assign {"accommodation_id"} and
// .../set-aside {"reason"}: the referent's decision, recorded with who and when.
void Resolve(Exchange& exchange, Services& services, bool assign) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto line = PathId(exchange, "line_id");
  if (!line) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  std::optional<std::string> accommodation;
  std::optional<std::string> reason;
  if (assign) {
    accommodation = reader.String("accommodation_id", Presence::kRequired, 36);
    if (accommodation && !IsUuid(*accommodation)) {
      errors.Add("/accommodation_id", "Aucun hébergement ne porte cet identifiant.");
    }
    reason = reader.String("note", Presence::kOptional, 500);
  } else {
    reason = reader.String("reason", Presence::kRequired, 500);
    if (reason && reason->empty()) {
      errors.Add("/reason", "Indiquez pourquoi cette ligne n'est pas du territoire.");
    }
  }
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  auto resolved = services.database.InTransaction([&](Transaction& tx) {
    return PlatformStatementRepository::Resolve(tx, *collectivity, *line,
                                                assign ? "assigned" : "outside_territory",
                                                accommodation, reason, exchange.Actor());
  });
  if (!resolved) return exchange.SendError(resolved.error());
  exchange.SendJson(Code::Ok, LineJson(*resolved));
}

}  // namespace

void RegisterPlatformStatementRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/collectivities/{id}/platform-statements",
             [&services](Exchange& e) { Import(e, services); });
  table.Get("/v1/collectivities/{id}/platform-statements",
            [&services](Exchange& e) { List(e, services); });
  table.Get("/v1/platform-statements/{id}", [&services](Exchange& e) { Read(e, services); });
  table.Post("/v1/collectivities/{id}/platform-reversements",
             [&services](Exchange& e) { RecordReversement(e, services); });
  table.Get("/v1/collectivities/{id}/platform-reversements",
            [&services](Exchange& e) { ListReversements(e, services); });
  table.Get("/v1/collectivities/{id}/platform-lines/unmatched",
            [&services](Exchange& e) { Unmatched(e, services); });
  table.Post("/v1/collectivities/{id}/platform-lines/{line_id}/assign",
             [&services](Exchange& e) { Resolve(e, services, true); });
  table.Post("/v1/collectivities/{id}/platform-lines/{line_id}/set-aside",
             [&services](Exchange& e) { Resolve(e, services, false); });
}

}  // namespace nuitee::api
