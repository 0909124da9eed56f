// The stays CSV of docs/stays-csv.md, as a specification: what a good file gives, every way a file
// or a row is refused, and that a refused file gives nothing at all.
#include "domain/stay_csv.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace nuitee {
namespace {

Day D(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

// A file of tests/data/ (by default of its stays/ folder).
std::string ReadDataFile(const std::string& name, const std::string& folder = "stays") {
  const std::string path = std::string(NUITEE_SOURCE_DIR) + "/tests/data/" + folder + "/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

StayLine Line(Day arrival, int nights, int occupants, std::optional<Money> price = std::nullopt,
              Collector collector = Collector::kHost, rates::ExemptOccupants exempt = {}) {
  StayLine line;
  line.arrival = arrival;
  line.nights = nights;
  line.occupants = occupants;
  line.exempt = exempt;
  line.price_per_night = price;
  line.collector = collector;
  return line;
}

std::vector<std::string> Fields(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& each : error.field_errors) fields.push_back(each.field);
  return fields;
}

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& each : errors) fields.push_back(each.field);
  return fields;
}

// The problems of a file that must be refused; a failure when it is accepted.
std::vector<FieldError> Problems(std::string_view text) {
  auto parsed = ParseStayCsv(text);
  EXPECT_FALSE(parsed.has_value()) << text;
  if (parsed) return {};
  EXPECT_EQ(parsed.error().code, ErrorCode::kRuleViolation);
  return parsed.error().field_errors;
}

// The one stay of a file with the header `header` and the row `row`.
StayLine OnlyStay(const std::string& header, const std::string& row) {
  auto parsed = ParseStayCsv(header + "\n" + row + "\n");
  EXPECT_TRUE(parsed.has_value()) << row << ": "
                                  << (parsed ? "" : parsed.error().field_errors.at(0).message);
  if (!parsed || parsed->size() != 1) return {};
  return parsed->front();
}

const std::string kShortHeader = "arrivee;nuits;occupants;prix_nuit;percue_par";

// The stays of tests/data/stays/good.csv.
const std::vector<StayLine> kGoodStays = {
    Line(D(2026, 3, 2), 3, 4, Money::Cents(8550), Collector::kHost, {2, 0, 0, 0}),
    Line(D(2026, 3, 6), 2, 2, std::nullopt, Collector::kAirbnb),
    Line(D(2026, 3, 13), 7, 4, Money::Cents(12000), Collector::kBooking, {1, 0, 0, 0}),
    Line(D(2026, 3, 20), 1, 1, Money::Cents(4500), Collector::kHost, {0, 1, 0, 0}),
    Line(D(2026, 3, 27), 2, 3, Money::Cents(125000), Collector::kHost),
};

// --- Good files ---

TEST(StayCsv, ReadsASpreadsheetExportWithBomCrlfFrenchDatesAndDecimalCommas) {
  auto stays = ParseStayCsv(ReadDataFile("good.csv"));
  ASSERT_TRUE(stays.has_value()) << stays.error().field_errors.at(0).message;
  EXPECT_EQ(*stays, kGoodStays);
}

TEST(StayCsv, ReadsACommaSeparatedFileWithIsoDatesAndDecimalPoints) {
  auto stays = ParseStayCsv(
      "arrivee,nuits,occupants,mineurs,saisonniers,hebergement_urgence,loyer_modique,prix_nuit,"
      "percue_par\n"
      "2026-03-02,3,4,2,0,0,0,85.50,host\n"
      "2026-03-06,2,2,,,,,,airbnb\n"
      "2026-03-13,7,4,1,0,0,0,120,booking\n"
      "2026-03-20,1,1,0,1,0,0,45.00,hote\n"
      "2026-03-27,2,3,0,0,0,0,1250,host\n");
  ASSERT_TRUE(stays.has_value()) << stays.error().field_errors.at(0).message;
  EXPECT_EQ(*stays, kGoodStays);
}

TEST(StayCsv, ReadsDecimalCommasQuotedInACommaSeparatedFile) {
  const StayLine stay = OnlyStay("arrivee,nuits,occupants,prix_nuit", "2026-03-02,3,2,\"85,50\"");
  EXPECT_EQ(stay.price_per_night, Money::Cents(8550));
}

