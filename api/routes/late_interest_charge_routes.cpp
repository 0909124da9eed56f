// Late-payment interest charged by finance (CGCT L. 2333-38 and L. 2333-46: 0,20 % per month
// started; taxe-de-sejour.md §8):
// - POST /v1/hosts/{id}/late-interest {month, accommodation_id?, paid_on?}: for the month's
//   accommodations (or the one named), interest on what was not paid by the month's due day,
//   from that day to the day of the late payment (today when not given). Each charge is a row of
//   late_interest_charges and its `late_interest` ledger entry, in one transaction; the month
//   then owes the interest as well (the allocation takes it as a debt of that month).
// - GET /v1/hosts/{id}/late-interest: the host's charges, cancelled ones included.
// - POST /v1/hosts/{id}/late-interest/{charge_id}/cancel {reason}: a mistaken charge is cancelled
//   by a reversing entry; nothing is deleted.
#include "api/http/json_body.hpp"
#include "api/routes/finance_routes.hpp"
#include "api/routes/route_support.hpp"
#include "domain/declaration.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/finance_export_repository.hpp"
#include "persistence/late_interest_repository.hpp"
#include "persistence/money_positions.hpp"

namespace nuitee::api {
namespace {

using persistence::LateInterestRepository;
using persistence::StoredLateInterest;
using persistence::Transaction;
using Pistache::Http::Code;

struct ChargeRequest {
  Month month{};
  std::optional<std::string> accommodation_id;
  std::optional<Day> paid_on;
};

Result<ChargeRequest> RequestFromJson(const nlohmann::json& body, Day today) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  ChargeRequest request;
  if (auto month = reader.String("month", Presence::kRequired, 7)) {
    if (auto parsed = ParseIsoMonth(*month)) {
      request.month = *parsed;
    } else {
      errors.Add("/month", "« month » est le mois taxé, AAAA-MM.");
    }
  }
  request.accommodation_id = reader.String("accommodation_id", Presence::kOptional, 36);
  request.paid_on = reader.Date("paid_on", Presence::kOptional);
  reader.RejectUnknownFields();
  if (request.paid_on && *request.paid_on > today) {
    errors.Add("/paid_on", "Le jour du paiement ne peut pas être dans le futur.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

nlohmann::json ChargeJson(const StoredLateInterest& charge) {
  return {{"id", charge.id},
          {"host_id", charge.host_id.value()},
          {"accommodation_id", charge.accommodation_id},
          {"accommodation_name", charge.accommodation_name},
          {"month", FormatIsoMonth(charge.period)},
          {"base_cents", charge.charge.base.cents()},
          {"due_on", FormatIsoDate(charge.charge.due_on)},
          {"paid_on", FormatIsoDate(charge.charge.paid_on)},
          {"months_started", charge.charge.months_started},
          {"rate_bp_per_month", 20},
          {"interest_cents", charge.charge.interest.cents()},
          {"entry_id", charge.entry_id},
          {"recorded_by", charge.recorded_by},
          {"recorded_at", charge.recorded_at},
          {"cancelled", charge.cancellation.has_value()},
          {"cancellation",
           charge.cancellation ? nlohmann::json{{"reason", charge.cancellation->reason},
                                                {"recorded_by", charge.cancellation->recorded_by},
                                                {"recorded_at", charge.cancellation->recorded_at}}
                               : nlohmann::json()}};
}

// What each accommodation owed for the month (declared and assessed), and what the payments made
// by the due day paid to it.
struct MonthPosition {
  Money owed = Money::Zero();
  Money paid_by_due_day = Money::Zero();
};

std::map<std::string, MonthPosition> Positions(Transaction& tx, const HostId& host, Month month,
                                               Day due_on) {
  std::map<std::string, MonthPosition> positions;
  auto counts = [&](const Debt& debt) {
    return debt.period == month && (debt.kind == LedgerEntryKind::kDeclaration ||
                                    debt.kind == LedgerEntryKind::kAssessment);
  };
  const auto now = persistence::ReadHostMoney(tx, host, std::nullopt);
  for (const auto& debt : now.debts) {
    if (counts(debt)) positions[debt.accommodation_id].owed += debt.amount;
  }
  const auto then = persistence::ReadHostMoney(tx, host, due_on);
  for (std::size_t i = 0; i < then.debts.size(); ++i) {
    if (!counts(then.debts[i])) continue;
    positions[then.debts[i].accommodation_id].paid_by_due_day += then.allocation.paid[i];
  }
  return positions;
}

Result<std::vector<StoredLateInterest>> Charge(Transaction& tx, const CollectivityId& tenant,
                                               const HostId& host, const ChargeRequest& request,
                                               Day today, const std::string& actor) {
  if (!persistence::FinanceExportRepository::Debtor(tx, tenant, host)) {
    return Fail(Error::NotFound("Aucun hébergeur de ce numéro dans la collectivité."));
  }
  auto collectivity = persistence::CollectivityRepository::Find(tx, tenant);
  if (!collectivity) return Fail(collectivity.error());
  const Day due_on = DeclarationDueOn(request.month, collectivity->declarations);
  const Day paid_on = request.paid_on.value_or(today);
  auto positions = Positions(tx, host, request.month, due_on);
  if (request.accommodation_id) {
    const auto found = positions.find(*request.accommodation_id);
    if (found == positions.end()) {
      return Fail(Error::RuleViolation(
          {{"/accommodation_id", "Cet hébergement ne doit rien pour ce mois."}}));
    }
    const MonthPosition only = found->second;
    positions = {{*request.accommodation_id, only}};
  }
  std::vector<StoredLateInterest> charged;
  std::optional<Error> last_refusal;
  for (const auto& [accommodation, position] : positions) {
    auto charge = ChargeLateInterest(position.owed, position.paid_by_due_day, due_on, paid_on);
    if (!charge) {
      last_refusal = charge.error();
      continue;
    }
    auto stored = LateInterestRepository::Charge(
        tx, {tenant, host, accommodation, request.month, *charge, today, actor});
    if (!stored) return Fail(stored.error());
    charged.push_back(std::move(*stored));
  }
  if (charged.empty()) {
    if (last_refusal) return Fail(*last_refusal);
    return Fail(Error::RuleViolation({{"/month", "L'hébergeur ne doit rien pour ce mois."}}));
  }
  return charged;
}

std::string ListPath(const std::string& host) { return "/v1/hosts/" + host + "/late-interest"; }

void Post(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  const Day today = services.today();
  auto request = RequestFromJson(*body, today);
  if (!request) return exchange.SendError(request.error());
  auto charged = services.database.InTransaction([&](Transaction& tx) {
    return Charge(tx, *tenant, HostId(*id), *request, today, exchange.Actor());
  });
  if (!charged) return exchange.SendError(charged.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& charge : *charged) items.push_back(ChargeJson(charge));
  exchange.AddHeader("Location", ListPath(*id));
  exchange.SendJson(Code::Created, {{"items", items}});
}

void List(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto charges = services.database.InTransaction(
      [&](Transaction& tx) -> Result<std::vector<StoredLateInterest>> {
        if (!persistence::FinanceExportRepository::Debtor(tx, *tenant, HostId(*id))) {
          return Fail(Error::NotFound("Aucun hébergeur de ce numéro dans la collectivité."));
        }
        return LateInterestRepository::OfHost(tx, HostId(*id));
      });
  if (!charges) return exchange.SendError(charges.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& charge : *charges) items.push_back(ChargeJson(charge));
  exchange.SendJson(Code::Ok, {{"items", items}});
}

void Cancel(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto charge_id = PathId(exchange, "charge_id");
  if (!charge_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  const auto reason = reader.String("reason", Presence::kRequired, 1000);
  reader.RejectUnknownFields();
  if (reason && reason->empty()) errors.Add("/reason", "Indiquez pourquoi ces intérêts sont annulés.");
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  auto cancelled =
      services.database.InTransaction([&](Transaction& tx) -> Result<StoredLateInterest> {
        if (!persistence::FinanceExportRepository::Debtor(tx, *tenant, HostId(*id))) {
          return Fail(Error::NotFound("Aucun hébergeur de ce numéro dans la collectivité."));
        }
        return LateInterestRepository::Cancel(tx, HostId(*id), *charge_id, *reason,
                                              services.today(), exchange.Actor());
      });
  if (!cancelled) return exchange.SendError(cancelled.error());
  exchange.SendJson(Code::Ok, ChargeJson(*cancelled));
}

}  // namespace

void RegisterLateInterestChargeRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/hosts/{id}/late-interest", [&services](Exchange& e) { Post(e, services); });
  table.Get("/v1/hosts/{id}/late-interest", [&services](Exchange& e) { List(e, services); });
  table.Post("/v1/hosts/{id}/late-interest/{charge_id}/cancel",
             [&services](Exchange& e) { Cancel(e, services); });
}

}  // namespace nuitee::api
