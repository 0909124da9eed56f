// The double-entry ledger's vocabulary (docs/ledger.md): the accounts, an entry and its postings,
// and the one rule every entry obeys: its postings sum to zero. A posting is positive for a debit
// and negative for a credit, so a host's receivable account is positive while the host owes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"

namespace nuitee {

enum class LedgerAccount {
  kHostReceivable,        // per host: what it owes (positive) or holds as credit (negative)
  kTaxRevenue,            // the collectivity's taxe de séjour revenue (M14 7362, chapter 73)
  kAdditionalTaxPayable,  // per beneficiary: add-ons collected for others, to pass on (§5)
  kLateInterestRevenue,   // late-payment interest charged (rates/late_interest)
  kPlatformReceivable,    // per platform: tax it declared collecting, not yet paid over
  kTreasury,              // the public accountant's (or the régie's) account
  kSuspense,              // money received that no host could yet be found for
  kTouristOffice,         // tourist tax paid over to the tourist office (L. 133-7 code du tourisme)
};
std::string_view LedgerAccountCode(LedgerAccount account);  // "host_receivable"...
std::optional<LedgerAccount> ParseLedgerAccount(std::string_view code);
std::string_view LedgerAccountLabel(LedgerAccount account);  // French: "Hébergeur (créance)"...

enum class LedgerEntryKind {
  kDeclaration,
  kAssessment,
  kLateInterest,
  kPayment,
  kPaymentReversal,
  kRefund,
  kBankUnmatched,
  kPlatformStatement,
  kPlatformReversement,
  kBeneficiaryTransfer,
  kTouristOfficeTransfer,
};
std::string_view LedgerEntryKindCode(LedgerEntryKind kind);  // "declaration"...
std::optional<LedgerEntryKind> ParseLedgerEntryKind(std::string_view code);

struct Posting {
  LedgerAccount account = LedgerAccount::kTreasury;
  std::string party;  // the host's or platform's id, the beneficiary's code; empty otherwise
  Money amount = Money::Zero();  // debit > 0, credit < 0
  friend bool operator==(const Posting&, const Posting&) = default;
};

// An entry as written by our code (declarations and assessments are booked by the database
// itself, migration 0014, so every path that submits one books it).
struct LedgerEntry {
  CollectivityId collectivity_id;
  LedgerEntryKind kind = LedgerEntryKind::kPayment;
  Day booked_on{};
  std::optional<Month> period;
  std::optional<HostId> host_id;
  std::optional<std::string> accommodation_id;
  std::optional<std::string> platform_id;
  std::string source_type;  // "payment", "refund"...: with source_id, unique
  std::string source_id;
  std::optional<std::string> reference;
  std::string label;  // French
  std::string recorded_by;
  std::vector<Posting> postings;
};

// At least two postings, none zero, summing to zero; an error names what is wrong.
Status CheckBalanced(const std::vector<Posting>& postings);

// The two postings of money moving from `from` (credited) to `to` (debited).
std::vector<Posting> Transfer(Money amount, LedgerAccount to, std::string to_party,
                              LedgerAccount from, std::string from_party);

}  // namespace nuitee
