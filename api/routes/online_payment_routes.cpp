// Online payment (issue 7): a host (or its manager) starts a payment of what it owes through a
// provider — PayFiP, or the local simulator that stands in for it in the demo and the tests and
// moves no money. The provider posts the operation's idop to /v1/payments/notifications/payfip;
// the server then asks the provider for the result and books one payment only when it says paid
// (PayFiP resultrans P). A notification for an unknown idop, or repeated, books nothing more; the
// payer's redirect back is never taken as proof (taxe-de-sejour.md §10).
#include <nlohmann/json.hpp>

#include "api/http/identifiers.hpp"
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/bank_statement_json.hpp"
#include "api/logger.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/money/payment.hpp"
#include "domain/money/payment_reference.hpp"
#include "payments/simulator.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/money_positions.hpp"
#include "persistence/online_payment_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::OnlinePaymentRepository;
using persistence::Transaction;
using Pistache::Http::Code;

constexpr std::size_t kMaxMonths = 36;

std::string MediaType(const Exchange& exchange) {
  auto type = exchange.request().headers().tryGet<Pistache::Http::Header::ContentType>();
  const std::string media = type ? type->mime().toString() : std::string();
  return media.substr(0, media.find(';'));
}

// The fields of an application/x-www-form-urlencoded body.
std::map<std::string, std::string> FormFields(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    const std::string pair = body.substr(start, end - start);
    const auto equals = pair.find('=');
    if (!pair.empty()) {
      auto name = PercentDecode(pair.substr(0, equals));
      auto value = PercentDecode(equals == std::string::npos ? "" : pair.substr(equals + 1));
      if (name && value) fields[*name] = *value;
    }
    start = end + 1;
  }
  return fields;
}

std::optional<std::map<std::string, std::string>> ReadForm(Exchange& exchange) {
  if (MediaType(exchange) != "application/x-www-form-urlencoded") {
    exchange.SendProblem({Code::Unsupported_Media_Type, "unsupported-media-type",
                          "Type de contenu non pris en charge",
                          "Le corps doit être envoyé en application/x-www-form-urlencoded.",
                          {},
                          {}});
    return std::nullopt;
  }
  if (exchange.request().body().size() > 4096) {
    exchange.SendError(Error::InvalidArgument("/", "Le corps est trop long."));
    return std::nullopt;
  }
  return FormFields(exchange.request().body());
}

std::string Html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Euros(Money amount) {
  std::string text = amount.ToDecimalString();
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  return text + " €";
}

struct StartRequest {
  std::optional<Money> amount;
  std::vector<Month> months;
  std::optional<std::string> provider;
};

Result<StartRequest> StartRequestFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  StartRequest out;
  if (auto cents = reader.Integer("amount_cents", Presence::kOptional, 1, 100'000'000'00)) {
    out.amount = Money::Cents(*cents);
  }
  if (auto months = reader.StringArray("months", Presence::kOptional, 7, kMaxMonths)) {
    for (std::size_t i = 0; i < months->size(); ++i) {
      auto month = ParseIsoMonth((*months)[i]);
      if (!month) {
        errors.Add("/months/" + std::to_string(i), "Le mois s'écrit AAAA-MM.");
      } else if (std::find(out.months.begin(), out.months.end(), *month) == out.months.end()) {
        out.months.push_back(*month);
      }
    }
  }
  out.provider = reader.String("provider", Presence::kOptional, 20);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return out;
}

// What the host owes: for the months chosen, what is still outstanding on them; otherwise its
// balance (positive while it owes).
Money Owed(Transaction& tx, const HostId& host, const std::vector<Month>& months) {
  if (months.empty()) return persistence::LedgerRepository::HostBalance(tx, host);
  const auto money = persistence::ReadHostMoney(tx, host, std::nullopt);
  Money owed = Money::Zero();
  for (std::size_t i = 0; i < money.debts.size(); ++i) {
    if (std::find(months.begin(), months.end(), money.debts[i].period) == months.end()) continue;
    const Money outstanding = money.allocation.Outstanding(money.debts, i);
    if (outstanding > Money::Zero()) owed += outstanding;
  }
  return owed;
}

struct Prepared {
  std::string refdet;
  Money amount = Money::Zero();
};

