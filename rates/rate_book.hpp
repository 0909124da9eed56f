// What the engine reads for one collectivity: its deliberations by year (with their versions) and
// the legal grids (loaded ones over shipped ones). Built by the caller from the database; the
// engine never does I/O.
#pragma once

#include <array>
#include <map>

#include "rates/deliberation.hpp"
#include "rates/legal_grid.hpp"
#include "rates/tariff_in_force.hpp"

namespace nuitee::rates {

// A year's eight tariffs as they apply under that year's grid (tariff_in_force.hpp), worked out
// once when the book is built rather than for every stay.
struct TariffsInForce {
  std::array<TariffInForce, 8> by_row;  // by_row[LegalRow(c) - 1], categories palace … camping_1_2
  Money highest = Money::Zero();        // the cap of row 9 from 2021 (LF 2021 art. 124)
  const TariffInForce& Of(Category category) const { return by_row[LegalRow(category) - 1]; }
};

class RateBook {
 public:
  // Replaces any deliberation of the same year.
  void AddDeliberation(VersionedDeliberation deliberation);
  // An administrator-loaded grid; wins over the shipped grid of its year.
  void AddLoadedGrid(LegalGrid grid);

  const VersionedDeliberation* DeliberationFor(int year) const;  // nullptr if none
  const LegalGrid* GridFor(int year) const;  // loaded, else shipped, else nullptr
  const TariffsInForce* TariffsFor(int year) const;  // nullptr without a deliberation

 private:
  struct Year {
    VersionedDeliberation deliberation;
    TariffsInForce tariffs;
  };
  void Refresh(Year& year) const;

  std::map<int, Year> years_;
  std::map<int, LegalGrid> loaded_grids_;
};

}  // namespace nuitee::rates
