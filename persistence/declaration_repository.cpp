// SQL for the monthly declarations (migrations 0006 and 0007).
#include "persistence/declaration_repository.hpp"

#include <algorithm>
#include <map>

#include "persistence/declaration_document.hpp"
#include "persistence/prepared_statements.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kIsoTimestamp = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

std::string MonthText(Month month) { return FormatIsoDate(FirstDay(month)); }

Month MonthOf(const std::string& iso_date) {
  const Day day = *ParseIsoDate(iso_date);
  return day.year() / day.month();
}

const std::string& MonthColumns() {
  static const std::string columns =
      std::string(
          "m.accommodation_id::text AS accommodation_id, m.month::text AS month, "
          "m.draft::text AS draft, coalesce(m.draft_saved_by, '') AS draft_saved_by, "
          "coalesce(to_char(m.draft_saved_at AT TIME ZONE 'UTC', ") +
      kIsoTimestamp + "), '') AS draft_saved_at, m.latest_revision, m.version";
  return columns;
}

// Aliased "r_…" so they can be selected beside the month's columns.
const std::string& RevisionColumns() {
  static const std::string columns =
      std::string(
          "r.id::text AS r_id, r.accommodation_id::text AS r_accommodation_id, "
          "r.host_id::text AS r_host_id, r.month::text AS r_month, "
          "r.revision AS r_revision, r.kind AS r_kind, r.submitted_by AS r_submitted_by, "
          "to_char(r.submitted_at AT TIME ZONE 'UTC', ") +
      kIsoTimestamp +
      ") AS r_submitted_at, r.submitted_on::text AS r_submitted_on, r.due_on::text AS r_due_on, "
      "r.days_late AS r_days_late, r.reason AS r_reason, r.rounding_mode AS r_rounding_mode, "
      "r.deliberation_versions::text AS r_versions, r.tax_cents AS r_tax_cents, "
      "r.additional_taxes::text AS r_additional_taxes, r.total_cents AS r_total_cents, "
      "r.person_nights AS r_person_nights, r.taxable_person_nights AS r_taxable_person_nights, "
      "r.platform_person_nights AS r_platform_person_nights, r.warnings::text AS r_warnings";
  return columns;
}

DeclarationMonth MonthFromRow(const soci::row& row) {
  DeclarationMonth month;
  month.accommodation_id = AccommodationId(GetString(row, "accommodation_id"));
  month.month = MonthOf(GetString(row, "month"));
  if (auto draft = GetOptionalString(row, "draft")) {
    month.draft = StaysFromDocument(nlohmann::json::parse(*draft));
  }
  month.draft_saved_by = GetString(row, "draft_saved_by");
  month.draft_saved_at = GetString(row, "draft_saved_at");
  month.latest_revision = row.get<int>("latest_revision");
  month.version = GetLong(row, "version");
  return month;
}

StoredRevision RevisionFromRow(const soci::row& row) {
  StoredRevision stored;
  stored.id = GetString(row, "r_id");
  stored.accommodation_id = AccommodationId(GetString(row, "r_accommodation_id"));
  stored.host_id = HostId(GetString(row, "r_host_id"));
  stored.month = MonthOf(GetString(row, "r_month"));
  stored.revision = row.get<int>("r_revision");
  stored.submitted_at = GetString(row, "r_submitted_at");
  NewRevision& content = stored.content;
  content.submission.kind = ParseDeclarationKind(GetString(row, "r_kind")).value();
  content.actor = GetString(row, "r_submitted_by");
  content.submitted_on = GetDay(row, "r_submitted_on");
  content.submission.due_on = GetDay(row, "r_due_on");
  content.submission.days_late = row.get<int>("r_days_late");
  content.reason = GetOptionalString(row, "r_reason");
  content.rounding = rates::ParseRoundingMode(GetString(row, "r_rounding_mode")).value();
  const auto versions = nlohmann::json::parse(GetString(row, "r_versions"));
  for (auto each = versions.begin(); each != versions.end(); ++each) {
    content.submission.amounts.deliberation_versions.emplace_back(std::stoi(each.key()),
                                                                  each.value().get<std::int64_t>());
  }
  content.submission.amounts.tax = Money::Cents(GetLong(row, "r_tax_cents"));
  content.submission.amounts.additional_taxes =
      AdditionalTaxesFromDocument(nlohmann::json::parse(GetString(row, "r_additional_taxes")));
  content.submission.amounts.total = Money::Cents(GetLong(row, "r_total_cents"));
  content.submission.amounts.person_nights = GetLong(row, "r_person_nights");
  content.submission.amounts.taxable_person_nights = GetLong(row, "r_taxable_person_nights");
  content.submission.amounts.platform_person_nights = GetLong(row, "r_platform_person_nights");
  content.submission.warnings =
      WarningsFromDocument(nlohmann::json::parse(GetString(row, "r_warnings")));
  return stored;
}