TEST(StayCsv, ReadsQuotedCellsAndDoubledQuotes) {
  const StayLine stay = OnlyStay("\"arrivee\";\"nuits\";\"occupants\";\"percue_par\"",
                                 "\"02/03/2026\";\"3\"; \"2\" ;\"airbnb\"");
  EXPECT_EQ(stay, Line(D(2026, 3, 2), 3, 2, std::nullopt, Collector::kAirbnb));
  // A doubled quote is one quote of the value: here it makes the collector unknown, and the
  // message quotes it as the host typed it.
  const auto problems = Problems(
      "arrivee;nuits;occupants;percue_par\n"
      "02/03/2026;3;2;\"air\"\"bnb\"\n");
  ASSERT_EQ(Fields(problems), std::vector<std::string>{"/rows/2/collector"});
  EXPECT_NE(problems[0].message.find("« air\"bnb »"), std::string::npos) << problems[0].message;
}

TEST(StayCsv, ReadsQuotedCellsHoldingTheSeparatorAndLineBreaks) {
  auto rows = ParseStayCsvRows(
      "arrivee;nuits;occupants;prix_nuit\n"
      "02/03/2026;3;2;\"85;50\"\n"
      "\"02/03\n/2026\";3;2;80\n"
      "09/03/2026;0;1;40\n");
  ASSERT_FALSE(rows.has_value());
  // The bad rows start on lines 2 and 3; the one after the quoted line break is line 5.
  EXPECT_EQ(Fields(rows.error()), (std::vector<std::string>{"/rows/2/price_per_night_cents",
                                                            "/rows/3/arrival", "/rows/5/nights"}));
}

TEST(StayCsv, FindsACommaSeparatorBelowBlankLines) {
  auto stays = ParseStayCsv("\n\narrivee,nuits,occupants,prix_nuit\n02/03/2026,3,2,\"85,50\"\n");
  ASSERT_TRUE(stays.has_value()) << stays.error().field_errors.at(0).message;
  EXPECT_EQ(*stays, std::vector<StayLine>{Line(D(2026, 3, 2), 3, 2, Money::Cents(8550))});
}

TEST(StayCsv, SkipsAByteOrderMark) {
  auto stays = ParseStayCsv(
      "\xEF\xBB\xBF"
      "arrivee;nuits;occupants\n02/03/2026;3;2\n");
  ASSERT_TRUE(stays.has_value());
  EXPECT_EQ(stays->size(), 1u);
}

TEST(StayCsv, ReadsCrlfLfAndCrLineEnds) {
  const std::vector<StayLine> expected = {Line(D(2026, 3, 2), 3, 2), Line(D(2026, 3, 9), 1, 1)};
  for (const char* end : {"\r\n", "\n", "\r"}) {
    const std::string e = end;
    auto stays =
        ParseStayCsv("arrivee;nuits;occupants" + e + "02/03/2026;3;2" + e + "09/03/2026;1;1" + e);
    ASSERT_TRUE(stays.has_value()) << testing::PrintToString(e);
    EXPECT_EQ(*stays, expected) << testing::PrintToString(e);
  }
}

TEST(StayCsv, ReadsTheLastRowWithoutALineEnd) {
  auto stays = ParseStayCsv("arrivee;nuits;occupants\n02/03/2026;3;2");
  ASSERT_TRUE(stays.has_value());
  EXPECT_EQ(*stays, std::vector<StayLine>{Line(D(2026, 3, 2), 3, 2)});
}

TEST(StayCsv, TakesColumnsInAnyOrderAndHeadersInAnyCase) {
  const StayLine stay =
      OnlyStay("Percue_Par;OCCUPANTS;Nuits;Arrivee;MINEURS", "booking;3;2;2026-03-02;1");
  EXPECT_EQ(stay, Line(D(2026, 3, 2), 2, 3, std::nullopt, Collector::kBooking, {1, 0, 0, 0}));
}

TEST(StayCsv, TakesHeadersWithAccentsAndSpaces) {
  const StayLine stay =
      OnlyStay("Arrivée;Nuits;Occupants;Hébergement urgence;Loyer modique;Prix nuit;Perçue par",
               "02/03/2026;2;3;1;1;50;Hôte");
  EXPECT_EQ(stay, Line(D(2026, 3, 2), 2, 3, Money::Cents(5000), Collector::kHost, {0, 0, 1, 1}));
}

