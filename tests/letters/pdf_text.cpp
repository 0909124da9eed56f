// The text of a PDF through pdftotext, for the letters' tests.
#include "tests/letters/pdf_text.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace nuitee::letters::testing {
namespace {

std::string Normalized(const std::string& raw) {
  std::string text;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 2, "\u00A0") == 0) {
      text += ' ';
      ++i;
    } else if (raw.compare(i, 3, "\u202F") == 0) {
      text += ' ';
      i += 2;
    } else {
      text += raw[i];
    }
  }
  std::string collapsed;
  for (char c : text) {
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed += c;
  }
  return collapsed;
}

}  // namespace

std::string PdfText(const std::string& pdf) {
  char path[] = "/tmp/nuitee-letter-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  {
    std::ofstream out(path, std::ios::binary);
    out.write(pdf.data(), std::streamsize(pdf.size()));
  }
  const std::string command = std::string("pdftotext -enc UTF-8 -layout ") + path + " - 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    std::remove(path);
    throw std::runtime_error("cannot run pdftotext");
  }
  std::string raw;
  char buffer[4096];
  while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe)) raw.append(buffer, read);
  const int status = pclose(pipe);
  std::remove(path);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(
        "pdftotext failed (is poppler-utils installed? scripts/install-deps.sh): " + raw);
  }
  return Normalized(raw);
}

std::string Flat(const std::string& text) {
  std::string flat;
  for (char c : text) {
    if (c == '\n' || c == '\f') c = ' ';
    if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
    flat += c;
  }
  return flat;
}

int PageCount(const std::string& text) {
  int pages = 0;
  for (char c : text) pages += c == '\f';
  return pages;
}

int Occurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace nuitee::letters::testing