ComputedLine LineFromRow(const soci::row& row) {
  ComputedLine line;
  line.stay.arrival = GetDay(row, "arrival");
  line.stay.nights = row.get<int>("nights");
  line.stay.occupants = row.get<int>("occupants");
  line.stay.exempt.minors = row.get<int>("exempt_minors");
  line.stay.exempt.seasonal_workers = row.get<int>("exempt_seasonal_workers");
  line.stay.exempt.emergency_housing = row.get<int>("exempt_emergency_housing");
  line.stay.exempt.low_rent = row.get<int>("exempt_low_rent");
  if (row.get_indicator("price_per_night_cents") != soci::i_null) {
    line.stay.price_per_night = Money::Cents(GetLong(row, "price_per_night_cents"));
  }
  line.stay.collector = ParseCollector(GetString(row, "collector")).value();
  line.category = rates::ParseCategory(GetString(row, "category")).value();
  line.person_nights = GetLong(row, "person_nights");
  line.taxable_person_nights = GetLong(row, "taxable_person_nights");
  line.tax = Money::Cents(GetLong(row, "tax_cents"));
  line.total = Money::Cents(GetLong(row, "total_cents"));
  LineDetailFromDocument(nlohmann::json::parse(GetString(row, "detail")), line);
  return line;
}

// All lines of a revision in one document, inserted by one statement (jsonb_to_recordset).
// Built by assignment rather than from initializer lists, whose elements are copied: the demo
// seed writes 40 MB of these (the explanations), and each copy showed in its time.
nlohmann::json LinesDocument(const std::vector<ComputedLine>& lines) {
  nlohmann::json array = nlohmann::json::array();
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const ComputedLine& line = lines[index];
    Money additional = Money::Zero();
    for (const auto& tax : line.additional_taxes) additional += tax.amount;
    nlohmann::json row = nlohmann::json::object();
    row["line_no"] = index;
    row["category"] = rates::CategoryName(line.category);
    row["arrival"] = FormatIsoDate(line.stay.arrival);
    row["nights"] = line.stay.nights;
    row["occupants"] = line.stay.occupants;
    row["exempt_minors"] = line.stay.exempt.minors;
    row["exempt_seasonal_workers"] = line.stay.exempt.seasonal_workers;
    row["exempt_emergency_housing"] = line.stay.exempt.emergency_housing;
    row["exempt_low_rent"] = line.stay.exempt.low_rent;
    row["collector"] = CollectorName(line.stay.collector);
    row["person_nights"] = line.person_nights;
    row["taxable_person_nights"] = line.taxable_person_nights;
    row["tax_cents"] = line.tax.cents();
    row["additional_cents"] = additional.cents();
    row["total_cents"] = line.total.cents();
    row["detail"] = LineDetailToDocument(line);
    row["price_per_night_cents"] = line.stay.price_per_night
                                       ? nlohmann::json(line.stay.price_per_night->cents())
                                       : nlohmann::json();
    array.push_back(std::move(row));
  }
  return array;
}

nlohmann::json VersionsDocument(const DeclarationAmounts& amounts) {
  nlohmann::json versions = nlohmann::json::object();
  for (const auto& [year, version] : amounts.deliberation_versions) {
    versions[std::to_string(year)] = version;
  }
  return versions;
}

Money AdditionalTotal(const DeclarationAmounts& amounts) {
  Money total = Money::Zero();
  for (const auto& tax : amounts.additional_taxes) total += tax.amount;
  return total;
}

