// SQL of the budget's versions and transfers (migration 0016). Transfers of a collectivity are
// serialised by an advisory lock, so that two transfers to one beneficiary cannot both pass the
// check of what is payable.
#include "persistence/budget_repository.hpp"

#include <nlohmann/json.hpp>

#include "persistence/ledger_repository.hpp"
#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kTimestamp =
    "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

std::string Timestamp(const std::string& column) {
  std::string text = kTimestamp;
  text.replace(text.find("%s"), 2, column);
  return text;
}

const std::string kBudgetColumns =
    "fiscal_year, version, stage, decision_reference, decided_on::text AS decided_on,"
    " forecast_tax_cents, beneficiaries::text AS beneficiaries, tourist_office_cents,"
    " instalments::text AS instalments, note, recorded_by, " + Timestamp("recorded_at") +
    " AS recorded_at";

std::string BeneficiariesJson(const BudgetLines& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& each : lines.beneficiaries) {
    out.push_back({{"beneficiary", each.beneficiary},
                   {"label", each.label},
                   {"expected_cents", each.expected.cents()}});
  }
  return out.dump();
}

std::string InstalmentsJson(const BudgetLines& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& each : lines.instalments) {
    out.push_back({{"number", each.number},
                   {"due_on", FormatIsoDate(each.due_on)},
                   {"amount_cents", each.amount.cents()}});
  }
  return out.dump();
}

StoredBudget BudgetFromRow(const soci::row& row) {
  StoredBudget stored;
  stored.fiscal_year = row.get<int>("fiscal_year");
  stored.version = row.get<int>("version");
  auto& lines = stored.lines;
  lines.stage = ParseBudgetStage(GetString(row, "stage")).value_or(BudgetStage::kBudgetPrimitif);
  lines.decision_reference = GetString(row, "decision_reference");
  lines.decided_on = GetOptionalDay(row, "decided_on");
  lines.forecast_tax = Money::Cents(GetLong(row, "forecast_tax_cents"));
  for (const auto& each : nlohmann::json::parse(GetString(row, "beneficiaries"))) {
    lines.beneficiaries.push_back({each.at("beneficiary").get<std::string>(),
                                   each.at("label").get<std::string>(),
                                   Money::Cents(each.at("expected_cents").get<long long>())});
  }
  lines.tourist_office = Money::Cents(GetLong(row, "tourist_office_cents"));
  for (const auto& each : nlohmann::json::parse(GetString(row, "instalments"))) {
    lines.instalments.push_back(
        {each.at("number").get<int>(),
         ParseIsoDate(each.at("due_on").get<std::string>()).value_or(Day{}),
         Money::Cents(each.at("amount_cents").get<long long>())});
  }
  lines.note = GetString(row, "note");
  stored.recorded_by = GetString(row, "recorded_by");
  stored.recorded_at = GetString(row, "recorded_at");
  return stored;
}

const std::string kTransferSelect =
    "SELECT t.id::text AS id, t.seq, t.kind, t.beneficiary, t.fiscal_year, t.instalment,"
    " t.paid_on::text AS paid_on, t.amount_cents, t.reference, t.note, t.entry_id::text AS entry_id,"
    " t.recorded_by, " + Timestamp("t.recorded_at") + " AS recorded_at,"
    " r.reason, r.reversed_on::text AS reversed_on, r.entry_id::text AS reversal_entry_id,"
    " r.recorded_by AS reversed_by, " + Timestamp("r.recorded_at") + " AS reversed_at"
    " FROM budget_transfers t LEFT JOIN budget_transfer_reversals r ON r.transfer_id = t.id";

StoredBudgetTransfer TransferFromRow(const soci::row& row) {
  StoredBudgetTransfer stored;
  stored.id = GetString(row, "id");
  stored.seq = GetLong(row, "seq");
  stored.tourist_office = GetString(row, "kind") == "tourist_office";
  stored.beneficiary = GetOptionalString(row, "beneficiary").value_or("");
  stored.fiscal_year = row.get<int>("fiscal_year");
  if (row.get_indicator("instalment") == soci::i_ok) stored.instalment = row.get<int>("instalment");
  stored.paid_on = GetDay(row, "paid_on");
  stored.amount = Money::Cents(GetLong(row, "amount_cents"));
  stored.reference = GetString(row, "reference");
  stored.note = GetString(row, "note");
  stored.entry_id = GetString(row, "entry_id");
  stored.recorded_by = GetString(row, "recorded_by");
  stored.recorded_at = GetString(row, "recorded_at");
  if (auto reason = GetOptionalString(row, "reason")) {
    stored.reversal = StoredBudgetTransfer::Reversal{
        *reason, GetDay(row, "reversed_on"), GetString(row, "reversal_entry_id"),
        GetString(row, "reversed_by"), GetString(row, "reversed_at")};
  }
  return stored;
}