TEST(StayCsv, DefaultsMissingOptionalColumnsToNoExemptionNoPriceAndTheHost) {
  const StayLine stay = OnlyStay("arrivee;nuits;occupants", "02/03/2026;3;2");
  EXPECT_EQ(stay, Line(D(2026, 3, 2), 3, 2));
}

TEST(StayCsv, DefaultsEmptyOptionalCellsLikeMissingColumns) {
  const StayLine stay = OnlyStay(
      "arrivee;nuits;occupants;mineurs;saisonniers;hebergement_urgence;loyer_modique;prix_nuit;"
      "percue_par",
      "02/03/2026;3;2;;;;;;");
  EXPECT_EQ(stay, Line(D(2026, 3, 2), 3, 2));
}

TEST(StayCsv, ToleratesMissingCellsAtTheEndOfARow) {
  const StayLine stay = OnlyStay(kShortHeader, "02/03/2026;3;2");
  EXPECT_EQ(stay, Line(D(2026, 3, 2), 3, 2));
}

TEST(StayCsv, IgnoresEmptyUnnamedColumnsAndTrailingSeparators) {
  const StayLine stay = OnlyStay("arrivee;nuits;occupants;;", "02/03/2026;3;2;;;");
  EXPECT_EQ(stay, Line(D(2026, 3, 2), 3, 2));
}

TEST(StayCsv, SkipsBlankLinesAndRowsOfSeparatorsButKeepsLineNumbers) {
  auto rows =
      ParseStayCsvRows("\narrivee;nuits;occupants\n\n02/03/2026;3;2\n;;\n  \n09/03/2026;1;1\n\n");
  ASSERT_TRUE(rows.has_value()) << rows.error().field_errors.at(0).message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 4);
  EXPECT_EQ((*rows)[1].line, 7);
}

TEST(StayCsv, GivesTheLineOfEachRow) {
  auto rows = ParseStayCsvRows(ReadDataFile("good.csv"));
  ASSERT_TRUE(rows.has_value());
  ASSERT_EQ(rows->size(), kGoodStays.size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    EXPECT_EQ((*rows)[i].line, int(i) + 2);
    EXPECT_EQ((*rows)[i].stay, kGoodStays[i]);
  }
}

// --- Cells ---

struct PriceCase {
  const char* text;
  std::int64_t cents;
};

class StayCsvPrice : public testing::TestWithParam<PriceCase> {};

TEST_P(StayCsvPrice, IsReadExactlyToTheCent) {
  const StayLine stay = OnlyStay("arrivee;nuits;occupants;prix_nuit",
                                 std::string("02/03/2026;1;1;\"") + GetParam().text + "\"");
  EXPECT_EQ(stay.price_per_night, Money::Cents(GetParam().cents)) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    EurosWithCommaOrPoint, StayCsvPrice,
    testing::Values(PriceCase{"85,50", 8550}, PriceCase{"85.50", 8550}, PriceCase{"85,5", 8550},
                    PriceCase{"85", 8500}, PriceCase{"0,07", 7}, PriceCase{"0", 0},
                    // 19.99 and 0.1 have no exact binary fraction: a double would give 1998 or 9.
                    PriceCase{"19,99", 1999}, PriceCase{"0.1", 10}, PriceCase{"1 250,00", 125000},
                    PriceCase{"1\u00A0250,00", 125000}, PriceCase{"1\u202F250,00 €", 125000},
                    PriceCase{"85,50 €", 8550}, PriceCase{"85,50\u00A0€", 8550},
                    PriceCase{"1000000", 100000000}, PriceCase{"999 999,99", 99999999},
                    PriceCase{" 72,30 ", 7230}));

TEST(StayCsv, RefusesMalformedPrices) {
  for (const char* price :
       {"85,505", "85,", ",50", "-5", "85,5,0", "12a", "1.234,50", "€85", "abc", "1000000,01",
        "1 25", "12 50", "1 2500", "1  250", "1 250 000,01", "99999999999"}) {
    const auto problems = Problems("arrivee;nuits;occupants;prix_nuit\n02/03/2026;1;1;\"" +
                                   std::string(price) + "\"\n");
    EXPECT_EQ(Fields(problems), std::vector<std::string>{"/rows/2/price_per_night_cents"}) << price;
  }
}

