// CSV for French spreadsheets, as every export of the service writes it: ";" between cells,
// amounts with a decimal comma and no thousands separator (so that a cell is a number), cells
// quoted when they hold the separator, a quote or a line break, and formulas defused.
#pragma once

#include <string>
#include <vector>

#include "domain/core/money.hpp"

namespace nuitee::api {

std::string DecimalComma(Money amount);  // "1234,56", "-0,05"
// A cell starting with = + - @ would run as a formula in a spreadsheet: it gets a leading quote.
std::string CsvCell(std::string text);
// Cells already made with CsvCell (or DecimalComma), joined, with the line's end.
std::string CsvRow(const std::vector<std::string>& cells);

}  // namespace nuitee::api
