// SQL of the worklist and the dashboard: the register crossed with the months asked for, less the
// months that have a submission (declaration_months.latest_revision > 0).
#include "persistence/worklist_repository.hpp"

#include "persistence/closures_json.hpp"

#include <nlohmann/json.hpp>

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

std::string FirstDay(Month month) { return FormatIsoDate(month / date::day{1}); }

Month MonthOf(const std::string& iso_day) {
  const Day day = *ParseIsoDate(iso_day.substr(0, 10));
  return day.year() / day.month();
}

UndeclaredMonth UndeclaredFrom(const soci::row& row) {
  UndeclaredMonth out;
  out.accommodation_id = GetString(row, "accommodation_id");
  out.accommodation_seq = GetLong(row, "accommodation_seq");
  out.accommodation_name = GetString(row, "name");
  out.commune_insee_code = GetString(row, "commune_insee_code");
  out.nature = GetString(row, "nature");
  out.capacity_persons = row.get<int>("capacity_persons");
  out.marketing = ParseMarketing(GetString(row, "marketing")).value_or(Marketing::kDirect);
  out.opened_on = GetOptionalDay(row, "opened_on");
  out.ceased_on = GetOptionalDay(row, "ceased_on");
  out.closures = ClosuresFromJson(GetString(row, "closures"));
  out.unclassified_category = rates::ParseCategory(GetString(row, "unclassified_category"))
                                  .value_or(rates::Category::kUnclassified);
  out.host_id = GetString(row, "host_id");
  out.host_name = GetString(row, "host_name");
  out.host_email = GetOptionalString(row, "host_email");
  out.host_archived = row.get<int>("host_archived") != 0;
  out.month = MonthOf(GetString(row, "month"));
  out.sworn_statement = row.get<int>("sworn") != 0;
  out.on_hold = row.get<int>("on_hold") != 0;
  return out;
}

}  // namespace

std::vector<UndeclaredMonth> WorklistRepository::UndeclaredMonths(
    Transaction& tx, const CollectivityId& collectivity, Month from, Month to,
    const WorklistFilter& filter, Day today) {
  // Filters are bound as nullable parameters, so the statement text is one whatever is asked.
  const std::string sql =
      "SELECT a.id::text AS accommodation_id, a.seq AS accommodation_seq, a.name, "
      "a.commune_insee_code, a.nature, a.capacity_persons, a.marketing, "
      "a.opened_on::text AS opened_on, a.ceased_on::text AS ceased_on, "
      "a.closures::text AS closures, a.unclassified_category, h.id::text AS host_id, "
      "h.legal_name AS host_name, h.email AS host_email, "
      "(h.archived_on IS NOT NULL AND h.archived_on <= :today::date)::int AS host_archived, "
      "m.month::text AS month, "
      "EXISTS (SELECT 1 FROM platform_sworn_statements s WHERE s.host_id = h.id "
      "        AND s.year = extract(year FROM m.month)::int)::int AS sworn, "
      "EXISTS (SELECT 1 FROM enforcement_holds o WHERE o.host_id = h.id "
      "        AND o.released_at IS NULL)::int AS on_hold "
      "FROM accommodations a JOIN hosts h ON h.id = a.host_id "
      "CROSS JOIN LATERAL (SELECT g::date AS month FROM generate_series(:from::date, :to::date, "
      "                    interval '1 month') g) m "
      "WHERE a.collectivity_id = :c::uuid "
      "AND (:commune::text IS NULL OR a.commune_insee_code = :commune_again::text) "
      "AND (:nature::text IS NULL OR a.nature = :nature_again::text) "
      "AND (a.opened_on IS NULL OR a.opened_on < (m.month + interval '1 month')::date) "
      "AND (a.ceased_on IS NULL OR a.ceased_on > m.month) "
      "AND NOT EXISTS (SELECT 1 FROM declaration_months d WHERE d.accommodation_id = a.id "
      "                AND d.month = m.month AND d.latest_revision > 0) "
      "ORDER BY a.seq, m.month";
  const std::string today_text = FormatIsoDate(today);
  const std::string from_text = FirstDay(from);
  const std::string to_text = FirstDay(to);
  std::vector<UndeclaredMonth> months;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << sql, soci::use(today_text), soci::use(from_text), soci::use(to_text),
       soci::use(collectivity.value()), soci::use(filter.commune_insee_code),
       soci::use(filter.commune_insee_code), soci::use(filter.nature), soci::use(filter.nature));
  for (const auto& row : rows) months.push_back(UndeclaredFrom(row));
  return months;
}

