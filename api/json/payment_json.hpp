// JSON of payments, refunds and the ledger (issue 7): requests read strictly, answers as
// openapi.yaml describes them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/core/error.hpp"
#include "domain/money/payment.hpp"
#include "domain/money/payment_reference.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/payment_repository.hpp"

namespace nuitee::api {

struct PaymentRequest {
  std::optional<std::string> host_id;  // may be left out when the payer's reference names the host
  PaymentMethod method = PaymentMethod::kBankTransfer;
  Money amount = Money::Zero();
  Day received_on{};
  std::optional<std::string> payer_reference;
  std::optional<PaymentReference> parsed_reference;  // when the payer's reference is ours
  std::optional<std::string> cheque_number;
  std::optional<Month> target_month;
  std::optional<std::string> note;
};
// `today`: a payment is not received in the future.
Result<PaymentRequest> PaymentRequestFromJson(const nlohmann::json& body, Day today);

struct RefundRequest {
  PaymentMethod method = PaymentMethod::kBankTransfer;
  Money amount = Money::Zero();
  Day paid_on{};
  std::string reason;
};
Result<RefundRequest> RefundRequestFromJson(const nlohmann::json& body, Day today);

nlohmann::json PaymentToJson(const persistence::StoredPayment& payment);
nlohmann::json RefundToJson(const persistence::StoredRefund& refund);
nlohmann::json LedgerEntryToJson(const persistence::StoredLedgerEntry& entry);
nlohmann::json LedgerCheckToJson(const persistence::LedgerCheck& check);

}  // namespace nuitee::api
