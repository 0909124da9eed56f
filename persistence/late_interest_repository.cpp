#include "persistence/late_interest_repository.hpp"

#include "domain/money/ledger.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kSelect =
    "SELECT c.id::text AS id, c.seq, c.host_id::text AS host_id,"
    " c.accommodation_id::text AS accommodation_id, a.name AS accommodation_name,"
    " c.period::text AS period, c.charge_no, c.base_cents, c.due_on::text AS due_on,"
    " c.paid_on::text AS paid_on, c.months_started, c.interest_cents, c.entry_id::text AS entry_id,"
    " c.recorded_by,"
    " to_char(c.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at,"
    " x.reason AS cancel_reason, x.recorded_by AS cancelled_by,"
    " to_char(x.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS cancelled_at"
    " FROM late_interest_charges c JOIN accommodations a ON a.id = c.accommodation_id"
    " LEFT JOIN late_interest_cancellations x ON x.charge_id = c.id";

StoredLateInterest FromRow(const soci::row& row) {
  StoredLateInterest stored;
  stored.id = GetString(row, "id");
  stored.seq = GetLong(row, "seq");
  stored.host_id = HostId(GetString(row, "host_id"));
  stored.accommodation_id = GetString(row, "accommodation_id");
  stored.accommodation_name = GetString(row, "accommodation_name");
  const Day first = GetDay(row, "period");
  stored.period = first.year() / first.month();
  stored.charge_no = row.get<int>("charge_no");
  stored.charge.base = Money::Cents(GetLong(row, "base_cents"));
  stored.charge.due_on = GetDay(row, "due_on");
  stored.charge.paid_on = GetDay(row, "paid_on");
  stored.charge.months_started = row.get<int>("months_started");
  stored.charge.interest = Money::Cents(GetLong(row, "interest_cents"));
  stored.entry_id = GetString(row, "entry_id");
  stored.recorded_by = GetString(row, "recorded_by");
  stored.recorded_at = GetString(row, "recorded_at");
  if (auto reason = GetOptionalString(row, "cancel_reason")) {
    stored.cancellation = StoredLateInterest::Cancellation{
        *reason, GetString(row, "cancelled_by"), GetString(row, "cancelled_at")};
  }
  return stored;
}

