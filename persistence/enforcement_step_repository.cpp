// SQL for enforcement_steps and the facts of the calendar (migration 0013).
#include "persistence/enforcement_step_repository.hpp"

#include "persistence/closures_json.hpp"

#include <nlohmann/json.hpp>

#include "persistence/declaration_document.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

// Ids come from the database itself (uuids), so the array literal needs no escaping.
std::string UuidArray(const std::vector<std::string>& ids) {
  std::string literal = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) literal += ',';
    literal += ids[i];
  }
  return literal + "}";
}

std::string FirstDay(Month month) { return FormatIsoDate(month / date::day{1}); }

Month MonthOf(const std::string& text) { return *ParseIsoMonth(text); }

constexpr const char* kStepColumns =
    "id::text AS id, host_id::text AS host_id, accommodation_id::text AS accommodation_id, "
    "to_char(month, 'YYYY-MM') AS month, kind, due_on::text AS due_on, taken_on::text AS taken_on, "
    "(cancelled_at IS NOT NULL)::int AS cancelled, delivered_on::text AS delivered_on, "
    "mail_id::text AS mail_id, letter_id::text AS letter_id, created_by, "
    "to_char(cancelled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
    "AS cancelled_at, cancelled_by, cancel_reason";

StoredStep StepFromRow(const soci::row& row) {
  StoredStep step;
  step.id = GetString(row, "id");
  step.host_id = GetString(row, "host_id");
  step.accommodation_id = GetString(row, "accommodation_id");
  step.month = MonthOf(GetString(row, "month"));
  step.kind = *ParseEnforcementStep(GetString(row, "kind"));
  step.due_on = GetDay(row, "due_on");
  step.taken_on = GetDay(row, "taken_on");
  step.cancelled = row.get<int>("cancelled") != 0;
  step.delivered_on = GetOptionalDay(row, "delivered_on");
  step.mail_id = GetOptionalString(row, "mail_id");
  step.letter_id = GetOptionalString(row, "letter_id");
  step.created_by = GetString(row, "created_by");
  step.cancelled_at = GetOptionalString(row, "cancelled_at");
  step.cancelled_by = GetOptionalString(row, "cancelled_by");
  step.cancel_reason = GetOptionalString(row, "cancel_reason");
  return step;
}

