// SQL of platforms' statements: INSERT and SELECT only. Imports for one collectivity and platform
// take turns (an advisory lock), so that two uploads of one file make one import.
#include "persistence/platform_statement_repository.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "domain/money/ledger.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kStatementColumns =
    "s.id::text AS id, s.seq, s.collectivity_id::text AS collectivity_id,"
    " s.platform_id::text AS platform_id, p.name AS platform_name, s.file_sha256,"
    " s.file_lines::bigint AS file_lines, s.new_lines::bigint AS new_lines, s.collected_cents,"
    " s.tax_cents, s.additional_cents, s.first_collection::text AS first_collection,"
    " s.last_collection::text AS last_collection, s.entry_id::text AS entry_id, s.uploaded_by,"
    " to_char(s.uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS uploaded_at,"
    " (SELECT count(*) FROM platform_statement_lines l WHERE l.statement_id = s.id"
    "   AND l.matched_by = 'registration_number')::bigint AS by_number,"
    " (SELECT count(*) FROM platform_statement_lines l WHERE l.statement_id = s.id"
    "   AND l.matched_by = 'address')::bigint AS by_address,"
    " (SELECT count(*) FROM platform_statement_lines l WHERE l.statement_id = s.id"
    "   AND l.matched_by = 'none')::bigint AS unmatched"
    " FROM platform_statements s JOIN platform_clients p ON p.id = s.platform_id";

constexpr const char* kLineColumns =
    "l.id::text AS id, l.seq, l.statement_id::text AS statement_id,"
    " l.platform_id::text AS platform_id, p.name AS platform_name,"
    " l.file_line::bigint AS file_line, l.commune_siren::text AS commune_siren,"
    " l.stay_start::text AS stay_start, l.stay_end::text AS stay_end,"
    " l.collected_on::text AS collected_on, l.address_line, l.postal_code::text AS postal_code,"
    " l.city, l.persons::bigint AS persons, l.nights::bigint AS nights, l.price_per_night_cents,"
    " l.collected_cents, l.tax_cents, l.additional_taxes::text AS additional_taxes, l.nature,"
    " l.category, l.registration_number, l.accommodation_id::text AS accommodation_id,"
    " l.matched_by, r.decision, r.accommodation_id::text AS resolved_accommodation_id, r.reason,"
    " r.decided_by,"
    " to_char(r.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS decided_at"
    " FROM platform_statement_lines l JOIN platform_clients p ON p.id = l.platform_id"
    " LEFT JOIN platform_line_resolutions r ON r.line_id = l.id";

std::optional<long long> GetOptionalLong(const soci::row& row, const std::string& column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  return row.get<long long>(column);
}

StoredPlatformStatement StatementFromRow(const soci::row& row) {
  StoredPlatformStatement out;
  out.id = GetString(row, "id");
  out.seq = GetLong(row, "seq");
  out.collectivity_id = GetString(row, "collectivity_id");
  out.platform_id = GetString(row, "platform_id");
  out.platform_name = GetString(row, "platform_name");
  out.file_sha256 = GetString(row, "file_sha256");
  out.file_lines = GetLong(row, "file_lines");
  out.new_lines = GetLong(row, "new_lines");
  out.collected = Money::Cents(GetLong(row, "collected_cents"));
  out.tax = Money::Cents(GetLong(row, "tax_cents"));
  out.additional = Money::Cents(GetLong(row, "additional_cents"));
  out.first_collection = GetOptionalDay(row, "first_collection");
  out.last_collection = GetOptionalDay(row, "last_collection");
  out.entry_id = GetOptionalString(row, "entry_id");
  out.uploaded_by = GetString(row, "uploaded_by");
  out.uploaded_at = GetString(row, "uploaded_at");
  out.matched_by_registration_number = GetLong(row, "by_number");
  out.matched_by_address = GetLong(row, "by_address");
  out.unmatched = GetLong(row, "unmatched");
  return out;
}

