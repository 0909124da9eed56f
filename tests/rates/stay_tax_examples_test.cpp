// The worked examples A–E of taxe-de-sejour.md §3, under both rounding modes.
#include <gtest/gtest.h>

#include "rates/legal_grid.hpp"
#include "rates/stay_tax.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;

struct WorkedExample {
  const char* name;
  int year;
  Money highest_tariff;
  BasisPoints rate;
  std::vector<AdditionalTax> additional_taxes;
  std::int64_t price_cents;
  int nights;
  int occupants;
  int minors;
  std::int64_t per_line_total;
  std::int64_t per_person_night_total;
  std::int64_t unit_cents;
  bool capped;
};

void PrintTo(const WorkedExample& example, std::ostream* out) { *out << example.name; }

class WorkedExamples : public testing::TestWithParam<WorkedExample> {
 protected:
  Result<StayTax> Compute(RoundingMode rounding) const {
    const WorkedExample& example = GetParam();
    Deliberation deliberation =
        MakeDeliberation(example.year, example.highest_tariff, example.rate);
    deliberation.additional_taxes = example.additional_taxes;
    RateBook book = BookOf({deliberation});
    Stay stay = MakeStay(On(example.year, 7, 1), example.nights, example.occupants,
                         Cents(example.price_cents));
    stay.exempt.minors = example.minors;
    return ComputeStayTax(stay, Always(Category::kUnclassified), book, rounding);
  }
};

TEST_P(WorkedExamples, GiveTheDocumentedTotalPerLine) {
  auto tax = Compute(RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value()) << tax.error().message;
  EXPECT_EQ(tax->total, Cents(GetParam().per_line_total));
  EXPECT_EQ(tax->unit_per_person_night, Cents(GetParam().unit_cents));
  EXPECT_EQ(tax->capped, GetParam().capped);
}

TEST_P(WorkedExamples, GiveTheDocumentedTotalPerPersonNight) {
  auto tax = Compute(RoundingMode::kPerPersonNight);
  ASSERT_TRUE(tax.has_value()) << tax.error().message;
  EXPECT_EQ(tax->total, Cents(GetParam().per_person_night_total));
}

TEST_P(WorkedExamples, PassValidationOfTheirYear) {
  const WorkedExample& example = GetParam();
  Deliberation deliberation = MakeDeliberation(example.year, example.highest_tariff, example.rate);
  deliberation.additional_taxes = example.additional_taxes;
  const LegalGrid* grid = ShippedLegalGrid(example.year);
  ASSERT_NE(grid, nullptr);
  EXPECT_TRUE(ValidateDeliberation(deliberation, *grid).empty());
}

const std::vector<AdditionalTax> kTad = {Departemental()};
const std::vector<AdditionalTax> kParis = {
    Departemental(), Tax(Beneficiary::kSocieteGrandsProjets, 1500, On(2019, 1, 1)),
    Tax(Beneficiary::kIleDeFranceMobilites, 20000, On(2024, 1, 1))};
const std::vector<AdditionalTax> kGpso = {Departemental(),
                                          Tax(Beneficiary::kGpso, 3400, On(2024, 1, 1))};

INSTANTIATE_TEST_SUITE_P(
    TaxeDeSejourDoc, WorkedExamples,
    testing::Values(
        // A: 700 € for 7 nights, 2 adults + 2 minors, 5 %, cap 4,00, TAD.
        WorkedExample{"A", 2026, Cents(400), {500}, kTad, 10000, 7, 4, 2, 1925, 1932, 125, false},
        // B: Paris-like 2025, 600 €/night, 2 adults, 3 nights, capped at 4,80, three add-ons.
        WorkedExample{"B", 2025, Cents(480), {500}, kParis, 60000, 3, 2, 0, 9360, 9360, 480, true},
        // C: GPSO 2024, 150 €/night, 5 nights, 5 occupants with 1 minor, 4 %, TAD + 34 %.
        WorkedExample{"C", 2024, Cents(230), {400}, kGpso, 15000, 5, 5, 1, 3456, 3460, 120, false},
        // D, 2020 rule: cap min(4,00 ; 2,30) = 2,30.
        WorkedExample{"D2020", 2020, Cents(400), {500}, kTad, 40000, 1, 2, 0, 506, 506, 230, true},
        // D, 2022 rule (LF 2021 art. 124): cap 4,00.
        WorkedExample{"D2022", 2022, Cents(400), {500}, kTad, 40000, 1, 2, 0, 880, 880, 400, true},
        // E: 45 €/night, 1 adult + 2 minors, 2 nights, 3 %, cap 2,00, TAD; per person-night the
        // TAD 0,045 rounds to 0,05.
        WorkedExample{"E", 2026, Cents(230), {300}, kTad, 4500, 2, 3, 2, 99, 100, 45, false}),
    [](const testing::TestParamInfo<WorkedExample>& info) { return std::string(info.param.name); });

