// The payment reference printed on a host's statement and found in a bank line's label
// (domain/money/payment_reference.hpp).
#include "domain/money/payment_reference.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

TEST(PaymentReference, IsTsThenTheHostNumberOnEightDigitsThenTwoCheckDigits) {
  const std::string reference = FormatPaymentReference({4217, std::nullopt});
  ASSERT_EQ(reference.size(), 12u);
  EXPECT_EQ(reference.substr(0, 10), "TS00004217");
  // ISO 7064 MOD 97-10: the number followed by its check digits is ≡ 1 (mod 97).
  EXPECT_EQ(std::stoll(reference.substr(2)) % 97, 1);
}

TEST(PaymentReference, NamesAMonthWhenItHasOne) {
  const std::string reference = FormatPaymentReference({4217, date::year{2026} / date::July});
  EXPECT_EQ(reference.substr(0, 16), "TS00004217202607");
  const auto parsed = ParsePaymentReference(reference);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->host_number, 4217);
  EXPECT_EQ(parsed->month, date::year{2026} / date::July);
}

TEST(PaymentReference, RefusesAMistypedDigit) {
  std::string reference = FormatPaymentReference({4217, std::nullopt});
  reference[6] = reference[6] == '9' ? '8' : char(reference[6] + 1);
  EXPECT_FALSE(ParsePaymentReference(reference));
}

TEST(PaymentReference, IsFoundInABankLabelWhateverTheSpacesAndCase) {
  const std::string reference = FormatPaymentReference({4217, date::year{2026} / date::August});
  const std::string spaced = "VIR SEPA GITE DES BURONS ts " + reference.substr(2, 4) + " " +
                             reference.substr(6, 6) + "-" + reference.substr(12);
  const auto found = FindPaymentReference(spaced);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->host_number, 4217);
  EXPECT_EQ(found->month, date::year{2026} / date::August);
}

TEST(PaymentReference, IsFoundWhenTheLabelRunsOnIntoOtherDigits) {
  const std::string reference = FormatPaymentReference({88, std::nullopt});
  const auto found = FindPaymentReference("PRLV " + reference + "20261130 MERCI");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->host_number, 88);
  EXPECT_FALSE(found->month);
}

TEST(PaymentReference, IsNotFoundInALabelWithout) {
  EXPECT_FALSE(FindPaymentReference("VIR TAXE SEJOUR JUILLET GITE"));
  EXPECT_FALSE(FindPaymentReference("TS 1234"));
}

}  // namespace
}  // namespace nuitee
