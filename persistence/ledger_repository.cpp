// SQL of ledger_entries and ledger_postings: INSERT and SELECT only (migration 0014 refuses the
// rest). An entry and its postings are written by one statement; the database checks at commit
// that they balance, and Post checks it before sending.
#include "persistence/ledger_repository.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

std::string FirstDay(Month month) { return FormatIsoDate(month / date::day{1}); }

std::optional<Month> MonthOf(const std::optional<Day>& day) {
  if (!day) return std::nullopt;
  return day->year() / day->month();
}

std::string PostingsJson(const std::vector<Posting>& postings) {
  nlohmann::json out = nlohmann::json::array();
  int line = 0;
  for (const auto& posting : postings) {
    out.push_back({{"line_no", line++},
                   {"account", std::string(LedgerAccountCode(posting.account))},
                   {"party", posting.party},
                   {"amount_cents", posting.amount.cents()}});
  }
  return out.dump();
}

std::vector<Posting> PostingsFromJson(const std::string& text) {
  std::vector<Posting> postings;
  for (const auto& each : nlohmann::json::parse(text)) {
    Posting posting;
    posting.account = ParseLedgerAccount(each.at("account").get<std::string>())
                          .value_or(LedgerAccount::kSuspense);
    posting.party = each.at("party").get<std::string>();
    posting.amount = Money::Cents(each.at("amount_cents").get<long long>());
    postings.push_back(std::move(posting));
  }
  return postings;
}

}  // namespace

Result<std::string> LedgerRepository::Post(Transaction& tx, const LedgerEntry& entry) {
  if (auto balanced = CheckBalanced(entry.postings); !balanced) return Fail(balanced.error());
  const std::string kind(LedgerEntryKindCode(entry.kind));
  const std::string booked_on = FormatIsoDate(entry.booked_on);
  const std::optional<std::string> period =
      entry.period ? std::optional<std::string>(FirstDay(*entry.period)) : std::nullopt;
  const std::optional<std::string> host =
      entry.host_id ? std::optional<std::string>(entry.host_id->value()) : std::nullopt;
  const std::string postings = PostingsJson(entry.postings);
  std::string id;
  tx.session()
      << "WITH entry AS ("
         " INSERT INTO ledger_entries (collectivity_id, kind, booked_on, period, host_id,"
         "  accommodation_id, platform_id, source_type, source_id, reference, label, recorded_by)"
         " VALUES (:c::uuid, :kind, :booked::date, :period::date, :host::uuid, :acc::uuid,"
         "  :platform::uuid, :stype, :sid, :ref, :label, :by) RETURNING id),"
         " posted AS ("
         " INSERT INTO ledger_postings (entry_id, line_no, collectivity_id, account, party,"
         "  amount_cents, kind, booked_on, period, host_id, accommodation_id)"
         " SELECT entry.id, t.line_no, :c2::uuid, t.account, t.party, t.amount_cents, :kind2,"
         "  :booked2::date, :period2::date,"
         "  CASE WHEN t.account = 'host_receivable' THEN t.party::uuid ELSE :host2::uuid END,"
         "  :acc2::uuid"
         " FROM entry, jsonb_to_recordset(:postings::jsonb)"
         "  AS t(line_no integer, account text, party text, amount_cents bigint))"
         " SELECT id::text FROM entry",
      soci::use(entry.collectivity_id.value()), soci::use(kind), soci::use(booked_on),
      soci::use(period), soci::use(host), soci::use(entry.accommodation_id),
      soci::use(entry.platform_id), soci::use(entry.source_type), soci::use(entry.source_id),
      soci::use(entry.reference), soci::use(entry.label), soci::use(entry.recorded_by),
      soci::use(entry.collectivity_id.value()), soci::use(kind), soci::use(booked_on),
      soci::use(period), soci::use(host), soci::use(entry.accommodation_id), soci::use(postings),
      soci::into(id);
  return id;
}

