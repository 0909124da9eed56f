// The ledger's property (issue 7): after any random sequence of declarations, revisions, stay
// imports, payments, reversals, refunds and bank statement imports (lines carrying a host's
// payment reference, and lines no host can be found for), made through the real server on the real
// database
// with "today" moving forward, every entry balances, the ledger matches the declarations, and
// every host's balance equals what it declared less what it paid plus what was refunded to it,
// computed here from the server's answers alone.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestServer;

struct Rental {
  std::string id;
  std::string host;
};

class LedgerProperty : public ::testing::Test {
 protected:
  void SetUp() override {
    collectivity_ = testing::CreateCollectivity(client());
    ASSERT_EQ(testing::PutDeliberation(client(), collectivity_, 2026,
                                       testing::DeliberationBody(2026))
                  .status,
              201);
    server_.ActAsStaff(collectivity_);
    for (int h = 0; h < 2; ++h) {
      const std::string host =
          testing::CreateHost(client(), collectivity_, h == 0 ? "Anne Aubrac" : "Bernard Brezons");
      hosts_.push_back(host);
      const auto statement = client().Get("/v1/hosts/" + host + "/statement?from=2026-01&to=2026-01");
      ASSERT_EQ(statement.status, 200) << statement.body;
      references_[host] = statement.Json().at("account").at("payment_reference");
      for (int r = 0; r < 2; ++r) {
        const std::string number = "0001" + std::to_string(h) + std::to_string(r);
        rentals_.push_back({testing::CreateRental(client(), collectivity_, host, number, 6,
                                                  "2025-01-01"),
                            host});
      }
    }
  }
  testing::HttpClient& client() { return server_.client(); }
  std::string Base() const { return "/v1/collectivities/" + collectivity_; }

  void CreateBankFormat() {
    const auto format = client().PostJson(
        Base() + "/bank-statement-formats",
        {{"name", "Banque des territoires"}, {"separator", ";"}, {"decimal_mark", "comma"},
         {"skip_lines", 1}, {"date_column", 1}, {"date_format", "JJ/MM/AAAA"},
         {"label_column", 2}, {"debit_column", 3}, {"credit_column", 4}});
    ASSERT_EQ(format.status, 201) << format.body;
    bank_format_ = format.Json().at("id");
  }

  std::string MonthPath(const Rental& rental, const std::string& month) {
    return "/v1/accommodations/" + rental.id + "/declarations/" + month;
  }
  static json Stays(std::mt19937& random, const std::string& month) {
    json stays = json::array();
    const int count = 1 + int(random() % 3);
    for (int i = 0; i < count; ++i) {
      stays.push_back({{"arrival", month + "-0" + std::to_string(1 + i * 3)},
                       {"nights", 1 + int(random() % 3)},
                       {"occupants", 1 + int(random() % 4)},
                       {"price_per_night_cents", 3000 + int(random() % 12000)}});
    }
    return stays;
  }

