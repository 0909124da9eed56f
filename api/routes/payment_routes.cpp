// Payments recorded by finance (bank transfer, cheque, cash at the régie), their reversal when
// recorded by mistake, refunds out of a host's credit (issue 7). Each write books its ledger entry
// in the same transaction (persistence/payment_repository). Which debts a payment paid is worked
// out when read (domain/money/payment_allocation).
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/payment_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/money_positions.hpp"

namespace nuitee::api {
namespace {

using persistence::PaymentRepository;
using persistence::Transaction;
using Pistache::Http::Code;

std::string PaymentPath(const CollectivityId& tenant, const std::string& payment) {
  return "/v1/collectivities/" + tenant.value() + "/payments/" + payment;
}

// The host a payment is for: the one named, or the one the payer's reference designates.
Result<HostId> PayingHost(Transaction& tx, const CollectivityId& tenant,
                          const PaymentRequest& request) {
  std::optional<HostId> by_reference;
  if (request.parsed_reference) {
    by_reference =
        PaymentRepository::FindHostByNumber(tx, tenant, request.parsed_reference->host_number);
  }
  if (!request.host_id) {
    if (!by_reference) {
      return Fail(Error::RuleViolation(
          {{"/payer_reference",
            "Cette référence de paiement ne désigne aucun hébergeur de la collectivité."}}));
    }
    return *by_reference;
  }
  auto host = persistence::HostRepository::Find(tx, tenant, HostId(*request.host_id));
  if (!host) {
    return Fail(Error::RuleViolation(
        {{"/host_id", "Cet hébergeur n'existe pas dans la collectivité."}}));
  }
  if (by_reference && *by_reference != host->id) {
    return Fail(Error::RuleViolation(
        {{"/payer_reference", "Cette référence de paiement désigne un autre hébergeur."}}));
  }
  return host->id;
}

// Which debts of the host the payment paid, as the allocation now stands.
nlohmann::json PaymentShares(Transaction& tx, const persistence::StoredPayment& payment) {
  const auto money = persistence::ReadHostMoney(tx, payment.host_id, std::nullopt);
  nlohmann::json shares = nlohmann::json::array();
  Money allocated = Money::Zero();
  for (const auto& share : money.allocation.shares) {
    if (share.payment_id != payment.id) continue;
    const Debt& debt = money.debts[share.debt];
    shares.push_back({{"accommodation_id", debt.accommodation_id},
                      {"month", FormatIsoMonth(debt.period)},
                      {"kind", std::string(LedgerEntryKindCode(debt.kind))},
                      {"amount_cents", share.amount.cents()}});
    allocated += share.amount;
  }
  const Money unallocated = payment.reversal ? Money::Zero() : payment.amount - allocated;
  return {{"shares", shares}, {"unallocated_cents", unallocated.cents()}};
}

void Record(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = PaymentRequestFromJson(*body, services.today());
  if (!request) return exchange.SendError(request.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto host = PayingHost(tx, *tenant, *request);
    if (!host) return Fail(host.error());
    persistence::NewPayment payment;
    payment.collectivity_id = *tenant;
    payment.host_id = *host;
    payment.method = request->method;
    payment.amount = request->amount;
    payment.received_on = request->received_on;
    payment.payer_reference = request->payer_reference;
    payment.cheque_number = request->cheque_number;
    payment.target_month = request->target_month;
    payment.note = request->note;
    payment.recorded_by = exchange.Actor();
    auto stored = PaymentRepository::Record(tx, payment);
    if (!stored) return Fail(stored.error());
    nlohmann::json out = PaymentToJson(*stored);
    out["allocation"] = PaymentShares(tx, *stored);
    out["host_balance_cents"] = persistence::LedgerRepository::HostBalance(tx, *host).cents();
    return Reply{Code::Created, out, PaymentPath(*tenant, stored->id), std::nullopt};
  });
}

void List(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto query =
      QueryParameters::Read(exchange, WithPagination({"host_id", "from", "to", "method"}));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  persistence::PaymentFilter filter;
  if (auto host = query->Get("host_id")) filter.host_id = HostId(*host);
  auto from = query->DateParameter("from");
  if (!from) return exchange.SendError(from.error());
  auto to = query->DateParameter("to");
  if (!to) return exchange.SendError(to.error());
  filter.from = *from;
  filter.to = *to;
  if (auto method = query->Get("method")) {
    filter.method = ParsePaymentMethod(*method);
    if (!filter.method) {
      return exchange.SendError(Error::InvalidArgument(
          "method", "Le moyen de paiement doit être bank_transfer, cheque, cash ou online."));
    }
  }
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    if (filter.host_id && !persistence::HostRepository::Find(tx, *tenant, *filter.host_id)) {
      return nlohmann::json{{"items", nlohmann::json::array()}, {"next_cursor", nullptr}};
    }
    return PageJson(PaymentRepository::List(tx, *tenant, filter, *page),
                    [](const auto& payment) { return PaymentToJson(payment); });
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Read(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto payment_id = PathId(exchange, "payment_id");
  if (!payment_id) return;
  auto read = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto payment = PaymentRepository::Find(tx, *tenant, *payment_id);
    if (!payment) return Fail(Error::NotFound("Ce paiement n'existe pas."));
    nlohmann::json out = PaymentToJson(*payment);
    out["allocation"] = PaymentShares(tx, *payment);
    return out;
  });
  if (!read) return exchange.SendError(read.error());
  exchange.SendJson(Code::Ok, *read);
}

