#include "domain/money/accounting_chart.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

TEST(AccountingChart, TheDocumentedDefaultsOfEachNomenclature) {
  const auto m14 = DefaultAccountNumber(Nomenclature::kM14, LedgerAccount::kTaxRevenue);
  EXPECT_EQ(m14.number, "7362");
  EXPECT_EQ(m14.chapter, "73");
  EXPECT_TRUE(m14.confirmed);
  const auto m57 = DefaultAccountNumber(Nomenclature::kM57, LedgerAccount::kTaxRevenue);
  EXPECT_EQ(m57.number, "731721");
  EXPECT_FALSE(m57.confirmed) << "docs/ledger.md marks it UNCONFIRMED";
  EXPECT_EQ(DefaultAccountNumber(Nomenclature::kM57, LedgerAccount::kHostReceivable).number, "4111");
  EXPECT_EQ(DefaultAccountNumber(Nomenclature::kM14, LedgerAccount::kTreasury).chapter, "");
}

TEST(AccountingChart, ACollectivitysOwnNumberWinsAndIsConfirmed) {
  AccountingChart chart;
  chart.nomenclature = Nomenclature::kM14;
  chart.overrides[LedgerAccount::kAdditionalTaxPayable] = {"4671", "", "", true};
  const auto number = NumberOf(chart, LedgerAccount::kAdditionalTaxPayable);
  EXPECT_EQ(number.number, "4671");
  EXPECT_TRUE(number.confirmed);
  EXPECT_EQ(number.label, "Taxes additionnelles à reverser") << "the default label is kept";
  EXPECT_EQ(NumberOf(chart, LedgerAccount::kTaxRevenue).number, "7362");
}

TEST(AccountingChart, AccountNumbersAreDigits) {
  EXPECT_TRUE(CheckAccountNumber({"7362", "73", "", true}, "/x"));
  const auto bad = CheckAccountNumber({"73a", "7", "", true}, "/x");
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().field_errors.size(), 2u);
  EXPECT_EQ(bad.error().field_errors[0].field, "/x/number");
  EXPECT_EQ(bad.error().field_errors[1].field, "/x/chapter");
  EXPECT_EQ(ParseNomenclature("M14"), Nomenclature::kM14);
  EXPECT_FALSE(ParseNomenclature("M4"));
}

}  // namespace
}  // namespace nuitee
