#include "persistence/platform_reconciliation_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

std::string FirstDayOf(Month month) { return FormatIsoDate(month / date::day{1}); }
std::string FirstDayAfter(Month month) {
  return FormatIsoDate((month + date::months{1}) / date::day{1});
}

// The first day of the half-year of a date column.
std::string HalfOf(const std::string& column) {
  return "make_date(extract(year FROM " + column + ")::integer, CASE WHEN extract(month FROM " +
         column + ") <= 6 THEN 1 ELSE 7 END, 1)";
}

// A line's accommodation: the referent's assignment, else the import's match.
constexpr const char* kLineAccommodation = "coalesce(r.accommodation_id, l.accommodation_id)";

}  // namespace

std::vector<PlatformCollectedVsPaid> PlatformReconciliationRepository::CollectedVsPaid(
    Transaction& tx, const CollectivityId& collectivity, Day from, Day to) {
  const std::string f = FormatIsoDate(from);
  const std::string t = FormatIsoDate(to);
  const std::string sql =
      "WITH collected AS ("
      " SELECT platform_id, " + HalfOf("collected_on") + " AS half, sum(collected_cents) AS cents"
      " FROM platform_statement_lines WHERE collectivity_id = :c1::uuid"
      " AND collected_on BETWEEN :f1::date AND :t1::date GROUP BY 1, 2"
      "), paid AS ("
      " SELECT platform_id, " + HalfOf("period_end") + " AS half, sum(amount_cents) AS cents"
      " FROM platform_reversements WHERE collectivity_id = :c2::uuid"
      " AND period_end BETWEEN :f2::date AND :t2::date GROUP BY 1, 2"
      ")"
      " SELECT pc.id::text AS platform_id, pc.name AS platform_name,"
      " coalesce(c.half, p.half)::text AS half, coalesce(c.cents, 0)::bigint AS collected,"
      " coalesce(p.cents, 0)::bigint AS paid"
      " FROM collected c FULL JOIN paid p ON p.platform_id = c.platform_id AND p.half = c.half"
      " JOIN platform_clients pc ON pc.id = coalesce(c.platform_id, p.platform_id)"
      " ORDER BY pc.name, pc.id, 3";
  soci::rowset<soci::row> rows =
      (tx.session().prepare << sql, soci::use(collectivity.value()), soci::use(f), soci::use(t),
       soci::use(collectivity.value()), soci::use(f), soci::use(t));
  std::vector<PlatformCollectedVsPaid> out;
  for (const auto& row : rows) {
    PlatformCollectedVsPaid each;
    each.platform_id = GetString(row, "platform_id");
    each.platform_name = GetString(row, "platform_name");
    each.period_start = GetDay(row, "half");
    const Month first = each.period_start.year() / each.period_start.month();
    each.period_end = AddDays((first + date::months{6}) / date::day{1}, -1);
    each.collected = Money::Cents(GetLong(row, "collected"));
    each.paid = Money::Cents(GetLong(row, "paid"));
    out.push_back(each);
  }
  return out;
}

std::vector<PlatformNightsGap> PlatformReconciliationRepository::NightsGaps(
    Transaction& tx, const CollectivityId& collectivity, Month from, Month to) {
  const std::string first = FirstDayOf(from);
  const std::string last = FirstDayOf(to);
  const std::string after = FirstDayAfter(to);
  const std::string sql =
      std::string("WITH declared AS ("
                  " SELECT t.accommodation_id, t.month, sum(t.nights)::bigint AS nights"
                  " FROM declaration_night_totals t JOIN declaration_months m"
                  "  ON m.accommodation_id = t.accommodation_id AND m.month = t.month"
                  "  AND m.latest_revision = t.revision"
                  " WHERE t.collectivity_id = :c1::uuid AND t.collector <> 'host'"
                  " AND t.month BETWEEN :f1::date AND :t1::date GROUP BY 1, 2"
                  "), platform AS ("
                  " SELECT ") + kLineAccommodation +
      " AS accommodation_id, date_trunc('month', l.stay_start)::date AS month,"
      " sum(l.nights)::bigint AS nights"
      " FROM platform_statement_lines l"
      " LEFT JOIN platform_line_resolutions r ON r.line_id = l.id"
      " WHERE l.collectivity_id = :c2::uuid AND l.stay_start >= :f2::date"
      " AND l.stay_start < :a2::date AND " + kLineAccommodation + " IS NOT NULL"
      " GROUP BY 1, 2"
      ")"
      " SELECT a.id::text AS accommodation_id, a.name AS accommodation_name,"
      " a.registration_number, a.host_id::text AS host_id, h.legal_name AS host_name,"
      " coalesce(d.month, p.month)::text AS month, coalesce(d.nights, 0)::bigint AS declared,"
      " coalesce(p.nights, 0)::bigint AS platform"
      " FROM declared d FULL JOIN platform p"
      "  ON p.accommodation_id = d.accommodation_id AND p.month = d.month"
      " JOIN accommodations a ON a.id = coalesce(d.accommodation_id, p.accommodation_id)"
      " JOIN hosts h ON h.id = a.host_id"
      " WHERE coalesce(d.nights, 0) <> coalesce(p.nights, 0)"
      " ORDER BY a.seq, 6";
  soci::rowset<soci::row> rows =
      (tx.session().prepare << sql, soci::use(collectivity.value()), soci::use(first),
       soci::use(last), soci::use(collectivity.value()), soci::use(first), soci::use(after));
  std::vector<PlatformNightsGap> out;
  for (const auto& row : rows) {
    PlatformNightsGap each;
    each.accommodation_id = GetString(row, "accommodation_id");
    each.accommodation_name = GetString(row, "accommodation_name");
    each.registration_number = GetOptionalString(row, "registration_number");
    each.host_id = GetString(row, "host_id");
    each.host_name = GetString(row, "host_name");
    const Day month = GetDay(row, "month");
    each.month = month.year() / month.month();
    each.declared_nights = GetLong(row, "declared");
    each.platform_nights = GetLong(row, "platform");
    out.push_back(each);
  }
  return out;
}