std::set<int> YearsFrom(const std::string& text) {
  std::set<int> years;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    years.insert(std::stoi(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return years;
}

ChasedAccommodation AccommodationFromRow(const soci::row& row) {
  ChasedAccommodation each;
  each.id = GetString(row, "id");
  each.host_id = GetString(row, "host_id");
  each.name = GetString(row, "name");
  each.address_line = GetString(row, "address_line");
  each.postal_code = GetString(row, "postal_code");
  each.commune_insee = GetString(row, "commune_insee_code");
  each.nature = ParseNature(GetString(row, "nature")).value_or(Nature::kFurnishedRental);
  each.capacity_persons = row.get<int>("capacity_persons");
  each.marketing = ParseMarketing(GetString(row, "marketing")).value_or(Marketing::kDirect);
  each.opened_on = GetOptionalDay(row, "opened_on");
  each.ceased_on = GetOptionalDay(row, "ceased_on");
  each.closures = ClosuresFromJson(GetString(row, "closures"));
  return each;
}

// The filter on hosts: the whole collectivity (an empty array), or some hosts of it. Two texts
// rather than one with an OR, so that the planner uses the index on the hosts when there are some.
std::string HostFilter(const std::vector<std::string>& hosts, const char* column) {
  if (hosts.empty()) return " AND cardinality(:hosts::uuid[]) = 0";
  return std::string(" AND ") + column + " = ANY(:hosts::uuid[])";
}

void LoadHosts(Transaction& tx, const CollectivityId& collectivity,
               const std::vector<std::string>& hosts, ProcedureState& state) {
  const std::string c = collectivity.value();
  const std::string ids = UuidArray(hosts);
  const std::string sql =
      "SELECT h.id::text AS id, h.legal_name, h.email, h.address_line, h.postal_code, h.city, "
      "(h.archived_on IS NOT NULL)::int AS archived, "
      "EXISTS (SELECT 1 FROM enforcement_holds k WHERE k.host_id = h.id "
      "AND k.released_at IS NULL)::int AS on_hold, "
      "coalesce((SELECT string_agg(s.year::text, ',') FROM platform_sworn_statements s "
      "WHERE s.host_id = h.id), '') AS sworn_years "
      "FROM hosts h WHERE h.collectivity_id = :c::uuid" +
      HostFilter(hosts, "h.id");
  soci::rowset<soci::row> rows = (tx.session().prepare << sql, soci::use(c), soci::use(ids));
  for (const auto& row : rows) {
    ChasedHost host;
    host.id = GetString(row, "id");
    host.legal_name = GetString(row, "legal_name");
    host.email = GetOptionalString(row, "email");
    host.address_line = GetString(row, "address_line");
    host.postal_code = GetString(row, "postal_code");
    host.city = GetString(row, "city");
    host.archived = row.get<int>("archived") != 0;
    host.on_hold = row.get<int>("on_hold") != 0;
    host.sworn_years = YearsFrom(GetString(row, "sworn_years"));
    state.hosts.emplace(host.id, std::move(host));
  }
}

void LoadDeclared(Transaction& tx, const CollectivityId& collectivity, Month from,
                  const std::vector<std::string>& hosts, ProcedureState& state) {
  const std::string c = collectivity.value();
  const std::string first = FirstDay(from);
  const std::string ids = UuidArray(hosts);
  // Any submission counts, nil or closed included: the month is no longer missing.
  const std::string sql =
      "SELECT accommodation_id::text AS a, to_char(month, 'YYYY-MM') AS m FROM declaration_months "
      "WHERE collectivity_id = :c::uuid AND month >= :from::date AND latest_revision > 0" +
      HostFilter(hosts, "host_id");
  soci::rowset<soci::row> rows =
      (tx.session().prepare << sql, soci::use(c), soci::use(first), soci::use(ids));
  for (const auto& row : rows) {
    state.declared.insert(row.get<std::string>(0) + "|" + row.get<std::string>(1));
  }
}

void LoadSteps(Transaction& tx, const CollectivityId& collectivity, Month from,
               const std::vector<std::string>& hosts, ProcedureState& state) {
  const std::string c = collectivity.value();
  const std::string first = FirstDay(from);
  const std::string ids = UuidArray(hosts);
  const std::string sql = std::string("SELECT ") + kStepColumns +
                          " FROM enforcement_steps WHERE collectivity_id = :c::uuid "
                          "AND month >= :from::date" +
                          HostFilter(hosts, "host_id");
  soci::rowset<soci::row> rows =
      (tx.session().prepare << sql, soci::use(c), soci::use(first), soci::use(ids));
  for (const auto& row : rows) {
    StoredStep step = StepFromRow(row);
    state.steps[AccommodationMonthKey(step.accommodation_id, step.month)].push_back(
        std::move(step));
  }
}

}  // namespace

std::string AccommodationMonthKey(const std::string& accommodation_id, Month month) {
  return accommodation_id + "|" + FormatIsoMonth(month);
}

std::vector<CollectivityId> EnforcementStepRepository::ChasedCollectivities(Transaction& tx) {
  soci::rowset<std::string> rows =
      (tx.session().prepare
       << "SELECT id FROM (SELECT DISTINCT ON (collectivity_id) collectivity_id::text AS id, "
          "enforcement_from FROM enforcement_settings_versions "
          "ORDER BY collectivity_id, version DESC) latest "
          "WHERE enforcement_from IS NOT NULL ORDER BY id");
  std::vector<CollectivityId> ids;
  for (const auto& id : rows) ids.emplace_back(id);
  return ids;
}

ChaseCandidates EnforcementStepRepository::Candidates(Transaction& tx,
                                                      const CollectivityId& collectivity,
                                                      Month from, Month last) {
  const std::string c = collectivity.value();
  const std::string first = FirstDay(from), until = FirstDay(last);
  // The database drops what every chased month was declared for (most of a territory), so that
  // only the accommodations still missing a month cross the wire, with the months they declared.
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "WITH months AS (SELECT m::date AS m FROM generate_series(:from::date, "
              ":last::date, interval '1 month') m) "
              "SELECT a.id::text AS id, a.host_id::text AS host_id, a.name, a.address_line, "
              "a.postal_code, a.commune_insee_code, a.nature, a.capacity_persons, a.marketing, "
              "a.opened_on::text AS opened_on, a.ceased_on::text AS ceased_on, "
              "a.closures::text AS closures, coalesce((SELECT string_agg(to_char(d.month, "
              "'YYYY-MM'), ',') FROM declaration_months d WHERE d.accommodation_id = a.id AND "
              "d.month >= :from2::date AND d.latest_revision > 0), '') AS declared "
              "FROM accommodations a WHERE a.collectivity_id = :c::uuid "
              "AND (a.ceased_on IS NULL OR a.ceased_on > :from3::date) "
              "AND EXISTS (SELECT 1 FROM months WHERE NOT EXISTS (SELECT 1 FROM "
              "declaration_months d WHERE d.accommodation_id = a.id AND d.month = months.m "
              "AND d.latest_revision > 0)) ORDER BY a.host_id, a.seq",
       soci::use(first), soci::use(until), soci::use(first), soci::use(c), soci::use(first));
  ChaseCandidates candidates;
  for (const auto& row : rows) {
    candidates.accommodations.push_back(AccommodationFromRow(row));
    const std::string declared = GetString(row, "declared");
    const std::string& id = candidates.accommodations.back().id;
    for (std::size_t start = 0; start + 7 <= declared.size(); start += 8) {
      candidates.declared.insert(id + "|" + declared.substr(start, 7));
    }
  }
  return candidates;
}

