#include "letters/finance_report.hpp"

#include "letters/french_text.hpp"
#include "letters/letter_parts.hpp"

namespace nuitee::letters {
namespace {

bool ValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    }
    i += length;
  }
  return true;
}

Status Check(const FinanceReport& report) {
  FieldErrors errors;
  if (report.letterhead.sender.empty()) errors.Add("/letterhead/sender", "L'expéditeur manque.");
  if (report.place.empty()) errors.Add("/place", "Le lieu manque.");
  if (report.title.empty()) errors.Add("/title", "Le titre manque.");
  if (report.reference.empty()) errors.Add("/reference", "La référence manque.");
  if (!date::year_month_day(report.dated_on).ok()) errors.Add("/dated_on", "La date n'existe pas.");
  std::vector<const std::string*> texts = {&report.letterhead.sender, &report.title, &report.place,
                                           &report.reference, &report.letterhead.contact};
  for (const auto& section : report.sections) {
    texts.push_back(&section.heading);
    for (const auto& paragraph : section.paragraphs) texts.push_back(&paragraph);
    if (!section.table) continue;
    for (const auto& row : section.table->rows) {
      for (const auto& cell : row) texts.push_back(&cell);
    }
  }
  if (report.recipient) texts.push_back(&report.recipient->name);
  for (const auto* text : texts) {
    if (!ValidUtf8(*text)) {
      errors.Add("/text", "Un texte n'est pas en UTF-8.");
      break;
    }
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return {};
}

void Sender(PdfDocument& document, const FinanceReport& report) {
  std::string sender = Bold(Escaped(report.letterhead.sender));
  for (const auto& line : report.letterhead.address_lines) {
    if (!line.empty()) sender += "\n" + Escaped(line);
  }
  if (!report.letterhead.contact.empty()) sender += "\n" + Escaped(report.letterhead.contact);
  const double top = document.Cursor();
  const double height = document.BlockAt(sender, {9, Weight::kRegular, Align::kLeft},
                                         document.Left(), top, document.Width() / 2);
  const std::string dated = Escaped(report.place) + ", le " + FrenchLongDate(report.dated_on);
  document.BlockAt(dated, {10, Weight::kRegular, Align::kRight}, document.Left(), top,
                   document.Width());
  document.MoveCursorTo(top + height + 24);
}

void Table(PdfDocument& document, const ReportTable& table) {
  std::vector<TableColumn> columns;
  for (const auto& column : table.columns) {
    columns.push_back({Bold(Escaped(column.header)), column.share, column.align});
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row) cells.push_back(Escaped(cell));
    rows.push_back(std::move(cells));
  }
  if (!table.total.empty()) {
    std::vector<std::string> cells;
    for (const auto& cell : table.total) cells.push_back(Bold(Escaped(cell)));
    rows.push_back(std::move(cells));
  }
  document.Table(columns, rows);
}

}  // namespace

Result<std::string> RenderFinanceReport(const FinanceReport& report) {
  if (auto valid = Check(report); !valid) return Fail(valid.error());
  DocumentInfo info{report.title, report.letterhead.sender, report.reference, report.dated_on};
  return RenderPdf(info, [&](PdfDocument& document) {
    if (report.recipient) {
      LetterHead(document, report.letterhead, *report.recipient, report.place, report.dated_on);
    } else {
      Sender(document, report);
    }
    std::vector<std::string> lines = {Escaped(report.title)};
    for (const auto& line : report.subtitle_lines) lines.push_back(Escaped(line));
    SubjectLines(document, lines, report.reference);
    for (const auto& section : report.sections) {
      if (!section.heading.empty()) Heading(document, Escaped(section.heading));
      for (const auto& paragraph : section.paragraphs) BodyParagraph(document, Escaped(paragraph));
      if (section.table) {
        Table(document, *section.table);
        document.Skip(10);
      }
    }
  });
}

}  // namespace nuitee::letters