StoredPlatformLine LineFromRow(const soci::row& row) {
  StoredPlatformLine out;
  out.id = GetString(row, "id");
  out.seq = GetLong(row, "seq");
  out.statement_id = GetString(row, "statement_id");
  out.platform_id = GetString(row, "platform_id");
  out.platform_name = GetString(row, "platform_name");
  out.file_line = GetLong(row, "file_line");
  out.commune_siren = GetString(row, "commune_siren");
  out.stay_start = GetDay(row, "stay_start");
  out.stay_end = GetDay(row, "stay_end");
  out.collected_on = GetDay(row, "collected_on");
  out.address_line = GetString(row, "address_line");
  out.postal_code = GetString(row, "postal_code");
  out.city = GetString(row, "city");
  out.persons = GetLong(row, "persons");
  out.nights = GetLong(row, "nights");
  if (auto price = GetOptionalLong(row, "price_per_night_cents")) {
    out.price_per_night = Money::Cents(*price);
  }
  out.collected = Money::Cents(GetLong(row, "collected_cents"));
  out.tax = Money::Cents(GetLong(row, "tax_cents"));
  out.additional_taxes_json = GetString(row, "additional_taxes");
  out.nature = GetString(row, "nature");
  out.category = GetString(row, "category");
  out.registration_number = GetOptionalString(row, "registration_number");
  out.matched_accommodation_id = GetOptionalString(row, "accommodation_id");
  out.matched_by = GetString(row, "matched_by");
  if (auto decision = GetOptionalString(row, "decision")) {
    out.resolution = StoredPlatformLine::Resolution{
        *decision, GetOptionalString(row, "resolved_accommodation_id"),
        GetOptionalString(row, "reason"), GetString(row, "decided_by"),
        GetString(row, "decided_at")};
  }
  return out;
}

nlohmann::json LinesJson(const std::vector<NewPlatformStatementLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  int index = 0;
  for (const auto& each : lines) {
    const auto& line = each.line;
    nlohmann::json additional = nlohmann::json::array();
    for (const auto& share : each.split.additional) {
      additional.push_back({{"party", share.party},
                            {"rate_bp", share.rate.value},
                            {"amount_cents", share.amount.cents()}});
    }
    out.push_back(
        {{"i", index++},
         {"file_line", line.file_line},
         {"line_key", each.line_key},
         {"commune_siren", line.commune_siren},
         {"collectivity_siren", line.collectivity_siren},
         {"stay_start", FormatIsoDate(line.stay_start)},
         {"stay_end", FormatIsoDate(line.stay_end)},
         {"collected_on", FormatIsoDate(line.collected_on)},
         {"address_line", line.address_line},
         {"postal_code", line.postal_code},
         {"city", line.city},
         {"persons", line.persons},
         {"nights", line.nights},
         {"price_cents", line.price_per_night ? nlohmann::json(line.price_per_night->cents())
                                              : nlohmann::json()},
         {"collected_cents", line.collected.cents()},
         {"tax_cents", each.split.tax.cents()},
         {"additional_taxes", additional},
         {"nature", line.nature},
         {"category", std::string(rates::CategoryName(line.category))},
         {"registration_number", line.registration_number
                                     ? nlohmann::json(*line.registration_number)
                                     : nlohmann::json()}});
  }
  return out;
}

