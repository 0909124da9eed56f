// Registration numbers of meublés de tourisme (D. 324-1-1): form only, never the key.
#include "domain/registration_number.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nuitee {
namespace {

struct NumberCase {
  const char* number;
  const char* commune;
};

class ValidRegistrationNumber : public testing::TestWithParam<NumberCase> {};

TEST_P(ValidRegistrationNumber, IsAccepted) {
  auto result = ValidateRegistrationNumber(GetParam().number, GetParam().commune);
  EXPECT_TRUE(result.has_value()) << GetParam().number << ": " << result.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    RegistrationNumber, ValidRegistrationNumber,
    testing::Values(NumberCase{"15014123456AB", "15014"},  // the §9 example shape
                    NumberCase{"75056123456AB", "75056"}, NumberCase{"15014000000ZZ", "15014"},
                    NumberCase{"1501499999900", "15014"},  // a key of two digits
                    NumberCase{"15014123456A7", "15014"},  // a letter and a digit
                    NumberCase{"2A004123456XY", "2A004"},  // Corsica: not "5 digits" first
                    NumberCase{"2B033000001K9", "2B033"}, NumberCase{"97411123456QZ", "97411"}));

struct RefusedCase {
  const char* number;
  const char* commune;
  const char* message;
};

class InvalidRegistrationNumber : public testing::TestWithParam<RefusedCase> {};

TEST_P(InvalidRegistrationNumber, IsRefusedWithAnExplanation) {
  auto result = ValidateRegistrationNumber(GetParam().number, GetParam().commune);
  ASSERT_FALSE(result.has_value()) << GetParam().number;
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].field, "/registration_number");
  EXPECT_EQ(result.error().field_errors[0].message, GetParam().message);
}

constexpr const char* kLength =
    "Le numéro d'enregistrement doit comporter 13 caractères (ex. 15014123456AB).";
constexpr const char* kNotInsee =
    "Le numéro d'enregistrement doit commencer par le code INSEE de la commune.";
constexpr const char* kDigits =
    "Les caractères 6 à 11 du numéro d'enregistrement doivent être des chiffres.";
constexpr const char* kKeyForm =
    "Les deux derniers caractères du numéro d'enregistrement doivent être des chiffres ou des "
    "lettres majuscules.";

INSTANTIATE_TEST_SUITE_P(
    RegistrationNumber, InvalidRegistrationNumber,
    testing::Values(RefusedCase{"", "15014", kLength},
                    RefusedCase{"15014123456A", "15014", kLength},     // 12
                    RefusedCase{"15014123456ABC", "15014", kLength},   // 14
                    RefusedCase{"15014 123456 AB", "15014", kLength},  // spaces as typed
                    RefusedCase{"20004123456AB", "20004", kNotInsee},  // "20" no longer exists
                    RefusedCase{"ABCDE123456AB", "15014", kNotInsee},
                    RefusedCase{"2a004123456AB", "2A004", kNotInsee},
                    RefusedCase{"1501412345XAB", "15014", kDigits},
                    RefusedCase{"15014A23456AB", "15014", kDigits},
                    RefusedCase{"15014123456ab", "15014", kKeyForm},  // lower case
                    RefusedCase{"15014123456A-", "15014", kKeyForm},
                    RefusedCase{"15014123456 A", "15014", kKeyForm},
                    RefusedCase{"15014123456\xc3\x89", "15014", kKeyForm}));  // "É", 2 bytes

TEST(RegistrationNumber, RefusesANumberOfAnotherCommuneNamingTheRightOne) {
  auto result = ValidateRegistrationNumber("75056123456AB", "15014");
  ASSERT_FALSE(result.has_value());
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].message,
            "Le numéro d'enregistrement doit commencer par le code INSEE de la commune de "
            "l'hébergement (15014).");
}

TEST(RegistrationNumber, RefusesANeighbouringCorsicanDepartement) {
  EXPECT_FALSE(ValidateRegistrationNumber("2B004123456AB", "2A004").has_value());
}

TEST(RegistrationNumber, NeverRefusesANumberForItsKey) {
  // The key is chosen by the commune and has no public algorithm: every pair of upper-case
  // letters or digits is accepted.
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (char first : alphabet) {
    for (char second : alphabet) {
      const std::string number = std::string("15014123456") + first + second;
      EXPECT_TRUE(ValidateRegistrationNumber(number, "15014").has_value()) << number;
    }
  }
}

TEST(RegistrationNumber, ReportsOnTheFieldItIsGiven) {
  auto result = ValidateRegistrationNumber("1501412345", "15014", "/accommodations/2/number");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().field_errors[0].field, "/accommodations/2/number");
}

}  // namespace
}  // namespace nuitee