  // One random step (some find nothing to do and do nothing).
  void Step(std::mt19937& random, Day today) {
    server_.SetToday(today);
    const Month current = today.year() / today.month();
    switch (random() % 7) {
      case 0:
      case 1: {  // declare a past month, or revise it
        const Rental& rental = rentals_[random() % rentals_.size()];
        const Month month = current - date::months{1 + int(random() % 3)};
        if (month < date::year{2026} / date::January) return;
        const std::string text = FormatIsoMonth(month);
        const std::string key = rental.id + text;
        HttpResponse answer;
        if (!etags_.count(key)) {
          answer = client().PostJson(MonthPath(rental, text) + "/submit",
                                     {{"stays", Stays(random, text)}});
        } else {
          answer = client().Request(
              "POST", MonthPath(rental, text) + "/revisions",
              json{{"stays", Stays(random, text)}, {"reason", "Correction."}}.dump(),
              {{"Content-Type", "application/json"}, {"If-Match", etags_[key]}});
        }
        ASSERT_EQ(answer.status, 201) << answer.body;
        etags_[key] = answer.Header("etag");
        owed_[key] = {rental.host, answer.Json().at("owed_cents").get<long long>()};
        return;
      }
      case 2: {  // stays imported from a CSV file into the draft, then submitted
        const Rental& rental = rentals_[random() % rentals_.size()];
        const Month month = current - date::months{1};
        const std::string text = FormatIsoMonth(month);
        const std::string key = rental.id + text;
        if (etags_.count(key) || month < date::year{2026} / date::January) return;
        const std::string csv = "arrivee;nuits;occupants;mineurs;prix_nuit;percue_par\n" + text +
                                "-10;" + std::to_string(1 + random() % 4) + ";" +
                                std::to_string(1 + random() % 4) + ";0;75,50;hote\n";
        const auto imported =
            client().Request("POST", MonthPath(rental, text) + "/stays:import", csv,
                             {{"Content-Type", "text/csv; charset=utf-8"}});
        ASSERT_EQ(imported.status, 200) << imported.body;
        const auto submitted = client().Request("POST", MonthPath(rental, text) + "/submit");
        ASSERT_EQ(submitted.status, 201) << submitted.body;
        etags_[key] = submitted.Header("etag");
        owed_[key] = {rental.host, submitted.Json().at("owed_cents").get<long long>()};
        return;
      }
      case 3:
      case 4: {  // a payment, sometimes naming a month by the statement's reference
        const std::string& host = hosts_[random() % hosts_.size()];
        const long long amount = 1 + random() % 6000;
        json body = {{"host_id", host},
                     {"method", random() % 2 ? "bank_transfer" : "cash"},
                     {"amount_cents", amount},
                     {"received_on", FormatIsoDate(today)}};
        if (random() % 3 == 0) body["target_month"] = FormatIsoMonth(current - date::months{1});
        const auto paid =
            client().PostJson("/v1/collectivities/" + collectivity_ + "/payments", body);
        ASSERT_EQ(paid.status, 201) << paid.body;
        payments_.push_back({paid.Header("location"), host, amount});
        paid_[host] += amount;
        // Sometimes it was a mistake.
        if (random() % 5 == 0) {
          const auto reversed =
              client().PostJson(payments_.back().path + "/reversal", {{"reason", "Erreur."}});
          ASSERT_EQ(reversed.status, 200) << reversed.body;
          paid_[host] -= amount;
        }
        return;
      }
      case 5: {  // a refund of part of a credit, when there is one
        const std::string& host = hosts_[random() % hosts_.size()];
        const long long credit = paid_[host] - Declared(host) - refunded_[host];
        if (credit <= 0) return;
        const long long amount = 1 + random() % credit;
        const auto refunded = client().PostJson(
            "/v1/hosts/" + host + "/refunds", {{"method", "bank_transfer"},
                                               {"amount_cents", amount},
                                               {"paid_on", FormatIsoDate(today)},
                                               {"reason", "Trop-perçu."}});
        ASSERT_EQ(refunded.status, 201) << refunded.body;
        refunded_[host] += amount;
        return;
      }
      case 6: {  // a bank statement: a transfer with a host's reference, and one with none
        const std::string& host = hosts_[random() % hosts_.size()];
        const long long amount = 100 + random() % 5000;
        const long long unknown = 100 + random() % 900;
        const std::string day = DayText(today);
        const std::string n = std::to_string(++bank_lines_);
        const std::string csv = "Date;Libellé;Débit;Crédit\n" + day + ";VIR SEPA " +
                                references_[host] + " N" + n + ";;" + Euros(amount) + "\n" +
                                day + ";VIR INCONNU N" + n + ";;" + Euros(unknown) + "\n";
        const auto imported = client().Request(
            "POST", Base() + "/bank-statements?format_id=" + bank_format_, csv,
            {{"Content-Type", "text/csv"}});
        ASSERT_EQ(imported.status, 201) << imported.body;
        paid_[host] += amount;
        unmatched_ += unknown;
        return;
      }
    }
  }