TEST(StayCsv, ReadsCollectorsInFrenchAndEnglish) {
  const std::pair<const char*, Collector> cases[] = {
      {"hote", Collector::kHost},
      {"Hôte", Collector::kHost},
      {"host", Collector::kHost},
      {"", Collector::kHost},
      {"airbnb", Collector::kAirbnb},
      {"Airbnb", Collector::kAirbnb},
      {"booking", Collector::kBooking},
      {"Booking.com", Collector::kBooking},
      {"abritel", Collector::kAbritel},
      {"Vrbo", Collector::kAbritel},
      {"autre_plateforme", Collector::kOtherPlatform},
      {"autre plateforme", Collector::kOtherPlatform},
      {"other_platform", Collector::kOtherPlatform},
  };
  for (const auto& [text, collector] : cases) {
    EXPECT_EQ(OnlyStay(kShortHeader, std::string("02/03/2026;1;1;;") + text).collector, collector)
        << text;
  }
}

TEST(StayCsv, ReadsIsoAndFrenchDates) {
  for (const char* date : {"2026-03-02", "02/03/2026", "2/3/2026"}) {
    EXPECT_EQ(OnlyStay(kShortHeader, std::string(date) + ";1;1").arrival, D(2026, 3, 2)) << date;
  }
  EXPECT_EQ(OnlyStay(kShortHeader, "29/02/2024;1;1").arrival, D(2024, 2, 29));
}

TEST(StayCsv, RefusesDatesThatDoNotExistOrAreWrittenOtherwise) {
  for (const char* date :
       {"2026-02-30", "30/02/2026", "29/02/2026", "02/03/26", "2026/03/02", "02-03-2026",
        "02.03.2026", "2026-3-2", "1850-01-01", "13/13/2026", "demain"}) {
    EXPECT_EQ(Fields(Problems(kShortHeader + "\n" + date + ";1;1\n")),
              std::vector<std::string>{"/rows/2/arrival"})
        << date;
  }
}

TEST(StayCsv, RefusesCountsThatAreNotWholeNumbersInRange) {
  const std::pair<const char*, const char*> cases[] = {
      {"02/03/2026;0;1", "/rows/2/nights"},
      {"02/03/2026;366;1", "/rows/2/nights"},
      {"02/03/2026;2,5;1", "/rows/2/nights"},
      {"02/03/2026;-1;1", "/rows/2/nights"},
      {"02/03/2026;1;0", "/rows/2/occupants"},
      {"02/03/2026;1;10001", "/rows/2/occupants"},
      {"02/03/2026;1;deux", "/rows/2/occupants"},
      {"02/03/2026;1;1;-1", "/rows/2/exempt/minors"},
      {"02/03/2026;1;1;0;1.0", "/rows/2/exempt/seasonal_workers"},
      {"02/03/2026;1;1;0;0;x", "/rows/2/exempt/emergency_housing"},
      {"02/03/2026;1;1;0;0;0;+1", "/rows/2/exempt/low_rent"},
  };
  for (const auto& [row, field] : cases) {
    EXPECT_EQ(Fields(Problems("arrivee;nuits;occupants;mineurs;saisonniers;hebergement_urgence;"
                              "loyer_modique\n" +
                              std::string(row) + "\n")),
              std::vector<std::string>{field})
        << row;
  }
}

TEST(StayCsv, AcceptsTheBoundsOfEachCount) {
  const StayLine stay = OnlyStay("arrivee;nuits;occupants;mineurs", "02/03/2026;365;10000;10000");
  EXPECT_EQ(stay.nights, 365);
  EXPECT_EQ(stay.occupants, 10000);
  EXPECT_EQ(stay.exempt.minors, 10000);
}

