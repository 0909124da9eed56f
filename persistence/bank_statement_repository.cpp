// SQL of bank statements: formats are edited in place (configuration); statements, lines and
// resolutions are INSERT only. Imports and resolutions of one collectivity take turns (an advisory
// lock), so that two imports of overlapping files store each line once.
#include "persistence/bank_statement_repository.hpp"

#include "domain/money/ledger.hpp"
#include "domain/money/payment_reference.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/payment_repository.hpp"
#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kTimestamp = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

std::string At(const std::string& column) {
  return "to_char(" + column + " AT TIME ZONE 'UTC', " + kTimestamp + ")";
}

const std::string kFormatColumns =
    "f.id::text AS id, f.name, f.definition::text AS definition, f.version, f.archived::int AS archived,"
    " f.recorded_by, " + At("f.recorded_at") + " AS recorded_at FROM bank_statement_formats f";

StoredBankFormat FormatFromRow(const soci::row& row) {
  StoredBankFormat out;
  out.id = GetString(row, "id");
  out.name = GetString(row, "name");
  out.definition_json = GetString(row, "definition");
  out.version = row.get<int>("version");
  out.archived = row.get<int>("archived") != 0;
  out.recorded_by = GetString(row, "recorded_by");
  out.recorded_at = GetString(row, "recorded_at");
  return out;
}

const std::string kLineColumns =
    "l.id::text AS id, l.seq, l.statement_id::text AS statement_id, l.file_line, l.line_key,"
    " l.booked_on::text AS booked_on, l.amount_cents, l.label, l.reference,"
    " CASE WHEN l.payment_id IS NOT NULL THEN 'matched' WHEN r.kind = 'assigned' THEN 'assigned'"
    "      WHEN r.kind = 'dismissed' THEN 'dismissed' ELSE 'unmatched' END AS status,"
    " p.id::text AS payment_id, p.host_id::text AS host_id, h.legal_name AS host_name,"
    " p.target_month::text AS target_month, r.reason, r.recorded_by AS resolved_by, " +
    At("r.recorded_at") +
    " AS resolved_at"
    " FROM bank_statement_lines l LEFT JOIN bank_line_resolutions r ON r.line_id = l.id"
    " LEFT JOIN payments p ON p.id = coalesce(l.payment_id, r.payment_id)"
    " LEFT JOIN hosts h ON h.id = p.host_id";

StoredBankLine LineFromRow(const soci::row& row) {
  StoredBankLine out;
  out.id = GetString(row, "id");
  out.seq = GetLong(row, "seq");
  out.statement_id = GetString(row, "statement_id");
  out.file_line = row.get<int>("file_line");
  out.key = GetString(row, "line_key");
  out.booked_on = GetDay(row, "booked_on");
  out.amount = Money::Cents(GetLong(row, "amount_cents"));
  out.label = GetString(row, "label");
  out.reference = GetOptionalString(row, "reference");
  out.status = GetString(row, "status");
  out.payment_id = GetOptionalString(row, "payment_id");
  out.host_id = GetOptionalString(row, "host_id");
  out.host_name = GetOptionalString(row, "host_name");
  if (auto first = GetOptionalDay(row, "target_month")) {
    out.target_month = first->year() / first->month();
  }
  out.reason = GetOptionalString(row, "reason");
  out.resolved_by = GetOptionalString(row, "resolved_by");
  out.resolved_at = GetOptionalString(row, "resolved_at");
  return out;
}

const std::string kStatementColumns =
    "s.id::text AS id, s.seq, s.format_id::text AS format_id, f.name AS format_name,"
    " s.file_sha256, s.credit_lines, s.debit_lines, s.already_imported, s.imported_by, " +
    At("s.imported_at") +
    " AS imported_at FROM bank_statements s JOIN bank_statement_formats f ON f.id = s.format_id";

