#include "domain/money/ledger.hpp"

#include <array>
#include <utility>

namespace nuitee {
namespace {

struct AccountName {
  LedgerAccount account;
  std::string_view code;
  std::string_view label;
};
constexpr std::array kAccounts{
    AccountName{LedgerAccount::kHostReceivable, "host_receivable", "Hébergeurs (sommes dues)"},
    AccountName{LedgerAccount::kTaxRevenue, "tax_revenue", "Taxe de séjour (produit)"},
    AccountName{LedgerAccount::kAdditionalTaxPayable, "additional_tax_payable",
                "Taxes additionnelles à reverser"},
    AccountName{LedgerAccount::kLateInterestRevenue, "late_interest_revenue",
                "Intérêts de retard"},
    AccountName{LedgerAccount::kPlatformReceivable, "platform_receivable",
                "Plateformes (taxe collectée à reverser)"},
    AccountName{LedgerAccount::kTreasury, "treasury", "Trésorerie (compte au Trésor)"},
    AccountName{LedgerAccount::kSuspense, "suspense", "Recettes à classer"},
    AccountName{LedgerAccount::kTouristOffice, "tourist_office", "Reversements à l'office de tourisme"},
};

struct KindName {
  LedgerEntryKind kind;
  std::string_view code;
};
constexpr std::array kKinds{
    KindName{LedgerEntryKind::kDeclaration, "declaration"},
    KindName{LedgerEntryKind::kAssessment, "assessment"},
    KindName{LedgerEntryKind::kLateInterest, "late_interest"},
    KindName{LedgerEntryKind::kPayment, "payment"},
    KindName{LedgerEntryKind::kPaymentReversal, "payment_reversal"},
    KindName{LedgerEntryKind::kRefund, "refund"},
    KindName{LedgerEntryKind::kBankUnmatched, "bank_unmatched"},
    KindName{LedgerEntryKind::kPlatformStatement, "platform_statement"},
    KindName{LedgerEntryKind::kPlatformReversement, "platform_reversement"},
    KindName{LedgerEntryKind::kBeneficiaryTransfer, "beneficiary_transfer"},
    KindName{LedgerEntryKind::kTouristOfficeTransfer, "tourist_office_transfer"},
};

}  // namespace

std::string_view LedgerAccountCode(LedgerAccount account) {
  for (const auto& name : kAccounts) {
    if (name.account == account) return name.code;
  }
  return {};
}

std::optional<LedgerAccount> ParseLedgerAccount(std::string_view code) {
  for (const auto& name : kAccounts) {
    if (name.code == code) return name.account;
  }
  return std::nullopt;
}

std::string_view LedgerAccountLabel(LedgerAccount account) {
  for (const auto& name : kAccounts) {
    if (name.account == account) return name.label;
  }
  return {};
}

std::string_view LedgerEntryKindCode(LedgerEntryKind kind) {
  for (const auto& name : kKinds) {
    if (name.kind == kind) return name.code;
  }
  return {};
}

std::optional<LedgerEntryKind> ParseLedgerEntryKind(std::string_view code) {
  for (const auto& name : kKinds) {
    if (name.code == code) return name.kind;
  }
  return std::nullopt;
}

Status CheckBalanced(const std::vector<Posting>& postings) {
  if (postings.size() < 2) {
    return Fail(Error::FailedPrecondition("Une écriture comptable a au moins deux lignes."));
  }
  Money sum = Money::Zero();
  for (const auto& posting : postings) {
    if (posting.amount == Money::Zero()) {
      return Fail(Error::FailedPrecondition("Une ligne d'écriture ne peut pas être nulle."));
    }
    sum += posting.amount;
  }
  if (sum != Money::Zero()) {
    return Fail(Error::FailedPrecondition("Une écriture comptable doit être équilibrée."));
  }
  return {};
}

std::vector<Posting> Transfer(Money amount, LedgerAccount to, std::string to_party,
                              LedgerAccount from, std::string from_party) {
  return {Posting{to, std::move(to_party), amount},
          Posting{from, std::move(from_party), -amount}};
}

}  // namespace nuitee
