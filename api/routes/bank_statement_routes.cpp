// Bank statement import (issue 7): finance names each bank's CSV layout once
// (/bank-statement-formats), then uploads statements with it. Credit lines whose label carries a
// host's payment reference become that host's payments; the others are parked in suspense and
// listed (/bank-statement-lines) until finance assigns each to a host or dismisses it as no
// tourist-tax receipt. The same file twice changes nothing, and a line brought by two overlapping
// files is stored once. A malformed file is refused whole, with every bad line's number.
#include <nlohmann/json.hpp>

#include "api/http/identifiers.hpp"
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/bank_statement_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/money/bank_statement_csv.hpp"
#include "persistence/bank_statement_repository.hpp"
#include "security/secret_token.hpp"

namespace nuitee::api {
namespace {

using persistence::BankStatementFormatRepository;
using persistence::BankStatementRepository;
using persistence::Transaction;
using Pistache::Http::Code;

std::string CollectivityPath(const CollectivityId& collectivity) {
  return "/v1/collectivities/" + collectivity.value();
}

Error NoFormat() { return Error::NotFound("Ce format de relevé n'existe pas."); }

void ListFormats(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& format : BankStatementFormatRepository::List(tx, *id)) {
      items.push_back(StoredBankFormatToJson(format));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void CreateFormat(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto format = BankFormatFromJson(*body);
  if (!format) return exchange.SendError(format.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto stored = BankStatementFormatRepository::Create(
        tx, *id, format->name, BankFormatDefinitionJson(format->format).dump(), exchange.Actor());
    if (!stored) return Fail(stored.error());
    return Reply{Code::Created, StoredBankFormatToJson(*stored),
                 CollectivityPath(*id) + "/bank-statement-formats/" + stored->id, stored->version};
  });
}

void ReadFormat(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto format_id = PathId(exchange, "format_id");
  if (!format_id) return;
  auto read = services.database.InTransaction(
      [&](Transaction& tx) -> Result<persistence::StoredBankFormat> {
        auto format = BankStatementFormatRepository::Find(tx, *id, *format_id);
        if (!format) return Fail(NoFormat());
        return *format;
      });
  if (!read) return exchange.SendError(read.error());
  exchange.SendJson(Code::Ok, StoredBankFormatToJson(*read), read->version);
}

void ReplaceFormat(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto format_id = PathId(exchange, "format_id");
  if (!format_id) return;
  auto condition = RequiredIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto format = BankFormatFromJson(*body);
  if (!format) return exchange.SendError(format.error());
  auto stored = services.database.InTransaction(
      [&](Transaction& tx) -> Result<persistence::StoredBankFormat> {
        auto current = BankStatementFormatRepository::Find(tx, *id, *format_id);
        if (!current || current->archived) return Fail(NoFormat());
        if (!condition->Matches(current->version)) return Fail(Error::StaleVersion());
        return BankStatementFormatRepository::Replace(
            tx, *id, *format_id, format->name, BankFormatDefinitionJson(format->format).dump(),
            exchange.Actor());
      });
  if (!stored) return exchange.SendError(stored.error());
  exchange.SendJson(Code::Ok, StoredBankFormatToJson(*stored), stored->version);
}

void ArchiveFormat(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto format_id = PathId(exchange, "format_id");
  if (!format_id) return;
  auto archived = services.database.InTransaction(
      [&](Transaction& tx) -> Result<persistence::StoredBankFormat> {
        return BankStatementFormatRepository::Archive(tx, *id, *format_id, exchange.Actor());
      });
  if (!archived) return exchange.SendError(archived.error());
  exchange.SendJson(Code::Ok, StoredBankFormatToJson(*archived), archived->version);
}

void Import(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"format_id"});
  if (!query) return exchange.SendError(query.error());
  auto format_id = query->Get("format_id");
  if (!format_id || format_id->empty()) {
    return exchange.SendError(Error::InvalidArgument(
        "/query/format_id", "Indiquez le format du relevé (« format_id »), défini pour sa banque."));
  }
  auto csv = ReadCsvFile(exchange);
  if (!csv) return;
  const std::string digest = security::TokenDigest(*csv);
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    // The same file again: nothing changes, the first import is answered.
    if (auto existing = BankStatementRepository::FindByFile(tx, *id, digest)) {
      auto statement = BankStatementRepository::Find(tx, *id, *existing);
      nlohmann::json body = BankStatementToJson(*statement, true);
      body["already_imported_file"] = true;
      return Reply{Code::Ok, body, {}, std::nullopt};
    }
    std::optional<persistence::StoredBankFormat> stored;
    if (IsUuid(*format_id)) stored = BankStatementFormatRepository::Find(tx, *id, *format_id);
    if (!stored || stored->archived) {
      return Fail(Error::InvalidArgument("/query/format_id", "Ce format de relevé n'existe pas."));
    }
    auto format = BankFormatFromDefinition(stored->definition_json);
    if (!format) return Fail(format.error());
    auto file = ParseBankStatementCsv(*csv, *format);
    if (!file) return Fail(file.error());
    auto statement = BankStatementRepository::Import(
        tx, {*id, stored->id, digest, std::move(*file), exchange.Actor()});
    if (!statement) return Fail(statement.error());
    nlohmann::json body = BankStatementToJson(*statement, true);
    body["already_imported_file"] = false;
    return Reply{Code::Created, body, CollectivityPath(*id) + "/bank-statements/" + statement->id,
                 std::nullopt};
  });
}