StoredBankStatement StatementFromRow(const soci::row& row) {
  StoredBankStatement out;
  out.id = GetString(row, "id");
  out.seq = GetLong(row, "seq");
  out.format_id = GetString(row, "format_id");
  out.format_name = GetString(row, "format_name");
  out.file_sha256 = GetString(row, "file_sha256");
  out.credit_lines = row.get<int>("credit_lines");
  out.debit_lines = row.get<int>("debit_lines");
  out.already_imported = row.get<int>("already_imported");
  out.imported_by = GetString(row, "imported_by");
  out.imported_at = GetString(row, "imported_at");
  return out;
}

std::string NewId(Transaction& tx) {
  std::string id;
  tx.session() << "SELECT gen_random_uuid()::text", soci::into(id);
  return id;
}

void LockBankStatements(Transaction& tx, const CollectivityId& collectivity) {
  LockRegisterAppends(tx, "bank_statements:" + collectivity.value());
}

// Unique across collectivities, as payments.source_key is.
std::string SourceKey(const CollectivityId& collectivity, const std::string& line_key) {
  return "bank:" + collectivity.value() + ":" + line_key;
}

bool NameTaken(Transaction& tx, const CollectivityId& collectivity, const std::string& name,
               const std::string& except_id) {
  long long count = 0;
  tx.session() << "SELECT count(*) FROM bank_statement_formats WHERE collectivity_id = :c::uuid"
                  " AND lower(name) = lower(:n) AND NOT archived AND id::text <> :e",
      soci::use(collectivity.value()), soci::use(name), soci::use(except_id), soci::into(count);
  return count > 0;
}

Error NameError() {
  return Error::AlreadyExists("Un format de relevé porte déjà ce nom.");
}

}  // namespace

Result<StoredBankFormat> BankStatementFormatRepository::Create(Transaction& tx,
                                                               const CollectivityId& collectivity,
                                                               const std::string& name,
                                                               const std::string& definition_json,
                                                               const std::string& actor) {
  LockBankStatements(tx, collectivity);
  if (NameTaken(tx, collectivity, name, "")) return Fail(NameError());
  const std::string id = NewId(tx);
  tx.session() << "INSERT INTO bank_statement_formats (id, collectivity_id, name, definition,"
                  " recorded_by) VALUES (:id::uuid, :c::uuid, :n, :d::jsonb, :by)",
      soci::use(id), soci::use(collectivity.value()), soci::use(name), soci::use(definition_json),
      soci::use(actor);
  return *Find(tx, collectivity, id);
}

std::vector<StoredBankFormat> BankStatementFormatRepository::List(
    Transaction& tx, const CollectivityId& collectivity) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kFormatColumns +
                                   " WHERE f.collectivity_id = :c::uuid AND NOT f.archived"
                                   " ORDER BY lower(f.name)",
       soci::use(collectivity.value()));
  std::vector<StoredBankFormat> out;
  for (const auto& row : rows) out.push_back(FormatFromRow(row));
  return out;
}

std::optional<StoredBankFormat> BankStatementFormatRepository::Find(
    Transaction& tx, const CollectivityId& collectivity, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kFormatColumns +
                                   " WHERE f.collectivity_id = :c::uuid AND f.id = :id::uuid",
       soci::use(collectivity.value()), soci::use(id));
  for (const auto& row : rows) return FormatFromRow(row);
  return std::nullopt;
}

Result<StoredBankFormat> BankStatementFormatRepository::Replace(
    Transaction& tx, const CollectivityId& collectivity, const std::string& id,
    const std::string& name, const std::string& definition_json, const std::string& actor) {
  LockBankStatements(tx, collectivity);
  auto current = Find(tx, collectivity, id);
  if (!current || current->archived) {
    return Fail(Error::NotFound("Ce format de relevé n'existe pas."));
  }
  if (NameTaken(tx, collectivity, name, id)) return Fail(NameError());
  tx.session() << "UPDATE bank_statement_formats SET name = :n, definition = :d::jsonb,"
                  " version = version + 1, recorded_by = :by, recorded_at = now()"
                  " WHERE id = :id::uuid",
      soci::use(name), soci::use(definition_json), soci::use(actor), soci::use(id);
  return *Find(tx, collectivity, id);
}

