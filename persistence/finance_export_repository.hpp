// The reads of the finance exports (issue 7): the ledger's postings with the names an accountant
// needs, the month-by-month flows of a period, what a host declared month by month, and the facts
// the titres de recettes need (recovery dates of taxations d'office, debtors' addresses). Every
// amount comes from the ledger or the declarations as stored; the exports add nothing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/money/ledger.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

// Adds to a per-beneficiary sum (Money has no default value, so map::operator[] cannot).
inline void AddTo(std::map<std::string, Money>& amounts, const std::string& key, Money amount) {
  amounts.try_emplace(key, Money::Zero()).first->second += amount;
}

// One posting of an entry booked in the period, in entry then line order.
struct ExportPosting {
  long long entry_seq = 0;
  int line_no = 0;
  LedgerEntryKind kind = LedgerEntryKind::kPayment;
  Day booked_on{};
  std::optional<Month> period;
  LedgerAccount account = LedgerAccount::kTreasury;
  std::string party;
  Money amount = Money::Zero();  // debit > 0, credit < 0
  std::optional<std::string> reference;
  std::string label;
  std::optional<std::string> host_id;
  std::optional<std::string> host_name;
  std::optional<std::string> accommodation_id;
  std::optional<std::string> accommodation_name;
  std::optional<std::string> platform_name;
};

// What moved in one month (by the day booked), from the ledger.
struct MonthFlows {
  Month month{};
  Money declared = Money::Zero();        // host postings of declarations (revisions included)
  Money assessed = Money::Zero();        // host postings of taxations d'office (withdrawals too)
  Money late_interest = Money::Zero();   // charged, cancellations deducted
  Money collected = Money::Zero();       // payments received, reversals deducted
  Money refunded = Money::Zero();
  Money platform_declared = Money::Zero();     // platforms' statements of collected tax
  Money platform_reversements = Money::Zero(); // money platforms paid
  Money tourist_office = Money::Zero();        // paid over to the tourist office
  Money tax_booked = Money::Zero();            // credited to tax_revenue (every kind)
  Money interest_booked = Money::Zero();       // credited to late_interest_revenue
  std::map<std::string, Money> additional_booked;     // per beneficiary: owed to it (credited)
  std::map<std::string, Money> additional_passed_on;  // per beneficiary: transferred
  Money outstanding_at_end = Money::Zero();  // sum of the hosts' positive balances at month end
  Money credits_at_end = Money::Zero();      // sum of the hosts' credits (negative balances)
};

// One accommodation-month a host owes for (declaration, assessment or late interest), split as
// booked: the tax, each additional tax, the interest.
struct MonthBreakdown {
  std::string accommodation_id;
  Month period{};
  LedgerEntryKind kind = LedgerEntryKind::kDeclaration;
  Money tax = Money::Zero();
  std::map<std::string, Money> additional;  // per beneficiary
  Money interest = Money::Zero();
};

// What the latest revision of an accommodation-month says (filed by the host asked about).
struct DeclaredMonth {
  std::string accommodation_id;
  Month month{};
  int revision = 0;
  std::string kind;  // "stays", "nil", "closed"
  long long nights = 0;
  long long person_nights = 0;
  long long exempt_person_nights = 0;
  long long platform_person_nights = 0;
  Money tax = Money::Zero();
  Money total = Money::Zero();
};

struct DebtorFacts {
  std::string host_id;
  long long host_number = 0;  // hosts.seq, for the payment reference
  std::string legal_name;
  std::string address_line;
  std::string postal_code;
  std::string city;
};

struct AccommodationFacts {
  std::string id;
  std::string name;
  std::string address;  // one line
};

class FinanceExportRepository {
 public:
  static std::vector<ExportPosting> Postings(Transaction& tx, const CollectivityId& collectivity,
                                             Day from, Day to);
  static std::vector<MonthFlows> Flows(Transaction& tx, const CollectivityId& collectivity,
                                       Month from, Month to);
  static std::vector<MonthBreakdown> HostBreakdown(Transaction& tx, const HostId& host);
  static std::vector<DeclaredMonth> HostDeclarations(Transaction& tx, const HostId& host,
                                                     Month from, Month to);
  // The latest issued taxation d'office of each accommodation-month: its recovery day.
  static std::map<std::pair<std::string, std::string>, Day> RecoverableFrom(
      Transaction& tx, const CollectivityId& collectivity);
  static std::map<std::string, DebtorFacts> Debtors(Transaction& tx,
                                                    const CollectivityId& collectivity);
  static std::optional<DebtorFacts> Debtor(Transaction& tx, const CollectivityId& collectivity,
                                           const HostId& host);
  static std::map<std::string, AccommodationFacts> Accommodations(
      Transaction& tx, const CollectivityId& collectivity);
};

}  // namespace nuitee::persistence
