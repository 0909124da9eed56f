// The ledger on a real database (migration 0014): an entry that does not balance cannot commit,
// entries are never rewritten, a declaration's revisions are booked by the database as the
// difference from what the month stood at, and a second entry of one source is refused.
#include "persistence/ledger_repository.hpp"

#include <gtest/gtest.h>

#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/payment_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

const Day kDay{date::year{2026}, date::August, date::day{20}};

class LedgerRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) -> Result<Accommodation> {
      auto collectivity = CollectivityRepository::Insert(tx, testing::SampleCollectivity());
      if (!collectivity) return Fail(collectivity.error());
      collectivity_ = collectivity->id;
      auto host = HostRepository::Insert(tx, testing::SampleHost(collectivity_));
      if (!host) return Fail(host.error());
      return AccommodationRepository::Insert(
          tx, testing::SampleAccommodation(collectivity_, host->id), host->legal_name);
    });
    ASSERT_TRUE(made) << made.error().message;
    host_ = made->host_id;
    accommodation_ = made->id.value();
  }

  // A revision written straight into the table, as a bulk load would (the trigger books it), and
  // the month's pointer to it.
  void InsertRevision(int revision, long long tax, long long additional,
                      const std::string& host = "") {
    const std::string who = host.empty() ? host_.value() : host;
    db_.Execute(
        "INSERT INTO declaration_revisions (collectivity_id, host_id, accommodation_id, month,"
        " revision, kind, submitted_by, submitted_on, due_on, days_late, reason, rounding_mode,"
        " deliberation_versions, tax_cents, additional_taxes, additional_cents, total_cents,"
        " person_nights, taxable_person_nights, platform_person_nights) VALUES ('" +
        collectivity_.value() + "', '" + who + "', '" + accommodation_ +
        "', '2026-07-01', " + std::to_string(revision) +
        ", 'stays', 'test', '2026-08-10', '2026-08-17', 0, " +
        (revision == 1 ? std::string("NULL") : std::string("'correction'")) +
        ", 'per_line', '{}', " + std::to_string(tax) +
        ", '[{\"beneficiary\": \"departement\", \"label\": null, \"rate_bp\": 1000, "
        "\"amount_cents\": " +
        std::to_string(additional) + "}]', " + std::to_string(additional) + ", " +
        std::to_string(tax + additional) + ", 1, 1, 0)");
    db_.Execute("INSERT INTO declaration_months (accommodation_id, month, collectivity_id, host_id,"
                " latest_revision) VALUES ('" + accommodation_ + "', '2026-07-01', '" +
                collectivity_.value() + "', '" + who + "', " + std::to_string(revision) +
                ") ON CONFLICT (accommodation_id, month) DO UPDATE SET"
                " latest_revision = EXCLUDED.latest_revision, host_id = EXCLUDED.host_id");
  }

  long long Posted(const std::string& account, const std::string& party = "") {
    return db_.CountRows("SELECT coalesce(sum(amount_cents), 0) FROM ledger_postings WHERE account = '" +
                         account + "' AND party = '" + party + "'");
  }

  testing::TestDatabase db_;
  CollectivityId collectivity_;
  HostId host_;
  std::string accommodation_;
};

TEST_F(LedgerRepositoryTest, AnEntryThatDoesNotBalanceCannotCommit) {
  const auto state = testing::TestDatabase::SqlStateOf(
      db_.url(),
      "WITH e AS (INSERT INTO ledger_entries (collectivity_id, kind, booked_on, source_type,"
      " source_id, label, recorded_by) VALUES ('" + collectivity_.value() +
      "', 'payment', '2026-08-20', 'test', 'x', 'x', 'test') RETURNING id)"
      " INSERT INTO ledger_postings (entry_id, line_no, collectivity_id, account, party,"
      " amount_cents, kind, booked_on) SELECT id, 0, '" + collectivity_.value() +
      "', 'treasury', '', 100, 'payment', '2026-08-20' FROM e");
  EXPECT_EQ(state, "P0001");  // raised by the deferred check at commit
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM ledger_entries"), 0);
}

TEST_F(LedgerRepositoryTest, PostRefusesAnUnbalancedEntryBeforeWriting) {
  LedgerEntry entry;
  entry.collectivity_id = collectivity_;
  entry.booked_on = kDay;
  entry.source_type = "test";
  entry.source_id = "1";
  entry.label = "Essai";
  entry.recorded_by = "test";
  entry.postings = {{LedgerAccount::kTreasury, "", Money::Cents(100)},
                    {LedgerAccount::kHostReceivable, host_.value(), Money::Cents(-99)}};
  auto posted = db_.database().InTransaction(
      [&](Transaction& tx) { return LedgerRepository::Post(tx, entry); });
  EXPECT_FALSE(posted);
}