Result<StoredBankFormat> BankStatementFormatRepository::Archive(Transaction& tx,
                                                                const CollectivityId& collectivity,
                                                                const std::string& id,
                                                                const std::string& actor) {
  LockBankStatements(tx, collectivity);
  auto current = Find(tx, collectivity, id);
  if (!current || current->archived) {
    return Fail(Error::NotFound("Ce format de relevé n'existe pas."));
  }
  tx.session() << "UPDATE bank_statement_formats SET archived = true, version = version + 1,"
                  " recorded_by = :by, recorded_at = now() WHERE id = :id::uuid",
      soci::use(actor), soci::use(id);
  return *Find(tx, collectivity, id);
}

std::optional<std::string> BankStatementRepository::FindByFile(Transaction& tx,
                                                               const CollectivityId& collectivity,
                                                               const std::string& file_sha256) {
  std::optional<std::string> id;
  tx.session() << "SELECT id::text FROM bank_statements WHERE collectivity_id = :c::uuid"
                  " AND file_sha256 = :h",
      soci::use(collectivity.value()), soci::use(file_sha256), soci::into(id);
  return id;
}

Result<StoredBankStatement> BankStatementRepository::Import(Transaction& tx,
                                                            const BankImport& import) {
  const CollectivityId& collectivity = import.collectivity_id;
  LockBankStatements(tx, collectivity);
  if (auto existing = FindByFile(tx, collectivity, import.file_sha256)) {
    return Fail(Error::AlreadyExists(
        "Ce relevé a déjà été importé : rien n'a changé.",
        "/v1/collectivities/" + collectivity.value() + "/bank-statements/" + *existing));
  }
  std::vector<const BankCreditLine*> fresh;
  for (const auto& line : import.file.credits) {
    long long known = 0;
    tx.session() << "SELECT count(*) FROM bank_statement_lines WHERE collectivity_id = :c::uuid"
                    " AND line_key = :k",
        soci::use(collectivity.value()), soci::use(line.key), soci::into(known);
    if (known == 0) fresh.push_back(&line);
  }
  const std::string statement_id = NewId(tx);
  const int credits = int(import.file.credits.size());
  const int debits = import.file.debit_lines;
  const int already = credits - int(fresh.size());
  tx.session() << "INSERT INTO bank_statements (id, collectivity_id, format_id, file_sha256,"
                  " credit_lines, debit_lines, already_imported, imported_by) VALUES (:id::uuid,"
                  " :c::uuid, :f::uuid, :h, :cr, :de, :al, :by)",
      soci::use(statement_id), soci::use(collectivity.value()), soci::use(import.format_id),
      soci::use(import.file_sha256), soci::use(credits), soci::use(debits), soci::use(already),
      soci::use(import.actor);
  for (const BankCreditLine* line : fresh) {
    const std::string line_id = NewId(tx);
    const auto reference = FindPaymentReference(line->label);
    const std::optional<std::string> printed =
        reference ? std::optional<std::string>(FormatPaymentReference(*reference)) : std::nullopt;
    const std::optional<HostId> host =
        reference ? PaymentRepository::FindHostByNumber(tx, collectivity, reference->host_number)
                  : std::nullopt;
    std::optional<std::string> payment_id;
    std::optional<std::string> entry_id;
    if (host) {
      NewPayment payment;
      payment.collectivity_id = collectivity;
      payment.host_id = *host;
      payment.method = PaymentMethod::kBankTransfer;
      payment.origin = "bank_statement";
      payment.amount = line->amount;
      payment.received_on = line->booked_on;
      payment.payer_reference = printed;
      payment.target_month = reference->month;
      payment.source_key = SourceKey(collectivity, line->key);
      payment.recorded_by = import.actor;
      auto stored = PaymentRepository::Record(tx, payment);
      if (!stored) return Fail(stored.error());
      payment_id = stored->id;
    } else {
      LedgerEntry entry;
      entry.collectivity_id = collectivity;
      entry.kind = LedgerEntryKind::kBankUnmatched;
      entry.booked_on = line->booked_on;
      entry.source_type = "bank_statement_line";
      entry.source_id = line_id;
      entry.reference = printed;
      entry.label = "Virement reçu à identifier : " + line->label.substr(0, 200);
      entry.recorded_by = import.actor;
      entry.postings = Transfer(line->amount, LedgerAccount::kTreasury, "",
                                LedgerAccount::kSuspense, "");
      auto posted = LedgerRepository::Post(tx, entry);
      if (!posted) return Fail(posted.error());
      entry_id = *posted;
    }
    const std::string booked_on = FormatIsoDate(line->booked_on);
    const long long amount = line->amount.cents();
    tx.session() << "INSERT INTO bank_statement_lines (id, collectivity_id, statement_id,"
                    " file_line, line_key, booked_on, amount_cents, label, reference, payment_id,"
                    " entry_id) VALUES (:id::uuid, :c::uuid, :s::uuid, :n, :k, :d::date, :a, :l,"
                    " :r, :p::uuid, :e::uuid)",
        soci::use(line_id), soci::use(collectivity.value()), soci::use(statement_id),
        soci::use(line->file_line), soci::use(line->key), soci::use(booked_on), soci::use(amount),
        soci::use(line->label), soci::use(printed), soci::use(payment_id), soci::use(entry_id);
  }
  return *Find(tx, collectivity, statement_id);
}