ProcedureState EnforcementStepRepository::State(Transaction& tx, const CollectivityId& collectivity,
                                                Month from, const std::vector<std::string>& hosts,
                                                Declared declared) {
  ProcedureState state;
  LoadHosts(tx, collectivity, hosts, state);
  if (declared == Declared::kRead) LoadDeclared(tx, collectivity, from, hosts, state);
  LoadSteps(tx, collectivity, from, hosts, state);
  return state;
}

std::vector<std::string> EnforcementStepRepository::LockHosts(
    Transaction& tx, const std::vector<std::string>& hosts) {
  const std::string ids = UuidArray(hosts);
  // NO KEY UPDATE: a declaration inserted meanwhile (it references the host) is not blocked.
  soci::rowset<std::string> rows =
      (tx.session().prepare << "SELECT id::text FROM hosts WHERE id = ANY(:ids::uuid[]) "
                               "ORDER BY id FOR NO KEY UPDATE SKIP LOCKED",
       soci::use(ids));
  return {rows.begin(), rows.end()};
}

std::vector<StoredStep> EnforcementStepRepository::Insert(Transaction& tx,
                                                          const CollectivityId& collectivity,
                                                          const std::vector<NewStep>& steps,
                                                          Day taken_on, const std::string& actor) {
  if (steps.empty()) return {};
  std::vector<std::string> hosts, accommodations, months, kinds, due;
  for (const auto& each : steps) {
    hosts.push_back(each.host_id);
    accommodations.push_back(each.accommodation_id);
    months.push_back(FirstDay(each.month));
    kinds.push_back(std::string(EnforcementStepName(each.kind)));
    due.push_back(FormatIsoDate(each.due_on));
  }
  const std::string c = collectivity.value();
  const std::string h = UuidArray(hosts), a = UuidArray(accommodations), m = UuidArray(months),
                    k = UuidArray(kinds), d = UuidArray(due), taken = FormatIsoDate(taken_on);
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << std::string("INSERT INTO enforcement_steps (collectivity_id, host_id, "
                          "accommodation_id, month, kind, due_on, taken_on, created_by) "
                          "SELECT :c::uuid, h, a, m, k, d, :taken::date, :by FROM "
                          "unnest(:h::uuid[], :a::uuid[], :m::date[], :k::text[], :d::date[]) "
                          "AS t(h, a, m, k, d) "
                          "ON CONFLICT (accommodation_id, month, kind) DO NOTHING RETURNING ") +
                  kStepColumns,
       soci::use(c), soci::use(taken), soci::use(actor), soci::use(h), soci::use(a), soci::use(m),
       soci::use(k), soci::use(d));
  std::vector<StoredStep> inserted;
  for (const auto& row : rows) inserted.push_back(StepFromRow(row));
  return inserted;
}