// The arguments of append_declaration_revision (migration 0007) for one submission, named as the
// batch statement reads them.
nlohmann::json AppendArguments(const Accommodation& accommodation, Month month, int number,
                               const NewRevision& revision) {
  const Submission& submission = revision.submission;
  const DeclarationAmounts& amounts = submission.amounts;
  nlohmann::json arguments = nlohmann::json::object();
  arguments["collectivity_id"] = accommodation.collectivity_id.value();
  arguments["host_id"] = accommodation.host_id.value();
  arguments["accommodation_id"] = accommodation.id.value();
  arguments["month"] = MonthText(month);
  arguments["revision"] = number;
  arguments["kind"] = DeclarationKindName(submission.kind);
  arguments["submitted_by"] = revision.actor;
  arguments["submitted_on"] = FormatIsoDate(revision.submitted_on);
  arguments["due_on"] = FormatIsoDate(submission.due_on);
  arguments["days_late"] = submission.days_late;
  arguments["reason"] = revision.reason ? nlohmann::json(*revision.reason) : nlohmann::json();
  arguments["rounding_mode"] = rates::RoundingModeName(revision.rounding);
  arguments["deliberation_versions"] = VersionsDocument(amounts);
  arguments["tax_cents"] = amounts.tax.cents();
  arguments["additional_taxes"] = AdditionalTaxesToDocument(amounts.additional_taxes);
  arguments["additional_cents"] = AdditionalTotal(amounts).cents();
  arguments["total_cents"] = amounts.total.cents();
  arguments["person_nights"] = amounts.person_nights;
  arguments["taxable_person_nights"] = amounts.taxable_person_nights;
  arguments["platform_person_nights"] = amounts.platform_person_nights;
  arguments["warnings"] = WarningsToDocument(submission.warnings);
  arguments["commune_insee_code"] = accommodation.commune_insee_code;
  arguments["nature"] = NatureName(accommodation.nature);
  arguments["lines"] = LinesDocument(amounts.lines);
  return arguments;
}

// AppendRevision for every element of a jsonb array of AppendArguments, called in the array's
// order (a nested loop over the array), so that a month's correction follows its first
// submission.
const std::string& AppendBatchSql() {
  static const std::string sql =
      "SELECT b.i, f.new_month_version FROM jsonb_to_recordset(:batch::jsonb) AS b(i integer, "
      "collectivity_id uuid, host_id uuid, accommodation_id uuid, month date, revision integer, "
      "kind text, submitted_by text, submitted_on date, due_on date, days_late integer, "
      "reason text, rounding_mode text, deliberation_versions jsonb, tax_cents bigint, "
      "additional_taxes jsonb, additional_cents bigint, total_cents bigint, person_nights bigint, "
      "taxable_person_nights bigint, platform_person_nights bigint, warnings jsonb, "
      "commune_insee_code text, nature text, lines jsonb) "
      "CROSS JOIN LATERAL append_declaration_revision(b.collectivity_id, b.host_id, "
      "b.accommodation_id, b.month, b.revision, b.kind, b.submitted_by, b.submitted_on, "
      "b.due_on, b.days_late, b.reason, b.rounding_mode, b.deliberation_versions, b.tax_cents, "
      "b.additional_taxes, b.additional_cents, b.total_cents, b.person_nights, "
      "b.taxable_person_nights, b.platform_person_nights, b.warnings, b.commune_insee_code, "
      "b.nature, b.lines) f";
  return sql;
}