std::vector<PlatformLineForOvercharge> PlatformReconciliationRepository::LinesOfClassified(
    Transaction& tx, const CollectivityId& collectivity, Month from, Month to) {
  const std::string first = FirstDayOf(from);
  const std::string after = FirstDayAfter(to);
  const std::string sql =
      std::string(
          "SELECT l.id::text AS line_id, l.statement_id::text AS statement_id,"
          " pc.name AS platform_name, a.id::text AS accommodation_id,"
          " a.name AS accommodation_name, a.host_name, l.stay_start::text AS stay_start,"
          " l.stay_end::text AS stay_end, l.persons::bigint AS persons,"
          " l.nights::bigint AS nights, l.collected_cents, l.category AS charged_category,"
          " cp.category AS classified_category,"
          " (SELECT (dl.occupants - dl.exempt_minors - dl.exempt_seasonal_workers"
          "          - dl.exempt_emergency_housing - dl.exempt_low_rent)::bigint"
          "    FROM declaration_lines dl"
          "    JOIN declaration_revisions dr ON dr.id = dl.revision_id"
          "    JOIN declaration_months dm ON dm.accommodation_id = dr.accommodation_id"
          "     AND dm.month = dr.month AND dm.latest_revision = dr.revision"
          "   WHERE dr.accommodation_id = a.id AND dl.arrival = l.stay_start"
          "     AND dl.nights = l.nights AND dl.collector <> 'host'"
          "   ORDER BY dl.line_no LIMIT 1) AS declared_liable"
          " FROM platform_statement_lines l"
          " LEFT JOIN platform_line_resolutions r ON r.line_id = l.id"
          " JOIN platform_clients pc ON pc.id = l.platform_id"
          " JOIN accommodations a ON a.id = ") +
      kLineAccommodation +
      " JOIN classification_periods cp ON cp.accommodation_id = a.id"
      "  AND l.stay_start BETWEEN cp.valid_from AND cp.valid_to"
      " WHERE l.collectivity_id = :c::uuid AND l.stay_start >= :f::date"
      " AND l.stay_start < :a::date AND cp.category <> 'unclassified'"
      " ORDER BY l.stay_start, l.seq";
  soci::rowset<soci::row> rows = (tx.session().prepare << sql, soci::use(collectivity.value()),
                                  soci::use(first), soci::use(after));
  std::vector<PlatformLineForOvercharge> out;
  for (const auto& row : rows) {
    PlatformLineForOvercharge each;
    each.line_id = GetString(row, "line_id");
    each.statement_id = GetString(row, "statement_id");
    each.platform_name = GetString(row, "platform_name");
    each.accommodation_id = GetString(row, "accommodation_id");
    each.accommodation_name = GetString(row, "accommodation_name");
    each.host_name = GetString(row, "host_name");
    each.stay_start = GetDay(row, "stay_start");
    each.stay_end = GetDay(row, "stay_end");
    each.persons = GetLong(row, "persons");
    each.nights = GetLong(row, "nights");
    each.collected = Money::Cents(GetLong(row, "collected_cents"));
    each.charged_category = GetString(row, "charged_category");
    each.classified_category = GetString(row, "classified_category");
    if (row.get_indicator("declared_liable") != soci::i_null) {
      each.declared_liable = row.get<long long>("declared_liable");
    }
    out.push_back(each);
  }
  return out;
}

}  // namespace nuitee::persistence