// The postings of a transfer: the payable (or the tourist office) debited, the treasury credited.
std::vector<Posting> TransferPostings(bool tourist_office, const std::string& beneficiary,
                                      Money amount) {
  return Transfer(amount,
                  tourist_office ? LedgerAccount::kTouristOffice
                                 : LedgerAccount::kAdditionalTaxPayable,
                  tourist_office ? "" : beneficiary, LedgerAccount::kTreasury, "");
}

}  // namespace

std::optional<StoredBudget> BudgetRepository::Latest(Transaction& tx,
                                                     const CollectivityId& collectivity,
                                                     int fiscal_year) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kBudgetColumns +
                                   " FROM budget_versions WHERE collectivity_id = :c::uuid"
                                   " AND fiscal_year = :y ORDER BY version DESC LIMIT 1",
       soci::use(collectivity.value()), soci::use(fiscal_year));
  for (const auto& row : rows) return BudgetFromRow(row);
  return std::nullopt;
}

std::vector<StoredBudget> BudgetRepository::Versions(Transaction& tx,
                                                     const CollectivityId& collectivity,
                                                     int fiscal_year) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT " + kBudgetColumns +
                                   " FROM budget_versions WHERE collectivity_id = :c::uuid"
                                   " AND fiscal_year = :y ORDER BY version",
       soci::use(collectivity.value()), soci::use(fiscal_year));
  std::vector<StoredBudget> versions;
  for (const auto& row : rows) versions.push_back(BudgetFromRow(row));
  return versions;
}

StoredBudget BudgetRepository::Append(Transaction& tx, const CollectivityId& collectivity,
                                      int fiscal_year, const BudgetLines& lines,
                                      const std::string& actor) {
  LockRegisterAppends(tx, "budget:" + collectivity.value() + ":" + std::to_string(fiscal_year));
  const std::string stage(BudgetStageCode(lines.stage));
  const std::optional<std::string> decided_on = DateText(lines.decided_on);
  const long long forecast = lines.forecast_tax.cents();
  const long long office = lines.tourist_office.cents();
  const std::string beneficiaries = BeneficiariesJson(lines);
  const std::string instalments = InstalmentsJson(lines);
  soci::row row;
  tx.session() << "INSERT INTO budget_versions (collectivity_id, fiscal_year, version, stage,"
                  " decision_reference, decided_on, forecast_tax_cents, beneficiaries,"
                  " tourist_office_cents, instalments, note, recorded_by)"
                  " SELECT :c::uuid, :y, coalesce(max(version), 0) + 1, :stage, :ref,"
                  " :decided::date, :forecast, :beneficiaries::jsonb, :office, :instalments::jsonb,"
                  " :note, :by FROM budget_versions"
                  " WHERE collectivity_id = :c2::uuid AND fiscal_year = :y2 RETURNING " +
                      kBudgetColumns,
      soci::use(collectivity.value()), soci::use(fiscal_year), soci::use(stage),
      soci::use(lines.decision_reference), soci::use(decided_on), soci::use(forecast),
      soci::use(beneficiaries), soci::use(office), soci::use(instalments), soci::use(lines.note),
      soci::use(actor), soci::use(collectivity.value()), soci::use(fiscal_year), soci::into(row);
  return BudgetFromRow(row);
}

Money BudgetRepository::PayableTo(Transaction& tx, const CollectivityId& collectivity,
                                  const std::string& beneficiary) {
  long long cents = 0;
  tx.session() << "SELECT coalesce(-sum(amount_cents), 0)::bigint FROM ledger_postings"
                  " WHERE collectivity_id = :c::uuid AND account = 'additional_tax_payable'"
                  " AND party = :b",
      soci::use(collectivity.value()), soci::use(beneficiary), soci::into(cents);
  return Money::Cents(cents);
}

