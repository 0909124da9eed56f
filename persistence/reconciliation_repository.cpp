#include "persistence/reconciliation_repository.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>

#include "persistence/budget_repository.hpp"
#include "persistence/money_positions.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

Month MonthOfText(const std::string& text) {
  const Day first = ParseIsoDate(text).value_or(Day{});
  return first.year() / first.month();
}

// An accommodation-month booked under one kind, as a key of fixed size: the uuid's 128 bits rather
// than its 36 characters (hashing and comparing 270,000 strings was a third of the report's C++).
struct MonthKindKey {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  int month = 0;  // year * 12 + month - 1
  int kind = 0;
  bool operator==(const MonthKindKey&) const = default;
};
struct MonthKindHash {
  std::size_t operator()(const MonthKindKey& key) const {
    return static_cast<std::size_t>(key.high ^ (key.low * 0x9e3779b97f4a7c15ULL) ^
                                    (static_cast<std::uint64_t>(key.month) << 8) ^
                                    static_cast<std::uint64_t>(key.kind));
  }
};

// The hex digits of a uuid's text (dashes skipped) as 128 bits.
MonthKindKey KeyOf(std::string_view accommodation, Month month, LedgerEntryKind kind) {
  MonthKindKey key;
  int digits = 0;
  for (char c : accommodation) {
    int value;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      value = c - 'a' + 10;
    } else {
      continue;
    }
    std::uint64_t& half = digits < 16 ? key.high : key.low;
    half = (half << 4) | static_cast<std::uint64_t>(value);
    ++digits;
  }
  key.month = static_cast<int>(month.year()) * 12 + static_cast<int>(unsigned(month.month())) - 1;
  key.kind = static_cast<int>(kind);
  return key;
}

// Add-ons per beneficiary, by accommodation-month and kind.
using AdditionalByMonth =
    std::unordered_map<MonthKindKey, std::map<std::string, Money>, MonthKindHash>;

// The latest revisions' night totals of the year. Grouped in SQL per cell (month, commune,
// nature, category) for the sums, and per accommodation and cell (with a bit per month declared)
// for the split of payments: grouping per accommodation-month instead made 283,766 groups on the
// 30,000-accommodation benchmark, spilled to disk, and cost as much again to read.
constexpr const char* kLatestNightTotals =
    " FROM declaration_months m JOIN declaration_night_totals n"
    "  ON n.accommodation_id = m.accommodation_id AND n.month = m.month"
    "  AND n.revision = m.latest_revision"
    " WHERE m.collectivity_id = :c::uuid AND m.month >= :f::date AND m.month < :t::date"
    "  AND n.collectivity_id = :c2::uuid AND n.month >= :f2::date AND n.month < :t2::date";

// Accommodations declared in more than one cell over the year: their months one by one, with
// each part's total to weigh the split of the month's payment.
void ReadSplitMonths(Transaction& tx, const std::string& id, const std::string& from,
                     const std::string& to, const std::string& accommodations_array,
                     std::vector<DeclaredMonth>& months) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << std::string("SELECT n.accommodation_id::text AS accommodation_id,"
                          " n.month::text AS month, n.commune_insee_code, n.nature, n.category,"
                          " sum(n.tax_cents)::bigint AS tax,"
                          " sum(n.additional_cents)::bigint AS additional,"
                          " sum(n.total_cents)::bigint AS total") +
                  kLatestNightTotals +
                  "  AND n.accommodation_id = ANY(:a::uuid[])"
                  " GROUP BY n.accommodation_id, n.month, n.commune_insee_code, n.nature,"
                  "  n.category ORDER BY n.accommodation_id, n.month",
       soci::use(id), soci::use(from), soci::use(to), soci::use(id), soci::use(from),
       soci::use(to), soci::use(accommodations_array));
  for (const auto& row : rows) {
    const std::string accommodation = GetString(row, "accommodation_id");
    const Month month = MonthOfText(GetString(row, "month"));
    if (months.empty() || months.back().accommodation_id != accommodation ||
        months.back().month != month) {
      months.push_back({accommodation, month, {}});
    }
    months.back().parts.push_back(
        {GetString(row, "commune_insee_code"), GetString(row, "nature"),
         GetString(row, "category"), Money::Cents(GetLong(row, "tax")),
         Money::Cents(GetLong(row, "additional")), Money::Cents(GetLong(row, "total"))});
  }
}