void Start(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto body = ReadOptionalJsonObject(exchange);
  if (!body) return;
  auto request = StartRequestFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  std::shared_ptr<payments::PaymentProvider> provider =
      request->provider ? services.payment_providers->Find(*request->provider)
                        : services.payment_providers->Default();
  if (!provider) {
    return exchange.SendError(Error::RuleViolation(
        {{"/provider", "Ce moyen de paiement en ligne n'est pas proposé ici (« simulateur », ou "
                       "« payfip » quand la régie est configurée)."}}));
  }
  const HostId host(*host_id);
  auto prepared = services.database.InTransaction([&](Transaction& tx) -> Result<Prepared> {
    auto number = OnlinePaymentRepository::HostNumber(tx, *tenant, host);
    if (!number) return Fail(Error::NotFound("Aucune ressource ne porte cet identifiant."));
    PaymentReference reference{*number, std::nullopt};
    if (request->months.size() == 1) reference.month = request->months.front();
    const Money owed = Owed(tx, host, request->months);
    const Money amount = request->amount.value_or(owed);
    if (amount <= Money::Zero()) {
      return Fail(Error::RuleViolation(
          {{request->months.empty() ? "/amount_cents" : "/months",
            "Il ne reste rien à payer : indiquez un montant (« amount_cents »)."}}));
    }
    if (auto valid = CheckPaymentAmount(amount, "/amount_cents"); !valid) {
      return Fail(valid.error());
    }
    return Prepared{FormatPaymentReference(reference), amount};
  });
  if (!prepared) return exchange.SendError(prepared.error());
  const Day today = services.today();
  payments::PaymentRequest order;
  order.year = int(today.year());
  order.debt_reference = prepared->refdet;
  order.amount = prepared->amount;
  order.payer_email = exchange.principal()->email;
  order.object = "Taxe de sejour " + prepared->refdet;
  order.notification_url = services.public_url + "/v1/payments/notifications/payfip";
  order.redirect_url = services.public_url + "/v1/hosts/" + host.value() + "/online-payments";
  // The provider is called outside any transaction: no connection waits on the network.
  auto started = provider->Start(order);
  if (!started) {
    Logger::Error("online_payment_start_failed",
                  {{"provider", provider->Code()}, {"detail", started.error().message}});
    return exchange.SendError(started.error());
  }
  auto stored = services.database.InTransaction(
      [&](Transaction& tx) -> Result<persistence::StoredOnlinePayment> {
        persistence::NewOnlinePayment payment;
        payment.collectivity_id = *tenant;
        payment.host_id = host;
        payment.provider = std::string(provider->Code());
        payment.idop = started->idop;
        payment.refdet = prepared->refdet;
        payment.amount = prepared->amount;
        payment.months = request->months;
        payment.payer_email = order.payer_email;
        payment.started_by = exchange.Actor();
        return OnlinePaymentRepository::Start(tx, payment);
      });
  if (!stored) return exchange.SendError(stored.error());
  nlohmann::json out = OnlinePaymentToJson(*stored);
  out["payer_url"] = started->payer_url;
  if (stored->provider == payments::kSimulatorCode) {
    out["notice"] = "Simulateur de paiement : aucun argent réel n'est prélevé.";
  }
  exchange.AddHeader("Location", "/v1/hosts/" + host.value() + "/online-payments");
  exchange.SendJson(Code::Created, out);
}

