// The one rule every ledger entry obeys (domain/money/ledger.hpp).
#include "domain/money/ledger.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

TEST(LedgerEntry, BalancesWhenItsPostingsSumToZero) {
  EXPECT_TRUE(CheckBalanced(Transfer(Money::Cents(1234), LedgerAccount::kTreasury, "",
                                     LedgerAccount::kHostReceivable, "h")));
}

TEST(LedgerEntry, RefusesPostingsThatDoNotSumToZero) {
  auto postings = Transfer(Money::Cents(1234), LedgerAccount::kTreasury, "",
                           LedgerAccount::kHostReceivable, "h");
  postings[1].amount = Money::Cents(-1233);
  EXPECT_FALSE(CheckBalanced(postings));
}

TEST(LedgerEntry, RefusesASinglePostingOrAZeroOne) {
  EXPECT_FALSE(CheckBalanced({Posting{LedgerAccount::kTreasury, "", Money::Zero()}}));
  EXPECT_FALSE(CheckBalanced({Posting{LedgerAccount::kTreasury, "", Money::Zero()},
                              Posting{LedgerAccount::kSuspense, "", Money::Zero()}}));
}

TEST(LedgerAccounts, RoundTripTheirCodes) {
  for (auto account : {LedgerAccount::kHostReceivable, LedgerAccount::kTaxRevenue,
                       LedgerAccount::kAdditionalTaxPayable, LedgerAccount::kLateInterestRevenue,
                       LedgerAccount::kPlatformReceivable, LedgerAccount::kTreasury,
                       LedgerAccount::kSuspense, LedgerAccount::kTouristOffice}) {
    EXPECT_EQ(ParseLedgerAccount(LedgerAccountCode(account)), account);
    EXPECT_FALSE(LedgerAccountLabel(account).empty());
  }
}

}  // namespace
}  // namespace nuitee