// The lines written, matched on the way: by registration number among the collectivity's
// accommodations (a live one first), else by address — the same street line once case and
// punctuation are set aside, and the same postal code — when exactly one accommodation open on
// the stay's first night stands there. Lines whose key was imported before are skipped.
constexpr const char* kInsertLines =
    "WITH input AS ("
    " SELECT * FROM jsonb_to_recordset(:lines::jsonb) AS t(i integer, file_line integer,"
    "  line_key text, commune_siren text, collectivity_siren text, stay_start date, stay_end date,"
    "  collected_on date, address_line text, postal_code text, city text, persons integer,"
    "  nights integer, price_cents bigint, collected_cents bigint, tax_cents bigint,"
    "  additional_taxes jsonb, nature text, category text, registration_number text)"
    "), matched AS ("
    " SELECT input.*,"
    "  (SELECT a.id FROM accommodations a WHERE a.collectivity_id = :c1::uuid"
    "     AND input.registration_number IS NOT NULL"
    "     AND upper(replace(a.registration_number, ' ', '')) = input.registration_number"
    "   ORDER BY (a.ceased_on IS NULL) DESC, a.seq DESC LIMIT 1) AS by_number,"
    "  (SELECT CASE WHEN count(*) = 1 THEN (array_agg(a.id))[1] END FROM accommodations a"
    "    WHERE a.collectivity_id = :c2::uuid AND a.postal_code = input.postal_code"
    "      AND btrim(lower(regexp_replace(a.address_line, '[^[:alnum:]]+', ' ', 'g')))"
    "        = btrim(lower(regexp_replace(input.address_line, '[^[:alnum:]]+', ' ', 'g')))"
    "      AND (a.ceased_on IS NULL OR a.ceased_on > input.stay_start)) AS by_address"
    " FROM input"
    ")"
    " INSERT INTO platform_statement_lines (statement_id, collectivity_id, platform_id, file_line,"
    "  line_key, commune_siren, collectivity_siren, stay_start, stay_end, collected_on,"
    "  address_line, postal_code, city, persons, nights, price_per_night_cents, collected_cents,"
    "  tax_cents, additional_taxes, nature, category, registration_number, accommodation_id,"
    "  matched_by)"
    " SELECT :s::uuid, :c3::uuid, :p::uuid, file_line, line_key, commune_siren,"
    "  collectivity_siren, stay_start, stay_end, collected_on, address_line, postal_code, city,"
    "  persons, nights, price_cents, collected_cents, tax_cents, additional_taxes, nature,"
    "  category, registration_number, coalesce(by_number, by_address),"
    "  CASE WHEN by_number IS NOT NULL THEN 'registration_number'"
    "       WHEN by_address IS NOT NULL THEN 'address' ELSE 'none' END"
    " FROM matched ORDER BY i"
    " ON CONFLICT (collectivity_id, platform_id, line_key) DO NOTHING"
    " RETURNING line_key";

std::string NewId(Transaction& tx) {
  std::string id;
  tx.session() << "SELECT gen_random_uuid()::text", soci::into(id);
  return id;
}

}  // namespace

std::optional<StoredPlatformStatement> PlatformStatementRepository::FindByFile(
    Transaction& tx, const NewPlatformStatement& statement) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kStatementColumns +
                                   " WHERE s.collectivity_id = :c::uuid AND s.platform_id = :p::uuid"
                                   " AND s.file_sha256 = :h",
       soci::use(statement.collectivity_id.value()), soci::use(statement.platform_id),
       soci::use(statement.file_sha256));
  for (const auto& row : rows) return StatementFromRow(row);
  return std::nullopt;
}

