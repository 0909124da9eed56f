// SIREN and SIRET checks: lengths, the Luhn key, and La Poste's exception.
#include "domain/business_identifiers.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace nuitee {
namespace {

// 73282932000074 (Google France, the example of python-stdnum and many validators). Luhn from the
// right, doubling every second digit (a product above 9 loses 9):
// 4 + 7·2→5 + 0 + 0 + 0 + 0 + 2 + 3·2=6 + 9 + 2·2=4 + 8 + 2·2=4 + 3 + 7·2→5 = 50.
constexpr const char* kGoogleFranceSiret = "73282932000074";
constexpr const char* kGoogleFranceSiren = "732829320";
// La Poste's SIREN passes Luhn itself: 3 5 6 0 0 0 0 0 0 → 0+0+0+0+0+0+6+(5·2=10→1)+3 = 10.
constexpr const char* kLaPosteSiren = "356000000";

TEST(Luhn, AcceptsGoogleFranceSiret) {
  EXPECT_TRUE(PassesLuhn(kGoogleFranceSiret));
  EXPECT_TRUE(PassesLuhn(kGoogleFranceSiren));
}

TEST(Luhn, AcceptsASingleZero) { EXPECT_TRUE(PassesLuhn("0")); }

TEST(Luhn, RejectsEmptyText) { EXPECT_FALSE(PassesLuhn("")); }

TEST(Luhn, RejectsNonDigits) {
  EXPECT_FALSE(PassesLuhn("7328293200007A"));
  EXPECT_FALSE(PassesLuhn("732 829 320 00074"));
  EXPECT_FALSE(PassesLuhn("-0"));
}

TEST(Luhn, DoublesEverySecondDigitFromTheRight) {
  // "18": 8 + 1·2 = 10. "81": 1 + 8·2=16→7 = 8. Only a right-anchored doubling tells them apart.
  EXPECT_TRUE(PassesLuhn("18"));
  EXPECT_FALSE(PassesLuhn("81"));
  // "59": 9 + 5·2=10→1 = 10, which needs the "minus 9" of two-digit products.
  EXPECT_TRUE(PassesLuhn("59"));
}

TEST(Luhn, DetectsEverySingleDigitError) {
  const std::string valid = kGoogleFranceSiret;
  for (std::size_t position = 0; position < valid.size(); ++position) {
    for (char digit = '0'; digit <= '9'; ++digit) {
      if (digit == valid[position]) continue;
      std::string mistyped = valid;
      mistyped[position] = digit;
      EXPECT_FALSE(PassesLuhn(mistyped)) << mistyped;
    }
  }
}

TEST(Luhn, DetectsAdjacentSwapsExceptZeroNine) {
  // Luhn catches every transposition of two neighbouring digits except "09" <-> "90".
  const std::string valid = "12345678200010";
  ASSERT_TRUE(PassesLuhn(valid));
  for (std::size_t i = 0; i + 1 < valid.size(); ++i) {
    if (valid[i] == valid[i + 1]) continue;
    std::string swapped = valid;
    std::swap(swapped[i], swapped[i + 1]);
    EXPECT_FALSE(PassesLuhn(swapped)) << swapped;
  }
  // The blind spot: "09" and "90" weigh the same (9 + 0 = 0 + 9·2→9), so "091" and "901" both pass.
  EXPECT_TRUE(PassesLuhn("091"));
  EXPECT_TRUE(PassesLuhn("901"));
}

// --- SIRET ---

class ValidSiret : public testing::TestWithParam<const char*> {};

TEST_P(ValidSiret, IsAccepted) { EXPECT_TRUE(ValidateSiret(GetParam()).has_value()) << GetParam(); }

INSTANTIATE_TEST_SUITE_P(
    Siret, ValidSiret,
    testing::Values(kGoogleFranceSiret,
                    "12345678200010",  // SIREN 123456782 (Luhn-valid) + NIC 0001, key 0 computed
                    "33243395200022",  // an example SIRET of a public cleansing library
                    // La Poste establishments: digit sum a multiple of 5, Luhn not required.
                    "35600000000001",  // 3+5+6+1 = 15; fails Luhn
                    "35600000000010",  // 3+5+6+1 = 15
                    "35600000049837"   // 3+5+6+4+9+8+3+7 = 45
                    ));

class InvalidSiret : public testing::TestWithParam<const char*> {};

TEST_P(InvalidSiret, IsRefusedOnTheSiretField) {
  auto result = ValidateSiret(GetParam());
  ASSERT_FALSE(result.has_value()) << GetParam();
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].field, "/siret");
}