TEST(WorkedExampleA, SplitsIntoTaxAndDepartementalTax) {
  Deliberation deliberation = MakeDeliberation(2026, Cents(400), {500});
  deliberation.additional_taxes = {Departemental()};
  Stay stay = MakeStay(On(2026, 7, 1), 7, 4, Cents(10000));
  stay.exempt.minors = 2;
  auto tax = ComputeStayTax(stay, Always(Category::kUnclassified), BookOf({deliberation}),
                            RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tax, Cents(1750));
  EXPECT_EQ(AdditionalAmount(*tax, Beneficiary::kDepartement), Cents(175));
  EXPECT_EQ(tax->taxable_persons, 2);
  EXPECT_EQ(tax->taxable_person_nights, 14);
  ASSERT_EQ(tax->runs.size(), 1u);
  EXPECT_EQ(tax->runs[0].cost_per_person->RoundedHalfUp(), Cents(2500));
  EXPECT_EQ(tax->runs[0].cap, Cents(400));
}

TEST(WorkedExampleB, GivesEachBeneficiaryItsPartUnderBothModes) {
  Deliberation deliberation = MakeDeliberation(2025, Cents(480), {500});
  deliberation.additional_taxes = kParis;
  for (RoundingMode rounding : {RoundingMode::kPerLine, RoundingMode::kPerPersonNight}) {
    auto tax = ComputeStayTax(MakeStay(On(2025, 3, 10), 3, 2, Cents(60000)),
                              Always(Category::kUnclassified), BookOf({deliberation}), rounding);
    ASSERT_TRUE(tax.has_value());
    EXPECT_EQ(tax->tax, Cents(2880));
    EXPECT_EQ(AdditionalAmount(*tax, Beneficiary::kDepartement), Cents(288));
    EXPECT_EQ(AdditionalAmount(*tax, Beneficiary::kSocieteGrandsProjets), Cents(432));
    EXPECT_EQ(AdditionalAmount(*tax, Beneficiary::kIleDeFranceMobilites), Cents(5760));
    EXPECT_EQ(tax->total, Cents(9360));
  }
}

TEST(WorkedExampleC, GivesTheThirtyFourPercentPart) {
  Deliberation deliberation = MakeDeliberation(2024, Cents(230), {400});
  deliberation.additional_taxes = kGpso;
  Stay stay = MakeStay(On(2024, 8, 1), 5, 5, Cents(15000));
  stay.exempt.minors = 1;
  auto tax = ComputeStayTax(stay, Always(Category::kUnclassified), BookOf({deliberation}),
                            RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value());
  EXPECT_EQ(tax->tax, Cents(2400));
  EXPECT_EQ(AdditionalAmount(*tax, Beneficiary::kDepartement), Cents(240));
  EXPECT_EQ(AdditionalAmount(*tax, Beneficiary::kGpso), Cents(816));
}

TEST(WorkedExampleE, WouldGiveTwoNinetySevenWithTheWrongDivisor) {
  Deliberation deliberation = MakeDeliberation(2026, Cents(230), {300});
  deliberation.additional_taxes = kTad;
  // Dividing by the taxable person only amounts to a stay of one occupant.
  auto wrong =
      ComputeStayTax(MakeStay(On(2026, 7, 1), 2, 1, Cents(4500)), Always(Category::kUnclassified),
                     BookOf({deliberation}), RoundingMode::kPerLine);
  ASSERT_TRUE(wrong.has_value());
  EXPECT_EQ(wrong->total, Cents(297));
}

}  // namespace
}  // namespace nuitee::rates
