#include "domain/money/bank_statement_format.hpp"

#include <array>
#include <set>
#include <utility>

namespace nuitee {
namespace {

constexpr std::array<std::pair<BankDateFormat, std::string_view>, 5> kDateFormats = {{
    {BankDateFormat::kDayMonthYear, "JJ/MM/AAAA"},
    {BankDateFormat::kDayMonthShortYear, "JJ/MM/AA"},
    {BankDateFormat::kDayMonthYearDash, "JJ-MM-AAAA"},
    {BankDateFormat::kDayMonthYearDot, "JJ.MM.AAAA"},
    {BankDateFormat::kIso, "AAAA-MM-JJ"},
}};

}  // namespace

std::string_view BankDateFormatCode(BankDateFormat format) {
  for (const auto& [value, code] : kDateFormats) {
    if (value == format) return code;
  }
  return "JJ/MM/AAAA";
}

std::optional<BankDateFormat> ParseBankDateFormat(std::string_view code) {
  for (const auto& [value, known] : kDateFormats) {
    if (known == code) return value;
  }
  return std::nullopt;
}

std::vector<std::string_view> BankDateFormatCodes() {
  std::vector<std::string_view> out;
  for (const auto& [value, code] : kDateFormats) out.push_back(code);
  return out;
}

Status CheckBankStatementFormat(const BankStatementFormat& format, const std::string& pointer) {
  FieldErrors errors;
  std::set<int> used;
  auto column = [&](const std::optional<int>& value, const std::string& name) {
    if (!value) return;
    if (*value < 1 || *value > kMaxBankColumns) {
      errors.Add(pointer + "/" + name, "Le numéro de colonne va de 1 à " +
                                           std::to_string(kMaxBankColumns) + ".");
      return;
    }
    if (!used.insert(*value).second) {
      errors.Add(pointer + "/" + name,
                 "La colonne " + std::to_string(*value) + " sert déjà à une autre donnée.");
    }
  };
  column(format.date_column, "date_column");
  column(format.label_column, "label_column");
  column(format.amount_column, "amount_column");
  column(format.credit_column, "credit_column");
  column(format.debit_column, "debit_column");
  const bool split = format.credit_column || format.debit_column;
  if (format.amount_column && split) {
    errors.Add(pointer + "/amount_column",
               "Indiquez soit une colonne « montant » signée, soit des colonnes « crédit » et "
               "« débit », pas les deux.");
  } else if (!format.amount_column && !split) {
    errors.Add(pointer + "/amount_column",
               "Indiquez la colonne du montant, ou les colonnes « crédit » et « débit ».");
  } else if (split && !(format.credit_column && format.debit_column)) {
    errors.Add(pointer + (format.credit_column ? "/debit_column" : "/credit_column"),
               "Avec des colonnes séparées, indiquez la colonne « crédit » et la colonne "
               "« débit ».");
  }
  if (format.skip_lines < 0 || format.skip_lines > kMaxBankSkipLines) {
    errors.Add(pointer + "/skip_lines", "Le nombre de lignes d'en-tête va de 0 à " +
                                            std::to_string(kMaxBankSkipLines) + ".");
  }
  const char mark = format.decimal == DecimalMark::kComma ? ',' : '.';
  if (format.separator == mark || format.separator == '"' || format.separator == '\n' ||
      format.separator == '\r' || format.separator == '\0') {
    errors.Add(pointer + "/separator",
               "Le séparateur ne peut être ni la marque décimale, ni un guillemet, ni une fin de "
               "ligne.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return {};
}

}  // namespace nuitee