std::map<AccommodationMonthKey, std::vector<TakenStep>> WorklistRepository::TakenSteps(
    Transaction& tx, const CollectivityId& collectivity, Month from, Month to) {
  std::map<AccommodationMonthKey, std::vector<TakenStep>> steps;
  const std::string from_text = FirstDay(from);
  const std::string to_text = FirstDay(to);
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT accommodation_id::text AS accommodation_id, month::text AS month, kind, "
              "taken_on::text AS taken_on, (cancelled_at IS NOT NULL)::int AS cancelled, "
              "delivered_on::text AS delivered_on FROM enforcement_steps "
              "WHERE collectivity_id = :c::uuid AND month BETWEEN :from::date AND :to::date "
              "ORDER BY seq",
       soci::use(collectivity.value()), soci::use(from_text), soci::use(to_text));
  for (const auto& row : rows) {
    auto kind = ParseEnforcementStep(GetString(row, "kind"));
    if (!kind) continue;
    TakenStep step{*kind, GetDay(row, "taken_on"), row.get<int>("cancelled") != 0,
                   GetOptionalDay(row, "delivered_on")};
    steps[{GetString(row, "accommodation_id"), FormatIsoMonth(MonthOf(GetString(row, "month")))}]
        .push_back(step);
  }
  return steps;
}

std::map<std::string, std::vector<CategoryPeriod>> WorklistRepository::CategoryPeriods(
    Transaction& tx, const CollectivityId& collectivity) {
  std::map<std::string, std::vector<CategoryPeriod>> periods;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << "SELECT accommodation_id::text AS accommodation_id, category, "
                               "valid_from::text AS valid_from, valid_to::text AS valid_to "
                               "FROM classification_periods WHERE collectivity_id = :c::uuid",
       soci::use(collectivity.value()));
  for (const auto& row : rows) {
    auto category = rates::ParseCategory(GetString(row, "category"));
    if (!category) continue;
    periods[GetString(row, "accommodation_id")].push_back(
        {GetDay(row, "valid_from"), GetDay(row, "valid_to"), *category});
  }
  return periods;
}

std::vector<DeclaredCount> WorklistRepository::DeclaredCounts(Transaction& tx,
                                                              const CollectivityId& collectivity,
                                                              Month from, Month to) {
  const std::string from_text = FirstDay(from);
  const std::string to_text = FirstDay(to);
  std::vector<DeclaredCount> counts;
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT d.month::text AS month, a.commune_insee_code, count(*)::bigint AS declared, "
              "count(*) FILTER (WHERE f.submitted_on <= f.due_on)::bigint AS on_time, "
              "count(*) FILTER (WHERE f.submitted_on > f.due_on)::bigint AS late, "
              "count(*) FILTER (WHERE l.kind IN ('nil', 'closed'))::bigint AS nil, "
              "coalesce(sum(l.total_cents), 0)::bigint AS tax_total_cents "
              "FROM declaration_months d "
              "JOIN accommodations a ON a.id = d.accommodation_id "
              "JOIN declaration_revisions f ON f.accommodation_id = d.accommodation_id "
              "  AND f.month = d.month AND f.revision = 1 "
              "JOIN declaration_revisions l ON l.accommodation_id = d.accommodation_id "
              "  AND l.month = d.month AND l.revision = d.latest_revision "
              "WHERE d.collectivity_id = :c::uuid AND d.latest_revision > 0 "
              "AND d.month BETWEEN :from::date AND :to::date "
              "GROUP BY d.month, a.commune_insee_code ORDER BY d.month, a.commune_insee_code",
       soci::use(collectivity.value()), soci::use(from_text), soci::use(to_text));
  for (const auto& row : rows) {
    counts.push_back({MonthOf(GetString(row, "month")), GetString(row, "commune_insee_code"),
                      GetLong(row, "declared"), GetLong(row, "on_time"), GetLong(row, "late"),
                      GetLong(row, "nil"), GetLong(row, "tax_total_cents")});
  }
  return counts;
}

}  // namespace nuitee::persistence
