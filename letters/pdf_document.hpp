// The layout primitives the letters are written with: A4 pages, wrapped paragraphs of Pango
// markup that flow onto further pages, side-by-side blocks, tables whose header repeats, and a
// footer "Réf. … — Page 1/2". Everything stays in memory; nothing global is left behind.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"

namespace nuitee::letters {

enum class Align { kLeft, kRight, kCenter, kJustify };
enum class Weight { kRegular, kBold };

struct TextStyle {
  double size_pt = 10;
  Weight weight = Weight::kRegular;
  Align align = Align::kLeft;
};

struct DocumentInfo {
  std::string title;      // PDF metadata
  std::string author;     // PDF metadata: the sender
  std::string reference;  // printed in every page's footer
  Day dated_on{};         // the PDF's creation date, so that the same letter gives the same bytes
};

struct TableColumn {
  std::string header;  // markup
  double share = 1;    // of the content width
  Align align = Align::kLeft;
};

// Markup with the user's text escaped ("&" → "&amp;"): every caller-given string goes through it.
std::string Escaped(std::string_view text);
std::string Bold(std::string_view markup);

class PdfDocument {
 public:
  static constexpr double kPageWidth = 595.276;  // A4 in points
  static constexpr double kPageHeight = 841.890;
  static constexpr double kMarginLeft = 62;
  static constexpr double kMarginRight = 56;
  static constexpr double kMarginTop = 48;
  static constexpr double kMarginBottom = 64;  // the footer sits in it

  class Fonts;  // the private font set (DejaVu Sans), opened once per rendering

  PdfDocument(const Fonts& fonts, const DocumentInfo& info, int total_pages);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  double Left() const { return kMarginLeft; }
  double Width() const { return kPageWidth - kMarginLeft - kMarginRight; }
  double Cursor() const { return cursor_; }
  int PageCount() const { return page_; }

  // A paragraph at the cursor, wrapped to `width`; its lines continue on a new page when the
  // page is full.
  void Paragraph(std::string_view markup, const TextStyle& style = {});
  void Paragraph(std::string_view markup, const TextStyle& style, double x, double width);
  // A block drawn at (x, y) of the current page, without moving the cursor; its height.
  double BlockAt(std::string_view markup, const TextStyle& style, double x, double y, double width);
  double Measure(std::string_view markup, const TextStyle& style, double width) const;
  void MoveCursorTo(double y) { cursor_ = y; }
  void Skip(double points);
  void KeepRoom(double points);  // a new page when less room than that is left
  void Rule(double thickness = 0.5);
  // Rows of markup cells; the header is repeated at the top of each page the table reaches.
  void Table(const std::vector<TableColumn>& columns,
             const std::vector<std::vector<std::string>>& rows);

  // The bytes, or kInternal when cairo failed.
  Result<std::string> Finish();

 private:
  struct Impl;
  void NewPage();
  void NewPageFooter();
  void TableHeader(const std::vector<TableColumn>& columns);
  void TableRow(const std::vector<TableColumn>& columns, const std::vector<std::string>& cells,
                bool header);
  double Bottom() const { return kPageHeight - kMarginBottom; }

  std::unique_ptr<Impl> impl_;
  double cursor_ = kMarginTop;
  int page_ = 1;
  int total_pages_ = 0;
  std::string reference_;
};

// Composes the document twice: once to count its pages, then with "Page n/N" in the footers.
// kFailedPrecondition when the fonts are missing (package fonts-dejavu-core).
Result<std::string> RenderPdf(const DocumentInfo& info,
                              const std::function<void(PdfDocument&)>& compose);

}  // namespace nuitee::letters
