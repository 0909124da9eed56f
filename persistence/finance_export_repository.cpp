#include "persistence/finance_export_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

Month MonthOfDay(Day day) { return day.year() / day.month(); }

std::string FirstDay(Month month) { return FormatIsoMonth(month) + "-01"; }

}  // namespace

std::vector<ExportPosting> FinanceExportRepository::Postings(Transaction& tx,
                                                             const CollectivityId& collectivity,
                                                             Day from, Day to) {
  const std::string first = FormatIsoDate(from);
  const std::string last = FormatIsoDate(to);
  // An entry's postings carry its day: an entry is in the period whole, so the export balances.
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT e.seq, p.line_no, e.kind, e.booked_on::text AS booked_on,"
              " e.period::text AS period, p.account, p.party, p.amount_cents, e.reference, e.label,"
              " h.id::text AS host_id, h.legal_name AS host_name,"
              " a.id::text AS accommodation_id, a.name AS accommodation_name,"
              " pc.name AS platform_name"
              " FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id"
              " LEFT JOIN hosts h ON h.id = coalesce(p.host_id, e.host_id)"
              " LEFT JOIN accommodations a ON a.id = e.accommodation_id"
              " LEFT JOIN platform_clients pc ON pc.id = e.platform_id"
              " WHERE p.collectivity_id = :c::uuid AND p.booked_on BETWEEN :f::date AND :t::date"
              " ORDER BY e.booked_on, e.seq, p.line_no",
       soci::use(collectivity.value()), soci::use(first), soci::use(last));
  std::vector<ExportPosting> postings;
  for (const auto& row : rows) {
    ExportPosting posting;
    posting.entry_seq = GetLong(row, "seq");
    posting.line_no = row.get<int>("line_no");
    posting.kind = ParseLedgerEntryKind(GetString(row, "kind")).value_or(LedgerEntryKind::kPayment);
    posting.booked_on = GetDay(row, "booked_on");
    if (auto period = GetOptionalDay(row, "period")) posting.period = MonthOfDay(*period);
    posting.account = ParseLedgerAccount(GetString(row, "account")).value_or(LedgerAccount::kSuspense);
    posting.party = GetString(row, "party");
    posting.amount = Money::Cents(GetLong(row, "amount_cents"));
    posting.reference = GetOptionalString(row, "reference");
    posting.label = GetString(row, "label");
    posting.host_id = GetOptionalString(row, "host_id");
    posting.host_name = GetOptionalString(row, "host_name");
    posting.accommodation_id = GetOptionalString(row, "accommodation_id");
    posting.accommodation_name = GetOptionalString(row, "accommodation_name");
    posting.platform_name = GetOptionalString(row, "platform_name");
    postings.push_back(std::move(posting));
  }
  return postings;
}