void ListOfHost(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    if (!OnlinePaymentRepository::HostNumber(tx, *tenant, HostId(*host_id))) {
      return Fail(Error::NotFound("Aucune ressource ne porte cet identifiant."));
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& payment : OnlinePaymentRepository::OfHost(tx, HostId(*host_id))) {
      items.push_back(OnlinePaymentToJson(payment));
    }
    return nlohmann::json{
        {"items", items},
        {"balance_cents", persistence::LedgerRepository::HostBalance(tx, HostId(*host_id)).cents()}};
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

// What a verified notification did: the payment as it now stands.
Result<nlohmann::json> Settle(Services& services, const std::string& idop) {
  auto known = services.database.InTransaction(
      [&](Transaction& tx) -> Result<persistence::StoredOnlinePayment> {
        auto payment = OnlinePaymentRepository::FindByIdop(tx, idop);
        if (!payment) {
          return Fail(Error::NotFound("Aucun paiement en ligne ne porte cet identifiant."));
        }
        return *payment;
      });
  if (!known) return Fail(known.error());
  if (known->status != "started") return OnlinePaymentToJson(*known);
  auto provider = services.payment_providers->Find(known->provider);
  if (!provider) {
    return Fail(Error::Unavailable("Le prestataire de ce paiement n'est plus configuré."));
  }
  // Verified: the provider itself says what happened, whoever posted the idop.
  auto result = provider->Fetch(idop);
  if (!result) return Fail(result.error());
  if ((result->amount && *result->amount != known->amount) ||
      (result->debt_reference && *result->debt_reference != known->refdet)) {
    Logger::Error("online_payment_mismatch",
                  {{"idop", idop},
                   {"expected_cents", known->amount.cents()},
                   {"provider_cents", result->amount ? result->amount->cents() : -1}});
    return Fail(Error::Conflict(
        "Le prestataire décrit une autre opération que celle enregistrée : rien n'est comptabilisé."));
  }
  if (result->outcome == payments::PaymentOutcome::kPending) return OnlinePaymentToJson(*known);
  const Day paid_on = result->paid_on.value_or(services.today());
  auto outcome = services.database.InTransaction(
      [&](Transaction& tx) -> Result<OnlinePaymentRepository::Outcome> {
        return OnlinePaymentRepository::RecordOutcome(
            tx, idop, std::string(payments::PaymentOutcomeCode(result->outcome)), result->code,
            paid_on, "paiement en ligne (" + known->provider + "), résultat vérifié");
      });
  if (!outcome) return Fail(outcome.error());
  Logger::Info("online_payment_settled", {{"idop", idop},
                                          {"status", outcome->payment.status},
                                          {"recorded", outcome->recorded}});
  return OnlinePaymentToJson(outcome->payment);
}

void Notify(Exchange& exchange, Services& services) {
  auto form = ReadForm(exchange);
  if (!form) return;
  auto idop = form->find("idop");
  if (idop == form->end() || idop->second.empty() || idop->second.size() > 100) {
    return exchange.SendError(Error::InvalidArgument("/idop", "Le champ « idop » est requis."));
  }
  auto settled = Settle(services, idop->second);
  if (!settled) return exchange.SendError(settled.error());
  exchange.SendJson(Code::Ok, *settled);
}

std::shared_ptr<payments::PaymentSimulator> Simulator(Services& services) {
  return std::dynamic_pointer_cast<payments::PaymentSimulator>(
      services.payment_providers->Find(payments::kSimulatorCode));
}

std::string SimulatorPage(const std::string& title, const std::string& content) {
  return "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + Html(title) +
         "</title></head><body><h1>Simulateur de paiement — aucun argent réel</h1>"
         "<p><strong>Ceci n'est pas PayFiP.</strong> Cette page remplace le prestataire de "
         "paiement pour la démonstration et les essais : rien n'est prélevé.</p>" +
         content + "</body></html>";
}

void SimulatorShow(Exchange& exchange, Services& services) {
  const std::string idop = exchange.Param("idop");
  auto simulator = Simulator(services);
  auto operation = simulator ? simulator->Operation(idop) : std::nullopt;
  if (!operation) {
    return exchange.SendError(Error::NotFound("Le simulateur ne connaît pas cette opération."));
  }
  const std::string action = "/v1/payments/simulator/" + Html(idop);
  const std::string content =
      "<p>Opération " + Html(idop) + " : " + Html(operation->object) + ", montant " +
      Html(Euros(operation->amount)) + ", payeur " + Html(operation->payer_email) + ".</p>" +
      "<form method=\"post\" action=\"" + action +
      "\"><input type=\"hidden\" name=\"decision\" value=\"pay\">"
      "<button type=\"submit\">Payer (simulé)</button></form>"
      "<form method=\"post\" action=\"" + action +
      "\"><input type=\"hidden\" name=\"decision\" value=\"refuse\">"
      "<button type=\"submit\">Refuser (simulé)</button></form>";
  exchange.SendText(Code::Ok, SimulatorPage("Simulateur de paiement", content),
                    "text/html; charset=utf-8");
}

// The payer's click, then the notification as PayFiP sends it: the same verification follows.
void SimulatorDecide(Exchange& exchange, Services& services) {
  const std::string idop = exchange.Param("idop");
  auto simulator = Simulator(services);
  if (!simulator || !simulator->Operation(idop)) {
    return exchange.SendError(Error::NotFound("Le simulateur ne connaît pas cette opération."));
  }
  auto form = ReadForm(exchange);
  if (!form) return;
  const std::string decision = (*form)["decision"];
  if (decision != "pay" && decision != "refuse") {
    return exchange.SendError(
        Error::InvalidArgument("/decision", "« decision » vaut pay ou refuse."));
  }
  if (auto decided = simulator->Decide(idop, decision == "pay", services.today()); !decided) {
    return exchange.SendError(decided.error());
  }
  auto settled = Settle(services, idop);
  if (!settled) return exchange.SendError(settled.error());
  const std::string status = (*settled)["status"].get<std::string>();
  const std::string content =
      std::string("<p>") +
      (status == "paid" ? "Paiement simulé accepté : il est enregistré sur le compte de "
                          "l'hébergeur."
                        : "Paiement simulé refusé : rien n'est enregistré.") +
      "</p>";
  exchange.SendText(Code::Ok, SimulatorPage("Simulateur de paiement", content),
                    "text/html; charset=utf-8");
}

}  // namespace

void RegisterOnlinePaymentRoutes(RouteTable& table, Services& services) {
  // The simulator is always offered (named as such); PayFiP, when configured, is the default.
  if (!services.payment_providers->Find(payments::kSimulatorCode)) {
    services.payment_providers->Add(
        std::make_shared<payments::PaymentSimulator>(services.public_url), false);
  }
  table.Post("/v1/hosts/{id}/payments", [&services](Exchange& e) { Start(e, services); });
  table.Get("/v1/hosts/{id}/online-payments", [&services](Exchange& e) { ListOfHost(e, services); });
  table.Post("/v1/payments/notifications/payfip",
             [&services](Exchange& e) { Notify(e, services); });
  table.Get("/v1/payments/simulator/{idop}",
            [&services](Exchange& e) { SimulatorShow(e, services); });
  table.Post("/v1/payments/simulator/{idop}",
             [&services](Exchange& e) { SimulatorDecide(e, services); });
}

}  // namespace nuitee::api