void ListStatements(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& statement : BankStatementRepository::List(tx, *id)) {
      items.push_back(BankStatementToJson(statement, false));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void ReadStatement(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto statement_id = PathId(exchange, "statement_id");
  if (!statement_id) return;
  auto read = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto statement = BankStatementRepository::Find(tx, *id, *statement_id);
    if (!statement) return Fail(Error::NotFound("Ce relevé n'existe pas."));
    return BankStatementToJson(*statement, true);
  });
  if (!read) return exchange.SendError(read.error());
  exchange.SendJson(Code::Ok, *read);
}

// Finance's worklist: the lines still in suspense, with their total.
void ListUnresolved(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"status"});
  if (!query) return exchange.SendError(query.error());
  if (auto status = query->Get("status"); status && *status != "unmatched") {
    return exchange.SendError(Error::InvalidArgument(
        "/query/status", "Seules les lignes en attente (« unmatched ») sont listées ici ; les "
                         "autres se lisent sur leur relevé."));
  }
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    nlohmann::json items = nlohmann::json::array();
    Money total = Money::Zero();
    for (const auto& line : BankStatementRepository::Unresolved(tx, *id)) {
      items.push_back(BankLineToJson(line));
      total += line.amount;
    }
    return nlohmann::json{{"items", items}, {"total_cents", total.cents()}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Assign(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto line_id = PathId(exchange, "line_id");
  if (!line_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  auto host = reader.String("host_id", Presence::kRequired, 36);
  auto month_text = reader.String("target_month", Presence::kOptional, 7);
  reader.RejectUnknownFields();
  std::optional<Month> month;
  if (host && !IsUuid(*host)) errors.Add("/host_id", "Identifiant d'hébergeur invalide.");
  if (month_text) {
    month = ParseIsoMonth(*month_text);
    if (!month) errors.Add("/target_month", "Le mois s'écrit AAAA-MM.");
  }
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto line = BankStatementRepository::Assign(tx, *id, *line_id, HostId(*host), month,
                                                exchange.Actor());
    if (!line) return Fail(line.error());
    return Reply{Code::Ok, BankLineToJson(*line), {}, std::nullopt};
  });
}

void Dismiss(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto line_id = PathId(exchange, "line_id");
  if (!line_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  auto reason = reader.String("reason", Presence::kRequired, 500);
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  const Day today = services.today();
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto line =
        BankStatementRepository::Dismiss(tx, *id, *line_id, *reason, today, exchange.Actor());
    if (!line) return Fail(line.error());
    return Reply{Code::Ok, BankLineToJson(*line), {}, std::nullopt};
  });
}

}  // namespace

void RegisterBankStatementRoutes(RouteTable& table, Services& services) {
  const std::string formats = "/v1/collectivities/{id}/bank-statement-formats";
  table.Get(formats, [&services](Exchange& e) { ListFormats(e, services); });
  table.Post(formats, [&services](Exchange& e) { CreateFormat(e, services); });
  table.Get(formats + "/{format_id}", [&services](Exchange& e) { ReadFormat(e, services); });
  table.Put(formats + "/{format_id}", [&services](Exchange& e) { ReplaceFormat(e, services); });
  table.Post(formats + "/{format_id}/archive",
             [&services](Exchange& e) { ArchiveFormat(e, services); });
  const std::string statements = "/v1/collectivities/{id}/bank-statements";
  table.Get(statements, [&services](Exchange& e) { ListStatements(e, services); });
  table.Post(statements, [&services](Exchange& e) { Import(e, services); });
  table.Get(statements + "/{statement_id}",
            [&services](Exchange& e) { ReadStatement(e, services); });
  const std::string lines = "/v1/collectivities/{id}/bank-statement-lines";
  table.Get(lines, [&services](Exchange& e) { ListUnresolved(e, services); });
  table.Post(lines + "/{line_id}/assign", [&services](Exchange& e) { Assign(e, services); });
  table.Post(lines + "/{line_id}/dismiss", [&services](Exchange& e) { Dismiss(e, services); });
}

}  // namespace nuitee::api