std::vector<MonthFlows> FinanceExportRepository::Flows(Transaction& tx,
                                                       const CollectivityId& collectivity,
                                                       Month from, Month to) {
  std::vector<MonthFlows> months;
  for (Month month = from; month <= to; month += date::months{1}) {
    MonthFlows flows;
    flows.month = month;
    months.push_back(std::move(flows));
  }
  auto at = [&](Day day) -> MonthFlows* {
    const Month month = MonthOfDay(day);
    for (auto& each : months) {
      if (each.month == month) return &each;
    }
    return nullptr;
  };
  const std::string first = FirstDay(from);
  const std::string after = FirstDay(to + date::months{1});
  {
    soci::rowset<soci::row> rows =
        (tx.session().prepare
             << "SELECT date_trunc('month', booked_on)::date::text AS month, kind, account, party,"
                " sum(amount_cents)::bigint AS amount FROM ledger_postings"
                " WHERE collectivity_id = :c::uuid AND booked_on >= :f::date AND booked_on < :t::date"
                " GROUP BY 1, kind, account, party",
         soci::use(collectivity.value()), soci::use(first), soci::use(after));
    for (const auto& row : rows) {
      MonthFlows* flows = at(GetDay(row, "month"));
      if (!flows) continue;
      const std::string kind = GetString(row, "kind");
      const std::string account = GetString(row, "account");
      const std::string party = GetString(row, "party");
      const Money amount = Money::Cents(GetLong(row, "amount"));
      if (account == "host_receivable") {
        if (kind == "declaration") flows->declared += amount;
        if (kind == "assessment") flows->assessed += amount;
        if (kind == "late_interest") flows->late_interest += amount;
        if (kind == "payment" || kind == "payment_reversal") flows->collected -= amount;
        if (kind == "refund") flows->refunded += amount;
      } else if (account == "platform_receivable") {
        if (kind == "platform_statement") flows->platform_declared += amount;
      } else if (account == "treasury" && kind == "platform_reversement") {
        flows->platform_reversements += amount;
      } else if (account == "tax_revenue") {
        flows->tax_booked -= amount;
      } else if (account == "late_interest_revenue") {
        flows->interest_booked -= amount;
      } else if (account == "tourist_office") {
        flows->tourist_office += amount;
      } else if (account == "additional_tax_payable") {
        if (kind == "beneficiary_transfer") {
          AddTo(flows->additional_passed_on, party, amount);
        } else {
          AddTo(flows->additional_booked, party, -amount);
        }
      }
    }
  }
  {
    // Each host's balance at each month's end: what remains to recover, and the credits held.
    soci::rowset<soci::row> rows =
        (tx.session().prepare
             << "SELECT m::date::text AS month,"
                " coalesce(sum(greatest(b.balance, 0)), 0)::bigint AS outstanding,"
                " coalesce(sum(least(b.balance, 0)), 0)::bigint AS credits"
                " FROM generate_series(:f::date, (:t::date - interval '1 month'), interval '1 month') m"
                " LEFT JOIN LATERAL (SELECT sum(amount_cents) AS balance FROM ledger_postings"
                "  WHERE collectivity_id = :c::uuid AND account = 'host_receivable'"
                "  AND booked_on < m + interval '1 month' GROUP BY host_id) b ON true"
                " GROUP BY m ORDER BY m",
         soci::use(first), soci::use(after), soci::use(collectivity.value()));
    for (const auto& row : rows) {
      MonthFlows* flows = at(GetDay(row, "month"));
      if (!flows) continue;
      flows->outstanding_at_end = Money::Cents(GetLong(row, "outstanding"));
      flows->credits_at_end = Money::Cents(GetLong(row, "credits"));
    }
  }
  return months;
}

std::vector<MonthBreakdown> FinanceExportRepository::HostBreakdown(Transaction& tx,
                                                                   const HostId& host) {
  // The entries that touched the host's account for a month, all their postings: the tax, the
  // add-ons and the interest booked with what the host owes.
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT e.accommodation_id::text AS accommodation_id, e.period::text AS period,"
              " e.kind, p.account, p.party, sum(p.amount_cents)::bigint AS amount"
              " FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id"
              " WHERE e.kind IN ('declaration', 'assessment', 'late_interest')"
              " AND e.id IN (SELECT entry_id FROM ledger_postings"
              "  WHERE host_id = :h::uuid AND account = 'host_receivable')"
              " AND p.account <> 'host_receivable'"
              " GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 1, 3",
       soci::use(host.value()));
  std::vector<MonthBreakdown> months;
  for (const auto& row : rows) {
    const std::string accommodation = GetOptionalString(row, "accommodation_id").value_or("");
    const Month period = MonthOfDay(GetDay(row, "period"));
    const auto kind =
        ParseLedgerEntryKind(GetString(row, "kind")).value_or(LedgerEntryKind::kDeclaration);
    if (months.empty() || months.back().accommodation_id != accommodation ||
        months.back().period != period || months.back().kind != kind) {
      MonthBreakdown next;
      next.accommodation_id = accommodation;
      next.period = period;
      next.kind = kind;
      months.push_back(std::move(next));
    }
    MonthBreakdown& month = months.back();
    const std::string account = GetString(row, "account");
    const Money credited = -Money::Cents(GetLong(row, "amount"));
    if (account == "tax_revenue") month.tax += credited;
    if (account == "additional_tax_payable") AddTo(month.additional, GetString(row, "party"), credited);
    if (account == "late_interest_revenue") month.interest += credited;
  }
  return months;
}