Result<PlatformStatementRepository::Imported> PlatformStatementRepository::Import(
    Transaction& tx, const NewPlatformStatement& statement) {
  LockRegisterAppends(tx, "platform-statement:" + statement.collectivity_id.value() + ":" +
                              statement.platform_id);
  if (auto existing = FindByFile(tx, statement)) return Imported{*existing, true};
  const std::string id = NewId(tx);
  const std::string lines = LinesJson(statement.lines).dump();
  std::set<std::string> written;
  {
    soci::rowset<std::string> keys =
        (tx.session().prepare << kInsertLines, soci::use(lines),
         soci::use(statement.collectivity_id.value()), soci::use(statement.collectivity_id.value()),
         soci::use(id), soci::use(statement.collectivity_id.value()),
         soci::use(statement.platform_id));
    for (const auto& key : keys) written.insert(key);
  }
  // What the new lines collected, per account: the ledger entry of the import (docs/ledger.md).
  Money collected = Money::Zero();
  Money tax = Money::Zero();
  std::map<std::string, Money> additional;
  std::optional<Day> first;
  std::optional<Day> last;
  for (const auto& each : statement.lines) {
    if (!written.count(each.line_key)) continue;
    collected = collected + each.line.collected;
    tax = tax + each.split.tax;
    for (const auto& share : each.split.additional) {
      auto [at, inserted] = additional.try_emplace(share.party, Money::Zero());
      at->second = at->second + share.amount;
    }
    if (!first || each.line.collected_on < *first) first = each.line.collected_on;
    if (!last || each.line.collected_on > *last) last = each.line.collected_on;
  }
  std::optional<std::string> entry_id;
  if (collected != Money::Zero()) {
    LedgerEntry entry;
    entry.collectivity_id = statement.collectivity_id;
    entry.kind = LedgerEntryKind::kPlatformStatement;
    entry.booked_on = statement.booked_on;
    entry.platform_id = statement.platform_id;
    entry.source_type = "platform_statement";
    entry.source_id = id;
    entry.label = "Relevé de taxe de séjour collectée par " + statement.platform_name;
    entry.recorded_by = statement.uploaded_by;
    entry.postings.push_back({LedgerAccount::kPlatformReceivable, statement.platform_id, collected});
    if (tax != Money::Zero()) entry.postings.push_back({LedgerAccount::kTaxRevenue, "", -tax});
    for (const auto& [party, amount] : additional) {
      if (amount != Money::Zero()) {
        entry.postings.push_back({LedgerAccount::kAdditionalTaxPayable, party, -amount});
      }
    }
    auto posted = LedgerRepository::Post(tx, entry);
    if (!posted) return Fail(posted.error());
    entry_id = *posted;
  }
  const long long file_lines = static_cast<long long>(statement.lines.size());
  const long long new_lines = static_cast<long long>(written.size());
  const long long collected_cents = collected.cents();
  const long long tax_cents = tax.cents();
  const long long additional_cents = (collected - tax).cents();
  const std::optional<std::string> first_text = DateText(first);
  const std::optional<std::string> last_text = DateText(last);
  tx.session() << "INSERT INTO platform_statements (id, collectivity_id, platform_id, file_sha256,"
                  " file_lines, new_lines, collected_cents, tax_cents, additional_cents,"
                  " first_collection, last_collection, entry_id, uploaded_by)"
                  " VALUES (:id::uuid, :c::uuid, :p::uuid, :h, :fl, :nl, :col, :tax, :add,"
                  " :first::date, :last::date, :e::uuid, :by)",
      soci::use(id), soci::use(statement.collectivity_id.value()),
      soci::use(statement.platform_id), soci::use(statement.file_sha256), soci::use(file_lines),
      soci::use(new_lines), soci::use(collected_cents), soci::use(tax_cents),
      soci::use(additional_cents), soci::use(first_text), soci::use(last_text),
      soci::use(entry_id), soci::use(statement.uploaded_by);
  auto stored = Find(tx, statement.collectivity_id, id);
  if (!stored) return Fail(Error::Internal());
  return Imported{*stored, false};
}

std::optional<StoredPlatformStatement> PlatformStatementRepository::Find(
    Transaction& tx, const CollectivityId& collectivity, const std::string& statement_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kStatementColumns +
                                   " WHERE s.id = :id::uuid AND s.collectivity_id = :c::uuid",
       soci::use(statement_id), soci::use(collectivity.value()));
  for (const auto& row : rows) return StatementFromRow(row);
  return std::nullopt;
}

Page<StoredPlatformStatement> PlatformStatementRepository::List(
    Transaction& tx, const CollectivityId& collectivity,
    const std::optional<std::string>& platform_id, const PageRequest& page) {
  const int limit = page.limit + 1;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kStatementColumns +
                                   " WHERE s.collectivity_id = :c::uuid AND s.seq > :after"
                                   " AND (:p::uuid IS NULL OR s.platform_id = :p2::uuid)"
                                   " ORDER BY s.seq LIMIT :limit",
       soci::use(collectivity.value()), soci::use(page.after_seq), soci::use(platform_id),
       soci::use(platform_id), soci::use(limit));
  Page<StoredPlatformStatement> out;
  for (const auto& row : rows) out.items.push_back(StatementFromRow(row));
  if (int(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next_after_seq = out.items.back().seq;
  }
  return out;
}

