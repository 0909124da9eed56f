// /v1/collectivities/{id}/transfers: what finance pays out of the taxe de séjour, an additional
// tax passed on to its beneficiary (CGCT L. 3333-1, L. 2531-17/18) or the tourist office's share
// (code du tourisme L. 133-7), each booked in the ledger with its row. Append-only: a mistaken
// transfer is cancelled by POST …/transfers/{transfer_id}/reversal with a reason.
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/budget_repository.hpp"
#include "persistence/collectivity_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::BudgetRepository;
using persistence::NewBudgetTransfer;
using persistence::StoredBudgetTransfer;
using persistence::Transaction;
using Pistache::Http::Code;

constexpr long long kMaxCents = 100'000'000'000LL;

std::string TransferPath(const CollectivityId& id, const std::string& transfer) {
  return "/v1/collectivities/" + id.value() + "/transfers/" + transfer;
}

nlohmann::json TransferToJson(const StoredBudgetTransfer& t) {
  nlohmann::json out = {
      {"id", t.id},
      {"kind", t.tourist_office ? "tourist_office" : "beneficiary"},
      {"beneficiary", t.tourist_office ? nlohmann::json() : nlohmann::json(t.beneficiary)},
      {"beneficiary_label",
       t.tourist_office ? "Office de tourisme" : BeneficiaryName(t.beneficiary)},
      {"fiscal_year", t.fiscal_year},
      {"instalment", t.instalment ? nlohmann::json(*t.instalment) : nlohmann::json()},
      {"paid_on", FormatIsoDate(t.paid_on)},
      {"amount_cents", t.amount.cents()},
      {"reference", t.reference},
      {"note", t.note},
      {"entry_id", t.entry_id},
      {"recorded_by", t.recorded_by},
      {"recorded_at", t.recorded_at},
      {"reversal", nlohmann::json()}};
  if (t.reversal) {
    out["reversal"] = {{"reason", t.reversal->reason},
                       {"reversed_on", FormatIsoDate(t.reversal->reversed_on)},
                       {"entry_id", t.reversal->entry_id},
                       {"recorded_by", t.reversal->recorded_by},
                       {"recorded_at", t.reversal->recorded_at}};
  }
  return out;
}

Result<NewBudgetTransfer> TransferFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  NewBudgetTransfer transfer;
  const auto kind = reader.String("kind", Presence::kRequired, 40);
  if (kind && *kind != "beneficiary" && *kind != "tourist_office") {
    errors.Add("/kind", "« kind » vaut beneficiary ou tourist_office.");
  }
  transfer.tourist_office = kind && *kind == "tourist_office";
  const auto beneficiary = reader.String("beneficiary", Presence::kOptional, 100);
  if (kind && *kind == "beneficiary" && (!beneficiary || beneficiary->empty())) {
    errors.Add("/beneficiary", "Indiquez le bénéficiaire de la taxe additionnelle reversée.");
  }
  if (transfer.tourist_office && beneficiary) {
    errors.Add("/beneficiary", "Un versement à l'office de tourisme n'a pas d'autre bénéficiaire.");
  }
  transfer.beneficiary = beneficiary.value_or("");
  const auto paid_on = reader.Date("paid_on", Presence::kRequired);
  if (paid_on) transfer.paid_on = *paid_on;
  const auto year = reader.Integer("fiscal_year", Presence::kOptional, 1900, 2199);
  transfer.fiscal_year =
      year ? static_cast<int>(*year) : (paid_on ? static_cast<int>(paid_on->year()) : 0);
  if (auto instalment = reader.Integer("instalment", Presence::kOptional, 1, 24)) {
    if (!transfer.tourist_office) {
      errors.Add("/instalment", "Seuls les versements à l'office de tourisme ont une échéance.");
    }
    transfer.instalment = static_cast<int>(*instalment);
  }
  if (auto cents = reader.Integer("amount_cents", Presence::kRequired, 1, kMaxCents)) {
    transfer.amount = Money::Cents(*cents);
  }
  transfer.reference = reader.String("reference", Presence::kRequired, 100).value_or("");
  if (body.contains("reference") && transfer.reference.empty()) {
    errors.Add("/reference", "Indiquez la référence du virement (numéro de mandat…).");
  }
  transfer.note = reader.String("note", Presence::kOptional, 2000).value_or("");
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return transfer;
}

void RecordTransfer(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto transfer = TransferFromJson(*body);
  if (!transfer) return exchange.SendError(transfer.error());
  transfer->collectivity_id = *id;
  transfer->recorded_by = exchange.Actor();
  // Money leaves the treasury: a retried POST with its Idempotency-Key records it once.
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    if (transfer->instalment) {
      const auto budget = BudgetRepository::Latest(tx, *id, transfer->fiscal_year);
      const bool known =
          budget &&
          std::any_of(budget->lines.instalments.begin(), budget->lines.instalments.end(),
                      [&](const Instalment& each) { return each.number == *transfer->instalment; });
      if (!known) {
        return Fail(Error::RuleViolation(
            {{"/instalment", "Le budget de l'exercice " + std::to_string(transfer->fiscal_year) +
                                 " ne prévoit pas cette échéance."}}));
      }
    }
    auto stored = BudgetRepository::RecordTransfer(tx, *transfer);
    if (!stored) return Fail(stored.error());
    return Reply{Code::Created, TransferToJson(*stored), TransferPath(*id, stored->id), 1};
  });
}

void ListTransfers(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"year"});
  if (!query) return exchange.SendError(query.error());
  int year = static_cast<int>(services.today().year());
  if (auto text = query->Get("year")) {
    if (text->size() != 4 || text->find_first_not_of("0123456789") != std::string::npos) {
      return exchange.SendError(
          Error::InvalidArgument("/query/year", "« year » est une année AAAA."));
    }
    year = std::stoi(*text);
  }
  auto transfers = services.database.InTransaction(
      [&](Transaction& tx) -> Result<std::vector<StoredBudgetTransfer>> {
        auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
        if (!collectivity) return Fail(collectivity.error());
        return BudgetRepository::Transfers(tx, *id, year);
      });
  if (!transfers) return exchange.SendError(transfers.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& each : *transfers) items.push_back(TransferToJson(each));
  exchange.SendJson(Code::Ok, {{"fiscal_year", year}, {"items", items}});
}

void ReverseTransfer(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  const std::string reason = reader.String("reason", Presence::kRequired, 500).value_or("");
  if (body->contains("reason") && reason.empty()) {
    errors.Add("/reason", "Indiquez pourquoi ce virement est annulé.");
  }
  const auto reversed_on = reader.Date("reversed_on", Presence::kOptional);
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  auto transfer_id = PathId(exchange, "transfer_id");
  if (!transfer_id) return;
  auto reversed =
      services.database.InTransaction([&](Transaction& tx) -> Result<StoredBudgetTransfer> {
        return BudgetRepository::ReverseTransfer(tx, *id, *transfer_id, reason,
                                                 reversed_on.value_or(services.today()),
                                                 exchange.Actor());
      });
  if (!reversed) return exchange.SendError(reversed.error());
  exchange.SendJson(Code::Ok, TransferToJson(*reversed));
}

}  // namespace

void RegisterTransferRoutes(RouteTable& table, Services& services) {
  const std::string base = "/v1/collectivities/{id}/transfers";
  table.Post(base, [&services](Exchange& e) { RecordTransfer(e, services); });
  table.Get(base, [&services](Exchange& e) { ListTransfers(e, services); });
  table.Post(base + "/{transfer_id}/reversal",
             [&services](Exchange& e) { ReverseTransfer(e, services); });
}

}  // namespace nuitee::api