std::optional<StoredBankStatement> BankStatementRepository::Find(
    Transaction& tx, const CollectivityId& collectivity, const std::string& id) {
  std::optional<StoredBankStatement> out;
  {
    soci::rowset<soci::row> rows =
        (tx.session().prepare << "SELECT " + kStatementColumns +
                                     " WHERE s.collectivity_id = :c::uuid AND s.id = :id::uuid",
         soci::use(collectivity.value()), soci::use(id));
    for (const auto& row : rows) out = StatementFromRow(row);
  }
  if (!out) return std::nullopt;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kLineColumns +
                                   " WHERE l.statement_id = :s::uuid ORDER BY l.file_line",
       soci::use(id));
  for (const auto& row : rows) out->lines.push_back(LineFromRow(row));
  return out;
}

std::vector<StoredBankStatement> BankStatementRepository::List(
    Transaction& tx, const CollectivityId& collectivity) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kStatementColumns +
                                   " WHERE s.collectivity_id = :c::uuid ORDER BY s.seq DESC",
       soci::use(collectivity.value()));
  std::vector<StoredBankStatement> out;
  for (const auto& row : rows) out.push_back(StatementFromRow(row));
  return out;
}

std::vector<StoredBankLine> BankStatementRepository::Unresolved(
    Transaction& tx, const CollectivityId& collectivity) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kLineColumns +
                                   " WHERE l.collectivity_id = :c::uuid AND l.payment_id IS NULL"
                                   " AND r.line_id IS NULL ORDER BY l.booked_on, l.seq",
       soci::use(collectivity.value()));
  std::vector<StoredBankLine> out;
  for (const auto& row : rows) out.push_back(LineFromRow(row));
  return out;
}

std::optional<StoredBankLine> BankStatementRepository::FindLine(
    Transaction& tx, const CollectivityId& collectivity, const std::string& line_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kLineColumns +
                                   " WHERE l.collectivity_id = :c::uuid AND l.id = :id::uuid",
       soci::use(collectivity.value()), soci::use(line_id));
  for (const auto& row : rows) return LineFromRow(row);
  return std::nullopt;
}