INSTANTIATE_TEST_SUITE_P(
    Siret, InvalidSiret,
    testing::Values("73282932000075", "73282932000079",  // wrong key
                    "7328293200007",                     // 13 digits
                    "732829320000740",                   // 15 digits
                    "7328293200007A", "732 829 320 0007", "", "73282932000074 ",
                    // La Poste establishments whose digit sum is not a multiple of 5, even though
                    // they pass Luhn: 3+5+6+1+4 = 19, 3+5+6+2+2 = 18.
                    "35600000000014", "35600000000022"));

TEST(Siret, ExplainsAWrongLength) {
  auto result = ValidateSiret("123");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "Le SIRET doit comporter exactement 14 chiffres.");
}

TEST(Siret, ExplainsAWrongKey) {
  auto result = ValidateSiret("73282932000075");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message,
            "Ce SIRET n'est pas valide : sa clé de contrôle ne correspond pas.");
}

TEST(Siret, ReportsOnTheFieldItIsGiven) {
  auto result = ValidateSiret("73282932000075", "/manager/siret");
  ASSERT_FALSE(result.has_value());
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].field, "/manager/siret");
}

TEST(Siret, AcceptsLaPosteHeadOfficeWhichFollowsLuhn) {
  // La Poste's head office, 356 000 000 00048, is the one La Poste SIRET that keeps the Luhn key
  // (python-stdnum: `number.startswith('356000000') and number != '35600000000048'`). Its digit
  // sum is 3+5+6+4+8 = 26, not a multiple of 5; its Luhn sum, from the right, is
  // 8 + 4·2=8 + 0 … + 6·2=12→3 + 5 + 3·2=6 = 30.
  ASSERT_TRUE(PassesLuhn("35600000000048"));
  EXPECT_TRUE(ValidateSiret("35600000000048").has_value())
      << "La Poste's head office SIRET is real and valid but is refused";
}

TEST(Siret, RejectsASiretWhoseSirenFailsLuhn) {
  // 123456789 is not a valid SIREN (Luhn sum 9 + 8·2→7 + 7 + 6·2→3 + 5 + 4·2=8 + 3 + 2·2=4 + 1
  // = 47), yet 12345678900015 passes Luhn as a whole because the NIC's key compensates. INSEE never
  // issues such a SIRET: its first nine digits are a SIREN, which carries its own key.
  ASSERT_FALSE(PassesLuhn("123456789"));
  ASSERT_TRUE(PassesLuhn("12345678900015"));
  EXPECT_FALSE(ValidateSiret("12345678900015").has_value());
}

// --- SIREN ---

TEST(Siren, AcceptsGoogleFranceSiren) {
  EXPECT_TRUE(ValidateSiren(kGoogleFranceSiren).has_value());
}

TEST(Siren, AcceptsLaPosteSirenByLuhn) { EXPECT_TRUE(ValidateSiren(kLaPosteSiren).has_value()); }

TEST(Siren, AcceptsAnEpciStyleSiren) {
  // 20006663 + key 7: from the right 7, 3·2=6, 6, 6·2=12→3, 6, 0, 0, 0·2, 2 = 7+6+6+3+6+2 = 30.
  EXPECT_TRUE(ValidateSiren("200066637").has_value());
}

class InvalidSiren : public testing::TestWithParam<const char*> {};

TEST_P(InvalidSiren, IsRefusedOnTheSirenField) {
  auto result = ValidateSiren(GetParam());
  ASSERT_FALSE(result.has_value()) << GetParam();
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].field, "/siren");
}

INSTANTIATE_TEST_SUITE_P(Siren, InvalidSiren,
                         testing::Values("732829321", "123456789",  // wrong key
                                         "73282932", "7328293200",  // 8 and 10 digits
                                         "73282932O",               // letter O for zero
                                         "", "732 829 320"));

TEST(Siren, ExplainsAWrongLength) {
  auto result = ValidateSiren("73282932");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "Le SIREN doit comporter exactement 9 chiffres.");
}

TEST(Siren, ExplainsAWrongKey) {
  auto result = ValidateSiren("732829321", "/collectivity/siren");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message,
            "Ce SIREN n'est pas valide : sa clé de contrôle ne correspond pas.");
  EXPECT_EQ(result.error().field_errors[0].field, "/collectivity/siren");
}

}  // namespace
}  // namespace nuitee
