#include "domain/money/bank_statement_csv.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <tuple>

namespace nuitee {
namespace {

// Windows-1252's 0x80–0x9F (many French banks still export in it); 0 where undefined.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

bool ValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    if (extra > 0 && i + extra >= text.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    }
    i += extra + 1;
  }
  return true;
}

void AppendUtf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += char(code);
  } else if (code < 0x800) {
    out += char(0xC0 | (code >> 6));
    out += char(0x80 | (code & 0x3F));
  } else {
    out += char(0xE0 | (code >> 12));
    out += char(0x80 | ((code >> 6) & 0x3F));
    out += char(0x80 | (code & 0x3F));
  }
}

// A file that is not UTF-8 is read as Windows-1252, so that its accented labels survive.
std::string AsUtf8(std::string_view text) {
  if (ValidUtf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else if (byte < 0xA0) {
      const char32_t code = kCp1252High[byte - 0x80];
      AppendUtf8(out, code ? code : U'?');
    } else {
      AppendUtf8(out, byte);
    }
  }
  return out;
}

std::string Trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return std::string(text.substr(begin, end - begin));
}

// Runs of spaces become one, so that a label padded differently by two exports keys the same.
std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (char c : Trim(text)) {
    if ((c == ' ' || c == '\t') && !out.empty() && out.back() == ' ') continue;
    out += (c == '\t' ? ' ' : c);
  }
  return out;
}

// Fields of one line; quotes as in RFC 4180, within the line. nullopt for an unclosed quote.
std::optional<std::vector<std::string>> SplitFields(std::string_view line, char separator) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && Trim(field).empty()) {
      field.clear();
      quoted = true;
      was_quoted = true;
    } else if (c == separator) {
      fields.push_back(was_quoted ? field : Trim(field));
      field.clear();
      was_quoted = false;
    } else {
      field += c;
    }
  }
  if (quoted) return std::nullopt;
  fields.push_back(was_quoted ? field : Trim(field));
  return fields;
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Day> ParseDate(std::string_view text, BankDateFormat format) {
  std::string_view d, m, y;
  auto split3 = [&](char sep, bool year_first) -> bool {
    const auto a = text.find(sep);
    if (a == std::string_view::npos) return false;
    const auto b = text.find(sep, a + 1);
    if (b == std::string_view::npos) return false;
    const std::string_view first = text.substr(0, a);
    const std::string_view second = text.substr(a + 1, b - a - 1);
    const std::string_view third = text.substr(b + 1);
    if (year_first) {
      y = first, m = second, d = third;
    } else {
      d = first, m = second, y = third;
    }
    return true;
  };
  bool ok = false;
  switch (format) {
    case BankDateFormat::kDayMonthYear:
    case BankDateFormat::kDayMonthShortYear: ok = split3('/', false); break;
    case BankDateFormat::kDayMonthYearDash: ok = split3('-', false); break;
    case BankDateFormat::kDayMonthYearDot: ok = split3('.', false); break;
    case BankDateFormat::kIso: ok = split3('-', true); break;
  }
  const std::size_t year_digits = format == BankDateFormat::kDayMonthShortYear ? 2 : 4;
  if (!ok || !AllDigits(d) || !AllDigits(m) || !AllDigits(y) || d.size() > 2 || m.size() > 2 ||
      y.size() != year_digits) {
    return std::nullopt;
  }
  int year = std::stoi(std::string(y));
  if (year_digits == 2) year += 2000;
  const Day day = date::year{year} / date::month{unsigned(std::stoi(std::string(m)))} /
                  date::day{unsigned(std::stoi(std::string(d)))};
  if (!day.ok() || year < 2000 || year > 2100) return std::nullopt;
  return day;
}

// An amount in cents, signed; nullopt when unreadable. `empty` is set for a blank cell.
std::optional<long long> ParseAmount(std::string_view raw, DecimalMark decimal, bool& empty) {
  std::string text;
  // Spaces, no-break spaces (U+00A0, U+202F) and a currency sign carry no value.
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == ' ' || c == '\t') continue;
    if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
        static_cast<unsigned char>(raw[i + 2]) == 0xAF) {
      i += 2;
      continue;
    }
    if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x82 &&
        static_cast<unsigned char>(raw[i + 2]) == 0xAC) {
      i += 2;
      continue;
    }
    text += char(c);
  }
  if (text.size() >= 3) {
    std::string tail = text.substr(text.size() - 3);
    std::transform(tail.begin(), tail.end(), tail.begin(), ::toupper);
    if (tail == "EUR") text.resize(text.size() - 3);
  }
  empty = text.empty();
  if (empty) return std::nullopt;
  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.erase(0, 1);
  }
  const char mark = decimal == DecimalMark::kComma ? ',' : '.';
  const char thousands = decimal == DecimalMark::kComma ? '.' : ',';
  std::string whole = text;
  std::string fraction;
  if (const auto at = text.find(mark); at != std::string::npos) {
    whole = text.substr(0, at);
    fraction = text.substr(at + 1);
    if (fraction.empty() || fraction.size() > 2 || !AllDigits(fraction)) return std::nullopt;
  }
  // The other mark only between groups of three digits ("1.234,56"), so that "12.50" read with a
  // decimal comma is refused rather than taken for 1 250 €.
  std::string digits;
  std::size_t group_start = 0;
  bool grouped = false;
  for (std::size_t i = 0; i <= whole.size(); ++i) {
    if (i == whole.size() || whole[i] == thousands) {
      const std::string group = whole.substr(group_start, i - group_start);
      if (!AllDigits(group)) return std::nullopt;
      if (i != whole.size()) grouped = true;
      if (grouped && group_start > 0 && group.size() != 3) return std::nullopt;
      if (grouped && group_start == 0 && group.size() > 3) return std::nullopt;
      digits += group;
      group_start = i + 1;
    }
  }
  if (digits.size() > 12) return std::nullopt;
  while (fraction.size() < 2) fraction += '0';
  const long long cents = std::stoll(digits) * 100 + std::stoll(fraction);
  return negative ? -cents : cents;
}

