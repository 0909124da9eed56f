// Tariffs in the range of the rural intercommunalities of the doc (§11: Val de l'Indre-Brenne
// 2025, Beaulieu 2024), each within the legal grid of its year, raised a little from one year to
// the next as councils do, with the unclassified rate lowered to 4.4 % in 2026.
#include "demo/deliberations.hpp"

#include <array>

namespace nuitee::demo {
namespace {

struct DemoTariffs {
  int year;
  // palace, star5, star4, star3, star2, star1, camping_3_5, camping_1_2 (cents)
  std::array<std::int64_t, 8> cents;
  std::int32_t unclassified_rate_bp;
};

constexpr std::array<DemoTariffs, 3> kTariffs = {{
    {2024, {250, 180, 140, 100, 80, 60, 50, 20}, 500},
    {2025, {280, 200, 150, 110, 85, 70, 55, 20}, 500},
    {2026, {280, 200, 150, 110, 85, 70, 55, 20}, 440},
}};

Day FirstDay(int year) { return date::year{year} / date::January / 1; }
Day LastDay(int year) { return date::year{year} / date::December / 31; }

}  // namespace

std::vector<rates::Deliberation> DemoDeliberations(const DemoTerritory& territory) {
  std::vector<rates::Deliberation> deliberations;
  for (const DemoTariffs& tariffs : kTariffs) {
    rates::Deliberation deliberation;
    deliberation.year = tariffs.year;
    // Adopted before 1 July of the year before, as L. 2333-26 requires since LF 2021 art. 123.
    deliberation.adopted_on = date::year{tariffs.year - 1} / date::June / 19;
    deliberation.perception_periods.push_back({FirstDay(tariffs.year), LastDay(tariffs.year)});
    for (std::size_t row = 0; row < tariffs.cents.size(); ++row) {
      deliberation.tariffs[row] = Money::Cents(tariffs.cents[row]);
    }
    deliberation.unclassified_rate = rates::BasisPoints{tariffs.unclassified_rate_bp};
    for (const auto& commune : territory.collectivity.communes) {
      deliberation.communes.push_back(commune.insee_code);
    }
    rates::AdditionalTax departmental;
    departmental.beneficiary = rates::Beneficiary::kDepartement;
    departmental.rate = rates::BasisPoints{1000};
    departmental.valid_from = FirstDay(tariffs.year);
    deliberation.additional_taxes.push_back(departmental);
    deliberations.push_back(std::move(deliberation));
  }
  return deliberations;
}

}  // namespace nuitee::demo
