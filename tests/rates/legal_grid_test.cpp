// The legal grids shipped with the code (taxe-de-sejour.md §2), their CSV form and validation.
#include "rates/legal_grid.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using fixtures::Cents;
using fixtures::Fields;
using testing::ElementsAre;

struct ShippedValue {
  int year;
  Category category;
  std::int64_t floor_cents;
  std::int64_t ceiling_cents;
  Provenance provenance;
};

void PrintTo(const ShippedValue& value, std::ostream* out) {
  *out << value.year << " " << CategoryName(value.category);
}

class ShippedGridValues : public testing::TestWithParam<ShippedValue> {};

TEST_P(ShippedGridValues, MatchTheDocumentedGrid) {
  const ShippedValue& expected = GetParam();
  const LegalGrid* grid = ShippedLegalGrid(expected.year);
  ASSERT_NE(grid, nullptr);
  const GridRow& row = grid->Row(expected.category);
  EXPECT_EQ(row.category, expected.category);
  EXPECT_EQ(row.floor, Cents(expected.floor_cents));
  EXPECT_EQ(row.ceiling, Cents(expected.ceiling_cents));
  EXPECT_EQ(row.provenance, expected.provenance);
  EXPECT_FALSE(row.source.empty());
}

constexpr auto kC = Provenance::kConfirmed;
constexpr auto kD = Provenance::kDerived;

INSTANTIATE_TEST_SUITE_P(TaxeDeSejourDoc, ShippedGridValues,
                         testing::Values(ShippedValue{2019, Category::kPalace, 70, 400, kC},
                                         ShippedValue{2019, Category::kFourStars, 70, 230, kC},
                                         ShippedValue{2019, Category::kThreeStars, 50, 150, kC},
                                         ShippedValue{2019, Category::kTwoStars, 30, 90, kC},
                                         ShippedValue{2020, Category::kPalace, 70, 410, kC},
                                         ShippedValue{2020, Category::kFourStars, 70, 230, kC},
                                         ShippedValue{2021, Category::kPalace, 70, 420, kC},
                                         ShippedValue{2022, Category::kFiveStars, 70, 300, kC},
                                         ShippedValue{2023, Category::kPalace, 70, 430, kC},
                                         ShippedValue{2023, Category::kFourStars, 70, 240, kC},
                                         ShippedValue{2023, Category::kCampingHigh, 20, 60, kD},
                                         ShippedValue{2023, Category::kCampingLow, 20, 20, kD},
                                         ShippedValue{2024, Category::kPalace, 70, 460, kC},
                                         ShippedValue{2024, Category::kThreeStars, 50, 160, kC},
                                         ShippedValue{2024, Category::kTwoStars, 30, 100, kD},
                                         ShippedValue{2024, Category::kOneStar, 20, 80, kD},
                                         ShippedValue{2024, Category::kCampingHigh, 20, 60, kD},
                                         ShippedValue{2024, Category::kCampingLow, 20, 20, kC},
                                         ShippedValue{2025, Category::kPalace, 70, 480, kC},
                                         ShippedValue{2025, Category::kFiveStars, 70, 340, kD},
                                         ShippedValue{2025, Category::kThreeStars, 50, 170, kD},
                                         ShippedValue{2025, Category::kCampingLow, 20, 20, kD},
                                         ShippedValue{2026, Category::kPalace, 70, 490, kD},
                                         ShippedValue{2026, Category::kFiveStars, 70, 350, kD},
                                         ShippedValue{2026, Category::kFourStars, 70, 260, kD},
                                         ShippedValue{2026, Category::kTwoStars, 30, 100, kD}));

TEST(ShippedLegalGrids, CoverEveryYearFrom2019To2026InOrder) {
  auto grids = ShippedLegalGrids();
  ASSERT_EQ(grids.size(), 8u);
  for (std::size_t i = 0; i < grids.size(); ++i) EXPECT_EQ(grids[i].year, 2019 + int(i));
  EXPECT_EQ(ShippedLegalGrid(2018), nullptr);
  EXPECT_EQ(ShippedLegalGrid(2027), nullptr);
}

