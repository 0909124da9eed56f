// The legal grid of a year (CGCT L. 2333-30): provenance names, validation and the grids shipped
// with the code.
#include "rates/legal_grid.hpp"

#include <stdexcept>
#include <string>

#include "rates/french_format.hpp"
#include "rates/shipped_legal_grid_csv.hpp"

namespace nuitee::rates {
namespace {

constexpr int kFirstGridYear =
    2019;  // the nine-row table of L. 2333-30 applies from 2019 (LFR 2017)
constexpr int kLastGridYear = 2199;

std::string RowPointer(Category category, std::string_view field) {
  std::string pointer = "/rows/";
  pointer += CategoryName(category);
  if (!field.empty()) {
    pointer += '/';
    pointer += field;
  }
  return pointer;
}

void ValidateRow(const GridRow& row, Category expected, FieldErrors& errors) {
  if (row.category != expected) {
    errors.Add(RowPointer(expected, ""), "La ligne de la catégorie " +
                                             std::string(CategoryLabel(expected)) +
                                             " est absente du barème.");
    return;
  }
  const std::string label(CategoryLabel(expected));
  if (row.floor < Money::Zero()) {
    errors.Add(RowPointer(expected, "floor_cents"),
               "Le plancher de la catégorie " + label + " ne peut pas être négatif.");
  }
  if (row.ceiling < Money::Zero()) {
    errors.Add(RowPointer(expected, "ceiling_cents"),
               "Le plafond de la catégorie " + label + " ne peut pas être négatif.");
  }
  if (row.floor > row.ceiling) {
    errors.Add(RowPointer(expected, "floor_cents"),
               "Le plancher de la catégorie " + label + " (" + FormatEuros(row.floor) +
                   ") dépasse son plafond (" + FormatEuros(row.ceiling) + ").");
  }
}

// L. 2333-30: rows 1 to 6 are one scale (palaces down to 1 star); a lower row never has a higher
// ceiling than the row above it. Rows 7–8 (plein air) are another nature.
void ValidateCeilingOrder(const LegalGrid& grid, FieldErrors& errors) {
  for (int row = 2; row <= 6; ++row) {
    const GridRow& upper = grid.rows[row - 2];
    const GridRow& lower = grid.rows[row - 1];
    if (lower.category != Category(row) || upper.category != Category(row - 1)) continue;
    if (lower.ceiling > upper.ceiling) {
      errors.Add(RowPointer(lower.category, "ceiling_cents"),
                 "Le plafond de la catégorie " + std::string(CategoryLabel(lower.category)) + " (" +
                     FormatEuros(lower.ceiling) + ") dépasse celui de la catégorie " +
                     std::string(CategoryLabel(upper.category)) + " (" +
                     FormatEuros(upper.ceiling) + ").");
    }
  }
}

std::vector<LegalGrid> ParseShippedGrids() {
  auto grids = ParseLegalGridCsv(ShippedLegalGridCsv());
  // The CSV is part of the source tree and covered by tests: failing here is a build defect.
  if (!grids) throw std::logic_error("rates/data/legal_grid.csv: " + grids.error().message);
  return std::move(*grids);
}

}  // namespace

std::string_view ProvenanceName(Provenance provenance) {
  switch (provenance) {
    case Provenance::kConfirmed:
      return "confirmed";
    case Provenance::kDerived:
      return "derived";
    case Provenance::kLoaded:
      return "loaded";
  }
  return "derived";
}

std::optional<Provenance> ParseProvenance(std::string_view name) {
  for (Provenance provenance :
       {Provenance::kConfirmed, Provenance::kDerived, Provenance::kLoaded}) {
    if (ProvenanceName(provenance) == name) return provenance;
  }
  return std::nullopt;
}

const GridRow& LegalGrid::Row(Category category) const {
  if (category == Category::kUnclassified) {
    throw std::logic_error("LegalGrid::Row: unclassified lodging has a rate, not a row");
  }
  return rows[LegalRow(category) - 1];
}

FieldErrors ValidateLegalGrid(const LegalGrid& grid) {
  FieldErrors errors;
  if (grid.year < kFirstGridYear || grid.year > kLastGridYear) {
    errors.Add("/year",
               "L'année du barème doit être comprise entre 2019 et 2199 : le barème à "
               "neuf lignes de l'article L. 2333-30 s'applique depuis 2019.");
  }
  for (int row = 1; row <= 8; ++row) ValidateRow(grid.rows[row - 1], Category(row), errors);
  ValidateCeilingOrder(grid, errors);
  // Row 9 (L. 2333-30): a proportional rate, 1 %–5 % in the law since 2019.
  if (grid.unclassified_min.value <= 0) {
    errors.Add("/unclassified_min_bp",
               "Le taux minimal des hébergements non classés doit être positif.");
  }
  if (grid.unclassified_max.value > kBasisPointsPerUnit) {
    errors.Add("/unclassified_max_bp",
               "Le taux maximal des hébergements non classés ne peut pas dépasser 100 %.");
  }
  if (grid.unclassified_min > grid.unclassified_max) {
    errors.Add("/unclassified_min_bp", "Le taux minimal des hébergements non classés (" +
                                           FormatPercent(grid.unclassified_min) +
                                           ") dépasse le taux maximal (" +
                                           FormatPercent(grid.unclassified_max) + ").");
  }
  return errors;
}

std::span<const LegalGrid> ShippedLegalGrids() {
  static const std::vector<LegalGrid> grids = ParseShippedGrids();  // thread-safe since C++11
  return grids;
}

const LegalGrid* ShippedLegalGrid(int year) {
  for (const LegalGrid& grid : ShippedLegalGrids()) {
    if (grid.year == year) return &grid;
  }
  return nullptr;
}

}  // namespace nuitee::rates
