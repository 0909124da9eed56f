// The documents finance prints (issue 7): the état de reversement sent to a host, the period
// summary for the public accountant, the yearly annex on the tax's receipts. One layout for all:
// the collectivity's letterhead (and the host's address when it is sent to one), a title, then
// sections of paragraphs and tables, A4, in French. What they say is given whole by the caller.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "letters/letters.hpp"
#include "letters/pdf_document.hpp"

namespace nuitee::letters {

struct ReportColumn {
  std::string header;  // plain text
  double share = 1;
  Align align = Align::kLeft;
};

struct ReportTable {
  std::vector<ReportColumn> columns;
  std::vector<std::vector<std::string>> rows;  // plain text; a row of one bold total is fine too
  std::vector<std::string> total;              // printed in bold last, when not empty
};

struct ReportSection {
  std::string heading;                  // plain text; may be empty
  std::vector<std::string> paragraphs;  // plain text
  std::optional<ReportTable> table;
};

struct FinanceReport {
  Letterhead letterhead;
  std::optional<Recipient> recipient;  // a letter to a host; none for internal documents
  std::string place;                   // "Murat", before the date
  Day dated_on{};
  std::string title;                   // bold
  std::vector<std::string> subtitle_lines;
  std::string reference;               // printed under the title and in every footer
  std::vector<ReportSection> sections;
};

// The PDF bytes. kInvalidArgument when the sender, place, title or reference is empty or a text is
// not UTF-8; kFailedPrecondition when the fonts are missing.
Result<std::string> RenderFinanceReport(const FinanceReport& report);

}  // namespace nuitee::letters