TEST(StayCsv, RefusesMoreExemptThanOccupants) {
  const auto problems =
      Problems("arrivee;nuits;occupants;mineurs;saisonniers\n02/03/2026;2;2;2;1\n");
  ASSERT_EQ(Fields(problems), std::vector<std::string>{"/rows/2/exempt"});
  EXPECT_EQ(problems[0].message,
            "Ligne 2 : 3 personnes exonérées pour 2 occupants : les personnes exonérées sont "
            "comptées parmi les occupants.");
}

TEST(StayCsv, RefusesEmptyRequiredCells) {
  const auto problems = Problems("arrivee;nuits;occupants\n;;2\n");
  EXPECT_EQ(Fields(problems), (std::vector<std::string>{"/rows/2/arrival", "/rows/2/nights"}));
  EXPECT_EQ(problems.at(0).message, "Ligne 2 : la date d'arrivée manque.");
  EXPECT_EQ(problems.at(1).message, "Ligne 2 : le nombre de nuits manque.");
}

// --- Bad rows ---

TEST(StayCsv, ReportsEveryBadRowOfTheFileWithItsLineAndReason) {
  auto parsed = ParseStayCsv(ReadDataFile("bad-rows.csv"));
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kRuleViolation);
  EXPECT_EQ(Fields(parsed.error()),
            (std::vector<std::string>{"/rows/3/arrival", "/rows/4/nights", "/rows/5/exempt",
                                      "/rows/6/price_per_night_cents", "/rows/7/collector",
                                      "/rows/8/occupants"}));
  const auto& errors = parsed.error().field_errors;
  EXPECT_EQ(errors[0].message,
            "Ligne 3 : la date d'arrivée « 30/02/2026 » n'est pas une date valide : écrivez-la "
            "AAAA-MM-JJ (2026-07-14) ou JJ/MM/AAAA (14/07/2026).");
  EXPECT_EQ(errors[1].message, "Ligne 4 : le nombre de nuits doit être un entier entre 1 et 365.");
  EXPECT_EQ(errors[3].message,
            "Ligne 6 : le prix de la nuitée « 60,505 » n'est pas un montant en euros avec au plus "
            "deux décimales (par exemple 85,50).");
  EXPECT_EQ(errors[4].message,
            "Ligne 7 : « expedia » n'est pas une valeur possible de percue_par : indiquez hote, "
            "airbnb, booking, abritel ou autre_plateforme.");
  EXPECT_EQ(errors[5].message,
            "Ligne 8 : le nombre d'occupants doit être un entier entre 1 et 10 000.");
  EXPECT_FALSE(parsed.error().message.empty());
}

TEST(StayCsv, ReportsEveryProblemOfOneRow) {
  const auto problems = Problems(kShortHeader + "\n2026-02-30;0;0;cher;expedia\n");
  EXPECT_EQ(Fields(problems),
            (std::vector<std::string>{"/rows/2/arrival", "/rows/2/nights", "/rows/2/occupants",
                                      "/rows/2/price_per_night_cents", "/rows/2/collector"}));
}

TEST(StayCsv, ReturnsNothingWhenOneRowOfManyIsBad) {
  std::string text = "arrivee;nuits;occupants\n";
  for (int i = 0; i < 100; ++i) text += "02/03/2026;1;1\n";
  text += "02/03/2026;0;1\n";
  auto parsed = ParseStayCsv(text);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(Fields(parsed.error()), std::vector<std::string>{"/rows/102/nights"});
}

TEST(StayCsv, RefusesARowWithMoreValuesThanColumns) {
  const auto problems = Problems("arrivee;nuits;occupants\n02/03/2026;3;2;85,50\n09/03/2026;1;1\n");
  ASSERT_EQ(Fields(problems), std::vector<std::string>{"/rows/2"});
  EXPECT_NE(problems[0].message.find("séparateur"), std::string::npos);
}

TEST(StayCsv, RefusesAValueUnderAnUnnamedColumn) {
  EXPECT_EQ(Fields(Problems("arrivee;;nuits;occupants\n02/03/2026;x;3;2\n")),
            std::vector<std::string>{"/rows/2"});
}

TEST(StayCsv, RefusesAnUnclosedQuote) {
  const auto problems = Problems("arrivee;nuits;occupants\n02/03/2026;3;2\n\"09/03/2026;1;1\n");
  ASSERT_EQ(Fields(problems), std::vector<std::string>{"/rows/3"});
  EXPECT_NE(problems[0].message.find("guillemet"), std::string::npos);
}

