// INSEE commune codes and the validation of a member commune.
#include "domain/commune.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

class ValidInseeCommuneCode : public testing::TestWithParam<const char*> {};

TEST_P(ValidInseeCommuneCode, IsAccepted) { EXPECT_TRUE(IsInseeCommuneCode(GetParam())); }

INSTANTIATE_TEST_SUITE_P(InseeCommuneCode, ValidInseeCommuneCode,
                         testing::Values("15014",  // Aurillac
                                         "01001",  // first département
                                         "75056",  // Paris
                                         "95680",  // last metropolitan département
                                         "2A004",  // Ajaccio, Corse-du-Sud
                                         "2B033",  // Bastia, Haute-Corse
                                         "97105",  // Basse-Terre, Guadeloupe
                                         "97411",  // Saint-Denis, La Réunion
                                         "97611"   // Mamoudzou, Mayotte
                                         ));

class InvalidInseeCommuneCode : public testing::TestWithParam<const char*> {};

TEST_P(InvalidInseeCommuneCode, IsRefused) { EXPECT_FALSE(IsInseeCommuneCode(GetParam())); }

INSTANTIATE_TEST_SUITE_P(
    InseeCommuneCode, InvalidInseeCommuneCode,
    testing::Values("", "1501", "150140", "15 01",
                    "20004",  // "20" disappeared when Corsica was split into 2A and 2B
                    "00001",  // no département "00"
                    "2a004",  // lower case
                    "2C004",  // no "2C"
                    "3A004",  // only Corsica has letters
                    "2AA04",  // letters only in second place
                    "98735",  // Papeete: French Polynesia levies no CGCT taxe de séjour
                    "97901",  // no overseas "979"
                    "1501A", "A5014", "15O14",  // letter O for zero
                    "-1501"));

TEST(InseeCommuneCode, RejectsDepartementsThatDoNotExist) {
  // The header's contract: "01"–"95", "2A", "2B", or an overseas "97x"/"98x" prefix. There is no
  // département 96, and "99" is INSEE's code for foreign countries, never a commune.
  EXPECT_FALSE(IsInseeCommuneCode("96001"));
  EXPECT_FALSE(IsInseeCommuneCode("99100"));
}

TEST(Commune, ValidatesANamedCommuneWithACorrectCode) {
  EXPECT_TRUE(ValidateCommune({"15014", "Aurillac"}, "/communes/0").has_value());
}

TEST(Commune, ReportsABadCodeUnderItsPointer) {
  auto result = ValidateCommune({"1501", "Aurillac"}, "/communes/3");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].field, "/communes/3/insee_code");
}

TEST(Commune, ReportsAMissingName) {
  auto result = ValidateCommune({"15014", ""}, "/communes/0");
  ASSERT_FALSE(result.has_value());
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].field, "/communes/0/name");
  EXPECT_EQ(result.error().field_errors[0].message, "Le nom de la commune est obligatoire.");
}

TEST(Commune, ReportsCodeAndNameTogether) {
  auto result = ValidateCommune({"", ""}, "");
  ASSERT_FALSE(result.has_value());
  ASSERT_EQ(result.error().field_errors.size(), 2u);
  EXPECT_EQ(result.error().field_errors[0].field, "/insee_code");
  EXPECT_EQ(result.error().field_errors[1].field, "/name");
}

}  // namespace
}  // namespace nuitee
