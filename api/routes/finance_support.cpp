#include "api/routes/finance_support.hpp"

#include <sstream>

#include "rates/additional_tax.hpp"
#include "rates/french_format.hpp"

namespace nuitee::api {

Result<ExportFormat> ReadExportFormat(const Exchange& exchange, const QueryParameters& query,
                                      const std::set<ExportFormat>& allowed) {
  std::optional<ExportFormat> format;
  std::string accepted;
  for (auto [each, name] :
       {std::pair{ExportFormat::kJson, "json"}, std::pair{ExportFormat::kCsv, "csv"},
        std::pair{ExportFormat::kPdf, "pdf"}}) {
    if (!allowed.count(each)) continue;
    accepted += accepted.empty() ? name : std::string(", ") + name;
    if (query.Get("format") == std::string(name)) format = each;
  }
  if (query.Get("format") && !format) {
    return Fail(Error::InvalidArgument("/query/format", "« format » vaut " + accepted + "."));
  }
  if (format) return *format;
  const std::string accept = exchange.Header("Accept").value_or("");
  if (allowed.count(ExportFormat::kCsv) && accept.find("text/csv") != std::string::npos) {
    return ExportFormat::kCsv;
  }
  if (allowed.count(ExportFormat::kPdf) && accept.find("application/pdf") != std::string::npos) {
    return ExportFormat::kPdf;
  }
  return ExportFormat::kJson;
}

void SendCsv(Exchange& exchange, const std::string& body, const std::string& file_name) {
  exchange.AddHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  exchange.SendText(Pistache::Http::Code::Ok, body, "text/csv; charset=utf-8");
}

void SendPdf(Exchange& exchange, const std::string& pdf, const std::string& file_name) {
  exchange.AddHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  exchange.SendText(Pistache::Http::Code::Ok, pdf, "application/pdf");
}

letters::Letterhead FinanceLetterhead(const Collectivity& collectivity,
                                      const EnforcementPolicy& policy) {
  letters::Letterhead letterhead;
  letterhead.sender = policy.letter_sender.empty() ? collectivity.name : policy.letter_sender;
  std::stringstream lines(policy.letter_address);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) letterhead.address_lines.push_back(line);
  }
  letterhead.signatory = policy.letter_signatory;
  letterhead.contact = policy.letter_contact;
  return letterhead;
}

std::string LetterPlace(const Collectivity& collectivity) {
  return collectivity.communes.empty() ? collectivity.name : collectivity.communes.front().name;
}

std::string MonthSlash(Month month) {
  const std::string iso = FormatIsoMonth(month);
  return iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string BeneficiaryName(const std::string& code) {
  if (code.rfind("other:", 0) == 0) return code.substr(6);
  if (auto beneficiary = rates::ParseBeneficiary(code)) {
    return std::string(rates::BeneficiaryLabel(*beneficiary));
  }
  return code;
}

std::string DayRange(Day from, Day to) {
  return "du " + rates::FormatFrenchDate(from) + " au " + rates::FormatFrenchDate(to);
}

}  // namespace nuitee::api