void EnforcementStepRepository::LinkMail(Transaction& tx, const std::vector<std::string>& step_ids,
                                         const std::string& mail_id) {
  const std::string ids = UuidArray(step_ids);
  tx.session() << "UPDATE enforcement_steps SET mail_id = :m::uuid WHERE id = ANY(:ids::uuid[])",
      soci::use(mail_id), soci::use(ids);
}

void EnforcementStepRepository::LinkMails(
    Transaction& tx, const std::vector<std::pair<std::string, std::string>>& step_mails) {
  if (step_mails.empty()) return;
  std::vector<std::string> steps, mails;
  for (const auto& [step, mail] : step_mails) {
    steps.push_back(step);
    mails.push_back(mail);
  }
  const std::string s = UuidArray(steps), m = UuidArray(mails);
  tx.session() << "UPDATE enforcement_steps e SET mail_id = v.m FROM "
                  "unnest(:s::uuid[], :m::uuid[]) AS v(s, m) WHERE e.id = v.s",
      soci::use(s), soci::use(m);
}

void EnforcementStepRepository::LinkLetter(Transaction& tx,
                                           const std::vector<std::string>& step_ids,
                                           const std::string& letter_id) {
  const std::string ids = UuidArray(step_ids);
  tx.session() << "UPDATE enforcement_steps SET letter_id = :l::uuid WHERE id = ANY(:ids::uuid[])",
      soci::use(letter_id), soci::use(ids);
}

void EnforcementStepRepository::AppendEvents(Transaction& tx,
                                             const std::vector<std::string>& step_ids,
                                             const std::string& kind, const std::string& text,
                                             const std::string& actor,
                                             std::optional<Day> occurred_on) {
  if (step_ids.empty()) return;
  const std::string ids = UuidArray(step_ids);
  const std::optional<std::string> occurred = DateText(occurred_on);
  tx.session() << "INSERT INTO enforcement_events (collectivity_id, host_id, accommodation_id, "
                  "month, kind, step_id, text, occurred_on, recorded_by) "
                  "SELECT collectivity_id, host_id, accommodation_id, month, :kind, id, :text, "
                  "coalesce(:occurred::date, taken_on), :by FROM enforcement_steps "
                  "WHERE id = ANY(:ids::uuid[]) ORDER BY seq",
      soci::use(kind), soci::use(text), soci::use(occurred), soci::use(actor), soci::use(ids);
}

std::optional<ChasedAccommodation> EnforcementStepRepository::FindAccommodation(
    Transaction& tx, const CollectivityId& collectivity, const std::string& accommodation) {
  const std::string c = collectivity.value();
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT id::text AS id, host_id::text AS host_id, name, address_line, postal_code, "
              "commune_insee_code, nature, capacity_persons, marketing, opened_on::text AS "
              "opened_on, ceased_on::text AS ceased_on, closures::text AS closures "
              "FROM accommodations WHERE collectivity_id = :c::uuid AND id = :a::uuid",
       soci::use(c), soci::use(accommodation));
  for (const auto& row : rows) return AccommodationFromRow(row);
  return std::nullopt;
}