TEST(StayCsv, RefusesTextThatIsNotUtf8) {
  // "Arrivée" saved in Windows-1252, as older spreadsheets do.
  const auto in_header = Problems(
      "Arriv\xE9"
      "e;nuits;occupants\n02/03/2026;3;2\n");
  ASSERT_EQ(Fields(in_header), std::vector<std::string>{"/header"});
  EXPECT_NE(in_header[0].message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(Fields(Problems("arrivee;nuits;occupants;percue_par\n02/03/2026;3;2;h\xF4te\n")),
            std::vector<std::string>{"/rows/2"});
}

// --- Bad files ---

TEST(StayCsv, RefusesAnEmptyFile) {
  for (const char* text : {"", "\xEF\xBB\xBF", "\n\n", "\r\n  \r\n"}) {
    EXPECT_EQ(Fields(Problems(text)), std::vector<std::string>{"/header"})
        << testing::PrintToString(text);
  }
}

TEST(StayCsv, RefusesAHeaderWithoutRows) {
  for (const char* text : {"arrivee;nuits;occupants", "arrivee;nuits;occupants\n\n;;\n"}) {
    const auto problems = Problems(text);
    ASSERT_EQ(Fields(problems), std::vector<std::string>{"/rows"}) << text;
    EXPECT_NE(problems[0].message.find("aucun séjour"), std::string::npos);
  }
}

TEST(StayCsv, RefusesUnknownColumnsNamingThem) {
  const auto problems = Problems("arrivee;nuits;occupants;commentaire;tarif\n02/03/2026;3;2;;\n");
  ASSERT_EQ(Fields(problems), (std::vector<std::string>{"/header", "/header"}));
  EXPECT_NE(problems[0].message.find("« commentaire »"), std::string::npos);
  EXPECT_NE(problems[0].message.find("Ligne 1 : "), std::string::npos);
  EXPECT_NE(problems[1].message.find("« tarif »"), std::string::npos);
}

TEST(StayCsv, RefusesMissingRequiredColumnsNamingThem) {
  const auto problems = Problems("arrivee;mineurs\n02/03/2026;1\n");
  ASSERT_EQ(Fields(problems), (std::vector<std::string>{"/header", "/header"}));
  EXPECT_EQ(problems[0].message, "Ligne 1 : la colonne obligatoire « nuits » manque.");
  EXPECT_EQ(problems[1].message, "Ligne 1 : la colonne obligatoire « occupants » manque.");
}

TEST(StayCsv, RefusesAColumnNamedTwice) {
  const auto problems = Problems("arrivee;nuits;occupants;Nuits\n02/03/2026;3;2;3\n");
  ASSERT_EQ(Fields(problems), std::vector<std::string>{"/header"});
  EXPECT_NE(problems[0].message.find("deux fois"), std::string::npos);
}

TEST(StayCsv, ReportsAColumnNamedThreeTimesOnce) {
  const auto problems = Problems("arrivee;nuits;occupants;Nuits;nuits\n02/03/2026;3;2;3;3\n");
  ASSERT_EQ(Fields(problems), std::vector<std::string>{"/header"});
}

// Found by fuzz/stay_csv_fuzz.cpp: a header of many unknown columns gave one problem per column,
// so a 1 MiB header ("a,a,a,…") made an answer of a hundred times its size.
TEST(StayCsv, ListsTheFirstUnknownColumnsAndCountsTheOthers) {
  std::string header = "arrivee;nuits;occupants";
  for (int column = 0; column < 10000; ++column) header += ";c" + std::to_string(column);
  const auto problems = Problems(header + "\n02/03/2026;3;2\n");
  ASSERT_EQ(problems.size(), 8u);
  EXPECT_NE(problems[0].message.find("« c0 »"), std::string::npos);
  EXPECT_NE(problems[6].message.find("« c6 »"), std::string::npos);
  EXPECT_EQ(problems[7].field, "/header");
  EXPECT_NE(problems[7].message.find("Ligne 1 : et 9993 autres colonnes inconnues"),
            std::string::npos);
}

TEST(StayCsv, BoundsTheHeaderProblemsOfTheFuzzerFile) {
  const auto problems =
      Problems(ReadDataFile("header-of-many-unknown-columns.csv", "fuzz-regressions/stay_csv"));
  ASSERT_FALSE(problems.empty());
  EXPECT_LE(problems.size(), kMaxStayCsvHeaderProblems);
  for (const auto& problem : problems) EXPECT_EQ(problem.field, "/header");
}

TEST(StayCsv, DetectsTheSeparatorFromTheHeaderOnly) {
  // A comma header: the semicolons of the row are part of its first cell, which is no date.
  EXPECT_EQ(Fields(Problems("arrivee,nuits,occupants\n02/03/2026;3;2\n")),
            (std::vector<std::string>{"/rows/2/arrival", "/rows/2/nights", "/rows/2/occupants"}));
}

std::string FileOfRows(std::size_t count) {
  std::string text = "arrivee;nuits;occupants\n";
  for (std::size_t i = 0; i < count; ++i) text += "02/03/2026;1;1\n";
  return text;
}

TEST(StayCsv, AcceptsFiveThousandRows) {
  auto stays = ParseStayCsv(FileOfRows(kMaxStayCsvRows));
  ASSERT_TRUE(stays.has_value());
  EXPECT_EQ(stays->size(), 5000u);
}

TEST(StayCsv, RefusesMoreThanFiveThousandRows) {
  const auto problems = Problems(FileOfRows(kMaxStayCsvRows + 1));
  ASSERT_EQ(Fields(problems), std::vector<std::string>{"/rows"});
  EXPECT_NE(problems[0].message.find("5 000"), std::string::npos);
}

// --- Problems found after reading, named after the file's lines ---

TEST(StayCsvLines, RenameStayProblemsAfterTheLinesOfTheFile) {
  auto rows = ParseStayCsvRows("arrivee;nuits;occupants\n\n02/03/2026;3;2\n09/03/2026;1;9\n");
  ASSERT_TRUE(rows.has_value());
  const std::vector<FieldError> renamed =
      OnFileLines({{"/stays/0/arrival", "Un séjour se déclare le mois du départ du voyageur."},
                   {"/stays/1/occupants", "9 occupants pour une capacité de 4 personnes."},
                   {"/stays/1", "L'hébergement était fermé."},
                   {"/stays", "Ajoutez au moins un séjour."},
                   {"/stays/7/nights", "Hors du fichier."}},
                  *rows);
  EXPECT_EQ(
      renamed,
      (std::vector<FieldError>{
          {"/rows/3/arrival", "Ligne 3 : un séjour se déclare le mois du départ du voyageur."},
          {"/rows/4/occupants", "Ligne 4 : 9 occupants pour une capacité de 4 personnes."},
          {"/rows/4", "Ligne 4 : l'hébergement était fermé."},
          {"/stays", "Ajoutez au moins un séjour."},
          {"/stays/7/nights", "Hors du fichier."}}));
}

TEST(StayCsvLines, NameTheRowsOfTheGoodFileThatBelongToAnotherMonth) {
  auto rows = ParseStayCsvRows(ReadDataFile("good.csv"));
  ASSERT_TRUE(rows.has_value());
  std::vector<StayLine> stays;
  for (const auto& row : *rows) stays.push_back(row.stay);
  Accommodation gite;
  gite.commune_insee_code = "74136";
  gite.capacity_persons = 4;
  // Every stay of the file leaves in March: declared for February, each row is refused by line.
  const DeclarationCheck february =
      CheckStayLines(gite, {}, Month{date::year{2026}, date::February}, stays, {}, D(2026, 6, 30));
  const auto renamed = OnFileLines(february.errors, *rows);
  EXPECT_EQ(Fields(renamed),
            (std::vector<std::string>{"/rows/2/arrival", "/rows/3/arrival", "/rows/4/arrival",
                                      "/rows/5/arrival", "/rows/6/arrival"}));
  const DeclarationCheck march =
      CheckStayLines(gite, {}, Month{date::year{2026}, date::March}, stays, {}, D(2026, 6, 30));
  EXPECT_TRUE(march.errors.empty());
}

}  // namespace
}  // namespace nuitee
