// The account numbers the accounting export prints for the ledger's accounts (docs/ledger.md,
// taxe-de-sejour.md §10): the public accounting nomenclature of the collectivity, M14 (communes,
// EPCI until their switch) or M57 (the single nomenclature every collectivity moves to), with the
// documented defaults. Several numbers are UNCONFIRMED in docs/ledger.md, and collectivities differ
// on the pass-through accounts (add-ons, platforms, tourist office), so each number and budget
// chapter may be overridden per collectivity (accounting_settings, migration 0017).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/core/error.hpp"
#include "domain/money/ledger.hpp"

namespace nuitee {

enum class Nomenclature { kM14, kM57 };
std::string_view NomenclatureCode(Nomenclature nomenclature);  // "M14", "M57"
std::optional<Nomenclature> ParseNomenclature(std::string_view code);

struct AccountNumber {
  std::string number;   // "7362"
  std::string chapter;  // budget chapter ("73"); empty for accounts outside the budget (tiers)
  std::string label;    // French, as the export prints it
  bool confirmed = true;  // false for the defaults docs/ledger.md marks UNCONFIRMED
  friend bool operator==(const AccountNumber&, const AccountNumber&) = default;
};

// What a collectivity chose: its nomenclature and the numbers it set itself.
struct AccountingChart {
  Nomenclature nomenclature = Nomenclature::kM57;
  std::map<LedgerAccount, AccountNumber> overrides;  // confirmed: set by the collectivity
  friend bool operator==(const AccountingChart&, const AccountingChart&) = default;
};

// The documented default of the nomenclature.
AccountNumber DefaultAccountNumber(Nomenclature nomenclature, LedgerAccount account);
// The collectivity's number: its override, otherwise the default.
AccountNumber NumberOf(const AccountingChart& chart, LedgerAccount account);

// An account number is 2 to 10 digits; a chapter empty or 2 to 4 digits (M57 "731", "017").
// Errors name the field under `pointer`.
Status CheckAccountNumber(const AccountNumber& number, const std::string& pointer);

}  // namespace nuitee
