// SQL of office_assessments: INSERT and SELECT only. The PDF crosses the wire as hex text.
#include "persistence/office_assessment_repository.hpp"

#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "o.id::text AS id, o.collectivity_id::text AS collectivity_id, o.host_id::text AS host_id, "
    "o.accommodation_id::text AS accommodation_id, o.month::text AS month, o.revision, o.status, "
    "o.step_id::text AS step_id, o.capacity_persons, o.nights, o.computed_total_cents, "
    "o.tax_cents, o.additional_taxes::text AS additional_taxes, o.additional_cents, "
    "o.total_cents, o.explanation::text AS explanation, o.deliberation_version, o.reason, "
    "o.notified_on::text AS notified_on, o.recoverable_from::text AS recoverable_from, "
    "(o.avis_pdf IS NOT NULL)::int AS has_avis, o.recorded_by, "
    "to_char(o.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at";

std::string FirstDay(Month month) { return FormatIsoDate(month / date::day{1}); }

OfficeAssessmentRevision FromRow(const soci::row& row) {
  OfficeAssessmentRevision out;
  out.id = GetString(row, "id");
  out.collectivity_id = CollectivityId(GetString(row, "collectivity_id"));
  out.host_id = HostId(GetString(row, "host_id"));
  out.accommodation_id = GetString(row, "accommodation_id");
  const Day first = GetDay(row, "month");
  out.month = first.year() / first.month();
  out.revision = row.get<int>("revision");
  out.status = GetString(row, "status");
  out.step_id = GetOptionalString(row, "step_id");
  out.capacity_persons = row.get<int>("capacity_persons");
  out.nights = row.get<int>("nights");
  out.computed_total = Money::Cents(GetLong(row, "computed_total_cents"));
  out.tax = Money::Cents(GetLong(row, "tax_cents"));
  out.additional_taxes_json = GetString(row, "additional_taxes");
  out.additional = Money::Cents(GetLong(row, "additional_cents"));
  out.total = Money::Cents(GetLong(row, "total_cents"));
  out.explanation_json = GetString(row, "explanation");
  out.deliberation_version = GetLong(row, "deliberation_version");
  out.reason = GetOptionalString(row, "reason");
  out.notified_on = GetOptionalDay(row, "notified_on");
  out.recoverable_from = GetOptionalDay(row, "recoverable_from");
  out.has_avis = row.get<int>("has_avis") != 0;
  out.recorded_by = GetString(row, "recorded_by");
  out.recorded_at = GetString(row, "recorded_at");
  return out;
}

std::string Hex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  return hex;
}

std::string Unhex(const std::string& hex) {
  auto value = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += char((value(hex[i]) << 4) | value(hex[i + 1]));
  }
  return bytes;
}

}  // namespace

OfficeAssessmentRevision OfficeAssessmentRepository::Append(Transaction& tx,
                                                            const OfficeAssessmentRevision& r) {
  const std::string month = FirstDay(r.month);
  const long long computed = r.computed_total.cents(), tax = r.tax.cents(),
                  additional = r.additional.cents(), total = r.total.cents();
  const std::optional<std::string> notified = DateText(r.notified_on);
  const std::optional<std::string> recoverable = DateText(r.recoverable_from);
  std::optional<std::string> pdf_hex;
  if (r.avis_pdf) pdf_hex = Hex(*r.avis_pdf);
  soci::row row;
  tx.session() << std::string(
                      "INSERT INTO office_assessments AS o (collectivity_id, host_id, "
                      "accommodation_id, month, revision, status, step_id, capacity_persons, "
                      "nights, computed_total_cents, tax_cents, additional_taxes, "
                      "additional_cents, total_cents, explanation, deliberation_version, reason, "
                      "notified_on, recoverable_from, avis_pdf, recorded_by) VALUES (:c::uuid, "
                      ":h::uuid, :a::uuid, :m::date, :rev, :status, :step::uuid, :cap, :nights, "
                      ":computed, :tax, :adds::jsonb, :additional, :total, :expl::jsonb, :dv, "
                      ":reason, :notified::date, :recoverable::date, decode(:pdf, 'hex'), :by) "
                      "RETURNING ") +
                      kColumns,
      soci::use(r.collectivity_id.value()), soci::use(r.host_id.value()),
      soci::use(r.accommodation_id), soci::use(month), soci::use(r.revision), soci::use(r.status),
      soci::use(r.step_id), soci::use(r.capacity_persons), soci::use(r.nights), soci::use(computed),
      soci::use(tax), soci::use(r.additional_taxes_json), soci::use(additional), soci::use(total),
      soci::use(r.explanation_json), soci::use(r.deliberation_version), soci::use(r.reason),
      soci::use(notified), soci::use(recoverable), soci::use(pdf_hex), soci::use(r.recorded_by),
      soci::into(row);
  return FromRow(row);
}

