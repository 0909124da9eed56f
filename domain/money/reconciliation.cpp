#include "domain/money/reconciliation.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_map>

namespace nuitee {
namespace {

__extension__ using Int128 = __int128;  // GCC's 128-bit integer; __extension__ silences -Wpedantic

constexpr std::array<const char*, 12> kMonthNames = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

struct CellKey {
  Month month{};
  std::string commune;
  std::string nature;
  std::string category;
};

// A cell named by the strings of an input, to find it without copying them.
struct CellView {
  Month month{};
  std::string_view commune;
  std::string_view nature;
  std::string_view category;
};

// Orders CellKey and CellView alike, so that the cells' map is searched with either.
struct CellLess {
  using is_transparent = void;
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    return std::tie(a.month, a.commune, a.nature, a.category) <
           std::tie(b.month, b.commune, b.nature, b.category);
  }
};
struct CellViewHash {
  std::size_t operator()(const CellView& cell) const {
    const std::hash<std::string_view> hash;
    return hash(cell.commune) ^ (hash(cell.nature) * 31) ^ (hash(cell.category) * 1009) ^
           static_cast<std::size_t>(static_cast<int>(cell.month.year()) * 12 +
                                    static_cast<int>(unsigned(cell.month.month())));
  }
};
struct CellViewEqual {
  bool operator()(const CellView& a, const CellView& b) const {
    return a.month == b.month && a.commune == b.commune && a.nature == b.nature &&
           a.category == b.category;
  }
};

// The cells in the order of their keys (the rows' order), and a hash index of them: a territory's
// months look their cell up hundreds of thousands of times.
struct Cells {
  std::map<CellKey, ReconciliationFigures, CellLess> ordered;
  std::unordered_map<CellView, ReconciliationFigures*, CellViewHash, CellViewEqual> index;
};

ReconciliationFigures& CellOf(Cells& cells, const CellView& view) {
  if (auto found = cells.index.find(view); found != cells.index.end()) return *found->second;
  auto [entry, _] = cells.ordered.try_emplace(CellKey{view.month, std::string(view.commune),
                                                      std::string(view.nature),
                                                      std::string(view.category)});
  // The index's views point into the map's key, which never moves.
  const CellKey& key = entry->first;
  cells.index.emplace(CellView{key.month, key.commune, key.nature, key.category}, &entry->second);
  return entry->second;
}

// An accommodation-month of the inputs, by reference to its id.
struct MonthView {
  std::string_view accommodation;
  Month month{};
  bool operator==(const MonthView&) const = default;
};
struct MonthViewHash {
  std::size_t operator()(const MonthView& key) const {
    const auto month = static_cast<std::size_t>(static_cast<int>(key.month.year()) * 12 +
                                                static_cast<int>(unsigned(key.month.month())));
    return std::hash<std::string_view>()(key.accommodation) ^ (month * 0x9e3779b97f4a7c15ULL);
  }
};

std::pair<std::string, std::string> GroupOf(const CellKey& cell, ReconciliationGroup group) {
  const int year = static_cast<int>(cell.month.year());
  const unsigned month = static_cast<unsigned>(cell.month.month());
  switch (group) {
    case ReconciliationGroup::kMonth:
      return {FormatIsoMonth(cell.month), FrenchMonthLabel(cell.month)};
    case ReconciliationGroup::kQuarter: {
      const unsigned quarter = (month - 1) / 3 + 1;
      return {std::to_string(year) + "-T" + std::to_string(quarter),
              std::to_string(quarter) + (quarter == 1 ? "er" : "e") + " trimestre " +
                  std::to_string(year)};
    }
    case ReconciliationGroup::kYear:
      return {std::to_string(year), "Exercice " + std::to_string(year)};
    case ReconciliationGroup::kCommune:
      return {cell.commune, cell.commune.empty() ? "Non ventilé" : cell.commune};
    case ReconciliationGroup::kNature:
      return {cell.nature, cell.nature.empty() ? "Non ventilé" : cell.nature};
    case ReconciliationGroup::kCategory:
      return {cell.category, cell.category == kAssessedCategory ? "Taxations d'office"
                             : cell.category.empty()            ? "Non ventilé"
                                                                : cell.category};
  }
  return {};
}

}  // namespace

std::string_view ReconciliationGroupCode(ReconciliationGroup group) {
  switch (group) {
    case ReconciliationGroup::kMonth:
      return "month";
    case ReconciliationGroup::kQuarter:
      return "quarter";
    case ReconciliationGroup::kYear:
      return "year";
    case ReconciliationGroup::kCommune:
      return "commune";
    case ReconciliationGroup::kNature:
      return "nature";
    case ReconciliationGroup::kCategory:
      return "category";
  }
  return "month";
}

