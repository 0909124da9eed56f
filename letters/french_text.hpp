// French typography for the letters: long dates ("1er février 2027"), months ("janvier 2027"),
// amounts with non-breaking spaces ("1 234,56 €"), so that no line ever breaks inside them.
#pragma once

#include <string>
#include <string_view>

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"

namespace nuitee::letters {

inline constexpr std::string_view kNbsp = "\u00A0";        // before €, after "L." and "n°"
inline constexpr std::string_view kNarrowNbsp = "\u202F";  // inside « », before ; ! ?

std::string FrenchMonthName(date::month month);  // "février"
std::string FrenchMonth(Month month);            // "janvier 2027"
std::string FrenchLongDate(Day day);             // "3 février 2027", "1er mars 2027"
std::string FrenchEuros(Money amount);           // "1 234,56 €"
std::string Quoted(std::string_view text);       // « text »
// "3 personnes", "1 nuit": the count and the noun agreeing with it, unbreakable.
std::string FrenchCount(long long count, std::string_view singular, std::string_view plural);
// Every ordinary space replaced by a non-breaking one: "L. 2333-38" stays on one line.
std::string Unbreakable(std::string_view text);

}  // namespace nuitee::letters
