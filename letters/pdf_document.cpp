// The letters' layout on cairo's PDF surface with Pango text.
//
// Why cairo + Pango rather than libharu: Pango shapes and wraps UTF-8 paragraphs itself (accents,
// « », non-breaking spaces, justification, line breaking by word then by character for a name
// with no space), embeds subsetted TrueType fonts and writes text that pdftotext reads back;
// libharu would leave line breaking and font encoding to us. Both are well-kept Debian packages.
// The fonts are a private fontconfig set holding only DejaVu Sans (fonts-dejavu-core), so the
// output does not depend on the fonts the machine happens to have. Every object belongs to one
// rendering (no default font map, which would live on in the thread), so renderings may run on
// several threads at once.
#include "letters/pdf_document.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cstdio>

#ifndef NUITEE_LETTERS_FONT_DIR
#define NUITEE_LETTERS_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

namespace nuitee::letters {
namespace {

constexpr const char* kFontFamily = "DejaVu Sans";
constexpr const char* kFontFiles[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
constexpr double kCellPadding = 4;
constexpr double kFooterSizePt = 8;

struct GObjectDeleter {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter>;

struct GFreeDeleter {
  void operator()(gpointer memory) const { g_free(memory); }
};
struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDeleter {
  void operator()(cairo_t* cairo) const { cairo_destroy(cairo); }
};
struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* description) const {
    pango_font_description_free(description);
  }
};

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

double Points(int pango_units) { return pango_units_to_double(pango_units); }

}  // namespace

std::string Escaped(std::string_view text) {
  std::unique_ptr<gchar, GFreeDeleter> escaped(
      g_markup_escape_text(text.data(), gssize(text.size())));
  return escaped.get();
}

std::string Bold(std::string_view markup) { return "<b>" + std::string(markup) + "</b>"; }

// The font set: built once per process, immutable afterwards, and never freed. Pango 1.50 takes a
// reference on the FcConfig given to pango_fc_font_map_set_config and never releases it, so a set
// built for each rendering would leak with each rendering; one shared set costs nothing more.
// fontconfig's configurations may be read from several threads.
Result<FcConfig*> SharedFontSet() {
  static const Result<FcConfig*> kFontSet = []() -> Result<FcConfig*> {
    FcConfig* config = FcConfigCreate();
    if (config == nullptr) return Fail(Error::Internal());
    FcConfigSetRescanInterval(config, 0);
    for (const char* file : kFontFiles) {
      const std::string path = std::string(NUITEE_LETTERS_FONT_DIR) + "/" + file;
      if (!FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(path.c_str()))) {
        FcConfigDestroy(config);
        return Fail(Error::FailedPrecondition("La police " + path +
                                              " est absente (paquet fonts-dejavu-core) : "
                                              "les lettres ne peuvent pas être produites."));
      }
    }
    return config;
  }();
  return kFontSet;
}

}  // namespace nuitee::letters

// For LeakSanitizer (the CI's ASan build; ignored otherwise), in the library so that every binary
// rendering letters has it. fontconfig stores its charsets' parts as offsets that LeakSanitizer
// cannot follow, so the shared font set (alive until the process ends) looks leaked; and its
// parsing of its own default configuration, which Pango starts once, leaks once. fontconfig has no
// frame pointers, so its allocations can only be told apart by their module. Checked: the reported
// bytes stay the same whether 1 or 8 letters are rendered.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace nuitee::letters {

class PdfDocument::Fonts {
 public:
  // A font map of its own for each rendering: Pango's font maps may not be shared by threads.
  static Result<std::unique_ptr<Fonts>> Open() {
    auto font_set = SharedFontSet();
    if (!font_set) return Fail(font_set.error());
    GObjectPtr<PangoFontMap> map(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    if (!map) return Fail(Error::Internal());
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map.get()), *font_set);
    auto fonts = std::make_unique<Fonts>();
    fonts->map_ = std::move(map);
    return fonts;
  }
  PangoFontMap* map() const { return map_.get(); }
  ~Fonts() {
    // The font map's caches hold its fonts, which hold the map: break the cycle.
    if (map_) pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(map_.get()));
  }
  Fonts() = default;
  Fonts(const Fonts&) = delete;
  Fonts& operator=(const Fonts&) = delete;

 private:
  GObjectPtr<PangoFontMap> map_;
};

