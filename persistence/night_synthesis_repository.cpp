// SQL of the synthesis of nights: declaration_night_totals (a few rows per revision, written at
// submission) restricted to each month's latest revision.
#include "persistence/night_synthesis_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

// The column and its alias; the alias is what FromRow reads.
const char* ColumnOf(NightDimension dimension) {
  switch (dimension) {
    case NightDimension::kMonth: return "t.month::text";
    case NightDimension::kCommune: return "t.commune_insee_code";
    case NightDimension::kCategory: return "t.category";
    case NightDimension::kNature: return "t.nature";
    case NightDimension::kCollector: return "t.collector";
  }
  return "t.month::text";
}

const char* AliasOf(NightDimension dimension) {
  switch (dimension) {
    case NightDimension::kMonth: return "g_month";
    case NightDimension::kCommune: return "g_commune";
    case NightDimension::kCategory: return "g_category";
    case NightDimension::kNature: return "g_nature";
    case NightDimension::kCollector: return "g_collector";
  }
  return "g_month";
}

NightSynthesisRow FromRow(const soci::row& row, const std::vector<NightDimension>& group_by) {
  NightSynthesisRow out;
  for (NightDimension dimension : group_by) {
    const std::string value = GetString(row, AliasOf(dimension));
    switch (dimension) {
      case NightDimension::kMonth: {
        const Day first = *ParseIsoDate(value);
        out.month = first.year() / first.month();
        break;
      }
      case NightDimension::kCommune: out.commune_insee_code = value; break;
      case NightDimension::kCategory: out.category = value; break;
      case NightDimension::kNature: out.nature = value; break;
      case NightDimension::kCollector: out.collector = value; break;
    }
  }
  out.stays = GetLong(row, "stays");
  out.nights = GetLong(row, "nights");
  out.person_nights = GetLong(row, "person_nights");
  out.taxable_person_nights = GetLong(row, "taxable_person_nights");
  out.exempt_minors_person_nights = GetLong(row, "exempt_minors");
  out.exempt_seasonal_workers_person_nights = GetLong(row, "exempt_seasonal_workers");
  out.exempt_emergency_housing_person_nights = GetLong(row, "exempt_emergency_housing");
  out.exempt_low_rent_person_nights = GetLong(row, "exempt_low_rent");
  out.tax = Money::Cents(GetLong(row, "tax_cents"));
  out.additional = Money::Cents(GetLong(row, "additional_cents"));
  out.total = Money::Cents(GetLong(row, "total_cents"));
  return out;
}

}  // namespace

std::vector<NightSynthesisRow> NightSynthesisRepository::Synthesis(
    Transaction& tx, const CollectivityId& collectivity, Month from, Month to,
    const std::vector<NightDimension>& group_by) {
  std::string select;
  std::string grouping;
  for (NightDimension dimension : group_by) {
    select += std::string(ColumnOf(dimension)) + " AS " + AliasOf(dimension) + ", ";
    grouping += std::string(grouping.empty() ? "" : ", ") + AliasOf(dimension);
  }
  // bigint sums are numeric in PostgreSQL, which SOCI reads as double: cast back to bigint.
  std::string sql =
      "SELECT " + select +
      "coalesce(sum(t.stays), 0)::bigint AS stays, coalesce(sum(t.nights), 0)::bigint AS nights, "
      "coalesce(sum(t.person_nights), 0)::bigint AS person_nights, "
      "coalesce(sum(t.taxable_person_nights), 0)::bigint AS taxable_person_nights, "
      "coalesce(sum(t.exempt_minors_person_nights), 0)::bigint AS exempt_minors, "
      "coalesce(sum(t.exempt_seasonal_workers_person_nights), 0)::bigint "
      "AS exempt_seasonal_workers, "
      "coalesce(sum(t.exempt_emergency_housing_person_nights), 0)::bigint "
      "AS exempt_emergency_housing, "
      "coalesce(sum(t.exempt_low_rent_person_nights), 0)::bigint AS exempt_low_rent, "
      "coalesce(sum(t.tax_cents), 0)::bigint AS tax_cents, "
      "coalesce(sum(t.additional_cents), 0)::bigint AS additional_cents, "
      "coalesce(sum(t.total_cents), 0)::bigint AS total_cents "
      "FROM declaration_night_totals t JOIN declaration_months m "
      "ON m.accommodation_id = t.accommodation_id AND m.month = t.month "
      "AND m.latest_revision = t.revision "
      "WHERE t.collectivity_id = :c::uuid AND t.month BETWEEN :from::date AND :to::date";
  if (!grouping.empty()) sql += " GROUP BY " + grouping + " ORDER BY " + grouping;
  const std::string from_text = FormatIsoDate(from / date::day{1});
  const std::string to_text = FormatIsoDate(to / date::day{1});
  std::vector<NightSynthesisRow> rows;
  soci::rowset<soci::row> found = (tx.session().prepare << sql, soci::use(collectivity.value()),
                                   soci::use(from_text), soci::use(to_text));
  for (const auto& row : found) rows.push_back(FromRow(row, group_by));
  return rows;
}

}  // namespace nuitee::persistence
