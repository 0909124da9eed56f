// The text of rates/data/legal_grid.csv, compiled into the library (cmake/EmbedLegalGrid.cmake).
#pragma once

#include <string_view>

namespace nuitee::rates {

std::string_view ShippedLegalGridCsv();

}  // namespace nuitee::rates