void EnforcementStepRepository::LockHost(Transaction& tx, const std::string& host) {
  int found = 0;
  tx.session() << "SELECT count(*) FROM (SELECT 1 FROM hosts WHERE id = :h::uuid "
                  "FOR NO KEY UPDATE) locked",
      soci::use(host), soci::into(found);
}

std::optional<StoredStep> EnforcementStepRepository::Find(Transaction& tx,
                                                          const CollectivityId& collectivity,
                                                          const std::string& step) {
  const std::string c = collectivity.value();
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kStepColumns +
                                   " FROM enforcement_steps WHERE collectivity_id = :c::uuid "
                                   "AND id = :s::uuid",
       soci::use(c), soci::use(step));
  for (const auto& row : rows) return StepFromRow(row);
  return std::nullopt;
}

std::optional<StoredStep> EnforcementStepRepository::Cancel(Transaction& tx,
                                                            const CollectivityId& collectivity,
                                                            const std::string& step,
                                                            const std::string& reason,
                                                            const std::string& actor) {
  const std::string c = collectivity.value();
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("UPDATE enforcement_steps SET cancelled_at = now(), "
                                           "cancelled_by = :by, cancel_reason = :reason "
                                           "WHERE collectivity_id = :c::uuid AND id = :s::uuid "
                                           "AND cancelled_at IS NULL RETURNING ") +
                                   kStepColumns,
       soci::use(actor), soci::use(reason), soci::use(c), soci::use(step));
  for (const auto& row : rows) return StepFromRow(row);
  return std::nullopt;
}

std::vector<StoredLetter> EnforcementStepRepository::Letters(Transaction& tx,
                                                             const CollectivityId& collectivity,
                                                             std::optional<bool> delivered) {
  const std::string c = collectivity.value();
  const int filter = !delivered ? -1 : (*delivered ? 1 : 0);
  // A letter's delivery is recorded on all its steps at once: its first step tells.
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT l.id::text AS id, l.host_id::text AS host_id, h.legal_name, "
              "l.dated_on::text AS dated_on, "
              "to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
              "AS created_at FROM enforcement_letters l JOIN hosts h ON h.id = l.host_id "
              "WHERE l.collectivity_id = :c::uuid AND (:f = -1 OR (:f2 = 1) = EXISTS (SELECT 1 "
              "FROM enforcement_steps s WHERE s.letter_id = l.id AND s.delivered_on IS NOT NULL)) "
              "ORDER BY l.seq DESC LIMIT 1000",
       soci::use(c), soci::use(filter), soci::use(filter));
  std::vector<StoredLetter> letters;
  for (const auto& row : rows) {
    StoredLetter letter;
    letter.id = GetString(row, "id");
    letter.host_id = GetString(row, "host_id");
    letter.host_name = GetString(row, "legal_name");
    letter.dated_on = GetDay(row, "dated_on");
    letter.created_at = GetString(row, "created_at");
    letters.push_back(std::move(letter));
  }
  for (auto& letter : letters) {
    soci::rowset<soci::row> steps =
        (tx.session().prepare << std::string("SELECT ") + kStepColumns +
                                     " FROM enforcement_steps WHERE letter_id = :l::uuid "
                                     "ORDER BY seq",
         soci::use(letter.id));
    for (const auto& row : steps) letter.steps.push_back(StepFromRow(row));
  }
  return letters;
}

std::optional<StoredLetter> EnforcementStepRepository::FindLetter(
    Transaction& tx, const CollectivityId& collectivity, const std::string& letter) {
  for (auto& each : Letters(tx, collectivity, std::nullopt)) {
    if (each.id == letter) return std::move(each);
  }
  return std::nullopt;
}

