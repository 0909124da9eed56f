// SQL of online payments: INSERT and SELECT only. The outcome of one operation is recorded under
// an advisory lock on its idop, and a unique index allows one outcome per operation.
#include "persistence/online_payment_repository.hpp"

#include "persistence/payment_repository.hpp"
#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

const std::string kColumns =
    "o.id::text AS id, o.seq, o.collectivity_id::text AS collectivity_id,"
    " o.host_id::text AS host_id, o.provider, o.idop, o.refdet, o.amount_cents,"
    " array_to_string(o.months, ',') AS months, o.payer_email, o.started_by,"
    " to_char(o.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS started_at,"
    " coalesce(e.status, 'started') AS status, e.result_code, e.payment_id::text AS payment_id,"
    " to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS finished_at"
    " FROM online_payments o LEFT JOIN online_payment_events e"
    "   ON e.online_payment_id = o.id AND e.status <> 'started'";

StoredOnlinePayment FromRow(const soci::row& row) {
  StoredOnlinePayment out;
  out.id = GetString(row, "id");
  out.seq = GetLong(row, "seq");
  out.collectivity_id = CollectivityId(GetString(row, "collectivity_id"));
  out.host_id = HostId(GetString(row, "host_id"));
  out.provider = GetString(row, "provider");
  out.idop = GetString(row, "idop");
  out.refdet = GetString(row, "refdet");
  out.amount = Money::Cents(GetLong(row, "amount_cents"));
  const std::string months = GetOptionalString(row, "months").value_or("");
  for (std::size_t start = 0; start < months.size();) {
    std::size_t end = months.find(',', start);
    if (end == std::string::npos) end = months.size();
    if (auto day = ParseIsoDate(months.substr(start, end - start))) {
      out.months.push_back(day->year() / day->month());
    }
    start = end + 1;
  }
  out.payer_email = GetString(row, "payer_email");
  out.started_by = GetString(row, "started_by");
  out.started_at = GetString(row, "started_at");
  out.status = GetString(row, "status");
  out.result_code = GetOptionalString(row, "result_code");
  out.payment_id = GetOptionalString(row, "payment_id");
  out.finished_at = GetOptionalString(row, "finished_at");
  return out;
}

}  // namespace

std::optional<long long> OnlinePaymentRepository::HostNumber(Transaction& tx,
                                                             const CollectivityId& collectivity,
                                                             const HostId& host) {
  std::optional<long long> number;
  tx.session() << "SELECT seq FROM hosts WHERE id = :h::uuid AND collectivity_id = :c::uuid",
      soci::use(host.value()), soci::use(collectivity.value()), soci::into(number);
  return number;
}

StoredOnlinePayment OnlinePaymentRepository::Start(Transaction& tx,
                                                   const NewOnlinePayment& payment) {
  std::string months;
  for (const auto& month : payment.months) {
    if (!months.empty()) months += ',';
    months += FormatIsoDate(month / date::day{1});
  }
  std::string id;
  const long long amount = payment.amount.cents();
  tx.session() << "INSERT INTO online_payments (collectivity_id, host_id, provider, idop, refdet,"
                  " amount_cents, months, payer_email, started_by) VALUES (:c::uuid, :h::uuid, :p,"
                  " :i, :r, :a, string_to_array(:m, ',')::date[], :e, :by) RETURNING id::text",
      soci::use(payment.collectivity_id.value()), soci::use(payment.host_id.value()),
      soci::use(payment.provider), soci::use(payment.idop), soci::use(payment.refdet),
      soci::use(amount), soci::use(months), soci::use(payment.payer_email),
      soci::use(payment.started_by), soci::into(id);
  tx.session() << "INSERT INTO online_payment_events (online_payment_id, status)"
                  " VALUES (:id::uuid, 'started')",
      soci::use(id);
  return *FindByIdop(tx, payment.idop);
}

std::optional<StoredOnlinePayment> OnlinePaymentRepository::FindByIdop(Transaction& tx,
                                                                       const std::string& idop) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kColumns + " WHERE o.idop = :i", soci::use(idop));
  for (const auto& row : rows) return FromRow(row);
  return std::nullopt;
}

std::vector<StoredOnlinePayment> OnlinePaymentRepository::OfHost(Transaction& tx,
                                                                 const HostId& host) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kColumns + " WHERE o.host_id = :h::uuid ORDER BY o.seq",
       soci::use(host.value()));
  std::vector<StoredOnlinePayment> out;
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

Result<OnlinePaymentRepository::Outcome> OnlinePaymentRepository::RecordOutcome(
    Transaction& tx, const std::string& idop, const std::string& status,
    const std::string& result_code, Day paid_on, const std::string& actor) {
  LockRegisterAppends(tx, "online_payment:" + idop);
  auto current = FindByIdop(tx, idop);
  if (!current) return Fail(Error::NotFound("Aucun paiement en ligne ne porte cet identifiant."));
  if (current->status != "started") return Outcome{*current, false};
  std::optional<std::string> payment_id;
  if (status == "paid") {
    NewPayment payment;
    payment.collectivity_id = current->collectivity_id;
    payment.host_id = current->host_id;
    payment.method = PaymentMethod::kOnline;
    payment.origin = "online";
    payment.amount = current->amount;
    payment.received_on = paid_on;
    payment.payer_reference = current->refdet;
    if (current->months.size() == 1) payment.target_month = current->months.front();
    payment.note = "Paiement en ligne (" + current->provider + ", opération " + idop + ")";
    payment.source_key = current->provider + ":" + idop;
    payment.recorded_by = actor;
    auto stored = PaymentRepository::Record(tx, payment);
    if (!stored) return Fail(stored.error());
    payment_id = stored->id;
  }
  tx.session() << "INSERT INTO online_payment_events (online_payment_id, status, result_code,"
                  " payment_id) VALUES (:o::uuid, :s, :c, :p::uuid)",
      soci::use(current->id), soci::use(status), soci::use(result_code), soci::use(payment_id);
  return Outcome{*FindByIdop(tx, idop), true};
}

}  // namespace nuitee::persistence