TEST(ShippedLegalGrids, AreAllValid) {
  for (const LegalGrid& grid : ShippedLegalGrids()) {
    EXPECT_TRUE(ValidateLegalGrid(grid).empty()) << grid.year;
    EXPECT_EQ(grid.unclassified_min, BasisPoints{100});
    EXPECT_EQ(grid.unclassified_max, BasisPoints{500});
  }
}

TEST(ShippedLegalGrids, FixRowEightAtTwentyCentsEveryYear) {
  for (const LegalGrid& grid : ShippedLegalGrids()) {
    EXPECT_EQ(grid.Row(Category::kCampingLow).floor, Cents(20));
    EXPECT_EQ(grid.Row(Category::kCampingLow).ceiling, Cents(20));
  }
}

TEST(ShippedLegalGrids, ExplainTheHigherReadingOfThe2026FiveStarCeiling) {
  const std::string& source = ShippedLegalGrid(2026)->Row(Category::kFiveStars).source;
  EXPECT_NE(source.find("3,50"), std::string::npos) << source;
  EXPECT_NE(source.find("3,40"), std::string::npos) << source;
}

TEST(ShippedLegalGrids, ReturnTheSameObjectEachTime) {
  EXPECT_EQ(ShippedLegalGrids().data(), ShippedLegalGrids().data());
  EXPECT_EQ(ShippedLegalGrid(2024), &ShippedLegalGrids()[5]);
}

TEST(Provenance, HasStableNames) {
  for (Provenance provenance :
       {Provenance::kConfirmed, Provenance::kDerived, Provenance::kLoaded}) {
    EXPECT_EQ(ParseProvenance(ProvenanceName(provenance)), provenance);
  }
  EXPECT_EQ(ProvenanceName(Provenance::kDerived), "derived");
  EXPECT_FALSE(ParseProvenance("Confirmed").has_value());
}

std::string Header() { return "year,category,floor_cents,ceiling_cents,provenance,source\n"; }

std::string YearRows(int year) {
  const char* rows[] = {"palace,70,400", "star5,70,300", "star4,70,230",      "star3,50,150",
                        "star2,30,90",   "star1,20,80",  "camping_3_5,20,60", "camping_1_2,20,20"};
  std::string csv;
  for (const char* row : rows) {
    csv += std::to_string(year) + "," + row + ",loaded,\"DGCL, barème " + std::to_string(year) +
           "\"\n";
  }
  return csv;
}

TEST(ParseLegalGridCsv, ReadsQuotedSourcesCommentsAndCrLf) {
  std::string csv = "# comment\r\n" + Header() + YearRows(2027);
  auto grids = ParseLegalGridCsv(csv);
  ASSERT_TRUE(grids.has_value()) << grids.error().message;
  ASSERT_EQ(grids->size(), 1u);
  EXPECT_EQ((*grids)[0].year, 2027);
  EXPECT_EQ((*grids)[0].Row(Category::kFourStars).ceiling, Cents(230));
  EXPECT_EQ((*grids)[0].Row(Category::kPalace).source, "DGCL, barème 2027");
  EXPECT_EQ((*grids)[0].Row(Category::kPalace).provenance, Provenance::kLoaded);
}

struct CsvError {
  const char* name;
  std::string csv;
  std::string expected;  // part of the message
};

void PrintTo(const CsvError& value, std::ostream* out) { *out << value.name; }

class ParseLegalGridCsvErrors : public testing::TestWithParam<CsvError> {};