// `filter` reads "<condition> = :owner::uuid OR <expression>": the query closes it with
// " = :owner_again::uuid", and both placeholders take `owner_id`.
// The months `candidates` names (a query of (accommodation_id, month) pairs), kept where `filter`
// holds, with their latest revision. The candidates come first so that each caller drives the
// query from its own index: the accommodation's months, or the host's accommodations and
// revisions (an OR across the joined tables could only be answered by reading the whole
// collectivity's months).
std::vector<DeclarationMonthSummary> SelectSummaries(Transaction& tx, const std::string& candidates,
                                                     std::vector<Parameter> parameters,
                                                     const CollectivityId& collectivity,
                                                     const std::string& filter,
                                                     const std::vector<Parameter>& filter_parameters) {
  const std::string sql = "WITH candidates AS (" + candidates + ") SELECT " + MonthColumns() +
                          ", " + RevisionColumns() +
                          ", a.name AS accommodation_name, (SELECT f.days_late FROM "
                          "declaration_revisions f WHERE f.accommodation_id = m.accommodation_id "
                          "AND f.month = m.month AND f.revision = 1) AS first_days_late "
                          "FROM candidates k JOIN declaration_months m ON m.accommodation_id = "
                          "k.accommodation_id AND m.month = k.month JOIN accommodations a ON a.id = "
                          "m.accommodation_id LEFT JOIN declaration_revisions r "
                          "ON r.accommodation_id = m.accommodation_id AND r.month = m.month "
                          "AND r.revision = m.latest_revision "
                          "WHERE m.collectivity_id = :c::uuid AND (" +
                          filter + ") ORDER BY m.month, m.accommodation_id";
  parameters.push_back(collectivity.value());
  parameters.insert(parameters.end(), filter_parameters.begin(), filter_parameters.end());
  std::vector<DeclarationMonthSummary> found;
  Query(tx, sql, parameters, [&](const soci::row& row) {
    DeclarationMonthSummary summary;
    summary.month = MonthFromRow(row);
    if (row.get_indicator("r_id") != soci::i_null) summary.latest = RevisionFromRow(row);
    summary.accommodation_name = GetString(row, "accommodation_name");
    if (row.get_indicator("first_days_late") != soci::i_null) {
      summary.first_days_late = row.get<int>("first_days_late");
    }
    found.push_back(std::move(summary));
  });
  return found;
}

}  // namespace

std::optional<DeclarationMonth> DeclarationRepository::FindMonth(
    Transaction& tx, const CollectivityId& collectivity, const AccommodationId& accommodation,
    Month month, bool lock) {
  static const std::string select = "SELECT " + MonthColumns() +
                                    " FROM declaration_months m WHERE m.collectivity_id = :c::uuid "
                                    "AND m.accommodation_id = :a::uuid AND m.month = :m::date";
  static const std::string select_for_update = select + " FOR UPDATE";
  std::optional<DeclarationMonth> found;
  Query(tx, lock ? select_for_update : select,
        {collectivity.value(), accommodation.value(), MonthText(month)},
        [&](const soci::row& row) { found = MonthFromRow(row); });
  return found;
}

DeclarationMonth DeclarationRepository::LockMonth(Transaction& tx,
                                                  const Accommodation& accommodation, Month month) {
  // One round trip: the insert creates the row, or the no-op update locks the existing one (a
  // concurrent first insert of the same month waits here for the other transaction, then locks
  // its row), and either returns the row as it stands. Everything that follows is serialised.
  static const std::string sql =
      "INSERT INTO declaration_months AS m (accommodation_id, month, collectivity_id, host_id) "
      "VALUES (:a::uuid, :m::date, :c::uuid, :h::uuid) "
      "ON CONFLICT (accommodation_id, month) DO UPDATE SET version = m.version RETURNING " +
      MonthColumns();
  DeclarationMonth locked;
  Query(tx, sql,
        {accommodation.id.value(), MonthText(month), accommodation.collectivity_id.value(),
         accommodation.host_id.value()},
        [&](const soci::row& row) { locked = MonthFromRow(row); });
  return locked;
}

DeclarationMonth DeclarationRepository::SaveDraft(Transaction& tx,
                                                  const Accommodation& accommodation, Month month,
                                                  const std::vector<StayLine>& stays,
                                                  const std::string& actor) {
  LockMonth(tx, accommodation, month);
  Query(tx,
        "UPDATE declaration_months SET draft = :draft::jsonb, draft_saved_by = :by, "
        "draft_saved_at = now(), version = version + 1 "
        "WHERE accommodation_id = :a::uuid AND month = :m::date",
        {StaysToDocument(stays).dump(), actor, accommodation.id.value(), MonthText(month)});
  return *FindMonth(tx, accommodation.collectivity_id, accommodation.id, month, false);
}

