// The reconciliation report's read on the demo territory: the declarations summed per cell in SQL
// (and per accommodation for the split of payments) give, for every grouping and to the cent,
// the report that the months read one by one give (the read the report made before it grouped in
// SQL), also when some months are split over two categories.
#include "persistence/reconciliation_repository.hpp"

#include <gtest/gtest.h>

#include "persistence/soci_support.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

// The latest revision of each accommodation-month of the year, per commune, nature and category.
std::vector<DeclaredMonth> ReadMonthByMonth(Transaction& tx, const std::string& collectivity,
                                            int year) {
  const std::string from = std::to_string(year) + "-01-01";
  const std::string to = std::to_string(year + 1) + "-01-01";
  std::vector<DeclaredMonth> months;
  soci::rowset<soci::row> rows =
      (tx.session().prepare
           << "SELECT n.accommodation_id::text AS accommodation_id, n.month::text AS month,"
              " n.commune_insee_code, n.nature, n.category,"
              " sum(n.tax_cents)::bigint AS tax, sum(n.additional_cents)::bigint AS additional,"
              " sum(n.total_cents)::bigint AS total"
              " FROM declaration_months m JOIN declaration_night_totals n"
              "  ON n.accommodation_id = m.accommodation_id AND n.month = m.month"
              "  AND n.revision = m.latest_revision"
              " WHERE m.collectivity_id = :c::uuid AND m.month >= :f::date AND m.month < :t::date"
              " GROUP BY n.accommodation_id, n.month, n.commune_insee_code, n.nature, n.category"
              " ORDER BY n.accommodation_id, n.month",
       soci::use(collectivity), soci::use(from), soci::use(to));
  for (const auto& row : rows) {
    const Day first = GetDay(row, "month");
    const Month month = first.year() / first.month();
    const std::string accommodation = GetString(row, "accommodation_id");
    if (months.empty() || months.back().accommodation_id != accommodation ||
        months.back().month != month) {
      months.push_back({accommodation, month, {}});
    }
    months.back().parts.push_back(
        {GetString(row, "commune_insee_code"), GetString(row, "nature"),
         GetString(row, "category"), Money::Cents(GetLong(row, "tax")),
         Money::Cents(GetLong(row, "additional")), Money::Cents(GetLong(row, "total"))});
  }
  return months;
}

void ExpectSameReport(const ReconciliationReport& actual, const ReconciliationReport& expected,
                      ReconciliationGroup group) {
  SCOPED_TRACE(std::string(ReconciliationGroupCode(group)));
  ASSERT_EQ(actual.rows.size(), expected.rows.size());
  for (std::size_t i = 0; i < expected.rows.size(); ++i) {
    EXPECT_EQ(actual.rows[i].key, expected.rows[i].key);
    EXPECT_EQ(actual.rows[i].figures, expected.rows[i].figures) << expected.rows[i].key;
  }
  EXPECT_EQ(actual.totals, expected.totals);
  EXPECT_EQ(actual.paid_tax, expected.paid_tax);
  EXPECT_EQ(actual.paid_additional, expected.paid_additional);
  EXPECT_EQ(actual.realised, expected.realised);
  ASSERT_EQ(actual.beneficiaries.size(), expected.beneficiaries.size());
  for (std::size_t i = 0; i < expected.beneficiaries.size(); ++i) {
    EXPECT_EQ(actual.beneficiaries[i].declared, expected.beneficiaries[i].declared);
    EXPECT_EQ(actual.beneficiaries[i].collected, expected.beneficiaries[i].collected);
  }
}

TEST(ReconciliationRepository, SumsPerCellGiveTheReportOfTheMonthsReadOneByOne) {
  testing::TestDatabase db(testing::TestDatabase::Schema::kDemo);
  // The collectivity and year with the most months declared and paid.
  const std::string pick =
      "SELECT m.collectivity_id::text || ' ' || extract(year FROM m.month)::int"
      " FROM declaration_months m WHERE m.latest_revision > 0"
      " GROUP BY m.collectivity_id, extract(year FROM m.month) ORDER BY count(*) DESC LIMIT 1";
  const std::string picked = testing::TestDatabase::QueryText(db.url(), pick);
  ASSERT_FALSE(picked.empty()) << "the demo territory declares no month";
  const std::string collectivity = picked.substr(0, picked.find(' '));
  const int year = std::stoi(picked.substr(picked.find(' ') + 1));
  ASSERT_GT(db.CountRows("SELECT count(*) FROM payments WHERE collectivity_id = '" + collectivity +
                         "'"),
            0);
  // Split three months over two categories, as a classification changed in the month would:
  // a second category's night totals in their latest revision.
  db.Execute(
      "INSERT INTO declaration_night_totals SELECT n.revision_id, n.collectivity_id,"
      " n.accommodation_id, n.month, n.revision, n.commune_insee_code, n.nature,"
      " 'split_test', n.collector, n.stays, n.nights, n.person_nights, n.taxable_person_nights,"
      " n.exempt_minors_person_nights, n.exempt_seasonal_workers_person_nights,"
      " n.exempt_emergency_housing_person_nights, n.exempt_low_rent_person_nights,"
      " n.tax_cents / 3, n.additional_cents / 3, n.total_cents / 3"
      " FROM declaration_night_totals n JOIN declaration_months m"
      "  ON m.accommodation_id = n.accommodation_id AND m.month = n.month"
      "  AND m.latest_revision = n.revision"
      " WHERE n.collectivity_id = '" + collectivity + "' AND extract(year FROM n.month) = " +
      std::to_string(year) + " AND n.total_cents > 0"
      " ORDER BY n.accommodation_id, n.month LIMIT 3");
  ASSERT_EQ(db.CountRows("SELECT count(*) FROM declaration_night_totals"
                         " WHERE category = 'split_test'"),
            3);

  auto read = db.database().InTransaction([&](Transaction& tx) -> Result<ReconciliationInputs> {
    return ReadReconciliationInputs(tx, CollectivityId(collectivity), year);
  });
  ASSERT_TRUE(read);
  auto reference = db.database().InTransaction([&](Transaction& tx) -> Result<ReconciliationInputs> {
    ReconciliationInputs inputs = ReadReconciliationInputs(tx, CollectivityId(collectivity), year);
    inputs.declared_cells.clear();
    inputs.single_cell.clear();
    inputs.split_months.clear();
    inputs.declared = ReadMonthByMonth(tx, collectivity, year);
    return inputs;
  });
  ASSERT_TRUE(reference);
  ASSERT_FALSE(read->split_months.empty());
  ASSERT_FALSE(read->single_cell.empty());
  ASSERT_FALSE(reference->declared.empty());

  for (auto group : {ReconciliationGroup::kMonth, ReconciliationGroup::kQuarter,
                     ReconciliationGroup::kYear, ReconciliationGroup::kCommune,
                     ReconciliationGroup::kNature, ReconciliationGroup::kCategory}) {
    const auto expected = BuildReconciliation(*reference, group);
    ExpectSameReport(BuildReconciliation(*read, group), expected, group);
    if (group == ReconciliationGroup::kCategory) {
      EXPECT_GT(expected.totals.paid.cents(), 0);
      bool split_row = false;
      for (const auto& row : expected.rows) split_row = split_row || row.key == "split_test";
      EXPECT_TRUE(split_row);
    }
  }
}

}  // namespace
}  // namespace nuitee::persistence
