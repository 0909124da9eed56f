// Value-level readers of the DELTA file: exact decimals, dates, booleans and the DGFiP code lists
// (categorieId, natureId, regimes), plus the rail-project beneficiary of each département.
// Internal to nuitee_imports; kept apart so each rule can be tested alone.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string_view>

#include "domain/core/dates.hpp"
#include "domain/nature.hpp"
#include "rates/additional_tax.hpp"
#include "rates/category.hpp"

namespace nuitee::imports::delta {

enum class DecimalProblem {
  kSyntax,           // not digits with at most one decimal separator
  kTooManyDecimals,  // more than two decimals: not a whole number of cents / basis points
  kTooLarge,         // more than nine digits before the separator
};

// An unsigned decimal written with a dot or a comma ("0.80", "0,80", "5", "4.5") as an exact
// count of hundredths: cents for euros, basis points for percentages ("5.00" % = 500 bp). No
// floating point anywhere, so "0.29" is 29 and never 28.999….
std::expected<std::int64_t, DecimalProblem> ParseHundredths(std::string_view text);

// A whole date: "10/01/2026" (DD/MM/YYYY, as the DELTA file writes it) or ISO "2026-01-10".
std::optional<Day> ParseDeltaDate(std::string_view text);

// A bound of a perception period: a day and a French month name ("01 janvier", "1er août",
// "31 decembre") placed in `year_when_missing`, or a whole date (ParseDeltaDate), which keeps
// its own year.
std::optional<Day> ParsePeriodDay(std::string_view text, int year_when_missing);

// xs:boolean: "true", "false", "1", "0".
std::optional<bool> ParseXmlBoolean(std::string_view text);

// A number of nights (abatement tiers): digits only, 0 to 99 999.
std::optional<int> ParseNights(std::string_view text);

// categorieId "1"–"9" is the row of the L. 2333-30 table (2 = 5 étoiles … 6 = 1 étoile,
// 9 = non classé), as the public parsers of the file read it.
std::optional<rates::Category> CategoryOfId(std::string_view categorie_id);
// The row's short French label, for messages ("campings 3 à 5 étoiles, aires de camping-cars").
std::string_view CategoryLabel(rates::Category category);

// natureId "1"–"10", in the order of the natures of R. 2333-44; 10 = hébergements en attente de
// classement ou sans classement, which has no domain nature (it is a category, always au réel).
inline constexpr int kUnclassifiedNatureId = 10;
struct NatureCode {
  int id = 0;
  std::optional<Nature> nature;  // none for kUnclassifiedNatureId
};
std::optional<NatureCode> NatureOfId(std::string_view nature_id);

enum class Regime { kActual, kFlatRate };
// "Réel" or "Forfaitaire" (also all lower or upper case, and "Reel" without the accent).
std::optional<Regime> ParseRegime(std::string_view text);

// The 34 % add-on of LF 2023 art. 76 (taxeAdditionnelleLGV) goes to the company building the
// line that crosses the département: LNPCA (13, 83, 06), GPSO (33, 40, 47, 64, 31, 32, 65, 09,
// 46, 81, 82), LNMP (34, 11, 66). None elsewhere.
std::optional<rates::Beneficiary> RailProjectOf(std::string_view departement);

// The département of an INSEE commune code: "15" for "15014", "2A" for "2A004", "974" for "97411".
std::string_view DepartementOfCommune(std::string_view insee_code);

// Leading and trailing XML white space removed.
std::string_view Trim(std::string_view text);

}  // namespace nuitee::imports::delta
