#include "persistence/platform_reversement_repository.hpp"

#include "domain/money/ledger.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "r.id::text AS id, r.seq, r.platform_id::text AS platform_id, p.name AS platform_name,"
    " r.received_on::text AS received_on, r.amount_cents, r.period_start::text AS period_start,"
    " r.period_end::text AS period_end, r.bank_reference, r.entry_id::text AS entry_id,"
    " r.recorded_by,"
    " to_char(r.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at"
    " FROM platform_reversements r JOIN platform_clients p ON p.id = r.platform_id";

StoredPlatformReversement FromRow(const soci::row& row) {
  StoredPlatformReversement out;
  out.id = GetString(row, "id");
  out.seq = GetLong(row, "seq");
  out.platform_id = GetString(row, "platform_id");
  out.platform_name = GetString(row, "platform_name");
  out.received_on = GetDay(row, "received_on");
  out.amount = Money::Cents(GetLong(row, "amount_cents"));
  out.period_start = GetDay(row, "period_start");
  out.period_end = GetDay(row, "period_end");
  out.bank_reference = GetString(row, "bank_reference");
  out.entry_id = GetString(row, "entry_id");
  out.recorded_by = GetString(row, "recorded_by");
  out.recorded_at = GetString(row, "recorded_at");
  return out;
}

}  // namespace

Result<StoredPlatformReversement> PlatformReversementRepository::Record(
    Transaction& tx, const NewPlatformReversement& reversement) {
  std::string id;
  tx.session() << "SELECT gen_random_uuid()::text", soci::into(id);
  LedgerEntry entry;
  entry.collectivity_id = reversement.collectivity_id;
  entry.kind = LedgerEntryKind::kPlatformReversement;
  entry.booked_on = reversement.received_on;
  entry.platform_id = reversement.platform_id;
  entry.source_type = "platform_reversement";
  entry.source_id = id;
  entry.reference = reversement.bank_reference;
  entry.label = "Reversement de " + reversement.platform_name + " du " +
                FormatIsoDate(reversement.period_start) + " au " +
                FormatIsoDate(reversement.period_end);
  entry.recorded_by = reversement.recorded_by;
  entry.postings = Transfer(reversement.amount, LedgerAccount::kTreasury, "",
                            LedgerAccount::kPlatformReceivable, reversement.platform_id);
  auto entry_id = LedgerRepository::Post(tx, entry);
  if (!entry_id) return Fail(entry_id.error());
  const std::string received = FormatIsoDate(reversement.received_on);
  const std::string start = FormatIsoDate(reversement.period_start);
  const std::string end = FormatIsoDate(reversement.period_end);
  const long long amount = reversement.amount.cents();
  tx.session() << "INSERT INTO platform_reversements (id, collectivity_id, platform_id,"
                  " received_on, amount_cents, period_start, period_end, bank_reference,"
                  " entry_id, recorded_by) VALUES (:id::uuid, :c::uuid, :p::uuid, :r::date, :a,"
                  " :s::date, :e::date, :ref, :entry::uuid, :by)",
      soci::use(id), soci::use(reversement.collectivity_id.value()),
      soci::use(reversement.platform_id), soci::use(received), soci::use(amount),
      soci::use(start), soci::use(end), soci::use(reversement.bank_reference),
      soci::use(*entry_id), soci::use(reversement.recorded_by);
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns + " WHERE r.id = :id::uuid",
       soci::use(id));
  for (const auto& row : rows) return FromRow(row);
  return Fail(Error::Internal());
}

std::vector<StoredPlatformReversement> PlatformReversementRepository::List(
    Transaction& tx, const CollectivityId& collectivity,
    const std::optional<std::string>& platform_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " WHERE r.collectivity_id = :c::uuid"
                                   " AND (:p::uuid IS NULL OR r.platform_id = :p2::uuid)"
                                   " ORDER BY r.received_on, r.seq",
       soci::use(collectivity.value()), soci::use(platform_id), soci::use(platform_id));
  std::vector<StoredPlatformReversement> out;
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace nuitee::persistence