void ReadDeclared(Transaction& tx, const std::string& id, const std::string& from,
                  const std::string& to, int year, ReconciliationInputs& inputs) {
  std::vector<std::string> accommodations(kBulkRows), months(kBulkRows), communes(kBulkRows),
      natures(kBulkRows), categories(kBulkRows);
  std::vector<soci::indicator> accommodation_set(kBulkRows), month_set(kBulkRows);
  std::vector<int> month_bits(kBulkRows);
  std::vector<long long> taxes(kBulkRows), additionals(kBulkRows), totals(kBulkRows);
  // Both groupings in one pass over the join, each in its own hash table: the 4 MB default
  // work_mem made PostgreSQL sort the 650,000 rows on disk instead.
  tx.session() << "SET LOCAL work_mem = '64MB'";
  soci::statement statement =
      (tx.session().prepare
           << std::string("SELECT n.accommodation_id::text, n.month::text, n.commune_insee_code,"
                          " n.nature, n.category,"
                          " bit_or(1 << (extract(month FROM n.month)::int - 1)),"
                          " sum(n.tax_cents)::bigint, sum(n.additional_cents)::bigint,"
                          " sum(n.total_cents)::bigint") +
                  kLatestNightTotals +
                  " GROUP BY GROUPING SETS ((n.month, n.commune_insee_code, n.nature, n.category),"
                  "  (n.accommodation_id, n.commune_insee_code, n.nature, n.category))",
       soci::use(id), soci::use(from), soci::use(to), soci::use(id), soci::use(from),
       soci::use(to), soci::into(accommodations, accommodation_set),
       soci::into(months, month_set), soci::into(communes), soci::into(natures),
       soci::into(categories), soci::into(month_bits), soci::into(taxes),
       soci::into(additionals), soci::into(totals));
  // Per accommodation, its single cell so far (or none once a second one showed up).
  std::unordered_map<std::string, std::optional<SingleCellAccommodation>> by_accommodation;
  FetchInBatches(
      statement,
      [&] {
        for (std::size_t i = 0; i < communes.size(); ++i) {
          if (month_set[i] != soci::i_null) {
            inputs.declared_cells.push_back({MonthOfText(months[i]), std::move(communes[i]),
                                             std::move(natures[i]), std::move(categories[i]),
                                             Money::Cents(taxes[i]), Money::Cents(additionals[i]),
                                             Money::Cents(totals[i])});
            continue;
          }
          auto [entry, first] = by_accommodation.try_emplace(std::move(accommodations[i]));
          if (!first) {
            entry->second.reset();
            continue;
          }
          SingleCellAccommodation single{entry->first, std::move(communes[i]),
                                         std::move(natures[i]), std::move(categories[i]), {}};
          for (unsigned month = 1; month <= 12; ++month) {
            if (month_bits[i] & (1 << (month - 1))) {
              single.months.push_back(date::year{year} / date::month{month});
            }
          }
          entry->second = std::move(single);
        }
      },
      [&] {
        for (auto* column : {&accommodations, &months, &communes, &natures, &categories}) {
          column->resize(kBulkRows);
        }
        accommodation_set.resize(kBulkRows);
        month_set.resize(kBulkRows);
        month_bits.resize(kBulkRows);
        for (auto* column : {&taxes, &additionals, &totals}) column->resize(kBulkRows);
      });
  tx.session() << "SET LOCAL work_mem TO DEFAULT";
  std::string several = "{";
  inputs.single_cell.reserve(by_accommodation.size());
  for (auto& [accommodation, single] : by_accommodation) {
    if (single) {
      inputs.single_cell.push_back(std::move(*single));
    } else {
      several += (several.size() > 1 ? "," : "") + accommodation;
    }
  }
  if (several.size() > 1) {
    ReadSplitMonths(tx, id, from, to, several + "}", inputs.split_months);
  }
}

// Each month's add-ons per beneficiary, as booked (credits: negated). The postings are summed
// here rather than by a GROUP BY, which cost PostgreSQL twice the plain read; a beneficiary whose
// postings cancel out is left out, as HAVING sum(...) <> 0 did.
AdditionalByMonth ReadAdditional(Transaction& tx, const std::string& id, const std::string& from,
                                 const std::string& to) {
  AdditionalByMonth additional;
  std::vector<std::string> accommodations(kBulkRows), periods(kBulkRows), kinds(kBulkRows),
      parties(kBulkRows);
  std::vector<long long> amounts(kBulkRows);
  soci::statement statement =
      (tx.session().prepare
           << "SELECT accommodation_id::text, period::text, kind, party, -amount_cents"
              " FROM ledger_postings"
              " WHERE collectivity_id = :c::uuid AND period >= :f::date AND period < :t::date"
              " AND account = 'additional_tax_payable' AND kind IN ('declaration', 'assessment')",
       soci::use(id), soci::use(from), soci::use(to), soci::into(accommodations),
       soci::into(periods), soci::into(kinds), soci::into(parties), soci::into(amounts));
  FetchInBatches(
      statement,
      [&] {
        // A first batch that is full announces a territory: room for a few hundred thousand
        // months at once rather than rehashing them as the table grows.
        if (additional.empty() && accommodations.size() == kBulkRows) {
          additional.reserve(kBulkRows * 64);
        }
        for (std::size_t i = 0; i < accommodations.size(); ++i) {
          const auto kind =
              ParseLedgerEntryKind(kinds[i]).value_or(LedgerEntryKind::kDeclaration);
          auto& beneficiaries = additional[KeyOf(accommodations[i], MonthOfText(periods[i]), kind)];
          auto [entry, first] = beneficiaries.try_emplace(std::move(parties[i]), Money::Zero());
          entry->second += Money::Cents(amounts[i]);
        }
      },
      [&] {
        for (auto* column : {&accommodations, &periods, &kinds, &parties}) {
          column->resize(kBulkRows);
        }
        amounts.resize(kBulkRows);
      });
  for (auto& [_, beneficiaries] : additional) {
    std::erase_if(beneficiaries, [](const auto& each) { return each.second == Money::Zero(); });
  }
  return additional;
}

}  // namespace