Money LedgerRepository::HostBalance(Transaction& tx, const HostId& host) {
  long long cents = 0;
  tx.session() << "SELECT coalesce(sum(amount_cents), 0)::bigint FROM ledger_postings"
                  " WHERE host_id = :h::uuid AND account = 'host_receivable'",
      soci::use(host.value()), soci::into(cents);
  return Money::Cents(cents);
}

std::vector<Debt> LedgerRepository::HostDebts(Transaction& tx, const HostId& host) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT accommodation_id::text AS accommodation_id, period::text AS period, kind,"
              " sum(amount_cents)::bigint AS amount, min(booked_on)::text AS known_on"
              " FROM ledger_postings WHERE host_id = :h::uuid AND account = 'host_receivable'"
              " AND kind IN ('declaration', 'assessment', 'late_interest')"
              " GROUP BY accommodation_id, period, kind HAVING sum(amount_cents) <> 0"
              " ORDER BY period, accommodation_id, kind",
       soci::use(host.value()));
  std::vector<Debt> debts;
  for (const auto& row : rows) {
    Debt debt;
    debt.accommodation_id = GetOptionalString(row, "accommodation_id").value_or("");
    debt.period = *MonthOf(GetOptionalDay(row, "period"));
    debt.kind = *ParseLedgerEntryKind(GetString(row, "kind"));
    debt.amount = Money::Cents(GetLong(row, "amount"));
    debt.known_on = GetDay(row, "known_on");
    debts.push_back(std::move(debt));
  }
  return debts;
}

std::vector<StoredLedgerEntry> LedgerRepository::HostEntries(Transaction& tx, const HostId& host) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT e.id::text AS id, e.seq, e.kind, e.booked_on::text AS booked_on,"
              " e.period::text AS period, e.host_id::text AS host_id,"
              " e.accommodation_id::text AS accommodation_id, e.platform_id::text AS platform_id,"
              " e.source_type, e.source_id, e.reference, e.label, e.recorded_by,"
              " to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
              "  AS recorded_at,"
              " (SELECT jsonb_agg(jsonb_build_object('account', p.account, 'party', p.party,"
              "   'amount_cents', p.amount_cents) ORDER BY p.line_no)"
              "  FROM ledger_postings p WHERE p.entry_id = e.id)::text AS postings"
              " FROM ledger_entries e WHERE e.id IN (SELECT entry_id FROM ledger_postings"
              "  WHERE host_id = :h::uuid AND account = 'host_receivable')"
              " ORDER BY e.seq",
       soci::use(host.value()));
  std::vector<StoredLedgerEntry> entries;
  for (const auto& row : rows) {
    StoredLedgerEntry entry;
    entry.id = GetString(row, "id");
    entry.seq = GetLong(row, "seq");
    entry.kind = *ParseLedgerEntryKind(GetString(row, "kind"));
    entry.booked_on = GetDay(row, "booked_on");
    entry.period = MonthOf(GetOptionalDay(row, "period"));
    entry.host_id = GetOptionalString(row, "host_id");
    entry.accommodation_id = GetOptionalString(row, "accommodation_id");
    entry.platform_id = GetOptionalString(row, "platform_id");
    entry.source_type = GetString(row, "source_type");
    entry.source_id = GetString(row, "source_id");
    entry.reference = GetOptionalString(row, "reference");
    entry.label = GetString(row, "label");
    entry.recorded_by = GetString(row, "recorded_by");
    entry.recorded_at = GetString(row, "recorded_at");
    entry.postings = PostingsFromJson(GetString(row, "postings"));
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<AccountBalance> LedgerRepository::Balances(Transaction& tx,
                                                       const CollectivityId& collectivity,
                                                       const std::optional<Day>& on) {
  const std::optional<std::string> until = DateText(on);
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT account, party, sum(amount_cents)::bigint AS balance FROM ledger_postings"
              " WHERE collectivity_id = :c::uuid AND (:on::date IS NULL OR booked_on <= :on2::date)"
              " GROUP BY account, party ORDER BY account, party",
       soci::use(collectivity.value()), soci::use(until), soci::use(until));
  std::vector<AccountBalance> balances;
  for (const auto& row : rows) {
    AccountBalance balance;
    balance.account = *ParseLedgerAccount(GetString(row, "account"));
    balance.party = GetString(row, "party");
    balance.balance = Money::Cents(GetLong(row, "balance"));
    balances.push_back(std::move(balance));
  }
  return balances;
}