TEST_F(LedgerRepositoryTest, EntriesAreNeverRewritten) {
  InsertRevision(1, 1000, 100);
  EXPECT_FALSE(testing::TestDatabase::SqlStateOf(db_.url(),
                                                 "UPDATE ledger_postings SET amount_cents = 1")
                   .empty());
  EXPECT_FALSE(testing::TestDatabase::SqlStateOf(db_.url(), "DELETE FROM ledger_entries").empty());
  EXPECT_FALSE(testing::TestDatabase::SqlStateOf(db_.ServerRoleUrl(),
                                                 "TRUNCATE ledger_postings CASCADE")
                   .empty());
}

TEST_F(LedgerRepositoryTest, ARevisionIsBookedAsTheDifferenceFromWhatTheMonthStoodAt) {
  InsertRevision(1, 1000, 100);
  InsertRevision(2, 800, 80);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM ledger_entries WHERE kind = 'declaration'"), 2);
  EXPECT_EQ(Posted("host_receivable", host_.value()), 880);
  EXPECT_EQ(Posted("tax_revenue"), -800);
  EXPECT_EQ(Posted("additional_tax_payable", "departement"), -80);
  // The second entry is the difference: 220 less on the host, 200 back from revenue...
  EXPECT_EQ(db_.CountRows("SELECT amount_cents FROM ledger_postings p JOIN ledger_entries e"
                          " ON e.id = p.entry_id WHERE e.label LIKE '%révision 2'"
                          " AND p.account = 'host_receivable'"),
            -220);
  // ...and a revision that changes nothing books nothing.
  InsertRevision(3, 800, 80);
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM ledger_entries WHERE kind = 'declaration'"), 2);
  auto check = db_.database().InTransaction(
      [&](Transaction& tx) -> Result<LedgerCheck> { return LedgerRepository::Check(tx, collectivity_); });
  ASSERT_TRUE(check);
  EXPECT_EQ(check->unbalanced_entries, 0);
  EXPECT_TRUE(check->mismatches.empty());
}

TEST_F(LedgerRepositoryTest, ARevisionByANewHostMovesTheMonthBetweenTheirAccounts) {
  InsertRevision(1, 1000, 100);
  auto other = db_.database().InTransaction([&](Transaction& tx) {
    return HostRepository::Insert(tx, testing::SampleHost(collectivity_));
  });
  ASSERT_TRUE(other);
  InsertRevision(2, 1000, 100, other->id.value());
  EXPECT_EQ(Posted("host_receivable", host_.value()), 0);
  EXPECT_EQ(Posted("host_receivable", other->id.value()), 1100);
  EXPECT_EQ(Posted("tax_revenue"), -1000);
}

TEST_F(LedgerRepositoryTest, TheCheckFindsAMonthTheLedgerDoesNotMatch) {
  InsertRevision(1, 1000, 100);
  // A revision slipped in behind the trigger's back (as the table's owner could).
  db_.Execute("ALTER TABLE declaration_revisions DISABLE TRIGGER declaration_revisions_booked");
  InsertRevision(2, 500, 50);
  db_.Execute("ALTER TABLE declaration_revisions ENABLE TRIGGER declaration_revisions_booked");
  auto check = db_.database().InTransaction(
      [&](Transaction& tx) -> Result<LedgerCheck> { return LedgerRepository::Check(tx, collectivity_); });
  ASSERT_TRUE(check);
  ASSERT_EQ(check->mismatches.size(), 1u);
  EXPECT_EQ(check->mismatches[0].expected, Money::Cents(550));
  EXPECT_EQ(check->mismatches[0].booked, Money::Cents(1100));
}

TEST_F(LedgerRepositoryTest, APaymentIsBookedOncePerSource) {
  NewPayment payment;
  payment.collectivity_id = collectivity_;
  payment.host_id = host_;
  payment.amount = Money::Cents(500);
  payment.received_on = kDay;
  payment.source_key = "bank:line-1";
  payment.recorded_by = "test";
  auto first = db_.database().InTransaction(
      [&](Transaction& tx) { return PaymentRepository::Record(tx, payment); });
  ASSERT_TRUE(first) << first.error().message;
  auto second = db_.database().InTransaction(
      [&](Transaction& tx) { return PaymentRepository::Record(tx, payment); });
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(Posted("treasury"), 500);
  EXPECT_EQ(Posted("host_receivable", host_.value()), -500);
}

}  // namespace
}  // namespace nuitee::persistence
