// JSON of bank statement formats, statements and their lines, and online payments (issue 7).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/money/bank_statement_format.hpp"
#include "persistence/bank_statement_repository.hpp"
#include "persistence/online_payment_repository.hpp"

namespace nuitee::api {

struct NamedBankFormat {
  std::string name;
  BankStatementFormat format;
};

// {"name", "separator" (";", ",", "|", "tab"), "decimal_mark" ("comma", "point"), "skip_lines",
//  "date_column", "date_format" ("JJ/MM/AAAA"...), "label_column", and "amount_column" or
//  "credit_column" with "debit_column"}: every problem at once, in French.
Result<NamedBankFormat> BankFormatFromJson(const nlohmann::json& body);
// The format without its name: what bank_statement_formats.definition stores.
nlohmann::json BankFormatDefinitionJson(const BankStatementFormat& format);
// The stored definition read back (written by BankFormatDefinitionJson).
Result<BankStatementFormat> BankFormatFromDefinition(const std::string& definition_json);
nlohmann::json StoredBankFormatToJson(const persistence::StoredBankFormat& format);

nlohmann::json BankLineToJson(const persistence::StoredBankLine& line);
// With its lines and their counts when `with_lines`.
nlohmann::json BankStatementToJson(const persistence::StoredBankStatement& statement,
                                   bool with_lines);

nlohmann::json OnlinePaymentToJson(const persistence::StoredOnlinePayment& payment);

}  // namespace nuitee::api
