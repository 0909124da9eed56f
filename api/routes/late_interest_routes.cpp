// POST /v1/late-interest-quotes: late-payment interest computed on demand (issue 6; CGCT
// L. 2333-38 and L. 2333-46, taxe-de-sejour.md §8): 0,20 % of the amount paid late for each month
// started after the due day. Public like the tax simulators: it reads no data, only the law.
#include "api/http/json_body.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "rates/french_format.hpp"
#include "rates/late_interest.hpp"

namespace nuitee::api {
namespace {

using Pistache::Http::Code;
using nlohmann::json;

struct LateInterestRequest {
  Money amount = Money::Zero();
  Day due_on{};
  Day paid_on{};
};

Result<LateInterestRequest> LateInterestRequestFromJson(const json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  LateInterestRequest request;
  // Up to ten million euros: beyond any tourist tax a host owes.
  request.amount = Money::Cents(
      reader.Integer("amount_cents", Presence::kRequired, 1, 1'000'000'000).value_or(0));
  const auto due_on = reader.Date("due_on", Presence::kRequired);
  const auto paid_on = reader.Date("paid_on", Presence::kRequired);
  reader.RejectUnknownFields();
  if (due_on) request.due_on = *due_on;
  if (paid_on) request.paid_on = *paid_on;
  if (due_on && paid_on && *paid_on < *due_on) {
    errors.Add("/paid_on", "Le paiement est antérieur à l'échéance : il n'est pas en retard.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

json LateInterestToJson(const LateInterestRequest& request) {
  const int months = rates::MonthsStarted(request.due_on, request.paid_on);
  const Money interest = rates::LateInterest(request.amount, request.due_on, request.paid_on);
  json answer = json::object();
  answer["amount_cents"] = request.amount.cents();
  answer["due_on"] = FormatIsoDate(request.due_on);
  answer["paid_on"] = FormatIsoDate(request.paid_on);
  answer["months_started"] = months;
  answer["rate_bp_per_month"] = rates::kLateInterestPerMonth.value;
  answer["interest_cents"] = interest.cents();
  answer["explanation"] =
      months == 0
          ? "Payé au plus tard à l'échéance du " + rates::FormatFrenchDate(request.due_on) +
                " : aucun intérêt de retard."
          : rates::FormatEuros(request.amount) + " payés le " +
                rates::FormatFrenchDate(request.paid_on) + " pour une échéance au " +
                rates::FormatFrenchDate(request.due_on) + " : " + std::to_string(months) +
                (months == 1 ? " mois commencé" : " mois commencés") + " × 0,20 % = " +
                rates::FormatEuros(interest) + " d'intérêts de retard (article L. 2333-38 du CGCT).";
  return answer;
}

void LateInterestQuote(Exchange& exchange) {
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto request = LateInterestRequestFromJson(*body);
  if (!request) return exchange.SendError(request.error());
  exchange.SendJson(Code::Ok, LateInterestToJson(*request));
}

}  // namespace

void RegisterLateInterestRoutes(RouteTable& table, Services&) {
  table.Post("/v1/late-interest-quotes", [](Exchange& e) { LateInterestQuote(e); });
}

}  // namespace nuitee::api