std::optional<std::string> EnforcementStepRepository::LetterPdf(Transaction& tx,
                                                                const CollectivityId& collectivity,
                                                                const std::string& letter) {
  const std::string c = collectivity.value();
  soci::rowset<std::string> rows =
      (tx.session().prepare << "SELECT encode(pdf, 'hex') FROM enforcement_letters "
                               "WHERE collectivity_id = :c::uuid AND id = :l::uuid",
       soci::use(c), soci::use(letter));
  for (const auto& hex : rows) {
    std::string pdf;
    pdf.reserve(hex.size() / 2);
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      pdf += char(std::stoi(hex.substr(i, 2), nullptr, 16));
    }
    return pdf;
  }
  return std::nullopt;
}

int EnforcementStepRepository::RecordDelivery(Transaction& tx, const std::string& letter,
                                              Day delivered_on, const std::string& actor) {
  const std::string day = FormatIsoDate(delivered_on);
  int updated = 0;
  tx.session() << "WITH done AS (UPDATE enforcement_steps SET delivered_on = :d::date, "
                  "delivery_recorded_by = :by, delivery_recorded_at = now() "
                  "WHERE letter_id = :l::uuid AND delivered_on IS NULL RETURNING 1) "
                  "SELECT count(*) FROM done",
      soci::use(day), soci::use(actor), soci::use(letter), soci::into(updated);
  return updated;
}

std::string EnforcementStepRepository::InsertLetter(Transaction& tx,
                                                    const CollectivityId& collectivity,
                                                    const std::string& host_id, Day dated_on,
                                                    const std::string& pdf,
                                                    const std::string& actor) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(pdf.size() * 2);
  for (unsigned char byte : pdf) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0F];
  }
  const std::string c = collectivity.value(), dated = FormatIsoDate(dated_on);
  std::string id;
  // The PDF travels as hex text: SOCI binds parameters as C strings, which a NUL byte would cut.
  tx.session() << "INSERT INTO enforcement_letters (collectivity_id, host_id, kind, dated_on, pdf, "
                  "created_by) VALUES (:c::uuid, :h::uuid, 'formal_notice', :d::date, "
                  "decode(:pdf, 'hex'), :by) RETURNING id::text",
      soci::use(c), soci::use(host_id), soci::use(dated), soci::use(hex), soci::use(actor),
      soci::into(id);
  return id;
}

void EnforcementStepRepository::ProposeAssessment(Transaction& tx,
                                                  const CollectivityId& collectivity,
                                                  const ProposedAssessment& assessment,
                                                  const std::string& actor) {
  const std::string c = collectivity.value(), month = FirstDay(assessment.month);
  const std::string additional =
      AdditionalTaxesToDocument(assessment.amount.additional_taxes).dump();
  const std::string explanation = nlohmann::json(assessment.explanation).dump();
  long long additional_cents = 0;
  for (const auto& each : assessment.amount.additional_taxes)
    additional_cents += each.amount.cents();
  const long long tax_cents = assessment.amount.tax.cents();
  const long long total_cents = assessment.amount.total.cents();
  const long long version = assessment.amount.deliberation_version;
  tx.session() << "INSERT INTO office_assessments (collectivity_id, host_id, accommodation_id, "
                  "month, revision, status, step_id, capacity_persons, nights, "
                  "computed_total_cents, tax_cents, additional_taxes, additional_cents, "
                  "total_cents, explanation, deliberation_version, recorded_by) VALUES "
                  "(:c::uuid, :h::uuid, :a::uuid, :m::date, 1, 'proposed', :s::uuid, :cap, "
                  ":nights, :computed, :tax, :add::jsonb, :addc, :total, :expl::jsonb, :v, :by)",
      soci::use(c), soci::use(assessment.host_id), soci::use(assessment.accommodation_id),
      soci::use(month), soci::use(assessment.step_id), soci::use(assessment.capacity_persons),
      soci::use(assessment.nights), soci::use(total_cents), soci::use(tax_cents),
      soci::use(additional), soci::use(additional_cents), soci::use(total_cents),
      soci::use(explanation), soci::use(version), soci::use(actor);
}

}  // namespace nuitee::persistence
