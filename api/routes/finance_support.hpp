// What the finance exports share (issue 7): the choice of JSON, CSV or PDF, CSV for French
// spreadsheets (";" separator, decimal comma, formulas defused, as the non-declarers' export), the
// collectivity's letterhead from its enforcement settings, and French labels.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "api/http/csv.hpp"
#include "api/http/exchange.hpp"
#include "api/http/query.hpp"
#include "domain/collectivity.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "domain/enforcement_calendar.hpp"
#include "letters/letters.hpp"

namespace nuitee::api {

enum class ExportFormat { kJson, kCsv, kPdf };

// `format=json|csv|pdf`, else the Accept header (text/csv, application/pdf), else JSON.
Result<ExportFormat> ReadExportFormat(const Exchange& exchange, const QueryParameters& query,
                                      const std::set<ExportFormat>& allowed);

void SendCsv(Exchange& exchange, const std::string& body, const std::string& file_name);
void SendPdf(Exchange& exchange, const std::string& pdf, const std::string& file_name);

letters::Letterhead FinanceLetterhead(const Collectivity& collectivity,
                                      const EnforcementPolicy& policy);
// The place printed before the date: the first member commune's name.
std::string LetterPlace(const Collectivity& collectivity);

std::string MonthSlash(Month month);                        // "07/2026"
std::string BeneficiaryName(const std::string& code);       // "Département", an other's label
std::string DayRange(Day from, Day to);                     // "du 01/07/2026 au 31/07/2026"

}  // namespace nuitee::api