namespace {

Result<StoredBankLine> ParkedLine(Transaction& tx, const CollectivityId& collectivity,
                                  const std::string& line_id) {
  auto line = BankStatementRepository::FindLine(tx, collectivity, line_id);
  if (!line) return Fail(Error::NotFound("Cette ligne de relevé n'existe pas."));
  if (line->status != "unmatched") {
    return Fail(Error::FailedPrecondition(
        line->status == "dismissed"
            ? "Cette ligne a déjà été écartée : elle n'est plus en compte d'attente."
            : "Cette ligne est déjà rattachée à un hébergeur : annulez le paiement pour la "
              "corriger."));
  }
  return *line;
}

}  // namespace

Result<StoredBankLine> BankStatementRepository::Assign(Transaction& tx,
                                                       const CollectivityId& collectivity,
                                                       const std::string& line_id,
                                                       const HostId& host,
                                                       const std::optional<Month>& target_month,
                                                       const std::string& actor) {
  LockBankStatements(tx, collectivity);
  auto line = ParkedLine(tx, collectivity, line_id);
  if (!line) return Fail(line.error());
  long long known = 0;
  tx.session() << "SELECT count(*) FROM hosts WHERE id = :h::uuid AND collectivity_id = :c::uuid",
      soci::use(host.value()), soci::use(collectivity.value()), soci::into(known);
  if (known == 0) {
    return Fail(Error::RuleViolation({{"/host_id", "Cet hébergeur n'existe pas dans la collectivité."}}));
  }
  NewPayment payment;
  payment.collectivity_id = collectivity;
  payment.host_id = host;
  payment.method = PaymentMethod::kBankTransfer;
  payment.origin = "bank_statement";
  payment.amount = line->amount;
  payment.received_on = line->booked_on;
  payment.payer_reference = line->reference;
  payment.target_month = target_month;
  payment.note = "Rattaché à la main depuis le compte d'attente";
  payment.source_key = SourceKey(collectivity, line->key);
  payment.from_suspense = true;
  payment.recorded_by = actor;
  auto stored = PaymentRepository::Record(tx, payment);
  if (!stored) return Fail(stored.error());
  tx.session() << "INSERT INTO bank_line_resolutions (line_id, kind, payment_id, recorded_by)"
                  " VALUES (:l::uuid, 'assigned', :p::uuid, :by)",
      soci::use(line_id), soci::use(stored->id), soci::use(actor);
  return *FindLine(tx, collectivity, line_id);
}

Result<StoredBankLine> BankStatementRepository::Dismiss(Transaction& tx,
                                                        const CollectivityId& collectivity,
                                                        const std::string& line_id,
                                                        const std::string& reason, Day booked_on,
                                                        const std::string& actor) {
  LockBankStatements(tx, collectivity);
  auto line = ParkedLine(tx, collectivity, line_id);
  if (!line) return Fail(line.error());
  LedgerEntry entry;
  entry.collectivity_id = collectivity;
  entry.kind = LedgerEntryKind::kBankUnmatched;
  entry.booked_on = booked_on;
  entry.source_type = "bank_line_dismissal";
  entry.source_id = line_id;
  entry.reference = line->reference;
  entry.label = "Recette étrangère à la taxe de séjour, sortie du compte d'attente : " + reason;
  entry.recorded_by = actor;
  entry.postings =
      Transfer(line->amount, LedgerAccount::kSuspense, "", LedgerAccount::kTreasury, "");
  auto posted = LedgerRepository::Post(tx, entry);
  if (!posted) return Fail(posted.error());
  tx.session() << "INSERT INTO bank_line_resolutions (line_id, kind, entry_id, reason,"
                  " recorded_by) VALUES (:l::uuid, 'dismissed', :e::uuid, :r, :by)",
      soci::use(line_id), soci::use(*posted), soci::use(reason), soci::use(actor);
  return *FindLine(tx, collectivity, line_id);
}

}  // namespace nuitee::persistence