std::vector<StoredPlatformLine> PlatformStatementRepository::Lines(
    Transaction& tx, const std::string& statement_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kLineColumns +
                                   " WHERE l.statement_id = :s::uuid ORDER BY l.seq",
       soci::use(statement_id));
  std::vector<StoredPlatformLine> out;
  for (const auto& row : rows) out.push_back(LineFromRow(row));
  return out;
}

Page<StoredPlatformLine> PlatformStatementRepository::Unmatched(Transaction& tx,
                                                                const CollectivityId& collectivity,
                                                                const PageRequest& page) {
  const int limit = page.limit + 1;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kLineColumns +
                                   " WHERE l.collectivity_id = :c::uuid AND l.matched_by = 'none'"
                                   " AND r.line_id IS NULL AND l.seq > :after"
                                   " ORDER BY l.seq LIMIT :limit",
       soci::use(collectivity.value()), soci::use(page.after_seq), soci::use(limit));
  Page<StoredPlatformLine> out;
  for (const auto& row : rows) out.items.push_back(LineFromRow(row));
  if (int(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next_after_seq = out.items.back().seq;
  }
  return out;
}

std::optional<StoredPlatformLine> PlatformStatementRepository::FindLine(
    Transaction& tx, const CollectivityId& collectivity, const std::string& line_id) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kLineColumns +
                                   " WHERE l.id = :id::uuid AND l.collectivity_id = :c::uuid",
       soci::use(line_id), soci::use(collectivity.value()));
  for (const auto& row : rows) return LineFromRow(row);
  return std::nullopt;
}

Result<StoredPlatformLine> PlatformStatementRepository::Resolve(
    Transaction& tx, const CollectivityId& collectivity, const std::string& line_id,
    const std::string& decision, const std::optional<std::string>& accommodation_id,
    const std::optional<std::string>& reason, const std::string& actor) {
  LockRegisterAppends(tx, "platform-line:" + line_id);
  auto line = FindLine(tx, collectivity, line_id);
  if (!line) return Fail(Error::NotFound("Aucune ligne de relevé ne porte cet identifiant."));
  if (line->resolution) {
    return Fail(Error::AlreadyExists("Cette ligne a déjà été traitée.",
                                     "/v1/platform-statements/" + line->statement_id));
  }
  if (line->matched_by != "none") {
    return Fail(Error::FailedPrecondition(
        "Cette ligne a été rattachée à un hébergement à l'import : elle n'est pas à traiter."));
  }
  if (accommodation_id) {
    long long found = 0;
    tx.session() << "SELECT count(*)::bigint FROM accommodations WHERE id = :a::uuid"
                    " AND collectivity_id = :c::uuid",
        soci::use(*accommodation_id), soci::use(collectivity.value()), soci::into(found);
    if (found == 0) {
      return Fail(Error::InvalidArgument("/accommodation_id",
                                         "Aucun hébergement de la collectivité ne porte cet "
                                         "identifiant."));
    }
  }
  tx.session() << "INSERT INTO platform_line_resolutions (line_id, collectivity_id, decision,"
                  " accommodation_id, reason, decided_by)"
                  " VALUES (:l::uuid, :c::uuid, :d, :a::uuid, :r, :by)",
      soci::use(line_id), soci::use(collectivity.value()), soci::use(decision),
      soci::use(accommodation_id), soci::use(reason), soci::use(actor);
  auto stored = FindLine(tx, collectivity, line_id);
  if (!stored) return Fail(Error::Internal());
  return *stored;
}

}  // namespace nuitee::persistence