TEST_P(ParseLegalGridCsvErrors, NameTheLine) {
  auto grids = ParseLegalGridCsv(GetParam().csv);
  ASSERT_FALSE(grids.has_value());
  EXPECT_EQ(grids.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(grids.error().message.find(GetParam().expected), std::string::npos)
      << grids.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Csv, ParseLegalGridCsvErrors,
    testing::Values(CsvError{"BadHeader", "year,category\n", "Ligne 1 du barème légal : l'en-tête"},
                    CsvError{"UnknownCategory", Header() + "2027,star6,70,400,loaded,x\n",
                             "Ligne 2 du barème légal : catégorie « star6 » inconnue"},
                    CsvError{"Unclassified", Header() + "2027,unclassified,70,400,loaded,x\n",
                             "Ligne 2"},
                    CsvError{"NegativeFloor", Header() + "2027,palace,-1,400,loaded,x\n",
                             "Ligne 2 du barème légal : plancher « -1 »"},
                    CsvError{"Decimal", Header() + "2027,palace,70,4.00,loaded,x\n",
                             "Ligne 2 du barème légal : plafond « 4.00 »"},
                    CsvError{"Provenance", Header() + "# c\n2027,palace,70,400,official,x\n",
                             "Ligne 3 du barème légal : provenance « official »"},
                    CsvError{"ColumnCount", Header() + "2027,palace,70,400,loaded\n",
                             "Ligne 2 du barème légal : 6 colonnes attendues"},
                    CsvError{"UnclosedQuote", Header() + "2027,palace,70,400,loaded,\"x\n",
                             "Ligne 2 du barème légal : guillemet"},
                    CsvError{"MissingSource", Header() + "2027,palace,70,400,loaded,\n",
                             "Ligne 2 du barème légal : la source"},
                    CsvError{"Duplicate", Header() + YearRows(2027) + "2027,star1,20,80,loaded,x\n",
                             "Ligne 10 du barème légal : la catégorie star1 figure deux fois"},
                    CsvError{"MissingRow", Header() + "2027,palace,70,400,loaded,x\n",
                             "il manque la catégorie star5 pour 2027"},
                    CsvError{"Empty", "", "le barème est vide"}),
    [](const testing::TestParamInfo<CsvError>& info) { return std::string(info.param.name); });

LegalGrid ValidGrid() { return *ShippedLegalGrid(2024); }

TEST(ValidateLegalGrid, PointsAtTheCeilingBelowItsFloor) {
  LegalGrid grid = ValidGrid();
  grid.rows[2].ceiling = Cents(60);  // star4 below its 0,70 floor, and below star3's 1,60
  auto errors = ValidateLegalGrid(grid);
  EXPECT_THAT(Fields(errors), ElementsAre("/rows/star4/floor_cents", "/rows/star3/ceiling_cents"));
}

TEST(ValidateLegalGrid, RefusesCeilingsRisingDownTheTable) {
  LegalGrid grid = ValidGrid();
  grid.rows[1].ceiling = Cents(470);  // star5 above palace 4,60
  auto errors = ValidateLegalGrid(grid);
  ASSERT_THAT(Fields(errors), ElementsAre("/rows/star5/ceiling_cents"));
  EXPECT_EQ(errors.errors()[0].message,
            "Le plafond de la catégorie 5 étoiles (4,70 €) dépasse celui de la catégorie palace "
            "(4,60 €).");
}

TEST(ValidateLegalGrid, LetsCampingCeilingsExceedTheOneStarRow) {
  LegalGrid grid = ValidGrid();
  grid.rows[6].ceiling = Cents(90);  // camping is another nature than hotels
  EXPECT_TRUE(ValidateLegalGrid(grid).empty());
}

TEST(ValidateLegalGrid, ReportsNegativeAmountsMissingRowsAndBadRates) {
  LegalGrid grid = ValidGrid();
  grid.year = 2018;
  grid.rows[7].floor = Cents(-1);
  grid.rows[5].category = Category::kPalace;
  grid.unclassified_min = {600};
  EXPECT_THAT(
      Fields(ValidateLegalGrid(grid)),
      ElementsAre("/year", "/rows/star1", "/rows/camping_1_2/floor_cents", "/unclassified_min_bp"));
}

}  // namespace
}  // namespace nuitee::rates