void Reverse(Exchange& exchange, Services& services) {
  auto tenant = PathTenant(exchange);
  if (!tenant) return;
  auto payment_id = PathId(exchange, "payment_id");
  if (!payment_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  FieldErrors errors;
  JsonReader reader(*body, "", errors);
  auto reason = reader.String("reason", Presence::kRequired, 2000);
  reader.RejectUnknownFields();
  if (!errors.empty()) return exchange.SendError(errors.ToError());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto reversed = PaymentRepository::Reverse(tx, *tenant, *payment_id, *reason,
                                               services.today(), exchange.Actor());
    if (!reversed) return Fail(reversed.error());
    nlohmann::json out = PaymentToJson(*reversed);
    out["host_balance_cents"] =
        persistence::LedgerRepository::HostBalance(tx, reversed->host_id).cents();
    return Reply{Code::Ok, out, "", std::nullopt};
  });
}

void Refund(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = RefundRequestFromJson(*body, services.today());
  if (!request) return exchange.SendError(request.error());
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto host = persistence::HostRepository::Find(tx, *tenant, HostId(*host_id));
    if (!host) return Fail(host.error());
    persistence::NewRefund refund;
    refund.collectivity_id = *tenant;
    refund.host_id = host->id;
    refund.method = request->method;
    refund.amount = request->amount;
    refund.paid_on = request->paid_on;
    refund.reason = request->reason;
    refund.recorded_by = exchange.Actor();
    auto stored = PaymentRepository::Refund(tx, refund);
    if (!stored) return Fail(stored.error());
    nlohmann::json out = RefundToJson(*stored);
    out["host_balance_cents"] = persistence::LedgerRepository::HostBalance(tx, host->id).cents();
    return Reply{Code::Created, out, "/v1/hosts/" + *host_id + "/refunds", std::nullopt};
  });
}

void ListRefunds(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto host = persistence::HostRepository::Find(tx, *tenant, HostId(*host_id));
    if (!host) return Fail(host.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& refund : PaymentRepository::RefundsOfHost(tx, host->id)) {
      items.push_back(RefundToJson(refund));
    }
    return nlohmann::json{{"items", items}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

}  // namespace

void RegisterPaymentRoutes(RouteTable& table, Services& services) {
  const std::string payments = "/v1/collectivities/{id}/payments";
  table.Post(payments, [&services](Exchange& e) { Record(e, services); });
  table.Get(payments, [&services](Exchange& e) { List(e, services); });
  table.Get(payments + "/{payment_id}", [&services](Exchange& e) { Read(e, services); });
  table.Post(payments + "/{payment_id}/reversal",
             [&services](Exchange& e) { Reverse(e, services); });
  table.Post("/v1/hosts/{id}/refunds", [&services](Exchange& e) { Refund(e, services); });
  table.Get("/v1/hosts/{id}/refunds", [&services](Exchange& e) { ListRefunds(e, services); });
}

}  // namespace nuitee::api
