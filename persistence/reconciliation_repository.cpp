#include "persistence/reconciliation_repository.hpp"

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

std::string Key(const std::string& accommodation, const std::string& month_text,
                const std::string& kind) {
  return accommodation + "|" + month_text.substr(0, 7) + "|" + kind;
}

}  // namespace

ReconciliationInputs ReadReconciliationInputs(Transaction& tx, const CollectivityId& collectivity,
                                              int year) {
  ReconciliationInputs inputs;
  inputs.year = year;
  const std::string id = collectivity.value();
  const std::string from = std::to_string(year) + "-01-01";
  const std::string to = std::to_string(year + 1) + "-01-01";

  // The latest revision of each month, per commune, nature and category.
  {
    soci::rowset<soci::row> rows =
        (tx.session().prepare
             << "SELECT n.accommodation_id::text AS accommodation_id, n.month::text AS month,"
                " n.commune_insee_code, n.nature, n.category,"
                " sum(n.tax_cents)::bigint AS tax, sum(n.additional_cents)::bigint AS additional,"
                " sum(n.total_cents)::bigint AS total"
                " FROM declaration_months m JOIN declaration_night_totals n"
                "  ON n.accommodation_id = m.accommodation_id AND n.month = m.month"
                "  AND n.revision = m.latest_revision"
                " WHERE m.collectivity_id = :c::uuid AND m.month >= :f::date AND m.month < :t::date"
                "  AND n.collectivity_id = :c2::uuid AND n.month >= :f2::date"
                "  AND n.month < :t2::date"
                " GROUP BY n.accommodation_id, n.month, n.commune_insee_code, n.nature, n.category"
                " ORDER BY n.accommodation_id, n.month",
         soci::use(id), soci::use(from), soci::use(to), soci::use(id), soci::use(from),
         soci::use(to));
    for (const auto& row : rows) {
      const std::string accommodation = GetString(row, "accommodation_id");
      const Month month = MonthOfText(GetString(row, "month"));
      if (inputs.declared.empty() || inputs.declared.back().accommodation_id != accommodation ||
          inputs.declared.back().month != month) {
        inputs.declared.push_back({accommodation, month, {}});
      }
      inputs.declared.back().parts.push_back(
          {GetString(row, "commune_insee_code"), GetString(row, "nature"),
           GetString(row, "category"), Money::Cents(GetLong(row, "tax")),
           Money::Cents(GetLong(row, "additional")), Money::Cents(GetLong(row, "total"))});
    }
  }

  // Each month's add-ons per beneficiary, as booked (credits: negated).
  std::unordered_map<std::string, std::map<std::string, Money>> additional;
  {
    soci::rowset<soci::row> rows =
        (tx.session().prepare
             << "SELECT accommodation_id::text AS accommodation_id, period::text AS period, kind,"
                " party, -sum(amount_cents)::bigint AS amount FROM ledger_postings"
                " WHERE collectivity_id = :c::uuid AND period >= :f::date AND period < :t::date"
                " AND account = 'additional_tax_payable' AND kind IN ('declaration', 'assessment')"
                " GROUP BY 1, 2, 3, 4 HAVING sum(amount_cents) <> 0",
         soci::use(id), soci::use(from), soci::use(to));
    for (const auto& row : rows) {
      additional[Key(GetString(row, "accommodation_id"), GetString(row, "period"),
                     GetString(row, "kind"))]
          .insert_or_assign(GetString(row, "party"), Money::Cents(GetLong(row, "amount")));
    }
  }

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
  for (const auto& host : ReadMoneyPositions(tx, collectivity, std::nullopt)) {
    for (std::size_t i = 0; i < host.debts.size(); ++i) {
      const Debt& debt = host.debts[i];
      if (static_cast<int>(debt.period.year()) != year) continue;
      if (debt.kind != LedgerEntryKind::kDeclaration && debt.kind != LedgerEntryKind::kAssessment) {
        continue;
      }
      MonthDebt month_debt;
      month_debt.accommodation_id = debt.accommodation_id;
      month_debt.month = debt.period;
      month_debt.kind = debt.kind;
      month_debt.amount = debt.amount;
      month_debt.paid = host.allocation.paid[i];
      const std::string kind(LedgerEntryKindCode(debt.kind));
      if (auto found = additional.find(Key(debt.accommodation_id, FormatIsoMonth(debt.period), kind));
          found != additional.end()) {
        month_debt.additional = found->second;
      }
      if (debt.kind == LedgerEntryKind::kAssessment) {
        if (auto place = places.find(debt.accommodation_id); place != places.end()) {
          month_debt.commune = place->second.first;
          month_debt.nature = place->second.second;
        }
      }
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
