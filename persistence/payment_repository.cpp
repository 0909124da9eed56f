// SQL of payments, payment_reversals and refunds: INSERT and SELECT only. Writes for one host take
// turns (an advisory lock), so that a refund checks the credit no concurrent write is changing.
#include "persistence/payment_repository.hpp"

#include "persistence/ledger_repository.hpp"
#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "p.id::text AS id, p.seq, p.collectivity_id::text AS collectivity_id,"
    " p.host_id::text AS host_id, h.legal_name AS host_name, p.method, p.origin, p.amount_cents,"
    " p.received_on::text AS received_on, p.payer_reference, p.cheque_number,"
    " p.target_month::text AS target_month, p.note, p.source_key, p.entry_id::text AS entry_id,"
    " p.recorded_by,"
    " to_char(p.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at,"
    " r.reason AS reversal_reason, r.recorded_by AS reversal_by,"
    " to_char(r.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS reversal_at"
    " FROM payments p JOIN hosts h ON h.id = p.host_id"
    " LEFT JOIN payment_reversals r ON r.payment_id = p.id";

std::optional<std::string> FirstDay(const std::optional<Month>& month) {
  if (!month) return std::nullopt;
  return FormatIsoDate(*month / date::day{1});
}

StoredPayment PaymentFromRow(const soci::row& row) {
  StoredPayment out;
  out.id = GetString(row, "id");
  out.seq = GetLong(row, "seq");
  out.collectivity_id = CollectivityId(GetString(row, "collectivity_id"));
  out.host_id = HostId(GetString(row, "host_id"));
  out.host_name = GetString(row, "host_name");
  out.method = ParsePaymentMethod(GetString(row, "method")).value_or(PaymentMethod::kBankTransfer);
  out.origin = GetString(row, "origin");
  out.amount = Money::Cents(GetLong(row, "amount_cents"));
  out.received_on = GetDay(row, "received_on");
  out.payer_reference = GetOptionalString(row, "payer_reference");
  out.cheque_number = GetOptionalString(row, "cheque_number");
  if (auto first = GetOptionalDay(row, "target_month")) {
    out.target_month = first->year() / first->month();
  }
  out.note = GetOptionalString(row, "note");
  out.source_key = GetOptionalString(row, "source_key");
  out.entry_id = GetString(row, "entry_id");
  out.recorded_by = GetString(row, "recorded_by");
  out.recorded_at = GetString(row, "recorded_at");
  if (auto reason = GetOptionalString(row, "reversal_reason")) {
    out.reversal = StoredPayment::Reversal{*reason, GetString(row, "reversal_by"),
                                           GetString(row, "reversal_at")};
  }
  return out;
}

StoredRefund RefundFromRow(const soci::row& row) {
  StoredRefund out;
  out.id = GetString(row, "id");
  out.seq = GetLong(row, "seq");
  out.host_id = HostId(GetString(row, "host_id"));
  out.method = ParsePaymentMethod(GetString(row, "method")).value_or(PaymentMethod::kBankTransfer);
  out.amount = Money::Cents(GetLong(row, "amount_cents"));
  out.paid_on = GetDay(row, "paid_on");
  out.reason = GetString(row, "reason");
  out.entry_id = GetString(row, "entry_id");
  out.recorded_by = GetString(row, "recorded_by");
  out.recorded_at = GetString(row, "recorded_at");
  return out;
}

std::string NewId(Transaction& tx) {
  std::string id;
  tx.session() << "SELECT gen_random_uuid()::text", soci::into(id);
  return id;
}

void LockHostMoney(Transaction& tx, const HostId& host) {
  LockRegisterAppends(tx, "money:" + host.value());
}

std::string PaymentLabel(const NewPayment& payment) {
  std::string label = "Paiement (" + std::string(PaymentMethodLabel(payment.method)) + ")";
  if (payment.cheque_number) label += " n° " + *payment.cheque_number;
  return label;
}

}  // namespace

