// What a reader sees in a PDF: the text `pdftotext -layout` extracts (poppler-utils), with
// non-breaking spaces made ordinary and runs of spaces collapsed, so that tests can look for
// "1 234,56 €" wherever the layout put it.
#pragma once

#include <string>

namespace nuitee::letters::testing {

// Throws std::runtime_error when pdftotext is missing or fails: the test fails, never skips.
std::string PdfText(const std::string& pdf);
// The text on one line: lines and pages joined by a space, so that a phrase the layout wrapped
// is found whole.
std::string Flat(const std::string& text);
int PageCount(const std::string& text);  // pdftotext ends each page with a form feed
int Occurrences(const std::string& text, const std::string& needle);

}  // namespace nuitee::letters::testing
