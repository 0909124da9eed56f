// The reconciliation report of a fiscal year as a PDF for the council (issue 7): A4, the
// collectivity's name, the year and the day it was edited, then the table of the rows chosen
// (month, quarter, year, commune, nature or category), the comparison with the budget voted, each
// additional tax's beneficiary and the tourist office. Rendered in memory like the letters.
#pragma once

#include <string>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/money/reconciliation.hpp"

namespace nuitee::letters {

struct ReconciliationPrint {
  std::string collectivity_name;
  Day edited_on{};
  ReconciliationReport report;
};

// kFailedPrecondition when the fonts (fonts-dejavu-core) are missing.
Result<std::string> RenderReconciliationReport(const ReconciliationPrint& print);

}  // namespace nuitee::letters
