#include "api/json/bank_statement_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

std::optional<char> SeparatorOf(const std::string& text) {
  if (text == ";" || text == "," || text == "|") return text[0];
  if (text == "tab" || text == "\t") return '\t';
  return std::nullopt;
}

std::string SeparatorCode(char separator) {
  return separator == '\t' ? "tab" : std::string(1, separator);
}

std::string DateFormatList() {
  std::string out;
  for (auto code : BankDateFormatCodes()) out += (out.empty() ? "" : ", ") + std::string(code);
  return out;
}

// Reads the format's fields (not the name) into `format`, collecting problems in `reader`.
void ReadFormat(JsonReader& reader, BankStatementFormat& format) {
  if (auto separator = reader.String("separator", Presence::kRequired, 5)) {
    if (auto value = SeparatorOf(*separator)) {
      format.separator = *value;
    } else {
      reader.errors().Add(reader.PointerTo("separator"),
                          "Le séparateur vaut « ; », « , », « | » ou « tab ».");
    }
  }
  if (auto mark = reader.String("decimal_mark", Presence::kRequired, 10)) {
    if (*mark == "comma") {
      format.decimal = DecimalMark::kComma;
    } else if (*mark == "point") {
      format.decimal = DecimalMark::kPoint;
    } else {
      reader.errors().Add(reader.PointerTo("decimal_mark"),
                          "La marque décimale vaut « comma » (virgule) ou « point ».");
    }
  }
  if (auto skip = reader.Integer("skip_lines", Presence::kOptional, 0, kMaxBankSkipLines)) {
    format.skip_lines = int(*skip);
  } else {
    format.skip_lines = 0;
  }
  if (auto column = reader.Integer("date_column", Presence::kRequired, 1, kMaxBankColumns)) {
    format.date_column = int(*column);
  }
  if (auto code = reader.String("date_format", Presence::kRequired, 20)) {
    if (auto value = ParseBankDateFormat(*code)) {
      format.date_format = *value;
    } else {
      reader.errors().Add(reader.PointerTo("date_format"),
                          "Le format de date vaut l'un de : " + DateFormatList() + ".");
    }
  }
  if (auto column = reader.Integer("label_column", Presence::kRequired, 1, kMaxBankColumns)) {
    format.label_column = int(*column);
  }
  auto optional_column = [&](const char* key) -> std::optional<int> {
    auto value = reader.Integer(key, Presence::kOptional, 1, kMaxBankColumns);
    return value ? std::optional<int>(int(*value)) : std::nullopt;
  };
  format.amount_column = optional_column("amount_column");
  format.credit_column = optional_column("credit_column");
  format.debit_column = optional_column("debit_column");
}

}  // namespace

Result<NamedBankFormat> BankFormatFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  NamedBankFormat out;
  if (auto name = reader.String("name", Presence::kRequired, 100)) out.name = *name;
  ReadFormat(reader, out.format);
  reader.RejectUnknownFields();
  if (errors.empty()) {
    if (auto valid = CheckBankStatementFormat(out.format); !valid) errors.Append(valid.error());
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return out;
}

nlohmann::json BankFormatDefinitionJson(const BankStatementFormat& format) {
  auto column = [](const std::optional<int>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
  };
  return {{"separator", SeparatorCode(format.separator)},
          {"decimal_mark", format.decimal == DecimalMark::kComma ? "comma" : "point"},
          {"skip_lines", format.skip_lines},
          {"date_column", format.date_column},
          {"date_format", std::string(BankDateFormatCode(format.date_format))},
          {"label_column", format.label_column},
          {"amount_column", column(format.amount_column)},
          {"credit_column", column(format.credit_column)},
          {"debit_column", column(format.debit_column)}};
}

Result<BankStatementFormat> BankFormatFromDefinition(const std::string& definition_json) {
  const auto definition = nlohmann::json::parse(definition_json, nullptr, false);
  if (!definition.is_object()) return Fail(Error::Internal());
  FieldErrors errors;
  JsonReader reader(definition, "", errors);
  BankStatementFormat format;
  ReadFormat(reader, format);
  if (!errors.empty()) return Fail(Error::Internal());
  return format;
}

nlohmann::json StoredBankFormatToJson(const persistence::StoredBankFormat& stored) {
  nlohmann::json out = nlohmann::json::parse(stored.definition_json);
  out["id"] = stored.id;
  out["name"] = stored.name;
  out["version"] = stored.version;
  out["archived"] = stored.archived;
  out["recorded_by"] = stored.recorded_by;
  out["recorded_at"] = stored.recorded_at;
  return out;
}

nlohmann::json BankLineToJson(const persistence::StoredBankLine& line) {
  auto optional = [](const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
  };
  return {{"id", line.id},
          {"statement_id", line.statement_id},
          {"file_line", line.file_line},
          {"booked_on", FormatIsoDate(line.booked_on)},
          {"amount_cents", line.amount.cents()},
          {"label", line.label},
          {"reference", optional(line.reference)},
          {"status", line.status},
          {"payment_id", optional(line.payment_id)},
          {"host_id", optional(line.host_id)},
          {"host_name", optional(line.host_name)},
          {"target_month", line.target_month ? nlohmann::json(FormatIsoMonth(*line.target_month))
                                             : nlohmann::json()},
          {"reason", optional(line.reason)},
          {"resolved_by", optional(line.resolved_by)},
          {"resolved_at", optional(line.resolved_at)}};
}

nlohmann::json BankStatementToJson(const persistence::StoredBankStatement& statement,
                                   bool with_lines) {
  nlohmann::json out = {{"id", statement.id},
                        {"format_id", statement.format_id},
                        {"format_name", statement.format_name},
                        {"file_sha256", statement.file_sha256},
                        {"credit_lines", statement.credit_lines},
                        {"debit_lines", statement.debit_lines},
                        {"already_imported", statement.already_imported},
                        {"imported_by", statement.imported_by},
                        {"imported_at", statement.imported_at}};
  if (with_lines) {
    nlohmann::json lines = nlohmann::json::array();
    std::map<std::string, int> counts = {
        {"matched", 0}, {"unmatched", 0}, {"assigned", 0}, {"dismissed", 0}};
    for (const auto& line : statement.lines) {
      lines.push_back(BankLineToJson(line));
      ++counts[line.status];
    }
    out["counts"] = counts;
    out["lines"] = lines;
  }
  return out;
}

nlohmann::json OnlinePaymentToJson(const persistence::StoredOnlinePayment& payment) {
  nlohmann::json months = nlohmann::json::array();
  for (const auto& month : payment.months) months.push_back(FormatIsoMonth(month));
  auto optional = [](const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
  };
  return {{"id", payment.id},
          {"host_id", payment.host_id.value()},
          {"provider", payment.provider},
          {"idop", payment.idop},
          {"refdet", payment.refdet},
          {"amount_cents", payment.amount.cents()},
          {"months", months},
          {"status", payment.status},
          {"result_code", optional(payment.result_code)},
          {"payment_id", optional(payment.payment_id)},
          {"started_by", payment.started_by},
          {"started_at", payment.started_at},
          {"finished_at", optional(payment.finished_at)}};
}

}  // namespace nuitee::api
