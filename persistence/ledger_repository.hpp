// SQL of the ledger (migration 0014): entries and their postings, written once, read as balances.
// Declarations and taxations d'office are booked by the database itself (triggers of 0014); the
// other entries are written here, each from a LedgerEntry the domain checked to balance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/money/ledger.hpp"
#include "domain/money/payment_allocation.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct StoredLedgerEntry {
  std::string id;
  long long seq = 0;
  LedgerEntryKind kind = LedgerEntryKind::kPayment;
  Day booked_on{};
  std::optional<Month> period;
  std::optional<std::string> host_id;
  std::optional<std::string> accommodation_id;
  std::optional<std::string> platform_id;
  std::string source_type;
  std::string source_id;
  std::optional<std::string> reference;
  std::string label;
  std::string recorded_by;
  std::string recorded_at;
  std::vector<Posting> postings;
};

// What the ledger check found for a collectivity (GET .../ledger/check).
struct LedgerCheck {
  long long entries = 0;
  long long unbalanced_entries = 0;  // entries whose postings do not sum to zero
  Money debits = Money::Zero();      // sum of positive postings
  Money credits = Money::Zero();     // sum of negative postings (negative)
  // Accommodation-months whose booked declaration differs from the latest revision's total,
  // and the same for issued taxations d'office.
  struct Mismatch {
    std::string accommodation_id;
    Month month{};
    std::string kind;  // "declaration", "assessment"
    Money expected = Money::Zero();
    Money booked = Money::Zero();
  };
  std::vector<Mismatch> mismatches;
};

struct AccountBalance {
  LedgerAccount account = LedgerAccount::kTreasury;
  std::string party;
  Money balance = Money::Zero();
};

class LedgerRepository {
 public:
  // Writes the entry and its postings; refuses (kFailedPrecondition) an entry that does not
  // balance, and answers kAlreadyExists for a second entry of the same source. Returns its id.
  static Result<std::string> Post(Transaction& tx, const LedgerEntry& entry);
  // The host's balance: positive while it owes, negative while it holds a credit.
  static Money HostBalance(Transaction& tx, const HostId& host);
  // What the host owes month by month (declarations, assessments, late interest), as booked now;
  // months that net to zero are left out. Ordered oldest first.
  static std::vector<Debt> HostDebts(Transaction& tx, const HostId& host);
  // The host account's entries, the oldest first.
  static std::vector<StoredLedgerEntry> HostEntries(Transaction& tx, const HostId& host);
  // Every account's balance in the collectivity, as of `on` (inclusive) when given.
  static std::vector<AccountBalance> Balances(Transaction& tx, const CollectivityId& collectivity,
                                              const std::optional<Day>& on);
  // Every entry balances, and the booked declarations and assessments match their sources.
  static LedgerCheck Check(Transaction& tx, const CollectivityId& collectivity);
};

}  // namespace nuitee::persistence