struct PdfDocument::Impl {
  std::string bytes;  // declared first: the surface writes into it until it is destroyed
  std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter> surface;
  std::unique_ptr<cairo_t, CairoDeleter> cairo;
  GObjectPtr<PangoContext> context;

  GObjectPtr<PangoLayout> Layout(std::string_view markup, const TextStyle& style,
                                 double width) const {
    GObjectPtr<PangoLayout> layout(pango_layout_new(context.get()));
    std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> font(
        pango_font_description_from_string(kFontFamily));
    pango_font_description_set_size(font.get(), int(style.size_pt * PANGO_SCALE));
    pango_font_description_set_weight(
        font.get(), style.weight == Weight::kBold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), pango_units_from_double(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(layout.get(), pango_units_from_double(style.size_pt * 0.25));
    switch (style.align) {
      case Align::kLeft:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
        break;
      case Align::kRight:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
        break;
      case Align::kCenter:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        break;
      case Align::kJustify:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
        pango_layout_set_justify(layout.get(), TRUE);
        break;
    }
    pango_layout_set_markup(layout.get(), markup.data(), int(markup.size()));
    return layout;
  }
};

PdfDocument::PdfDocument(const Fonts& fonts, const DocumentInfo& info, int total_pages)
    : impl_(std::make_unique<Impl>()), total_pages_(total_pages), reference_(info.reference) {
  impl_->surface.reset(
      cairo_pdf_surface_create_for_stream(AppendBytes, &impl_->bytes, kPageWidth, kPageHeight));
  cairo_pdf_surface_set_metadata(impl_->surface.get(), CAIRO_PDF_METADATA_TITLE,
                                 info.title.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 info.author.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface.get(), CAIRO_PDF_METADATA_CREATOR, "Nuitée");
  if (info.dated_on.ok()) {
    const std::string created = FormatIsoDate(info.dated_on) + "T00:00:00";
    cairo_pdf_surface_set_metadata(impl_->surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   created.c_str());
  }
  impl_->cairo.reset(cairo_create(impl_->surface.get()));
  impl_->context.reset(pango_font_map_create_context(fonts.map()));
  pango_context_set_language(impl_->context.get(), pango_language_from_string("fr-FR"));
  pango_cairo_update_context(impl_->cairo.get(), impl_->context.get());
  NewPageFooter();
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::NewPageFooter() {
  std::string footer = "Réf. " + Escaped(reference_) + " — Page " + std::to_string(page_);
  if (total_pages_ > 0) footer += "/" + std::to_string(total_pages_);
  BlockAt(footer, {kFooterSizePt, Weight::kRegular, Align::kCenter}, Left(),
          kPageHeight - kMarginBottom + 24, Width());
}

void PdfDocument::NewPage() {
  cairo_show_page(impl_->cairo.get());
  ++page_;
  cursor_ = kMarginTop;
  NewPageFooter();
}

double PdfDocument::Measure(std::string_view markup, const TextStyle& style, double width) const {
  auto layout = impl_->Layout(markup, style, width);
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return Points(logical.y + logical.height);
}

double PdfDocument::BlockAt(std::string_view markup, const TextStyle& style, double x, double y,
                            double width) {
  auto layout = impl_->Layout(markup, style, width);
  cairo_t* cairo = impl_->cairo.get();
  cairo_set_source_rgb(cairo, 0, 0, 0);
  cairo_move_to(cairo, x, y);
  pango_cairo_show_layout(cairo, layout.get());
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return Points(logical.y + logical.height);
}

void PdfDocument::Paragraph(std::string_view markup, const TextStyle& style) {
  Paragraph(markup, style, Left(), Width());
}

void PdfDocument::Paragraph(std::string_view markup, const TextStyle& style, double x,
                            double width) {
  auto layout = impl_->Layout(markup, style, width);
  cairo_t* cairo = impl_->cairo.get();
  // Line by line, so that a paragraph longer than the room left continues on the next page.
  int offset = 0;  // the layout's y (Pango units) at the top of the current page's part
  double top = cursor_;
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    if (top + Points(logical.y + logical.height - offset) > Bottom() && logical.y > offset) {
      NewPage();
      offset = logical.y;
      top = cursor_;
    } else if (top + Points(logical.y + logical.height - offset) > Bottom() && top > kMarginTop) {
      NewPage();  // not even the first line fits
      top = cursor_;
    }
    const int baseline = pango_layout_iter_get_baseline(iter);
    cairo_set_source_rgb(cairo, 0, 0, 0);
    cairo_move_to(cairo, x + Points(logical.x), top + Points(baseline - offset));
    pango_cairo_show_layout_line(cairo, pango_layout_iter_get_line_readonly(iter));
    cursor_ = top + Points(logical.y + logical.height - offset);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

void PdfDocument::Skip(double points) {
  cursor_ += points;
  if (cursor_ > Bottom()) NewPage();
}

void PdfDocument::KeepRoom(double points) {
  if (cursor_ + points > Bottom()) NewPage();
}

void PdfDocument::Rule(double thickness) {
  cairo_t* cairo = impl_->cairo.get();
  cairo_set_source_rgb(cairo, 0, 0, 0);
  cairo_set_line_width(cairo, thickness);
  cairo_move_to(cairo, Left(), cursor_);
  cairo_line_to(cairo, Left() + Width(), cursor_);
  cairo_stroke(cairo);
}

void PdfDocument::Table(const std::vector<TableColumn>& columns,
                        const std::vector<std::vector<std::string>>& rows) {
  TableHeader(columns);
  for (const auto& row : rows) TableRow(columns, row, false);
}

void PdfDocument::TableHeader(const std::vector<TableColumn>& columns) {
  bool any = false;
  for (const auto& column : columns) any = any || !column.header.empty();
  if (!any) return;  // a table of labels and values has no header row
  std::vector<std::string> headers;
  for (const auto& column : columns) headers.push_back(Bold(column.header));
  TableRow(columns, headers, true);
}

void PdfDocument::TableRow(const std::vector<TableColumn>& columns,
                           const std::vector<std::string>& cells, bool header) {
  double total_share = 0;
  for (const auto& column : columns) total_share += column.share;
  std::vector<double> widths;
  for (const auto& column : columns) widths.push_back(Width() * column.share / total_share);
  const TextStyle cell_style{9, Weight::kRegular, Align::kLeft};
  double height = 0;
  for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    height = std::max(height, Measure(cells[i], cell_style, widths[i] - 2 * kCellPadding));
  }
  height += 2 * kCellPadding;
  if (cursor_ + height > Bottom() && cursor_ > kMarginTop) {
    NewPage();
    if (!header) TableHeader(columns);
  }
  cairo_t* cairo = impl_->cairo.get();
  double x = Left();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (header) {
      cairo_set_source_rgb(cairo, 0.9, 0.9, 0.9);
      cairo_rectangle(cairo, x, cursor_, widths[i], height);
      cairo_fill(cairo);
    }
    cairo_set_source_rgb(cairo, 0.4, 0.4, 0.4);
    cairo_set_line_width(cairo, 0.4);
    cairo_rectangle(cairo, x, cursor_, widths[i], height);
    cairo_stroke(cairo);
    if (i < cells.size()) {
      const TextStyle style{cell_style.size_pt, Weight::kRegular, columns[i].align};
      BlockAt(cells[i], style, x + kCellPadding, cursor_ + kCellPadding,
              widths[i] - 2 * kCellPadding);
    }
    x += widths[i];
  }
  cursor_ += height;
}

Result<std::string> PdfDocument::Finish() {
  cairo_show_page(impl_->cairo.get());
  impl_->cairo.reset();
  cairo_surface_finish(impl_->surface.get());
  if (cairo_surface_status(impl_->surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Fail(Error::Internal());
  }
  impl_->surface.reset();
  return std::move(impl_->bytes);
}

Result<std::string> RenderPdf(const DocumentInfo& info,
                              const std::function<void(PdfDocument&)>& compose) {
  auto fonts = PdfDocument::Fonts::Open();
  if (!fonts) return Fail(fonts.error());
  int total_pages = 0;
  {
    PdfDocument counting(**fonts, info, 0);
    compose(counting);
    total_pages = counting.PageCount();
    if (auto discarded = counting.Finish(); !discarded) return Fail(discarded.error());
  }
  PdfDocument document(**fonts, info, total_pages);
  compose(document);
  return document.Finish();
}

}  // namespace nuitee::letters