StoredRevision DeclarationRepository::AppendRevision(Transaction& tx,
                                                     const Accommodation& accommodation,
                                                     DeclarationMonth& month,
                                                     const NewRevision& revision) {
  const DeclarationAmounts& amounts = revision.submission.amounts;
  const int number = month.latest_revision + 1;  // the month is locked: no one else appends
  std::string id;
  std::string submitted_at;
  long long version = 0;
  // One round trip; the function (migration 0007) writes the revision, its lines, their night
  // totals and the month's pointer with statements PostgreSQL planned once for this connection.
  static const std::string sql =
      "SELECT new_revision_id::text AS id, to_char(new_submitted_at AT TIME ZONE 'UTC', " +
      std::string(kIsoTimestamp) +
      ") AS submitted_at, new_month_version FROM append_declaration_revision(:c::uuid, "
      ":h::uuid, :a::uuid, :m::date, :n, :kind, :by, :on::date, :due::date, :late, :reason, "
      ":rounding, :versions::jsonb, :tax, :additional::jsonb, :additional_cents, :total, :pn, "
      ":tpn, :ppn, :warnings::jsonb, :commune, :nature, :lines::jsonb)";
  Query(tx, sql,
        {accommodation.collectivity_id.value(),
         accommodation.host_id.value(),
         accommodation.id.value(),
         MonthText(month.month),
         std::to_string(number),
         std::string(DeclarationKindName(revision.submission.kind)),
         revision.actor,
         FormatIsoDate(revision.submitted_on),
         FormatIsoDate(revision.submission.due_on),
         std::to_string(revision.submission.days_late),
         revision.reason,
         std::string(rates::RoundingModeName(revision.rounding)),
         VersionsDocument(amounts).dump(),
         std::to_string(amounts.tax.cents()),
         AdditionalTaxesToDocument(amounts.additional_taxes).dump(),
         std::to_string(AdditionalTotal(amounts).cents()),
         std::to_string(amounts.total.cents()),
         std::to_string(amounts.person_nights),
         std::to_string(amounts.taxable_person_nights),
         std::to_string(amounts.platform_person_nights),
         WarningsToDocument(revision.submission.warnings).dump(),
         accommodation.commune_insee_code,
         std::string(NatureName(accommodation.nature)),
         LinesDocument(amounts.lines).dump()},
        [&](const soci::row& row) {
          id = GetString(row, "id");
          submitted_at = GetString(row, "submitted_at");
          version = GetLong(row, "new_month_version");
        });
  month.latest_revision = number;
  month.draft.reset();
  month.draft_saved_by.clear();
  month.draft_saved_at.clear();
  month.version = version;
  StoredRevision stored;
  stored.id = id;
  stored.accommodation_id = accommodation.id;
  stored.host_id = accommodation.host_id;
  stored.month = month.month;
  stored.revision = number;
  stored.content = revision;
  stored.submitted_at = submitted_at;
  return stored;
}

std::vector<DeclarationMonth> DeclarationRepository::LockMonths(
    Transaction& tx, const std::vector<std::pair<const Accommodation*, Month>>& months) {
  nlohmann::json batch = nlohmann::json::array();
  for (const auto& [accommodation, month] : months) {
    batch.push_back({{"accommodation_id", accommodation->id.value()},
                     {"month", MonthText(month)},
                     {"collectivity_id", accommodation->collectivity_id.value()},
                     {"host_id", accommodation->host_id.value()}});
  }
  const std::string document = batch.dump();
  std::map<std::pair<std::string, std::string>, DeclarationMonth> locked;
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "INSERT INTO declaration_months AS m (accommodation_id, month, "
              "collectivity_id, host_id) SELECT b.accommodation_id, b.month, "
              "b.collectivity_id, b.host_id FROM jsonb_to_recordset(:batch::jsonb) "
              "AS b(accommodation_id uuid, month date, collectivity_id uuid, "
              "host_id uuid) ON CONFLICT (accommodation_id, month) DO UPDATE "
              "SET version = m.version RETURNING " +
                  MonthColumns(),
       soci::use(document));
  for (const auto& row : rows) {
    DeclarationMonth month = MonthFromRow(row);
    locked[{month.accommodation_id.value(), MonthText(month.month)}] = std::move(month);
  }
  std::vector<DeclarationMonth> ordered;
  for (const auto& [accommodation, month] : months) {
    ordered.push_back(locked.at({accommodation->id.value(), MonthText(month)}));
  }
  return ordered;
}

