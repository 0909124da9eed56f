// How one bank lays out its CSV export of a statement: which column holds the date (and how it is
// written), the amount (one signed column, or separate credit and debit columns), the label; the
// separator, the decimal mark, the lines to skip before the first transaction. Finance names a
// format per bank (api: /v1/collectivities/{id}/bank-statement-formats) and picks it at import.
// Columns are numbered from 1, as a spreadsheet user counts them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/error.hpp"

namespace nuitee {

enum class BankDateFormat {
  kDayMonthYear,       // 31/10/2026
  kDayMonthShortYear,  // 31/10/26 (20xx)
  kDayMonthYearDash,   // 31-10-2026
  kDayMonthYearDot,    // 31.10.2026
  kIso,                // 2026-10-31
};
std::string_view BankDateFormatCode(BankDateFormat format);  // "JJ/MM/AAAA"...
std::optional<BankDateFormat> ParseBankDateFormat(std::string_view code);
// Every code, for the message that lists them.
std::vector<std::string_view> BankDateFormatCodes();

enum class DecimalMark { kComma, kPoint };

struct BankStatementFormat {
  char separator = ';';
  DecimalMark decimal = DecimalMark::kComma;
  int skip_lines = 1;  // header lines before the first transaction (0 or more)
  int date_column = 1;
  BankDateFormat date_format = BankDateFormat::kDayMonthYear;
  int label_column = 2;
  // Either `amount_column` (credit positive, debit negative), or both `credit_column` and
  // `debit_column` (each unsigned; the one that is filled says which it is).
  std::optional<int> amount_column;
  std::optional<int> credit_column;
  std::optional<int> debit_column;
  friend bool operator==(const BankStatementFormat&, const BankStatementFormat&) = default;
};

inline constexpr int kMaxBankColumns = 50;
inline constexpr int kMaxBankSkipLines = 50;

// Every problem of a format at once (Error::Invalid, pointers under `pointer`, French messages):
// columns within 1..kMaxBankColumns and distinct, exactly one way of giving the amount, a
// separator that is not the decimal mark nor a quote.
Status CheckBankStatementFormat(const BankStatementFormat& format, const std::string& pointer = "");

}  // namespace nuitee