std::string MonthLabel(Month month) {
  const std::string iso = FormatIsoMonth(month);  // "2026-07"
  return iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace

Result<StoredLateInterest> LateInterestRepository::Charge(Transaction& tx,
                                                          const NewLateInterest& charge) {
  const std::string period = FormatIsoMonth(charge.period) + "-01";
  // Charges of one month queue here: the count below is then the truth.
  LockRegisterAppends(tx, "late-interest:" + charge.accommodation_id + ":" + period);
  int charges = 0, standing = 0;
  tx.session() << "SELECT count(*)::int, count(*) FILTER (WHERE x.charge_id IS NULL)::int"
                  " FROM late_interest_charges c"
                  " LEFT JOIN late_interest_cancellations x ON x.charge_id = c.id"
                  " WHERE c.accommodation_id = :a::uuid AND c.period = :p::date",
      soci::use(charge.accommodation_id), soci::use(period), soci::into(charges),
      soci::into(standing);
  if (standing > 0) {
    return Fail(Error::AlreadyExists(
        "Des intérêts de retard sont déjà facturés pour ce mois de cet hébergement ; annulez-les "
        "d'abord pour en facturer d'autres."));
  }
  std::string id;
  tx.session() << "SELECT gen_random_uuid()::text", soci::into(id);
  LedgerEntry entry;
  entry.collectivity_id = charge.collectivity_id;
  entry.kind = LedgerEntryKind::kLateInterest;
  entry.booked_on = charge.booked_on;
  entry.period = charge.period;
  entry.host_id = charge.host_id;
  entry.accommodation_id = charge.accommodation_id;
  entry.source_type = "late_interest_charge";
  entry.source_id = id;
  entry.label = "Intérêts de retard " + MonthLabel(charge.period) + " (CGCT L. 2333-38)";
  entry.recorded_by = charge.recorded_by;
  entry.postings = Transfer(charge.charge.interest, LedgerAccount::kHostReceivable,
                            charge.host_id.value(), LedgerAccount::kLateInterestRevenue, "");
  auto entry_id = LedgerRepository::Post(tx, entry);
  if (!entry_id) return Fail(entry_id.error());
  const int charge_no = charges + 1;
  const long long base = charge.charge.base.cents();
  const long long interest = charge.charge.interest.cents();
  const std::string due = FormatIsoDate(charge.charge.due_on);
  const std::string paid = FormatIsoDate(charge.charge.paid_on);
  tx.session() << "INSERT INTO late_interest_charges (id, collectivity_id, host_id, accommodation_id,"
                  " period, charge_no, base_cents, due_on, paid_on, months_started, interest_cents,"
                  " entry_id, recorded_by) VALUES (:id::uuid, :c::uuid, :h::uuid, :a::uuid,"
                  " :p::date, :n, :b, :d::date, :pd::date, :m, :i, :e::uuid, :by)",
      soci::use(id), soci::use(charge.collectivity_id.value()), soci::use(charge.host_id.value()),
      soci::use(charge.accommodation_id), soci::use(period), soci::use(charge_no), soci::use(base),
      soci::use(due), soci::use(paid), soci::use(charge.charge.months_started),
      soci::use(interest), soci::use(*entry_id), soci::use(charge.recorded_by);
  return *Find(tx, charge.host_id, id);
}

Result<StoredLateInterest> LateInterestRepository::Cancel(Transaction& tx, const HostId& host,
                                                          const std::string& charge_id,
                                                          const std::string& reason, Day booked_on,
                                                          const std::string& actor) {
  auto found = Find(tx, host, charge_id);
  if (!found) return Fail(Error::NotFound("Aucune facturation d'intérêts de retard de ce numéro."));
  LockRegisterAppends(tx, "late-interest:" + found->accommodation_id + ":" +
                              FormatIsoMonth(found->period) + "-01");
  found = Find(tx, host, charge_id);
  if (found->cancellation) {
    return Fail(Error::AlreadyExists("Ces intérêts de retard sont déjà annulés."));
  }
  std::string collectivity;
  tx.session() << "SELECT collectivity_id::text FROM late_interest_charges WHERE id = :id::uuid",
      soci::use(charge_id), soci::into(collectivity);
  LedgerEntry entry;
  entry.collectivity_id = CollectivityId(collectivity);
  entry.kind = LedgerEntryKind::kLateInterest;
  entry.booked_on = booked_on;
  entry.period = found->period;
  entry.host_id = host;
  entry.accommodation_id = found->accommodation_id;
  entry.source_type = "late_interest_cancellation";
  entry.source_id = charge_id;
  entry.label = "Annulation des intérêts de retard " + MonthLabel(found->period);
  entry.recorded_by = actor;
  entry.postings = Transfer(found->charge.interest, LedgerAccount::kLateInterestRevenue, "",
                            LedgerAccount::kHostReceivable, host.value());
  auto entry_id = LedgerRepository::Post(tx, entry);
  if (!entry_id) return Fail(entry_id.error());
  tx.session() << "INSERT INTO late_interest_cancellations (charge_id, reason, entry_id, recorded_by)"
                  " VALUES (:id::uuid, :r, :e::uuid, :by)",
      soci::use(charge_id), soci::use(reason), soci::use(*entry_id), soci::use(actor);
  return *Find(tx, host, charge_id);
}

std::optional<StoredLateInterest> LateInterestRepository::Find(Transaction& tx, const HostId& host,
                                                               const std::string& charge_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string(kSelect) +
                                   " WHERE c.id = :id::uuid AND c.host_id = :h::uuid",
       soci::use(charge_id), soci::use(host.value()));
  for (const auto& row : rows) return FromRow(row);
  return std::nullopt;
}

std::vector<StoredLateInterest> LateInterestRepository::OfHost(Transaction& tx, const HostId& host) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string(kSelect) + " WHERE c.host_id = :h::uuid ORDER BY c.seq",
       soci::use(host.value()));
  std::vector<StoredLateInterest> charges;
  for (const auto& row : rows) charges.push_back(FromRow(row));
  return charges;
}

}  // namespace nuitee::persistence