void DeclarationRepository::AppendRevisions(Transaction& tx, std::vector<PendingRevision>& batch) {
  nlohmann::json arguments = nlohmann::json::array();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    PendingRevision& pending = batch[i];
    const int number = ++pending.month->latest_revision;  // a correction follows in the batch
    nlohmann::json each =
        AppendArguments(*pending.accommodation, pending.month->month, number, pending.revision);
    each["i"] = i;
    arguments.push_back(std::move(each));
  }
  const std::string document = arguments.dump();
  soci::rowset<soci::row> rows = (tx.session().prepare << AppendBatchSql(), soci::use(document));
  for (const auto& row : rows) {
    PendingRevision& pending = batch.at(static_cast<std::size_t>(row.get<int>("i")));
    // A month appended twice keeps the version of its last call, the higher one.
    pending.month->version = std::max(pending.month->version, GetLong(row, "new_month_version"));
    pending.month->draft.reset();
    pending.month->draft_saved_by.clear();
    pending.month->draft_saved_at.clear();
  }
}

std::vector<StoredRevision> DeclarationRepository::Revisions(Transaction& tx,
                                                             const CollectivityId& collectivity,
                                                             const AccommodationId& accommodation,
                                                             Month month) {
  static const std::string select_revisions =
      "SELECT " + RevisionColumns() +
      " FROM declaration_revisions r WHERE r.collectivity_id = :c::uuid AND r.accommodation_id = "
      ":a::uuid AND r.month = :m::date ORDER BY r.revision";
  std::vector<StoredRevision> revisions;
  Query(tx, select_revisions, {collectivity.value(), accommodation.value(), MonthText(month)},
        [&](const soci::row& row) { revisions.push_back(RevisionFromRow(row)); });
  for (auto& revision : revisions) {
    auto& lines = revision.content.submission.amounts.lines;
    Query(tx,
          "SELECT arrival::text AS arrival, nights, occupants, exempt_minors, "
          "exempt_seasonal_workers, exempt_emergency_housing, exempt_low_rent, "
          "price_per_night_cents, collector, category, person_nights, taxable_person_nights, "
          "tax_cents, total_cents, detail::text AS detail "
          "FROM declaration_lines WHERE revision_id = :r::uuid ORDER BY line_no",
          {revision.id}, [&](const soci::row& row) { lines.push_back(LineFromRow(row)); });
  }
  return revisions;
}

std::vector<DeclarationMonthSummary> DeclarationRepository::ListMonths(
    Transaction& tx, const CollectivityId& collectivity, const AccommodationId& accommodation,
    Month from, Month to) {
  return SelectSummaries(tx,
                         "SELECT accommodation_id, month FROM declaration_months "
                         "WHERE accommodation_id = :a::uuid AND month BETWEEN :f::date AND :t::date",
                         {accommodation.value(), MonthText(from), MonthText(to)}, collectivity,
                         "true", {});
}

bool DeclarationRepository::AnyMonth(Transaction& tx, const CollectivityId& collectivity) {
  int found = 0;
  tx.session() << "SELECT count(*) FROM (SELECT 1 FROM declaration_months "
                  "WHERE collectivity_id = :c::uuid LIMIT 1) m",
      soci::use(collectivity.value()), soci::into(found);
  return found > 0;
}

std::vector<DeclarationMonthSummary> DeclarationRepository::ListHostMonths(
    Transaction& tx, const CollectivityId& collectivity, const HostId& host, Month from, Month to) {
  // Both the months this host filed and every month of the accommodations it has now, so the
  // caller can tell a month another host declared from a month still to declare.
  return SelectSummaries(
      tx,
      "SELECT m.accommodation_id, m.month FROM declaration_months m JOIN accommodations a "
      "ON a.id = m.accommodation_id WHERE a.host_id = :h::uuid "
      "AND m.month BETWEEN :f::date AND :t::date "
      "UNION SELECT accommodation_id, month FROM declaration_revisions "
      "WHERE host_id = :h_again::uuid AND month BETWEEN :f_again::date AND :t_again::date",
      {host.value(), MonthText(from), MonthText(to), host.value(), MonthText(from), MonthText(to)},
      collectivity, "coalesce(r.host_id, a.host_id) = :o::uuid OR a.host_id = :o_again::uuid",
      {host.value(), host.value()});
}

bool DeclarationRepository::AnySubmitted(Transaction& tx, const CollectivityId& collectivity) {
  int found = 0;
  tx.session() << "SELECT count(*) FROM (SELECT 1 FROM declaration_revisions "
                  "WHERE collectivity_id = :c::uuid LIMIT 1) AS any_revision",
      soci::use(collectivity.value()), soci::into(found);
  return found > 0;
}

}  // namespace nuitee::persistence
