// The reconciliation report as CSV for French spreadsheets: ";" separated, decimal comma, French
// headers, UTF-8 (like the other exports, no BOM). The rows chosen and their total, then the
// additional taxes' beneficiaries, then the tourist office, each block under its own header line.
#pragma once

#include <string>

#include "domain/money/reconciliation.hpp"

namespace nuitee::api {

std::string ReconciliationCsv(const ReconciliationReport& report);

// "1234,56": no thousands separator, so that the cell reads as a number.
std::string CsvAmount(Money amount);

}  // namespace nuitee::api