Result<StoredPayment> PaymentRepository::Record(Transaction& tx, const NewPayment& payment) {
  if (auto valid = CheckPaymentAmount(payment.amount, "/amount_cents"); !valid) {
    return Fail(valid.error());
  }
  LockHostMoney(tx, payment.host_id);
  if (payment.source_key) {
    std::optional<std::string> existing;
    tx.session() << "SELECT id::text FROM payments WHERE source_key = :k",
        soci::use(*payment.source_key), soci::into(existing);
    if (existing) {
      return Fail(Error::AlreadyExists("Ce paiement est déjà enregistré.", "/v1/payments/" + *existing));
    }
  }
  const std::string id = NewId(tx);
  LedgerEntry entry;
  entry.collectivity_id = payment.collectivity_id;
  entry.kind = LedgerEntryKind::kPayment;
  entry.booked_on = payment.received_on;
  entry.period = payment.target_month;
  entry.host_id = payment.host_id;
  entry.source_type = "payment";
  entry.source_id = id;
  entry.reference = payment.payer_reference ? payment.payer_reference : payment.cheque_number;
  entry.label = PaymentLabel(payment);
  entry.recorded_by = payment.recorded_by;
  entry.postings = Transfer(payment.amount,
                            payment.from_suspense ? LedgerAccount::kSuspense : LedgerAccount::kTreasury,
                            "", LedgerAccount::kHostReceivable, payment.host_id.value());
  auto entry_id = LedgerRepository::Post(tx, entry);
  if (!entry_id) return Fail(entry_id.error());
  const std::string method(PaymentMethodCode(payment.method));
  const std::string received_on = FormatIsoDate(payment.received_on);
  const std::optional<std::string> target = FirstDay(payment.target_month);
  const long long amount = payment.amount.cents();
  tx.session() << "INSERT INTO payments (id, collectivity_id, host_id, method, origin, amount_cents,"
                  " received_on, payer_reference, cheque_number, target_month, note, source_key,"
                  " entry_id, recorded_by) VALUES (:id::uuid, :c::uuid, :h::uuid, :m, :o, :a,"
                  " :r::date, :ref, :cheque, :t::date, :note, :key, :e::uuid, :by)",
      soci::use(id), soci::use(payment.collectivity_id.value()), soci::use(payment.host_id.value()),
      soci::use(method), soci::use(payment.origin), soci::use(amount), soci::use(received_on),
      soci::use(payment.payer_reference), soci::use(payment.cheque_number), soci::use(target),
      soci::use(payment.note), soci::use(payment.source_key), soci::use(*entry_id),
      soci::use(payment.recorded_by);
  auto stored = Find(tx, payment.collectivity_id, id);
  if (!stored) return Fail(Error::Internal());
  return *stored;
}

std::optional<StoredPayment> PaymentRepository::Find(Transaction& tx,
                                                     const CollectivityId& collectivity,
                                                     const std::string& payment_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " WHERE p.id = :id::uuid AND p.collectivity_id = :c::uuid",
       soci::use(payment_id), soci::use(collectivity.value()));
  for (const auto& row : rows) return PaymentFromRow(row);
  return std::nullopt;
}

Page<StoredPayment> PaymentRepository::List(Transaction& tx, const CollectivityId& collectivity,
                                            const PaymentFilter& filter, const PageRequest& page) {
  const std::optional<std::string> host =
      filter.host_id ? std::optional<std::string>(filter.host_id->value()) : std::nullopt;
  const std::optional<std::string> from = DateText(filter.from);
  const std::optional<std::string> to = DateText(filter.to);
  const std::optional<std::string> method =
      filter.method ? std::optional<std::string>(std::string(PaymentMethodCode(*filter.method)))
                    : std::nullopt;
  const int limit = page.limit + 1;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " WHERE p.collectivity_id = :c::uuid AND p.seq > :after"
                                   " AND (:h::uuid IS NULL OR p.host_id = :h2::uuid)"
                                   " AND (:f::date IS NULL OR p.received_on >= :f2::date)"
                                   " AND (:t::date IS NULL OR p.received_on <= :t2::date)"
                                   " AND (:m::text IS NULL OR p.method = :m2)"
                                   " ORDER BY p.seq LIMIT :limit",
       soci::use(collectivity.value()), soci::use(page.after_seq), soci::use(host),
       soci::use(host), soci::use(from), soci::use(from), soci::use(to), soci::use(to),
       soci::use(method), soci::use(method), soci::use(limit));
  Page<StoredPayment> out;
  for (const auto& row : rows) out.items.push_back(PaymentFromRow(row));
  if (int(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next_after_seq = out.items.back().seq;
  }
  return out;
}

std::vector<StoredPayment> PaymentRepository::OfHost(Transaction& tx, const HostId& host) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " WHERE p.host_id = :h::uuid ORDER BY p.received_on, p.seq",
       soci::use(host.value()));
  std::vector<StoredPayment> out;
  for (const auto& row : rows) out.push_back(PaymentFromRow(row));
  return out;
}

Result<StoredPayment> PaymentRepository::Reverse(Transaction& tx,
                                                 const CollectivityId& collectivity,
                                                 const std::string& payment_id,
                                                 const std::string& reason, Day booked_on,
                                                 const std::string& actor) {
  auto payment = Find(tx, collectivity, payment_id);
  if (!payment) return Fail(Error::NotFound("Ce paiement n'existe pas."));
  LockHostMoney(tx, payment->host_id);
  payment = Find(tx, collectivity, payment_id);
  if (payment->reversal) {
    return Fail(Error::AlreadyExists("Ce paiement a déjà été annulé.",
                                     "/v1/payments/" + payment_id));
  }
  // The reverse of the payment's own entry: back to the account it was debited to.
  std::string debited = "treasury";
  tx.session() << "SELECT account FROM ledger_postings WHERE entry_id = :e::uuid"
                  " AND amount_cents > 0 LIMIT 1",
      soci::use(payment->entry_id), soci::into(debited);
  LedgerEntry entry;
  entry.collectivity_id = collectivity;
  entry.kind = LedgerEntryKind::kPaymentReversal;
  entry.booked_on = booked_on;
  entry.period = payment->target_month;
  entry.host_id = payment->host_id;
  entry.source_type = "payment_reversal";
  entry.source_id = payment_id;
  entry.reference = payment->payer_reference;
  entry.label = "Annulation d'un paiement : " + reason;
  entry.recorded_by = actor;
  entry.postings =
      Transfer(payment->amount, LedgerAccount::kHostReceivable, payment->host_id.value(),
               ParseLedgerAccount(debited).value_or(LedgerAccount::kTreasury), "");
  auto entry_id = LedgerRepository::Post(tx, entry);
  if (!entry_id) return Fail(entry_id.error());
  tx.session() << "INSERT INTO payment_reversals (payment_id, reason, entry_id, recorded_by)"
                  " VALUES (:p::uuid, :r, :e::uuid, :by)",
      soci::use(payment_id), soci::use(reason), soci::use(*entry_id), soci::use(actor);
  return *Find(tx, collectivity, payment_id);
}

