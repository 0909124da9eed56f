// The deliberations and legal grids one computation reads, assembled by the caller.
#include "rates/rate_book.hpp"

namespace nuitee::rates {

void RateBook::Refresh(Year& year) const {
  const Deliberation& deliberation = year.deliberation.deliberation;
  const LegalGrid* grid = GridFor(deliberation.year);
  for (Category category : kAllCategories) {
    if (category == Category::kUnclassified) continue;
    year.tariffs.by_row[LegalRow(category) - 1] = TariffOf(deliberation, category, grid);
  }
  year.tariffs.highest = HighestTariffInForce(deliberation, grid);
}

void RateBook::AddDeliberation(VersionedDeliberation deliberation) {
  const int year = deliberation.deliberation.year;
  Year& entry = years_.insert_or_assign(year, Year{std::move(deliberation), {}}).first->second;
  Refresh(entry);
}

void RateBook::AddLoadedGrid(LegalGrid grid) {
  const int year = grid.year;
  loaded_grids_.insert_or_assign(year, std::move(grid));
  if (auto found = years_.find(year); found != years_.end()) Refresh(found->second);
}

const VersionedDeliberation* RateBook::DeliberationFor(int year) const {
  auto found = years_.find(year);
  return found == years_.end() ? nullptr : &found->second.deliberation;
}

const TariffsInForce* RateBook::TariffsFor(int year) const {
  auto found = years_.find(year);
  return found == years_.end() ? nullptr : &found->second.tariffs;
}

const LegalGrid* RateBook::GridFor(int year) const {
  auto found = loaded_grids_.find(year);
  if (found != loaded_grids_.end()) return &found->second;
  return ShippedLegalGrid(year);
}

}  // namespace nuitee::rates
