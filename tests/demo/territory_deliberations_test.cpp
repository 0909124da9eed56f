// The demo deliberations are valid under the shipped legal grid of their year and cover the whole
// demo territory.
#include "demo/deliberations.hpp"

#include <gtest/gtest.h>

#include "rates/legal_grid.hpp"

namespace nuitee::demo {
namespace {

TEST(DemoDeliberations, OneValidDeliberationPerYearFrom2024To2026) {
  const DemoTerritory territory = GenerateDemoTerritory(kDemoReferenceDay);
  const auto deliberations = DemoDeliberations(territory);

  ASSERT_EQ(deliberations.size(), 3u);
  int year = kFirstDemoDeliberationYear;
  for (const auto& deliberation : deliberations) {
    EXPECT_EQ(deliberation.year, year++);
    const rates::LegalGrid* grid = rates::ShippedLegalGrid(deliberation.year);
    ASSERT_NE(grid, nullptr);
    const FieldErrors errors = rates::ValidateDeliberation(deliberation, *grid);
    for (const auto& error : errors.errors()) {
      ADD_FAILURE() << deliberation.year << " " << error.field << ": " << error.message;
    }
  }
  EXPECT_EQ(year, kLastDemoDeliberationYear + 1);
}

TEST(DemoDeliberations, CoverEveryMemberCommuneWithTheDepartmentalTax) {
  const DemoTerritory territory = GenerateDemoTerritory(kDemoReferenceDay);
  for (const auto& deliberation : DemoDeliberations(territory)) {
    ASSERT_EQ(deliberation.communes.size(), territory.collectivity.communes.size());
    for (const auto& commune : territory.collectivity.communes) {
      EXPECT_TRUE(deliberation.Covers(commune.insee_code)) << commune.insee_code;
    }
    ASSERT_EQ(deliberation.additional_taxes.size(), 1u);
    EXPECT_EQ(deliberation.additional_taxes[0].beneficiary, rates::Beneficiary::kDepartement);
    EXPECT_EQ(deliberation.additional_taxes[0].rate, rates::BasisPoints{1000});
  }
}

}  // namespace
}  // namespace nuitee::demo
