// What the engine reads for one collectivity: its deliberations by year (with their versions) and
// the legal grids (loaded ones over shipped ones). Built by the caller from the database; the
// engine never does I/O.
#pragma once

#include <map>

#include "rates/deliberation.hpp"
#include "rates/legal_grid.hpp"

namespace nuitee::rates {

class RateBook {
 public:
  // Replaces any deliberation of the same year.
  void AddDeliberation(VersionedDeliberation deliberation);
  // An administrator-loaded grid; wins over the shipped grid of its year.
  void AddLoadedGrid(LegalGrid grid);

  const VersionedDeliberation* DeliberationFor(int year) const;  // nullptr if none
  const LegalGrid* GridFor(int year) const;  // loaded, else shipped, else nullptr

 private:
  std::map<int, VersionedDeliberation> deliberations_;
  std::map<int, LegalGrid> loaded_grids_;
};

}  // namespace nuitee::rates
