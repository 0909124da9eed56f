// Reading a platform's statement of collected tax: the whole file, or every problem at once.
#include "domain/money/platform_statement_csv.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace nuitee {
namespace {

using namespace date::literals;

constexpr const char* kSiren = "200066637";
const std::string kHeader(kPlatformStatementHeader);

std::string File(const std::vector<std::string>& lines) {
  std::string text = kHeader + "\n";
  for (const auto& line : lines) text += line + "\n";
  return text;
}

const std::string kGoodLine =
    "211501380;200066637;03/02/2026;06/02/2026;20/01/2026;000101 route du Lioran;15300;Murat;3;3;"
    ";10,89;meublé de tourisme;3_etoiles;15138 000101 ab";

std::vector<std::string> Fields(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& each : error.field_errors) fields.push_back(each.field);
  return fields;
}

TEST(PlatformStatementCsv, ReadsEveryFieldOfTheSingleDeclaration) {
  auto lines = ParsePlatformStatementCsv(File({kGoodLine}), kSiren);
  ASSERT_TRUE(lines) << lines.error().message;
  ASSERT_EQ(lines->size(), 1u);
  const auto& line = (*lines)[0];
  EXPECT_EQ(line.file_line, 2);
  EXPECT_EQ(line.commune_siren, "211501380");
  EXPECT_EQ(line.collectivity_siren, "200066637");
  EXPECT_EQ(line.stay_start, 2026_y / date::February / 3);
  EXPECT_EQ(line.stay_end, 2026_y / date::February / 6);
  EXPECT_EQ(line.collected_on, 2026_y / date::January / 20);
  EXPECT_EQ(line.address_line, "000101 route du Lioran");
  EXPECT_EQ(line.postal_code, "15300");
  EXPECT_EQ(line.city, "Murat");
  EXPECT_EQ(line.persons, 3);
  EXPECT_EQ(line.nights, 3);
  EXPECT_FALSE(line.price_per_night);
  EXPECT_EQ(line.collected, Money::Cents(1089));
  EXPECT_EQ(line.nature, "meublé de tourisme");
  EXPECT_EQ(line.category, rates::Category::kThreeStars);
  EXPECT_EQ(line.registration_number, "15138000101AB");
}

TEST(PlatformStatementCsv, ReadsTheSampleFile) {
  std::ifstream in(NUITEE_SOURCE_DIR "/tests/data/platform/airbnb-2026-s1.csv");
  std::stringstream text;
  text << in.rdbuf();
  auto lines = ParsePlatformStatementCsv(text.str(), kSiren);
  ASSERT_TRUE(lines) << (lines ? "" : lines.error().field_errors.at(0).message);
  EXPECT_EQ(lines->size(), 4u);
  EXPECT_EQ((*lines)[1].address_line, "000102, Route du Lioran");  // quoted cell
  EXPECT_EQ((*lines)[1].price_per_night, Money::Cents(8000));
  EXPECT_EQ((*lines)[1].category, rates::Category::kUnclassified);
}

TEST(PlatformStatementCsv, HeaderNamesIgnoreCaseAccentsAndOrderAndABomIsSkipped) {
  const std::string text =
      "\xEF\xBB\xBF" "Catégorie;SIREN commune;SIREN collectivité;Date début séjour;Date fin séjour;"
      "Date perception;Adresse;Code postal;Commune;Nombre personnes;Nombre nuitées;"
      "Montant taxe perçue;Nature\r\n"
      "star2;211501380;200066637;2026-02-03;2026-02-04;2026-01-20;1 rue Haute;15300;Murat;1;1;"
      "0,88;gîte\r\n";
  auto lines = ParsePlatformStatementCsv(text, kSiren);
  ASSERT_TRUE(lines) << lines.error().field_errors.at(0).message;
  EXPECT_EQ((*lines)[0].category, rates::Category::kTwoStars);
  EXPECT_FALSE((*lines)[0].registration_number);
}

TEST(PlatformStatementCsv, RefusesAMalformedFileWholeWithLineNumbers) {
  const std::string text = File({
      kGoodLine,
      // line 3: 4 nights announced, 3 between the dates
      "211501380;200066637;03/02/2026;06/02/2026;20/01/2026;1 rue Haute;15300;Murat;3;4;;10,89;"
      "gîte;3_etoiles;",
      // line 4: a date that does not exist, a SIREN of 8 digits, an amount in words
      "21150138;200066637;31/02/2026;06/03/2026;20/01/2026;1 rue Haute;15300;Murat;3;3;;dix;gîte;"
      "3_etoiles;",
      kGoodLine,
      // line 6: unclassified without the price per night, another collectivity's SIREN
      "211501380;200066645;03/02/2026;06/02/2026;20/01/2026;1 rue Haute;15300;Murat;3;3;;10,89;"
      "gîte;non_classe;",
  });
  auto lines = ParsePlatformStatementCsv(text, kSiren);
  ASSERT_FALSE(lines);
  EXPECT_EQ(lines.error().code, ErrorCode::kRuleViolation);
  EXPECT_EQ(Fields(lines.error()),
            (std::vector<std::string>{"/lines/3/nights", "/lines/4/commune_siren",
                                      "/lines/4/stay_start", "/lines/4/tax_collected",
                                      "/lines/6/collectivity_siren", "/lines/6/price_per_night"}));
  EXPECT_EQ(lines.error().field_errors[0].message.rfind("Ligne 3 : ", 0), 0u);
}

TEST(PlatformStatementCsv, RefusesAHeaderWithoutTheRequiredColumns) {
  auto lines = ParsePlatformStatementCsv("siren_commune;nuits\n211501380;3\n", kSiren);
  ASSERT_FALSE(lines);
  for (const auto& each : lines.error().field_errors) EXPECT_EQ(each.field, "/header");
  EXPECT_GE(lines.error().field_errors.size(), 10u);
}

TEST(PlatformStatementCsv, RefusesAFileWithoutLines) {
  auto lines = ParsePlatformStatementCsv(File({}), kSiren);
  ASSERT_FALSE(lines);
  EXPECT_EQ(Fields(lines.error()), std::vector<std::string>{"/lines"});
}

TEST(PlatformStatementCsv, IdenticalLinesHaveDistinctKeysByRank) {
  auto lines = ParsePlatformStatementCsv(File({kGoodLine, kGoodLine}), kSiren);
  ASSERT_TRUE(lines);
  EXPECT_EQ(PlatformLineKeyText((*lines)[0], 0), PlatformLineKeyText((*lines)[1], 0));
  EXPECT_NE(PlatformLineKeyText((*lines)[0], 0), PlatformLineKeyText((*lines)[1], 1));
}

}  // namespace
}  // namespace nuitee
