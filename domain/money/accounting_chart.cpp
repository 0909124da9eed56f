#include "domain/money/accounting_chart.hpp"

#include <algorithm>
#include <array>

namespace nuitee {
namespace {

struct Default {
  LedgerAccount account;
  AccountNumber m14;
  AccountNumber m57;
};

// docs/ledger.md, "Accounts". Balance-sheet (tiers, treasury) accounts have no budget chapter.
const std::array kDefaults{
    Default{LedgerAccount::kHostReceivable, {"4111", "", "Redevables – taxe de séjour", true},
            {"4111", "", "Redevables – taxe de séjour", true}},
    // Chapter 73 "Impôts et taxes" in M14; M57's account and chapter are UNCONFIRMED.
    Default{LedgerAccount::kTaxRevenue, {"7362", "73", "Taxe de séjour", true},
            {"731721", "731", "Taxe de séjour", false}},
    Default{LedgerAccount::kAdditionalTaxPayable,
            {"4658", "", "Taxes additionnelles à reverser", false},
            {"4658", "", "Taxes additionnelles à reverser", false}},
    Default{LedgerAccount::kLateInterestRevenue, {"7588", "75", "Intérêts de retard", false},
            {"7588", "75", "Intérêts de retard", false}},
    Default{LedgerAccount::kPlatformReceivable,
            {"4118", "", "Plateformes – taxe collectée à reverser", false},
            {"4118", "", "Plateformes – taxe collectée à reverser", false}},
    Default{LedgerAccount::kTreasury, {"515", "", "Compte au Trésor", true},
            {"515", "", "Compte au Trésor", true}},
    Default{LedgerAccount::kSuspense, {"471", "", "Recettes à classer", true},
            {"471", "", "Recettes à classer", true}},
    // Code du tourisme L. 133-7: M14 6574 (subventions), M57 65737 (UNCONFIRMED both).
    Default{LedgerAccount::kTouristOffice, {"6574", "65", "Reversement à l'office de tourisme", false},
            {"65737", "65", "Reversement à l'office de tourisme", false}},
};

bool Digits(std::string_view text, std::size_t min, std::size_t max) {
  return text.size() >= min && text.size() <= max &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view NomenclatureCode(Nomenclature nomenclature) {
  return nomenclature == Nomenclature::kM14 ? "M14" : "M57";
}

std::optional<Nomenclature> ParseNomenclature(std::string_view code) {
  if (code == "M14") return Nomenclature::kM14;
  if (code == "M57") return Nomenclature::kM57;
  return std::nullopt;
}

AccountNumber DefaultAccountNumber(Nomenclature nomenclature, LedgerAccount account) {
  for (const auto& each : kDefaults) {
    if (each.account == account) return nomenclature == Nomenclature::kM14 ? each.m14 : each.m57;
  }
  return {};
}

AccountNumber NumberOf(const AccountingChart& chart, LedgerAccount account) {
  const auto found = chart.overrides.find(account);
  if (found == chart.overrides.end()) return DefaultAccountNumber(chart.nomenclature, account);
  AccountNumber number = found->second;
  if (number.label.empty()) number.label = DefaultAccountNumber(chart.nomenclature, account).label;
  number.confirmed = true;
  return number;
}

Status CheckAccountNumber(const AccountNumber& number, const std::string& pointer) {
  FieldErrors errors;
  if (!Digits(number.number, 2, 10)) {
    errors.Add(pointer + "/number", "Le numéro de compte s'écrit avec 2 à 10 chiffres.");
  }
  if (!number.chapter.empty() && !Digits(number.chapter, 2, 4)) {
    errors.Add(pointer + "/chapter", "Le chapitre budgétaire s'écrit avec 2 à 4 chiffres, ou reste vide.");
  }
  if (number.label.size() > 200) {
    errors.Add(pointer + "/label", "Le libellé du compte dépasse 200 caractères.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return {};
}

}  // namespace nuitee
