// The deliberations and legal grids one computation reads, assembled by the caller.
#include "rates/rate_book.hpp"

namespace nuitee::rates {

void RateBook::AddDeliberation(VersionedDeliberation deliberation) {
  const int year = deliberation.deliberation.year;
  deliberations_.insert_or_assign(year, std::move(deliberation));
}

void RateBook::AddLoadedGrid(LegalGrid grid) {
  const int year = grid.year;
  loaded_grids_.insert_or_assign(year, std::move(grid));
}

const VersionedDeliberation* RateBook::DeliberationFor(int year) const {
  auto found = deliberations_.find(year);
  return found == deliberations_.end() ? nullptr : &found->second;
}

const LegalGrid* RateBook::GridFor(int year) const {
  auto found = loaded_grids_.find(year);
  if (found != loaded_grids_.end()) return &found->second;
  return ShippedLegalGrid(year);
}

}  // namespace nuitee::rates