ReconciliationInputs ReadReconciliationInputs(Transaction& tx, const CollectivityId& collectivity,
                                              int year) {
  ReconciliationInputs inputs;
  inputs.year = year;
  const std::string id = collectivity.value();
  const std::string from = std::to_string(year) + "-01-01";
  const std::string to = std::to_string(year + 1) + "-01-01";

  ReadDeclared(tx, id, from, to, year, inputs);
  const AdditionalByMonth additional = ReadAdditional(tx, id, from, to);

  // Where the accommodations assessed d'office are.
  std::unordered_map<std::string, std::pair<std::string, std::string>> places;
  {
    soci::rowset<soci::row> rows =
        (tx.session().prepare
             << "SELECT DISTINCT a.id::text AS id, a.commune_insee_code, a.nature"
                " FROM office_assessments o JOIN accommodations a ON a.id = o.accommodation_id"
                " WHERE o.collectivity_id = :c::uuid AND o.month >= :f::date AND o.month < :t::date"
                " AND o.status <> 'proposed'",
         soci::use(id), soci::use(from), soci::use(to));
    for (const auto& row : rows) {
      places[GetString(row, "id")] = {GetString(row, "commune_insee_code"),
                                      GetString(row, "nature")};
    }
  }

  // Every debt of the year's months, with what the payments gave it.
  auto positions = ReadMoneyPositions(tx, collectivity, std::nullopt);
  for (auto& host : positions) {
    for (std::size_t i = 0; i < host.debts.size(); ++i) {
      Debt& debt = host.debts[i];
      if (static_cast<int>(debt.period.year()) != year) continue;
      if (debt.kind != LedgerEntryKind::kDeclaration && debt.kind != LedgerEntryKind::kAssessment) {
        continue;
      }
      MonthDebt month_debt;
      month_debt.month = debt.period;
      month_debt.kind = debt.kind;
      month_debt.amount = debt.amount;
      month_debt.paid = host.allocation.paid[i];
      if (auto found = additional.find(KeyOf(debt.accommodation_id, debt.period, debt.kind));
          found != additional.end()) {
        month_debt.additional = found->second;
      }
      if (debt.kind == LedgerEntryKind::kAssessment) {
        if (auto place = places.find(debt.accommodation_id); place != places.end()) {
          month_debt.commune = place->second.first;
          month_debt.nature = place->second.second;
        }
      }
      month_debt.accommodation_id = std::move(debt.accommodation_id);  // positions are not kept
      inputs.debts.push_back(std::move(month_debt));
    }
  }

  if (auto budget = BudgetRepository::Latest(tx, collectivity, year)) {
    inputs.budget = budget->lines;
    inputs.budget_version = budget->version;
  }
  for (const auto& transfer : BudgetRepository::Transfers(tx, collectivity, year)) {
    if (transfer.reversal) continue;
    inputs.transfers.push_back(
        {transfer.tourist_office, transfer.beneficiary, transfer.instalment, transfer.amount});
  }

  // What platforms declared collecting for the year (their statements' month, else the day
  // booked): the collectivity's tax and the add-ons.
  long long platform_tax = 0, platform_additional = 0;
  tx.session() << "SELECT coalesce(-sum(amount_cents) FILTER (WHERE account = 'tax_revenue'), 0)"
                  "::bigint, coalesce(-sum(amount_cents) FILTER (WHERE account ="
                  " 'additional_tax_payable'), 0)::bigint FROM ledger_postings"
                  " WHERE collectivity_id = :c::uuid AND kind = 'platform_statement'"
                  " AND coalesce(period, booked_on) >= :f::date"
                  " AND coalesce(period, booked_on) < :t::date",
      soci::use(id), soci::use(from), soci::use(to), soci::into(platform_tax),
      soci::into(platform_additional);
  inputs.platform_tax = Money::Cents(platform_tax);
  inputs.platform_additional = Money::Cents(platform_additional);
  return inputs;
}

}  // namespace nuitee::persistence