std::vector<DeclaredMonth> FinanceExportRepository::HostDeclarations(Transaction& tx,
                                                                     const HostId& host,
                                                                     Month from, Month to) {
  const std::string first = FirstDay(from);
  const std::string last = FirstDay(to);
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT r.accommodation_id::text AS accommodation_id, r.month::text AS month,"
              " r.revision, r.kind, r.person_nights, r.platform_person_nights, r.tax_cents,"
              " r.total_cents,"
              " coalesce(sum(l.nights), 0)::bigint AS nights,"
              " coalesce(sum(l.nights::bigint * (l.exempt_minors + l.exempt_seasonal_workers"
              "  + l.exempt_emergency_housing + l.exempt_low_rent)), 0)::bigint AS exempt"
              " FROM declaration_revisions r"
              " LEFT JOIN declaration_lines l ON l.revision_id = r.id"
              " WHERE r.host_id = :h::uuid AND r.month BETWEEN :f::date AND :t::date"
              " AND r.revision = (SELECT max(r2.revision) FROM declaration_revisions r2"
              "  WHERE r2.accommodation_id = r.accommodation_id AND r2.month = r.month)"
              " GROUP BY r.id ORDER BY r.month, r.accommodation_id",
       soci::use(host.value()), soci::use(first), soci::use(last));
  std::vector<DeclaredMonth> months;
  for (const auto& row : rows) {
    DeclaredMonth month;
    month.accommodation_id = GetString(row, "accommodation_id");
    month.month = MonthOfDay(GetDay(row, "month"));
    month.revision = row.get<int>("revision");
    month.kind = GetString(row, "kind");
    month.person_nights = GetLong(row, "person_nights");
    month.platform_person_nights = GetLong(row, "platform_person_nights");
    month.tax = Money::Cents(GetLong(row, "tax_cents"));
    month.total = Money::Cents(GetLong(row, "total_cents"));
    month.nights = GetLong(row, "nights");
    month.exempt_person_nights = GetLong(row, "exempt");
    months.push_back(std::move(month));
  }
  return months;
}

std::map<std::pair<std::string, std::string>, Day> FinanceExportRepository::RecoverableFrom(
    Transaction& tx, const CollectivityId& collectivity) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT DISTINCT ON (accommodation_id, month) accommodation_id::text AS a,"
              " month::text AS m, status, recoverable_from::text AS recoverable_from"
              " FROM office_assessments WHERE collectivity_id = :c::uuid AND status <> 'proposed'"
              " ORDER BY accommodation_id, month, revision DESC",
       soci::use(collectivity.value()));
  std::map<std::pair<std::string, std::string>, Day> days;
  for (const auto& row : rows) {
    if (GetString(row, "status") != "issued") continue;
    const auto day = GetOptionalDay(row, "recoverable_from");
    if (!day) continue;
    days[{GetString(row, "a"), FormatIsoMonth(MonthOfDay(GetDay(row, "m")))}] = *day;
  }
  return days;
}

namespace {

constexpr const char* kDebtorSelect =
    "SELECT id::text AS id, seq, legal_name, address_line, postal_code::text AS postal_code, city"
    " FROM hosts WHERE collectivity_id = :c::uuid";

DebtorFacts DebtorOf(const soci::row& row) {
  return {GetString(row, "id"), GetLong(row, "seq"), GetString(row, "legal_name"),
          GetString(row, "address_line"), GetString(row, "postal_code"), GetString(row, "city")};
}

}  // namespace

std::map<std::string, DebtorFacts> FinanceExportRepository::Debtors(
    Transaction& tx, const CollectivityId& collectivity) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << kDebtorSelect, soci::use(collectivity.value()));
  std::map<std::string, DebtorFacts> debtors;
  for (const auto& row : rows) {
    DebtorFacts facts = DebtorOf(row);
    debtors[facts.host_id] = std::move(facts);
  }
  return debtors;
}

std::optional<DebtorFacts> FinanceExportRepository::Debtor(Transaction& tx,
                                                           const CollectivityId& collectivity,
                                                           const HostId& host) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string(kDebtorSelect) + " AND id = :h::uuid",
       soci::use(collectivity.value()), soci::use(host.value()));
  for (const auto& row : rows) return DebtorOf(row);
  return std::nullopt;
}

std::map<std::string, AccommodationFacts> FinanceExportRepository::Accommodations(
    Transaction& tx, const CollectivityId& collectivity) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT a.id::text AS id, a.name, a.address_line || ', ' || a.postal_code || ' ' ||"
              " coalesce(c.name, a.commune_insee_code) AS address"
              " FROM accommodations a LEFT JOIN LATERAL (SELECT m->>'name' AS name"
              "  FROM collectivities k, jsonb_array_elements(k.communes) m"
              "  WHERE k.id = a.collectivity_id AND m->>'insee_code' = a.commune_insee_code"
              "  LIMIT 1) c ON true"
              " WHERE a.collectivity_id = :c::uuid",
       soci::use(collectivity.value()));
  std::map<std::string, AccommodationFacts> accommodations;
  for (const auto& row : rows) {
    AccommodationFacts facts{GetString(row, "id"), GetString(row, "name"), GetString(row, "address")};
    accommodations[facts.id] = std::move(facts);
  }
  return accommodations;
}

}  // namespace nuitee::persistence
