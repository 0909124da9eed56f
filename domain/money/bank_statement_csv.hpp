// A bank statement's CSV export read through its bank's format (bank_statement_format.hpp): the
// credit lines (money received: the candidates to be payments) and a count of the debit lines,
// which are not payments. Any malformed line refuses the whole file, every problem listed with its
// line number. Each credit line gets a key (date, amount, label, and the occurrence of those three
// in the file) under which it is stored once, so that importing overlapping statements brings a
// transfer once. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/money/bank_statement_format.hpp"

namespace nuitee {

inline constexpr std::size_t kMaxBankStatementLines = 20000;
inline constexpr std::size_t kMaxBankStatementProblems = 50;

struct BankCreditLine {
  int file_line = 0;  // 1 is the file's first line
  Day booked_on{};
  Money amount = Money::Zero();  // positive
  std::string label;             // trimmed, inner runs of spaces kept
  std::string key;               // "2026-10-03|12000|VIR M DUPONT TS...|1"
  friend bool operator==(const BankCreditLine&, const BankCreditLine&) = default;
};

struct BankStatementFile {
  std::vector<BankCreditLine> credits;
  int debit_lines = 0;
};

// Error::RuleViolation with one FieldError per problem ("/lines/{N}[/column]", message starting
// "Ligne N : "), at most kMaxBankStatementProblems of them; "/file" for an empty or huge file.
// A UTF-8 byte order mark is skipped; lines may end with CRLF; blank lines are ignored; fields may
// be quoted ("..." with "" for a quote). Amounts accept spaces (and the other mark) as thousands
// separators, a leading sign, and an optional trailing "€" or "EUR".
Result<BankStatementFile> ParseBankStatementCsv(std::string_view text,
                                                const BankStatementFormat& format);

}  // namespace nuitee