std::vector<OfficeAssessmentRevision> OfficeAssessmentRepository::Revisions(
    Transaction& tx, const CollectivityId& collectivity, const std::string& accommodation_id,
    Month month) {
  const std::string first = FirstDay(month);
  std::vector<OfficeAssessmentRevision> revisions;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM office_assessments o WHERE o.collectivity_id = :c::uuid "
                                   "AND o.accommodation_id = :a::uuid AND o.month = :m::date "
                                   "ORDER BY o.revision",
       soci::use(collectivity.value()), soci::use(accommodation_id), soci::use(first));
  for (const auto& row : rows) revisions.push_back(FromRow(row));
  return revisions;
}

std::vector<OfficeAssessmentListing> OfficeAssessmentRepository::Latest(
    Transaction& tx, const CollectivityId& collectivity, const std::optional<std::string>& status) {
  std::vector<OfficeAssessmentListing> listings;
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << std::string("SELECT ") + kColumns +
                  ", a.name AS accommodation_name, h.legal_name AS host_name "
                  "FROM (SELECT DISTINCT ON (accommodation_id, month) * FROM office_assessments "
                  "      WHERE collectivity_id = :c::uuid "
                  "      ORDER BY accommodation_id, month, revision DESC) o "
                  "JOIN accommodations a ON a.id = o.accommodation_id "
                  "JOIN hosts h ON h.id = o.host_id "
                  "WHERE (:status::text IS NULL OR o.status = :same_status::text) "
                  "ORDER BY o.month, a.seq",
       soci::use(collectivity.value()), soci::use(status), soci::use(status));
  for (const auto& row : rows) {
    listings.push_back(
        {FromRow(row), GetString(row, "accommodation_name"), GetString(row, "host_name")});
  }
  return listings;
}

std::optional<std::string> OfficeAssessmentRepository::Avis(Transaction& tx,
                                                            const CollectivityId& collectivity,
                                                            const std::string& accommodation_id,
                                                            Month month) {
  const std::string first = FirstDay(month);
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT encode(avis_pdf, 'hex') AS pdf FROM office_assessments "
                               "WHERE collectivity_id = :c::uuid AND accommodation_id = :a::uuid "
                               "AND month = :m::date AND status = 'issued' "
                               "AND avis_pdf IS NOT NULL ORDER BY revision DESC LIMIT 1",
       soci::use(collectivity.value()), soci::use(accommodation_id), soci::use(first));
  for (const auto& row : rows) return Unhex(GetString(row, "pdf"));
  return std::nullopt;
}

bool OfficeAssessmentRepository::MonthDeclared(Transaction& tx, const std::string& accommodation_id,
                                               Month month) {
  const std::string first = FirstDay(month);
  long long declared = 0;
  tx.session() << "SELECT count(*) FROM declaration_months WHERE accommodation_id = :a::uuid "
                  "AND month = :m::date AND latest_revision > 0",
      soci::use(accommodation_id), soci::use(first), soci::into(declared);
  return declared > 0;
}

std::optional<Day> OfficeAssessmentRepository::NoticeDeliveredOn(
    Transaction& tx, const std::string& accommodation_id, Month month) {
  const std::string first = FirstDay(month);
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT delivered_on::text AS delivered_on FROM enforcement_steps "
                               "WHERE accommodation_id = :a::uuid AND month = :m::date "
                               "AND kind = 'formal_notice' AND delivered_on IS NOT NULL",
       soci::use(accommodation_id), soci::use(first));
  for (const auto& row : rows) return GetDay(row, "delivered_on");
  return std::nullopt;
}

void OfficeAssessmentRepository::Lock(Transaction& tx, const std::string& accommodation_id,
                                      Month month) {
  LockRegisterAppends(tx, "office-assessment:" + accommodation_id + ":" + FormatIsoMonth(month));
}

}  // namespace nuitee::persistence