  static std::string DayText(Day day) {  // DD/MM/YYYY, as the bank writes it
    const std::string iso = FormatIsoDate(day);
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
  }
  static std::string Euros(long long cents) {  // "12,05"
    const std::string rest = std::to_string(cents % 100);
    return std::to_string(cents / 100) + "," + (rest.size() < 2 ? "0" : "") + rest;
  }

  long long Declared(const std::string& host) const {
    long long sum = 0;
    for (const auto& [_, owed] : owed_) {
      if (owed.first == host) sum += owed.second;
    }
    return sum;
  }

  struct Payment {
    std::string path;
    std::string host;
    long long amount;
  };

  TestServer server_;
  std::string collectivity_;
  std::vector<std::string> hosts_;
  std::vector<Rental> rentals_;
  std::map<std::string, std::string> etags_;
  std::map<std::string, std::pair<std::string, long long>> owed_;  // rental+month -> host, owed
  std::vector<Payment> payments_;
  std::map<std::string, long long> paid_;
  std::map<std::string, long long> refunded_;
  std::map<std::string, std::string> references_;  // host -> payment reference
  std::string bank_format_;
  int bank_lines_ = 0;
  long long unmatched_ = 0;
};

TEST_F(LedgerProperty, BalancesAndEveryHostOwesWhatItDeclaredLessWhatItPaid) {
  CreateBankFormat();
  ASSERT_FALSE(HasFatalFailure());
  const unsigned seed = 20261130;
  std::mt19937 random(seed);
  Day today = date::year{2026} / date::February / 3;
  for (int step = 0; step < 90; ++step) {
    Step(random, today);
    if (HasFatalFailure()) return;
    today = Day{date::sys_days{today} + date::days{int(random() % 4)}};
    if (today > date::year{2026} / date::November / 23) break;
  }
  server_.SetToday(date::year{2026} / date::November / 23);

  const auto check = client().Get("/v1/collectivities/" + collectivity_ + "/ledger/check");
  ASSERT_EQ(check.status, 200);
  EXPECT_TRUE(check.Json().at("sound").get<bool>()) << check.body << " (seed " << seed << ")";
  EXPECT_EQ(check.Json().at("debits_cents"), check.Json().at("credits_cents"));

  for (const auto& host : hosts_) {
    const long long expected = Declared(host) - paid_[host] + refunded_[host];
    const auto ledger = client().Get("/v1/hosts/" + host + "/ledger");
    ASSERT_EQ(ledger.status, 200);
    EXPECT_EQ(ledger.Json().at("balance_cents"), expected) << host << " (seed " << seed << ")";
    const auto statement =
        client().Get("/v1/hosts/" + host + "/statement?from=2026-01&to=2026-11");
    ASSERT_EQ(statement.status, 200) << statement.body;
    const json body = statement.Json();
    const json& account = body.at("account");
    EXPECT_EQ(account.at("balance_cents"), expected);
    // What the payments paid of the months plus the credit left is what was paid net.
    const json& totals = body.at("totals");
    EXPECT_EQ(totals.at("paid_cents").get<long long>() +
                  account.at("unallocated_credit_cents").get<long long>(),
              paid_[host] - refunded_[host]);
    EXPECT_EQ(totals.at("outstanding_cents").get<long long>() -
                  account.at("unallocated_credit_cents").get<long long>(),
              expected);
  }
  // The ledger's accounts sum to zero.
  const auto balances = client().Get("/v1/collectivities/" + collectivity_ + "/ledger/balances");
  long long sum = 0;
  const json accounts = balances.Json().at("accounts");
  for (const auto& account : accounts) {
    sum += account.at("balance_cents").get<long long>();
  }
  EXPECT_EQ(sum, 0);
  // What no host could be found for waits in suspense.
  long long suspense = 0;
  for (const auto& account : accounts) {
    if (account.at("account") == "suspense") suspense += account.at("balance_cents").get<long long>();
  }
  EXPECT_EQ(suspense, -unmatched_);
  EXPECT_GT(bank_lines_, 2);
  EXPECT_GT(owed_.size(), 5u);
  EXPECT_GT(payments_.size(), 5u);
}

}  // namespace
}  // namespace nuitee