std::string LinePrefix(int line) { return "Ligne " + std::to_string(line) + " : "; }

}  // namespace

Result<BankStatementFile> ParseBankStatementCsv(std::string_view raw,
                                                const BankStatementFormat& format) {
  if (auto valid = CheckBankStatementFormat(format, "/format"); !valid) return Fail(valid.error());
  if (raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);
  const std::string text = AsUtf8(raw);
  std::vector<FieldError> problems;
  auto problem = [&](int line, const std::string& field, const std::string& message) {
    if (problems.size() < kMaxBankStatementProblems) {
      problems.push_back({"/lines/" + std::to_string(line) + field, LinePrefix(line) + message});
    }
  };
  const int width = std::max({format.date_column, format.label_column,
                              format.amount_column.value_or(0), format.credit_column.value_or(0),
                              format.debit_column.value_or(0)});
  BankStatementFile out;
  std::map<std::tuple<std::string, long long, std::string>, int> occurrences;
  int line_no = 0;
  std::size_t rows = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no <= format.skip_lines) continue;
    if (Trim(line).empty()) continue;
    if (++rows > kMaxBankStatementLines) {
      return Fail(Error::RuleViolation(
          {{"/file", "Le relevé compte plus de " + std::to_string(kMaxBankStatementLines) +
                         " lignes : découpez-le en plusieurs fichiers."}}));
    }
    auto fields = SplitFields(line, format.separator);
    if (!fields) {
      problem(line_no, "", "un guillemet ouvert n'est pas refermé.");
      continue;
    }
    if (int(fields->size()) < width) {
      problem(line_no, "",
              std::to_string(fields->size()) + " colonne(s), il en faut au moins " +
                  std::to_string(width) + " (vérifiez le séparateur et le format choisi).");
      continue;
    }
    auto cell = [&](int column) -> const std::string& { return (*fields)[column - 1]; };
    bool bad = false;
    auto day = ParseDate(cell(format.date_column), format.date_format);
    if (!day) {
      problem(line_no, "/date",
              "date « " + cell(format.date_column) + " » illisible, attendue au format " +
                  std::string(BankDateFormatCode(format.date_format)) + ".");
      bad = true;
    }
    long long amount = 0;
    if (format.amount_column) {
      bool empty = false;
      auto value = ParseAmount(cell(*format.amount_column), format.decimal, empty);
      if (!value || *value == 0) {
        problem(line_no, "/amount",
                empty ? std::string("le montant est vide.")
                      : "montant « " + cell(*format.amount_column) + " » illisible ou nul.");
        bad = true;
      } else {
        amount = *value;
      }
    } else {
      bool credit_empty = false;
      bool debit_empty = false;
      auto credit = ParseAmount(cell(*format.credit_column), format.decimal, credit_empty);
      auto debit = ParseAmount(cell(*format.debit_column), format.decimal, debit_empty);
      if (!credit_empty && !credit) {
        problem(line_no, "/credit", "crédit « " + cell(*format.credit_column) + " » illisible.");
        bad = true;
      } else if (!debit_empty && !debit) {
        problem(line_no, "/debit", "débit « " + cell(*format.debit_column) + " » illisible.");
        bad = true;
      } else if (credit.value_or(0) < 0) {
        problem(line_no, "/credit", "un crédit ne peut pas être négatif.");
        bad = true;
      } else {
        const long long in = credit.value_or(0);
        const long long out_cents = debit ? (*debit < 0 ? -*debit : *debit) : 0;
        if (in != 0 && out_cents != 0) {
          problem(line_no, "", "la ligne a à la fois un crédit et un débit.");
          bad = true;
        } else if (in == 0 && out_cents == 0) {
          problem(line_no, "", "ni crédit ni débit.");
          bad = true;
        } else {
          amount = in != 0 ? in : -out_cents;
        }
      }
    }
    if (bad) continue;
    if (amount < 0) {
      ++out.debit_lines;
      continue;
    }
    BankCreditLine credit;
    credit.file_line = line_no;
    credit.booked_on = *day;
    credit.amount = Money::Cents(amount);
    credit.label = CollapseSpaces(cell(format.label_column));
    const int occurrence = ++occurrences[{FormatIsoDate(*day), amount, credit.label}];
    credit.key = FormatIsoDate(*day) + "|" + std::to_string(amount) + "|" + credit.label + "|" +
                 std::to_string(occurrence);
    out.credits.push_back(std::move(credit));
  }
  if (!problems.empty()) return Fail(Error::RuleViolation(problems));
  if (rows == 0) {
    return Fail(Error::RuleViolation(
        {{"/file", "Le relevé ne contient aucune opération après les lignes d'en-tête."}}));
  }
  return out;
}

}  // namespace nuitee
