// Reads the CSV form of the legal grids (rates/data/legal_grid.csv, or a grid an administrator
// prepared): one row per year and category, '#' comment lines, RFC 4180 quoting.
#include <algorithm>
#include <charconv>
#include <map>
#include <string>

#include "rates/legal_grid.hpp"

namespace nuitee::rates {
namespace {

constexpr std::string_view kHeader = "year,category,floor_cents,ceiling_cents,provenance,source";

Error LineError(int line_number, const std::string& problem) {
  return Error::InvalidArgument(
      "", "Ligne " + std::to_string(line_number) + " du barème légal : " + problem);
}

// Splits one CSV line; fields may be quoted, a quote inside a quoted field is written twice.
std::optional<std::vector<std::string>> SplitCsvLine(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

struct ParsedRow {
  int year = 0;
  GridRow row;
};

Result<ParsedRow> ParseRow(std::string_view line, int line_number) {
  auto fields = SplitCsvLine(line);
  if (!fields) return Fail(LineError(line_number, "guillemet non refermé."));
  if (fields->size() != 6) {
    return Fail(LineError(line_number, "6 colonnes attendues (" + std::string(kHeader) + "), " +
                                           std::to_string(fields->size()) + " trouvées."));
  }
  const auto& f = *fields;
  ParsedRow parsed;
  auto year = ParseInteger(f[0]);
  if (!year || *year < 1900 || *year > 2199) {
    return Fail(LineError(line_number, "année « " + f[0] + " » invalide."));
  }
  parsed.year = int(*year);
  auto category = ParseCategory(f[1]);
  if (!category || *category == Category::kUnclassified) {
    return Fail(
        LineError(line_number, "catégorie « " + f[1] + " » inconnue (palace … camping_1_2)."));
  }
  parsed.row.category = *category;
  auto floor = ParseInteger(f[2]);
  if (!floor || *floor < 0) {
    return Fail(LineError(line_number, "plancher « " + f[2] + " » invalide (centimes entiers)."));
  }
  auto ceiling = ParseInteger(f[3]);
  if (!ceiling || *ceiling < 0) {
    return Fail(LineError(line_number, "plafond « " + f[3] + " » invalide (centimes entiers)."));
  }
  parsed.row.floor = Money::Cents(*floor);
  parsed.row.ceiling = Money::Cents(*ceiling);
  auto provenance = ParseProvenance(f[4]);
  if (!provenance) {
    return Fail(LineError(line_number,
                          "provenance « " + f[4] + " » inconnue (confirmed, derived ou loaded)."));
  }
  parsed.row.provenance = *provenance;
  if (f[5].empty()) return Fail(LineError(line_number, "la source est obligatoire."));
  parsed.row.source = f[5];
  return parsed;
}

std::string_view NextLine(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool IsBlankOrComment(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#';
}

}  // namespace

Result<std::vector<LegalGrid>> ParseLegalGridCsv(std::string_view csv) {
  std::map<int, LegalGrid> grids;
  std::map<int, int> first_line_of_year;
  bool header_seen = false;
  int line_number = 0;
  for (std::string_view rest = csv; !rest.empty();) {
    const std::string_view line = NextLine(rest);
    ++line_number;
    if (IsBlankOrComment(line)) continue;
    if (!header_seen) {
      if (line != kHeader) {
        return Fail(
            LineError(line_number, "l'en-tête doit être « " + std::string(kHeader) + " »."));
      }
      header_seen = true;
      continue;
    }
    auto parsed = ParseRow(line, line_number);
    if (!parsed) return Fail(parsed.error());
    LegalGrid& grid = grids[parsed->year];
    first_line_of_year.try_emplace(parsed->year, line_number);
    grid.year = parsed->year;
    GridRow& slot = grid.rows[LegalRow(parsed->row.category) - 1];
    if (!slot.source.empty()) {
      return Fail(LineError(line_number,
                            "la catégorie " + std::string(CategoryName(parsed->row.category)) +
                                " figure deux fois pour " + std::to_string(parsed->year) + "."));
    }
    slot = std::move(parsed->row);
  }
  if (!header_seen) return Fail(LineError(line_number, "le barème est vide."));
  std::vector<LegalGrid> out;
  for (auto& [year, grid] : grids) {
    for (int row = 1; row <= 8; ++row) {
      if (grid.rows[row - 1].source.empty()) {
        return Fail(LineError(first_line_of_year[year],
                              "il manque la catégorie " + std::string(CategoryName(Category(row))) +
                                  " pour " + std::to_string(year) + " (huit lignes par année)."));
      }
    }
    out.push_back(std::move(grid));
  }
  return out;
}

}  // namespace nuitee::rates
