// The law's floor and ceiling per category and year (CGCT art. L. 2333-30; taxe-de-sejour.md §2).
//
// The grids of 2019–2026 ship with the code as data (rates/data/legal_grid.csv, embedded at build
// time), each value with its source and whether it is confirmed by a published grid or derived by
// us from the revaluation rule. An administrator loads the official grid of a year
// (PUT /v1/legal-grid/{year}); a loaded grid wins over the shipped one.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "rates/basis_points.hpp"
#include "rates/category.hpp"

namespace nuitee::rates {

enum class Provenance {
  kConfirmed,  // seen in a published grid (the source says where)
  kDerived,    // computed by us with the revaluation rule, UNCONFIRMED
  kLoaded,     // loaded by an administrator from the official DGCL barème
};
std::string_view ProvenanceName(Provenance provenance);  // "confirmed", "derived", "loaded"
std::optional<Provenance> ParseProvenance(std::string_view name);

// One fixed-tariff row (categories palace … camping_1_2), € per person and night.
struct GridRow {
  Category category = Category::kPalace;
  Money floor = Money::Zero();
  Money ceiling = Money::Zero();
  Provenance provenance = Provenance::kConfirmed;
  std::string source;
  friend bool operator==(const GridRow&, const GridRow&) = default;
};

struct LegalGrid {
  int year = 0;
  std::array<GridRow, 8> rows{};  // rows[LegalRow(c) - 1], categories 1–8 in the law's order
  // Row 9, unclassified lodging: a proportional rate between these bounds (1 %–5 % since 2019).
  BasisPoints unclassified_min{100};
  BasisPoints unclassified_max{500};

  const GridRow& Row(Category category) const;  // precondition: category != kUnclassified
  friend bool operator==(const LegalGrid&, const LegalGrid&) = default;
};

// Every field problem of a grid (floor above ceiling, negative amount, missing row), with JSON
// pointers of the PUT /v1/legal-grid/{year} body ("/rows/star4/ceiling_cents").
FieldErrors ValidateLegalGrid(const LegalGrid& grid);

// The grids shipped in rates/data/legal_grid.csv (2019–2026), parsed once.
std::span<const LegalGrid> ShippedLegalGrids();
const LegalGrid* ShippedLegalGrid(int year);  // nullptr outside the shipped years

// The CSV format of rates/data/legal_grid.csv (header line, then one row per year and category:
// year,category,floor_cents,ceiling_cents,provenance,source). Fails on the first bad line, saying
// which; every year must have its eight rows.
Result<std::vector<LegalGrid>> ParseLegalGridCsv(std::string_view csv);

}  // namespace nuitee::rates