Result<StoredRefund> PaymentRepository::Refund(Transaction& tx, const NewRefund& refund) {
  if (auto valid = CheckPaymentAmount(refund.amount, "/amount_cents"); !valid) {
    return Fail(valid.error());
  }
  LockHostMoney(tx, refund.host_id);
  const Money credit = -LedgerRepository::HostBalance(tx, refund.host_id);
  if (refund.amount > credit) {
    return Fail(Error::RuleViolation(
        {{"/amount_cents",
          "Le remboursement dépasse le crédit de l'hébergeur (" +
              std::string(credit > Money::Zero() ? credit.ToDecimalString() : "0.00") +
              " €)."}}));
  }
  const std::string id = NewId(tx);
  LedgerEntry entry;
  entry.collectivity_id = refund.collectivity_id;
  entry.kind = LedgerEntryKind::kRefund;
  entry.booked_on = refund.paid_on;
  entry.host_id = refund.host_id;
  entry.source_type = "refund";
  entry.source_id = id;
  entry.label = "Remboursement (" + std::string(PaymentMethodLabel(refund.method)) + ") : " +
                refund.reason;
  entry.recorded_by = refund.recorded_by;
  entry.postings = Transfer(refund.amount, LedgerAccount::kHostReceivable, refund.host_id.value(),
                            LedgerAccount::kTreasury, "");
  auto entry_id = LedgerRepository::Post(tx, entry);
  if (!entry_id) return Fail(entry_id.error());
  const std::string method(PaymentMethodCode(refund.method));
  const std::string paid_on = FormatIsoDate(refund.paid_on);
  const long long amount = refund.amount.cents();
  tx.session() << "INSERT INTO refunds (id, collectivity_id, host_id, method, amount_cents, paid_on,"
                  " reason, entry_id, recorded_by) VALUES (:id::uuid, :c::uuid, :h::uuid, :m, :a,"
                  " :d::date, :r, :e::uuid, :by)",
      soci::use(id), soci::use(refund.collectivity_id.value()), soci::use(refund.host_id.value()),
      soci::use(method), soci::use(amount), soci::use(paid_on), soci::use(refund.reason),
      soci::use(*entry_id), soci::use(refund.recorded_by);
  for (auto& stored : RefundsOfHost(tx, refund.host_id)) {
    if (stored.id == id) return stored;
  }
  return Fail(Error::Internal());
}

std::vector<StoredRefund> PaymentRepository::RefundsOfHost(Transaction& tx, const HostId& host) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT id::text AS id, seq, host_id::text AS host_id, method, amount_cents,"
              " paid_on::text AS paid_on, reason, entry_id::text AS entry_id, recorded_by,"
              " to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
              " AS recorded_at FROM refunds WHERE host_id = :h::uuid ORDER BY paid_on, seq",
       soci::use(host.value()));
  std::vector<StoredRefund> out;
  for (const auto& row : rows) out.push_back(RefundFromRow(row));
  return out;
}

long long PaymentRepository::HostNumber(Transaction& tx, const HostId& host) {
  long long number = 0;
  tx.session() << "SELECT seq FROM hosts WHERE id = :h::uuid", soci::use(host.value()),
      soci::into(number);
  return number;
}

std::optional<HostId> PaymentRepository::FindHostByNumber(Transaction& tx,
                                                          const CollectivityId& collectivity,
                                                          long long number) {
  std::optional<std::string> id;
  tx.session() << "SELECT id::text FROM hosts WHERE seq = :n AND collectivity_id = :c::uuid",
      soci::use(number), soci::use(collectivity.value()), soci::into(id);
  if (!id) return std::nullopt;
  return HostId(*id);
}

std::vector<HostPayment> PaymentRepository::PaymentsForAllocation(
    const std::vector<StoredPayment>& payments) {
  std::vector<HostPayment> out;
  for (const auto& payment : payments) {
    if (payment.reversal) continue;
    out.push_back({payment.id, payment.seq, payment.received_on, payment.amount,
                   payment.target_month});
  }
  return out;
}

std::vector<HostRefund> PaymentRepository::RefundsForAllocation(
    const std::vector<StoredRefund>& refunds) {
  std::vector<HostRefund> out;
  for (const auto& refund : refunds) out.push_back({refund.seq, refund.paid_on, refund.amount});
  return out;
}

}  // namespace nuitee::persistence