Result<StoredBudgetTransfer> BudgetRepository::RecordTransfer(Transaction& tx,
                                                              const NewBudgetTransfer& transfer) {
  LockRegisterAppends(tx, "budget-transfers:" + transfer.collectivity_id.value());
  if (!transfer.tourist_office) {
    // CGCT L. 3333-1, L. 2531-17/18: the add-on collected for a beneficiary is passed on to it;
    // never more than the ledger holds payable to it.
    const Money payable = PayableTo(tx, transfer.collectivity_id, transfer.beneficiary);
    if (transfer.amount > payable) {
      return Fail(Error::RuleViolation(
          {{"/amount_cents", "Il reste " + EurosText(payable) + " à reverser à ce bénéficiaire : " +
                                 "le virement de " + EurosText(transfer.amount) +
                                 " le dépasse."}},
          "Ce reversement dépasse ce qui est dû au bénéficiaire."));
    }
  }
  const std::string kind = transfer.tourist_office ? "tourist_office" : "beneficiary";
  const std::optional<std::string> beneficiary =
      transfer.tourist_office ? std::nullopt : std::optional<std::string>(transfer.beneficiary);
  const std::string paid_on = FormatIsoDate(transfer.paid_on);
  const long long amount = transfer.amount.cents();
  std::string id;
  tx.session() << "SELECT gen_random_uuid()::text", soci::into(id);

  LedgerEntry entry;
  entry.collectivity_id = transfer.collectivity_id;
  entry.kind = transfer.tourist_office ? LedgerEntryKind::kTouristOfficeTransfer
                                       : LedgerEntryKind::kBeneficiaryTransfer;
  entry.booked_on = transfer.paid_on;
  entry.source_type = "budget_transfer";
  entry.source_id = id;
  entry.reference = transfer.reference;
  entry.label = transfer.tourist_office
                    ? "Versement à l'office de tourisme" +
                          (transfer.instalment
                               ? ", échéance " + std::to_string(*transfer.instalment)
                               : std::string()) +
                          " (exercice " + std::to_string(transfer.fiscal_year) + ")"
                    : "Reversement au bénéficiaire : " +
                          BeneficiaryName(transfer.beneficiary) + " (exercice " +
                          std::to_string(transfer.fiscal_year) + ")";
  entry.recorded_by = transfer.recorded_by;
  entry.postings = TransferPostings(transfer.tourist_office, transfer.beneficiary, transfer.amount);
  auto posted = LedgerRepository::Post(tx, entry);
  if (!posted) return Fail(posted.error());

  tx.session() << "INSERT INTO budget_transfers (id, collectivity_id, kind, beneficiary,"
                  " fiscal_year, instalment, paid_on, amount_cents, reference, note, entry_id,"
                  " recorded_by) VALUES (:id::uuid, :c::uuid, :kind, :b, :y, :i, :paid::date,"
                  " :amount, :ref, :note, :entry::uuid, :by)",
      soci::use(id), soci::use(transfer.collectivity_id.value()), soci::use(kind),
      soci::use(beneficiary), soci::use(transfer.fiscal_year), soci::use(transfer.instalment),
      soci::use(paid_on), soci::use(amount), soci::use(transfer.reference),
      soci::use(transfer.note), soci::use(*posted), soci::use(transfer.recorded_by);
  auto stored = FindTransfer(tx, transfer.collectivity_id, id);
  if (!stored) return Fail(Error::Internal());
  return *stored;
}

Result<StoredBudgetTransfer> BudgetRepository::ReverseTransfer(
    Transaction& tx, const CollectivityId& collectivity, const std::string& transfer_id,
    const std::string& reason, Day reversed_on, const std::string& actor) {
  LockRegisterAppends(tx, "budget-transfers:" + collectivity.value());
  auto transfer = FindTransfer(tx, collectivity, transfer_id);
  if (!transfer) return Fail(Error::NotFound("Ce virement n'existe pas."));
  if (transfer->reversal) {
    return Fail(Error::AlreadyExists("Ce virement a déjà été annulé."));
  }
  LedgerEntry entry;
  entry.collectivity_id = collectivity;
  entry.kind = transfer->tourist_office ? LedgerEntryKind::kTouristOfficeTransfer
                                        : LedgerEntryKind::kBeneficiaryTransfer;
  entry.booked_on = reversed_on;
  entry.source_type = "budget_transfer_reversal";
  entry.source_id = transfer_id;
  entry.reference = transfer->reference;
  entry.label = "Annulation du virement " + transfer->reference + " : " + reason;
  entry.recorded_by = actor;
  entry.postings =
      TransferPostings(transfer->tourist_office, transfer->beneficiary, -transfer->amount);
  // Transfer() gives (to +amount, from −amount): with −amount, the treasury is debited back.
  auto posted = LedgerRepository::Post(tx, entry);
  if (!posted) return Fail(posted.error());
  const std::string on = FormatIsoDate(reversed_on);
  tx.session() << "INSERT INTO budget_transfer_reversals (transfer_id, reason, reversed_on,"
                  " entry_id, recorded_by) VALUES (:t::uuid, :reason, :on::date, :entry::uuid,"
                  " :by)",
      soci::use(transfer_id), soci::use(reason), soci::use(on), soci::use(*posted),
      soci::use(actor);
  auto stored = FindTransfer(tx, collectivity, transfer_id);
  if (!stored) return Fail(Error::Internal());
  return *stored;
}

std::optional<StoredBudgetTransfer> BudgetRepository::FindTransfer(
    Transaction& tx, const CollectivityId& collectivity, const std::string& transfer_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << kTransferSelect +
                                   " WHERE t.collectivity_id = :c::uuid AND t.id = :id::uuid",
       soci::use(collectivity.value()), soci::use(transfer_id));
  for (const auto& row : rows) return TransferFromRow(row);
  return std::nullopt;
}

std::vector<StoredBudgetTransfer> BudgetRepository::Transfers(Transaction& tx,
                                                              const CollectivityId& collectivity,
                                                              int fiscal_year) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << kTransferSelect +
                                   " WHERE t.collectivity_id = :c::uuid AND t.fiscal_year = :y"
                                   " ORDER BY t.seq",
       soci::use(collectivity.value()), soci::use(fiscal_year));
  std::vector<StoredBudgetTransfer> transfers;
  for (const auto& row : rows) transfers.push_back(TransferFromRow(row));
  return transfers;
}

}  // namespace nuitee::persistence
