// The value readers of the DELTA file: exact decimals, dates, code lists, encodings and lines.
#include "imports/delta_values.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "imports/delta_text.hpp"

namespace nuitee::imports::delta {
namespace {

struct DecimalCase {
  const char* text;
  std::int64_t hundredths;
};

class DecimalsReadExactly : public testing::TestWithParam<DecimalCase> {};

TEST_P(DecimalsReadExactly, AsHundredthsWithoutFloatingPoint) {
  const auto parsed = ParseHundredths(GetParam().text);
  ASSERT_TRUE(parsed.has_value()) << GetParam().text;
  EXPECT_EQ(*parsed, GetParam().hundredths);
}

// 0.29 and 4.35 are the values a double would turn into 28.999… and 434.999….
INSTANTIATE_TEST_SUITE_P(DeltaValues, DecimalsReadExactly,
                         testing::Values(DecimalCase{"0.80", 80}, DecimalCase{"0,80", 80},
                                         DecimalCase{"0.8", 80}, DecimalCase{"0.29", 29},
                                         DecimalCase{"4.35", 435}, DecimalCase{"5", 500},
                                         DecimalCase{"5.00", 500}, DecimalCase{"0", 0},
                                         DecimalCase{"007.05", 705},
                                         DecimalCase{"999999999.99", 99999999999}));

struct BadDecimalCase {
  const char* text;
  DecimalProblem problem;
};

class DecimalsRefused : public testing::TestWithParam<BadDecimalCase> {};

TEST_P(DecimalsRefused, WithTheirReason) {
  const auto parsed = ParseHundredths(GetParam().text);
  ASSERT_FALSE(parsed.has_value()) << GetParam().text;
  EXPECT_EQ(parsed.error(), GetParam().problem) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(DeltaValues, DecimalsRefused,
                         testing::Values(BadDecimalCase{"0.805", DecimalProblem::kTooManyDecimals},
                                         BadDecimalCase{"0.800", DecimalProblem::kTooManyDecimals},
                                         BadDecimalCase{"", DecimalProblem::kSyntax},
                                         BadDecimalCase{".80", DecimalProblem::kSyntax},
                                         BadDecimalCase{"0.", DecimalProblem::kSyntax},
                                         BadDecimalCase{"-0.80", DecimalProblem::kSyntax},
                                         BadDecimalCase{"+1", DecimalProblem::kSyntax},
                                         BadDecimalCase{"1.5.0", DecimalProblem::kSyntax},
                                         BadDecimalCase{"1,5.0", DecimalProblem::kSyntax},
                                         BadDecimalCase{"1 000", DecimalProblem::kSyntax},
                                         BadDecimalCase{"1e2", DecimalProblem::kSyntax},
                                         BadDecimalCase{"0,80 €", DecimalProblem::kSyntax},
                                         BadDecimalCase{"1234567890", DecimalProblem::kTooLarge}));

TEST(DeltaValues, ReadsDeliberationDatesAsDayMonthYearOrIso) {
  EXPECT_EQ(ParseDeltaDate("19/06/2025"), Day{date::year{2025} / 6 / 19});
  EXPECT_EQ(ParseDeltaDate("2025-06-19"), Day{date::year{2025} / 6 / 19});
  EXPECT_FALSE(ParseDeltaDate("31/02/2026"));
  EXPECT_FALSE(ParseDeltaDate("2026/01/01"));
  EXPECT_FALSE(ParseDeltaDate("1/1/2026"));
  EXPECT_FALSE(ParseDeltaDate("01/01/1850"));  // outside the register's plausible years
}

TEST(DeltaValues, PlacesPeriodDaysWithoutYearInTheGivenYear) {
  EXPECT_EQ(ParsePeriodDay("01 janvier", 2026), Day{date::year{2026} / 1 / 1});
  EXPECT_EQ(ParsePeriodDay("31 décembre", 2026), Day{date::year{2026} / 12 / 31});
  EXPECT_EQ(ParsePeriodDay("1er août", 2026), Day{date::year{2026} / 8 / 1});
  EXPECT_EQ(ParsePeriodDay("15 Aout", 2026), Day{date::year{2026} / 8 / 15});
  EXPECT_EQ(ParsePeriodDay("29 février", 2028), Day{date::year{2028} / 2 / 29});
  EXPECT_FALSE(ParsePeriodDay("29 février", 2026));
  EXPECT_FALSE(ParsePeriodDay("32 janvier", 2026));
  EXPECT_FALSE(ParsePeriodDay("01 january", 2026));
  EXPECT_FALSE(ParsePeriodDay("janvier", 2026));
}

TEST(DeltaValues, KeepsTheYearOfWholePeriodDates) {
  EXPECT_EQ(ParsePeriodDay("31/03/2027", 2026), Day{date::year{2027} / 3 / 31});
}

TEST(DeltaValues, ReadsXmlBooleansOnly) {
  EXPECT_EQ(ParseXmlBoolean("true"), true);
  EXPECT_EQ(ParseXmlBoolean("1"), true);
  EXPECT_EQ(ParseXmlBoolean("false"), false);
  EXPECT_EQ(ParseXmlBoolean("0"), false);
  EXPECT_FALSE(ParseXmlBoolean("oui"));
  EXPECT_FALSE(ParseXmlBoolean("TRUE"));
  EXPECT_FALSE(ParseXmlBoolean(""));
}

TEST(DeltaValues, MapsCategorieIdToTheRowOfTheLegalTable) {
  EXPECT_EQ(CategoryOfId("1"), rates::Category::kPalace);
  EXPECT_EQ(CategoryOfId("2"), rates::Category::kFiveStars);
  EXPECT_EQ(CategoryOfId("6"), rates::Category::kOneStar);
  EXPECT_EQ(CategoryOfId("8"), rates::Category::kCampingLow);
  EXPECT_EQ(CategoryOfId("9"), rates::Category::kUnclassified);
  EXPECT_FALSE(CategoryOfId("0"));
  EXPECT_FALSE(CategoryOfId("10"));
  EXPECT_FALSE(CategoryOfId("12"));
  EXPECT_FALSE(CategoryOfId("19"));  // the 2019 OCSIT@N code of the proportional rate
  EXPECT_FALSE(CategoryOfId("02"));
}

TEST(DeltaValues, MapsNatureIdInTheOrderOfArticleR2333_44) {
  const Nature expected[] = {
      Nature::kPalace,          Nature::kHotel,          Nature::kTouristResidence,
      Nature::kFurnishedRental, Nature::kHolidayVillage, Nature::kGuestHouse,
      Nature::kCamperVanArea,   Nature::kCamping,        Nature::kMarina};
  for (int id = 1; id <= 9; ++id) {
    const auto code = NatureOfId(std::to_string(id));
    ASSERT_TRUE(code) << id;
    EXPECT_EQ(code->id, id);
    EXPECT_EQ(code->nature, expected[id - 1]) << id;
  }
  const auto unclassified = NatureOfId("10");
  ASSERT_TRUE(unclassified);
  EXPECT_FALSE(unclassified->nature);
  EXPECT_FALSE(NatureOfId("0"));
  EXPECT_FALSE(NatureOfId("11"));
  EXPECT_FALSE(NatureOfId("04"));
  EXPECT_FALSE(NatureOfId("meublé"));
}

TEST(DeltaValues, ReadsRegimesAsWritten) {
  EXPECT_EQ(ParseRegime("Réel"), Regime::kActual);
  EXPECT_EQ(ParseRegime("REEL"), Regime::kActual);
  EXPECT_EQ(ParseRegime("Forfaitaire"), Regime::kFlatRate);
  EXPECT_FALSE(ParseRegime("Mixte"));
  EXPECT_FALSE(ParseRegime(""));
}

struct RailCase {
  const char* departement;
  std::optional<rates::Beneficiary> beneficiary;
};

class RailProject : public testing::TestWithParam<RailCase> {};

TEST_P(RailProject, OfTheDepartementItCrosses) {
  EXPECT_EQ(RailProjectOf(GetParam().departement), GetParam().beneficiary)
      << GetParam().departement;
}

INSTANTIATE_TEST_SUITE_P(
    DeltaValues, RailProject,
    testing::Values(
        RailCase{"13", rates::Beneficiary::kLnpca}, RailCase{"83", rates::Beneficiary::kLnpca},
        RailCase{"06", rates::Beneficiary::kLnpca}, RailCase{"33", rates::Beneficiary::kGpso},
        RailCase{"40", rates::Beneficiary::kGpso}, RailCase{"47", rates::Beneficiary::kGpso},
        RailCase{"64", rates::Beneficiary::kGpso}, RailCase{"31", rates::Beneficiary::kGpso},
        RailCase{"32", rates::Beneficiary::kGpso}, RailCase{"65", rates::Beneficiary::kGpso},
        RailCase{"09", rates::Beneficiary::kGpso}, RailCase{"46", rates::Beneficiary::kGpso},
        RailCase{"81", rates::Beneficiary::kGpso}, RailCase{"82", rates::Beneficiary::kGpso},
        RailCase{"34", rates::Beneficiary::kLnmp}, RailCase{"11", rates::Beneficiary::kLnmp},
        RailCase{"66", rates::Beneficiary::kLnmp}, RailCase{"15", std::nullopt},
        RailCase{"75", std::nullopt}, RailCase{"6", std::nullopt}, RailCase{"9", std::nullopt},
        RailCase{"2A", std::nullopt}));

TEST(DeltaValues, TellsTheDepartementOfACommune) {
  EXPECT_EQ(DepartementOfCommune("15138"), "15");
  EXPECT_EQ(DepartementOfCommune("2A004"), "2A");
  EXPECT_EQ(DepartementOfCommune("97411"), "974");
}

TEST(DeltaText, CountsLinesFromOne) {
  const LineIndex lines("a\nb\n\nc");
  EXPECT_EQ(lines.LineAt(-1), 1);
  EXPECT_EQ(lines.LineAt(0), 1);
  EXPECT_EQ(lines.LineAt(1), 1);  // the line break belongs to its line
  EXPECT_EQ(lines.LineAt(2), 2);
  EXPECT_EQ(lines.LineAt(4), 3);
  EXPECT_EQ(lines.LineAt(5), 4);
}

TEST(DeltaText, KeepsUtf8AndDropsItsByteOrderMark) {
  EXPECT_EQ(ToUtf8("<a>Réel</a>"), "<a>Réel</a>");
  EXPECT_EQ(ToUtf8("\xEF\xBB\xBF<a/>"), "<a/>");
  EXPECT_EQ(ToUtf8("<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>");
}

TEST(DeltaText, ConvertsDeclaredLatin1) {
  const std::string latin1 =
      "<?xml version='1.0' encoding='ISO-8859-1'?>\n<a>R\xE9"
      "el</a>";
  EXPECT_EQ(ToUtf8(latin1), "<?xml version='1.0' encoding='ISO-8859-1'?>\n<a>Réel</a>");
}

TEST(DeltaText, RefusesInvalidUtf8WithItsOffset) {
  const auto text = ToUtf8(
      "<a>\n<b>R\xE9"
      "el</b></a>");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().offset, 8u);
  EXPECT_EQ(text.error().reason,
            "octet invalide en UTF-8 : le fichier doit être enregistré en UTF-8");
  EXPECT_FALSE(ToUtf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(ToUtf8("\xED\xA0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(ToUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(ToUtf8("\xE2\x82"));          // cut short
}

TEST(DeltaText, RefusesUtf16AndOtherDeclaredEncodings) {
  EXPECT_FALSE(ToUtf8(std::string("\xFF\xFE<\0a\0", 6)));
  const auto windows = ToUtf8("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a/>");
  ASSERT_FALSE(windows);
  EXPECT_EQ(windows.error().reason,
            "encodage « windows-1252 » non pris en charge : UTF-8 ou ISO-8859-1 attendu");
}

TEST(DeltaText, QuotesOnlyEncodingNamesAsXmlWritesThem) {
  const std::string unnamed = "encodage non pris en charge : UTF-8 ou ISO-8859-1 attendu";
  for (const std::string& name :
       std::vector<std::string>{"\xFF", "utf-8\xC3", "«x»", "1252", std::string(41, 'x')}) {
    const auto text = ToUtf8("<?xml version=\"1.0\" encoding=\"" + name + "\"?><a/>");
    ASSERT_FALSE(text) << name;
    EXPECT_EQ(text.error().reason, unnamed) << name;
  }
  const auto latin9 = ToUtf8("<?xml encoding='ISO-8859-15'?><a/>");
  ASSERT_FALSE(latin9);
  EXPECT_EQ(latin9.error().reason,
            "encodage « iso-8859-15 » non pris en charge : UTF-8 ou ISO-8859-1 attendu");
}

}  // namespace
}  // namespace nuitee::imports::delta
