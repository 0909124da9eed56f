// Reading a bank's CSV export through the format finance named for it.
#include "domain/money/bank_statement_csv.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

using date::literals::operator""_y;

// A French bank's layout: semicolon, decimal comma, separate debit and credit columns, a header.
BankStatementFormat SplitColumns() {
  BankStatementFormat format;
  format.separator = ';';
  format.decimal = DecimalMark::kComma;
  format.skip_lines = 1;
  format.date_column = 1;
  format.date_format = BankDateFormat::kDayMonthYear;
  format.label_column = 2;
  format.debit_column = 3;
  format.credit_column = 4;
  return format;
}

TEST(BankStatementCsv, ReadsCreditLinesAndCountsDebitsWithSeparateColumns) {
  const std::string csv =
      "\xEF\xBB\xBF" "Date;Libellé;Débit;Crédit\r\n"
      "03/10/2026;VIR M DUPONT TS0000004217;;1 234,56\r\n"
      "04/10/2026;PRLV EDF;-45,10;\r\n"
      "\r\n"
      "05/10/2026;\"VIR SEPA; MME \"\"X\"\"\";;12,5 €\r\n";
  auto file = ParseBankStatementCsv(csv, SplitColumns());
  ASSERT_TRUE(file) << file.error().message;
  ASSERT_EQ(file->credits.size(), 2u);
  EXPECT_EQ(file->debit_lines, 1);
  EXPECT_EQ(file->credits[0].file_line, 2);
  EXPECT_EQ(file->credits[0].booked_on, 2026_y / date::October / 3);
  EXPECT_EQ(file->credits[0].amount, Money::Cents(123456));
  EXPECT_EQ(file->credits[0].label, "VIR M DUPONT TS0000004217");
  EXPECT_EQ(file->credits[0].key, "2026-10-03|123456|VIR M DUPONT TS0000004217|1");
  EXPECT_EQ(file->credits[1].file_line, 5);
  EXPECT_EQ(file->credits[1].label, "VIR SEPA; MME \"X\"");
  EXPECT_EQ(file->credits[1].amount, Money::Cents(1250));
}

TEST(BankStatementCsv, ASignedAmountColumnWithADecimalPoint) {
  BankStatementFormat format;
  format.separator = ',';
  format.decimal = DecimalMark::kPoint;
  format.skip_lines = 0;
  format.date_column = 2;
  format.date_format = BankDateFormat::kIso;
  format.label_column = 3;
  format.amount_column = 1;
  auto file = ParseBankStatementCsv("\"1,200.00\",2026-10-01,VIR A\n-3.50,2026-10-02,CB\n", format);
  ASSERT_TRUE(file) << file.error().message;
  ASSERT_EQ(file->credits.size(), 1u);
  EXPECT_EQ(file->credits[0].amount, Money::Cents(120000));
  EXPECT_EQ(file->debit_lines, 1);
}

TEST(BankStatementCsv, TwoIdenticalTransfersOfADayKeepTwoKeys) {
  auto file = ParseBankStatementCsv(
      "h\n01/10/2026;VIR X;;10,00\n01/10/2026;VIR  X;;10,00\n", SplitColumns());
  ASSERT_TRUE(file);
  ASSERT_EQ(file->credits.size(), 2u);
  EXPECT_EQ(file->credits[0].key, "2026-10-01|1000|VIR X|1");
  EXPECT_EQ(file->credits[1].key, "2026-10-01|1000|VIR X|2");
}

TEST(BankStatementCsv, RefusesAMalformedFileWholeWithLineNumbers) {
  const std::string csv =
      "Date;Libellé;Débit;Crédit\n"
      "03/10/2026;VIR A;;10,00\n"
      "31/02/2026;VIR B;;10,00\n"      // no such day
      "04/10/2026;VIR C;;12.50\n"      // a decimal point in a decimal-comma file
      "05/10/2026;VIR D\n"             // too few columns
      "06/10/2026;VIR E;5,00;5,00\n";  // both debit and credit
  auto file = ParseBankStatementCsv(csv, SplitColumns());
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, ErrorCode::kRuleViolation);
  ASSERT_EQ(file.error().field_errors.size(), 4u);
  EXPECT_EQ(file.error().field_errors[0].field, "/lines/3/date");
  EXPECT_EQ(file.error().field_errors[0].message.rfind("Ligne 3 : ", 0), 0u);
  EXPECT_EQ(file.error().field_errors[1].field, "/lines/4/credit");
  EXPECT_EQ(file.error().field_errors[2].field, "/lines/5");
  EXPECT_EQ(file.error().field_errors[3].field, "/lines/6");
}

TEST(BankStatementCsv, AnEmptyFileIsRefused) {
  auto file = ParseBankStatementCsv("Date;Libellé;Débit;Crédit\n", SplitColumns());
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().field_errors.at(0).field, "/file");
}

TEST(BankStatementCsv, AWindows1252FileIsReadAsSuch) {
  auto file = ParseBankStatementCsv("h\n01/10/2026;VIR SOCI\xC9T\xC9;;10,00\n", SplitColumns());
  ASSERT_TRUE(file);
  EXPECT_EQ(file->credits.at(0).label, "VIR SOCIÉTÉ");
}

TEST(BankStatementFormat, RefusesAnAmbiguousOrIncompleteLayout) {
  BankStatementFormat both = SplitColumns();
  both.amount_column = 5;
  EXPECT_FALSE(CheckBankStatementFormat(both));
  BankStatementFormat none = SplitColumns();
  none.credit_column.reset();
  none.debit_column.reset();
  EXPECT_FALSE(CheckBankStatementFormat(none));
  BankStatementFormat clash = SplitColumns();
  clash.label_column = 1;
  auto checked = CheckBankStatementFormat(clash);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().field_errors.at(0).field, "/label_column");
  BankStatementFormat comma = SplitColumns();
  comma.separator = ',';
  EXPECT_FALSE(CheckBankStatementFormat(comma));
}

}  // namespace
}  // namespace nuitee