LedgerCheck LedgerRepository::Check(Transaction& tx, const CollectivityId& collectivity) {
  LedgerCheck check;
  long long debits = 0, credits = 0;
  tx.session() << "SELECT"
                  " coalesce(sum(CASE WHEN amount_cents > 0 THEN amount_cents END), 0)::bigint,"
                  " coalesce(sum(CASE WHEN amount_cents < 0 THEN amount_cents END), 0)::bigint"
                  " FROM ledger_postings WHERE collectivity_id = :c::uuid",
      soci::use(collectivity.value()), soci::into(debits), soci::into(credits);
  check.debits = Money::Cents(debits);
  check.credits = Money::Cents(credits);
  tx.session() << "SELECT count(*)::bigint FROM ledger_entries e WHERE e.collectivity_id = :c::uuid",
      soci::use(collectivity.value()), soci::into(check.entries);
  tx.session() << "SELECT count(*)::bigint FROM (SELECT p.entry_id FROM ledger_postings p"
                  " WHERE p.collectivity_id = :c::uuid GROUP BY p.entry_id"
                  " HAVING sum(p.amount_cents) <> 0 OR count(*) < 2) AS bad",
      soci::use(collectivity.value()), soci::into(check.unbalanced_entries);
  // Independently of the booking triggers: the latest revision of each month against the host
  // postings booked for it, and the latest taxation d'office (issued: its total; otherwise 0).
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "WITH expected AS ("
              " SELECT r.accommodation_id, r.month, 'declaration' AS kind, r.total_cents AS amount"
              "  FROM declaration_months m JOIN declaration_revisions r"
              "  ON r.accommodation_id = m.accommodation_id AND r.month = m.month"
              "  AND r.revision = m.latest_revision WHERE m.collectivity_id = :c::uuid"
              " UNION ALL"
              " SELECT o.accommodation_id, o.month, 'assessment',"
              "  CASE WHEN o.status = 'issued' THEN o.total_cents ELSE 0 END"
              "  FROM office_assessments o WHERE o.collectivity_id = :c2::uuid AND o.revision ="
              "  (SELECT max(revision) FROM office_assessments x"
              "   WHERE x.accommodation_id = o.accommodation_id AND x.month = o.month)),"
              " booked AS ("
              " SELECT accommodation_id, period AS month, kind, sum(amount_cents) AS amount"
              "  FROM ledger_postings WHERE collectivity_id = :c3::uuid"
              "  AND account = 'host_receivable' AND kind IN ('declaration', 'assessment')"
              "  GROUP BY accommodation_id, period, kind)"
              " SELECT coalesce(e.accommodation_id, b.accommodation_id)::text AS accommodation_id,"
              " coalesce(e.month, b.month)::text AS month, coalesce(e.kind, b.kind) AS kind,"
              " coalesce(e.amount, 0)::bigint AS expected, coalesce(b.amount, 0)::bigint AS booked"
              " FROM expected e FULL JOIN booked b ON b.accommodation_id = e.accommodation_id"
              " AND b.month = e.month AND b.kind = e.kind"
              " WHERE coalesce(e.amount, 0) <> coalesce(b.amount, 0)"
              " ORDER BY 2, 1, 3 LIMIT 1000",
       soci::use(collectivity.value()), soci::use(collectivity.value()),
       soci::use(collectivity.value()));
  for (const auto& row : rows) {
    LedgerCheck::Mismatch mismatch;
    mismatch.accommodation_id = GetString(row, "accommodation_id");
    mismatch.month = *MonthOf(GetOptionalDay(row, "month"));
    mismatch.kind = GetString(row, "kind");
    mismatch.expected = Money::Cents(GetLong(row, "expected"));
    mismatch.booked = Money::Cents(GetLong(row, "booked"));
    check.mismatches.push_back(std::move(mismatch));
  }
  return check;
}

}  // namespace nuitee::persistence