std::optional<ReconciliationGroup> ParseReconciliationGroup(std::string_view code) {
  for (auto group : {ReconciliationGroup::kMonth, ReconciliationGroup::kQuarter,
                     ReconciliationGroup::kYear, ReconciliationGroup::kCommune,
                     ReconciliationGroup::kNature, ReconciliationGroup::kCategory}) {
    if (ReconciliationGroupCode(group) == code) return group;
  }
  return std::nullopt;
}

std::string FrenchMonthLabel(Month month) {
  return std::string(kMonthNames[static_cast<unsigned>(month.month()) - 1]) + " " +
         std::to_string(static_cast<int>(month.year()));
}

std::vector<Money> SplitProRata(Money total, const std::vector<Money>& weights) {
  // One part takes everything, whatever its weight: the general case below gives the same.
  if (weights.size() == 1) return {total};
  std::vector<Money> parts(weights.size(), Money::Zero());
  if (weights.empty()) return parts;
  Int128 sum = 0;
  for (Money w : weights) sum += std::max<std::int64_t>(w.cents(), 0);
  if (sum == 0) {
    parts[0] = total;
    return parts;
  }
  const bool negative = total < Money::Zero();
  const Int128 amount = negative ? -static_cast<Int128>(total.cents()) : total.cents();
  std::vector<std::pair<Int128, std::size_t>> remainders;
  Int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Int128 product = amount * std::max<std::int64_t>(weights[i].cents(), 0);
    const Int128 share = product / sum;
    parts[i] = Money::Cents(static_cast<std::int64_t>(share));
    given += share;
    remainders.push_back({product % sum, i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (Int128 left = amount - given, k = 0; left > 0; --left, ++k) {
    parts[remainders[static_cast<std::size_t>(k)].second] += Money::Cents(1);
  }
  if (negative) {
    for (auto& part : parts) part = -part;
  }
  return parts;
}

ReconciliationFigures& ReconciliationFigures::operator+=(const ReconciliationFigures& other) {
  declared_tax += other.declared_tax;
  declared_additional += other.declared_additional;
  declared += other.declared;
  assessed += other.assessed;
  paid += other.paid;
  outstanding += other.outstanding;
  return *this;
}

ReconciliationReport BuildReconciliation(const ReconciliationInputs& inputs,
                                         ReconciliationGroup group) {
  ReconciliationReport report;
  report.year = inputs.year;
  report.group = group;
  Cells cells;
  // Each month given with its parts, and the cell of each part (parts_cells[first_part + j] for
  // part j): the payments are split over those cells without searching them again.
  struct MonthParts {
    const DeclaredMonth* month = nullptr;
    std::size_t first_part = 0;
  };
  std::unordered_map<MonthView, MonthParts, MonthViewHash> declared_months;
  declared_months.reserve(inputs.declared.size() + inputs.split_months.size());
  std::vector<ReconciliationFigures*> parts_cells;
  enum class Sums { kCount, kSkip };
  auto add_months = [&](const std::vector<DeclaredMonth>& months, Sums sums) {
    for (const auto& month : months) {
      declared_months[{month.accommodation_id, month.month}] = {&month, parts_cells.size()};
      for (const auto& part : month.parts) {
        auto& cell = CellOf(cells, {month.month, part.commune, part.nature, part.category});
        if (sums == Sums::kCount) {
          cell.declared_tax += part.tax;
          cell.declared_additional += part.additional;
          cell.declared += part.total;
        }
        parts_cells.push_back(&cell);
      }
    }
  };
  add_months(inputs.declared, Sums::kCount);
  add_months(inputs.split_months, Sums::kSkip);
  for (const auto& each : inputs.declared_cells) {
    auto& cell = CellOf(cells, {each.month, each.commune, each.nature, each.category});
    cell.declared_tax += each.tax;
    cell.declared_additional += each.additional;
    cell.declared += each.total;
  }
  std::unordered_map<std::string_view, const SingleCellAccommodation*> single_cell;
  single_cell.reserve(inputs.single_cell.size());
  for (const auto& each : inputs.single_cell) single_cell[each.accommodation_id] = &each;

  std::map<std::string, BeneficiaryFigures> beneficiaries;
  auto beneficiary = [&](const std::string& code) -> BeneficiaryFigures& {
    auto& figures = beneficiaries[code];
    if (figures.beneficiary.empty()) {
      figures.beneficiary = code;
      figures.label = BeneficiaryName(code);
    }
    return figures;
  };

  for (const auto& debt : inputs.debts) {
    // Its own share and each beneficiary's, of what it owes and of what it was paid.
    std::vector<Money> weights;
    std::vector<const std::string*> codes;
    Money additional = Money::Zero();
    for (const auto& [code, amount] : debt.additional) {
      weights.push_back(amount);
      codes.push_back(&code);
      additional += amount;
    }
    weights.insert(weights.begin(), debt.amount - additional);
    const auto paid_shares = SplitProRata(debt.paid, weights);
    report.paid_tax += paid_shares[0];
    for (std::size_t i = 0; i < codes.size(); ++i) {
      auto& figures = beneficiary(*codes[i]);
      figures.declared += weights[i + 1];
      figures.collected += paid_shares[i + 1];
      report.paid_additional += paid_shares[i + 1];
    }

    if (debt.kind == LedgerEntryKind::kAssessment) {
      auto& cell = CellOf(cells, {debt.month, debt.commune, debt.nature, kAssessedCategory});
      cell.assessed += debt.amount;
      cell.paid += debt.paid;
      report.realised += weights[0];
      continue;
    }
    // A declaration's payment goes to its parts pro rata of what each declared.
    const auto found = declared_months.find({debt.accommodation_id, debt.month});
    if (found == declared_months.end() || found->second.month->parts.empty()) {
      // A month declared in a single cell: SplitProRata over one part gives it everything.
      const auto single = single_cell.find(debt.accommodation_id);
      if (found == declared_months.end() && single != single_cell.end() &&
          std::find(single->second->months.begin(), single->second->months.end(), debt.month) !=
              single->second->months.end()) {
        const auto& only = *single->second;
        CellOf(cells, {debt.month, only.commune, only.nature, only.category}).paid += debt.paid;
        continue;
      }
      CellOf(cells, {debt.month, "", "", ""}).paid += debt.paid;
      continue;
    }
    const auto& parts = found->second.month->parts;
    ReconciliationFigures* const* cells_of_parts = &parts_cells[found->second.first_part];
    if (parts.size() == 1) {
      cells_of_parts[0]->paid += debt.paid;  // SplitProRata of one part gives it everything
      continue;
    }
    std::vector<Money> part_weights;
    for (const auto& part : parts) part_weights.push_back(part.total);
    const auto part_paid = SplitProRata(debt.paid, part_weights);
    for (std::size_t i = 0; i < parts.size(); ++i) cells_of_parts[i]->paid += part_paid[i];
  }

  std::map<std::string, ReconciliationRow> rows;
  for (auto& [key, cell] : cells.ordered) {
    cell.outstanding = cell.declared + cell.assessed - cell.paid;
    report.realised += cell.declared_tax;
    auto [group_key, label] = GroupOf(key, group);
    auto& row = rows[group_key];
    row.key = group_key;
    row.label = label;
    row.figures += cell;
    report.totals += cell;
  }
  for (auto& [_, row] : rows) report.rows.push_back(std::move(row));

  report.budget = inputs.budget;
  report.budget_version = inputs.budget_version;
  if (inputs.budget) {
    report.forecast = inputs.budget->forecast_tax;
    if (report.forecast > Money::Zero()) {
      report.realised_per_10000 = static_cast<long long>(
          static_cast<Int128>(report.realised.cents()) * 10000 / report.forecast.cents());
    }
    for (const auto& expected : inputs.budget->beneficiaries) {
      auto& figures = beneficiary(expected.beneficiary);
      figures.expected = expected.expected;
      if (!expected.label.empty()) figures.label = expected.label;
    }
    report.tourist_office.allocation = inputs.budget->tourist_office;
    for (const auto& instalment : inputs.budget->instalments) {
      report.tourist_office.instalments.push_back({instalment, Money::Zero()});
    }
  }
  report.platform_tax = inputs.platform_tax;
  report.platform_additional = inputs.platform_additional;
  for (const auto& transfer : inputs.transfers) {
    if (!transfer.tourist_office) {
      beneficiary(transfer.beneficiary).passed_on += transfer.amount;
      continue;
    }
    report.tourist_office.paid += transfer.amount;
    for (auto& each : report.tourist_office.instalments) {
      if (transfer.instalment && each.instalment.number == *transfer.instalment) {
        each.paid += transfer.amount;
      }
    }
  }
  report.tourist_office.remaining = report.tourist_office.allocation - report.tourist_office.paid;
  for (auto& [_, figures] : beneficiaries) {
    figures.to_pass_on = figures.collected - figures.passed_on;
    report.beneficiaries.push_back(std::move(figures));
  }
  return report;
}

}  // namespace nuitee
