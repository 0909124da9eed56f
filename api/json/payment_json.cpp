#include "api/json/payment_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

constexpr long long kMaxCents = 10'000'000'000LL;  // 100 million euros: a typing error beyond

std::optional<PaymentMethod> ReadMethod(JsonReader& reader, bool online_allowed) {
  auto code = reader.String("method", Presence::kRequired, 40);
  if (!code) return std::nullopt;
  auto method = ParsePaymentMethod(*code);
  if (!method || (!online_allowed && *method == PaymentMethod::kOnline)) {
    reader.errors().Add(reader.PointerTo("method"),
                        "Le moyen de paiement doit être « bank_transfer » (virement), « cheque » "
                        "ou « cash » (espèces).");
    return std::nullopt;
  }
  return method;
}

std::optional<Day> ReadPastDay(JsonReader& reader, std::string_view key, Day today) {
  auto day = reader.Date(key, Presence::kRequired);
  if (day && *day > today) {
    reader.errors().Add(reader.PointerTo(key), "Cette date est dans le futur.");
    return std::nullopt;
  }
  return day;
}

std::optional<std::string> MonthText(const std::optional<Month>& month) {
  if (!month) return std::nullopt;
  return FormatIsoMonth(*month);
}

}  // namespace

Result<PaymentRequest> PaymentRequestFromJson(const nlohmann::json& body, Day today) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  PaymentRequest request;
  request.host_id = reader.String("host_id", Presence::kOptional, 40);
  // Payments made online are booked by the provider's notification, never by hand.
  auto method = ReadMethod(reader, false);
  auto amount = reader.Integer("amount_cents", Presence::kRequired, 1, kMaxCents);
  auto received_on = ReadPastDay(reader, "received_on", today);
  request.payer_reference = reader.String("payer_reference", Presence::kOptional, 140);
  request.cheque_number = reader.String("cheque_number", Presence::kOptional, 40);
  auto target = reader.String("target_month", Presence::kOptional, 7);
  request.note = reader.String("note", Presence::kOptional, 2000);
  reader.RejectUnknownFields();
  if (target) {
    request.target_month = ParseIsoMonth(*target);
    if (!request.target_month) {
      errors.Add("/target_month", "Le mois doit s'écrire AAAA-MM, par exemple 2026-07.");
    }
  }
  if (request.payer_reference) {
    request.parsed_reference = FindPaymentReference(*request.payer_reference);
  }
  if (method && *method == PaymentMethod::kCheque && !request.cheque_number) {
    errors.Add("/cheque_number", "Indiquez le numéro du chèque.");
  }
  if (!request.host_id && !request.parsed_reference) {
    errors.Add("/host_id",
               "Indiquez l'hébergeur, ou une référence de paiement Nuitée (« TS… ») qui le désigne.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  request.method = *method;
  request.amount = Money::Cents(*amount);
  request.received_on = *received_on;
  if (!request.target_month && request.parsed_reference) {
    request.target_month = request.parsed_reference->month;
  }
  return request;
}

Result<RefundRequest> RefundRequestFromJson(const nlohmann::json& body, Day today) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  auto method = ReadMethod(reader, false);
  auto amount = reader.Integer("amount_cents", Presence::kRequired, 1, kMaxCents);
  auto paid_on = ReadPastDay(reader, "paid_on", today);
  auto reason = reader.String("reason", Presence::kRequired, 2000);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return RefundRequest{*method, Money::Cents(*amount), *paid_on, *reason};
}

nlohmann::json PaymentToJson(const persistence::StoredPayment& payment) {
  nlohmann::json out{{"id", payment.id},
                     {"host_id", payment.host_id.value()},
                     {"host_name", payment.host_name},
                     {"method", std::string(PaymentMethodCode(payment.method))},
                     {"origin", payment.origin},
                     {"amount_cents", payment.amount.cents()},
                     {"received_on", FormatIsoDate(payment.received_on)},
                     {"payer_reference", payment.payer_reference ? nlohmann::json(*payment.payer_reference) : nlohmann::json()},
                     {"cheque_number", payment.cheque_number ? nlohmann::json(*payment.cheque_number) : nlohmann::json()},
                     {"target_month", payment.target_month ? nlohmann::json(*MonthText(payment.target_month)) : nlohmann::json()},
                     {"note", payment.note ? nlohmann::json(*payment.note) : nlohmann::json()},
                     {"entry_id", payment.entry_id},
                     {"recorded_by", payment.recorded_by},
                     {"recorded_at", payment.recorded_at},
                     {"reversed", payment.reversal.has_value()}};
  if (payment.reversal) {
    out["reversal"] = {{"reason", payment.reversal->reason},
                       {"recorded_by", payment.reversal->recorded_by},
                       {"recorded_at", payment.reversal->recorded_at}};
  }
  return out;
}

nlohmann::json RefundToJson(const persistence::StoredRefund& refund) {
  return {{"id", refund.id},
          {"host_id", refund.host_id.value()},
          {"method", std::string(PaymentMethodCode(refund.method))},
          {"amount_cents", refund.amount.cents()},
          {"paid_on", FormatIsoDate(refund.paid_on)},
          {"reason", refund.reason},
          {"entry_id", refund.entry_id},
          {"recorded_by", refund.recorded_by},
          {"recorded_at", refund.recorded_at}};
}

nlohmann::json LedgerEntryToJson(const persistence::StoredLedgerEntry& entry) {
  nlohmann::json postings = nlohmann::json::array();
  for (const auto& posting : entry.postings) {
    postings.push_back({{"account", std::string(LedgerAccountCode(posting.account))},
                        {"account_label", std::string(LedgerAccountLabel(posting.account))},
                        {"party", posting.party},
                        {"amount_cents", posting.amount.cents()}});
  }
  auto optional = [](const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json();
  };
  return {{"id", entry.id},
          {"number", entry.seq},
          {"kind", std::string(LedgerEntryKindCode(entry.kind))},
          {"booked_on", FormatIsoDate(entry.booked_on)},
          {"period", entry.period ? nlohmann::json(FormatIsoMonth(*entry.period)) : nlohmann::json()},
          {"accommodation_id", optional(entry.accommodation_id)},
          {"platform_id", optional(entry.platform_id)},
          {"source_type", entry.source_type},
          {"source_id", entry.source_id},
          {"reference", optional(entry.reference)},
          {"label", entry.label},
          {"recorded_by", entry.recorded_by},
          {"recorded_at", entry.recorded_at},
          {"postings", postings}};
}

nlohmann::json LedgerCheckToJson(const persistence::LedgerCheck& check) {
  nlohmann::json mismatches = nlohmann::json::array();
  for (const auto& each : check.mismatches) {
    mismatches.push_back({{"accommodation_id", each.accommodation_id},
                          {"month", FormatIsoMonth(each.month)},
                          {"kind", each.kind},
                          {"expected_cents", each.expected.cents()},
                          {"booked_cents", each.booked.cents()}});
  }
  const bool sound = check.unbalanced_entries == 0 && check.mismatches.empty() &&
                     check.debits + check.credits == Money::Zero();
  return {{"sound", sound},
          {"entries", check.entries},
          {"unbalanced_entries", check.unbalanced_entries},
          {"debits_cents", check.debits.cents()},
          {"credits_cents", -check.credits.cents()},
          {"mismatches", mismatches}};
}

}  // namespace nuitee::api
