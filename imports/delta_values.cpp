// Exact readers of the DELTA file's values and code lists (see docs/delta-import.md).
#include "imports/delta_values.hpp"

#include <array>
#include <string>

namespace nuitee::imports::delta {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

std::int64_t DigitsValue(std::string_view digits) {
  std::int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Month names as French administrations type them, with and without accents.
struct MonthName {
  std::string_view name;
  unsigned month;
};
constexpr std::array<MonthName, 15> kMonthNames = {{
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
}};

std::optional<unsigned> MonthOfName(std::string_view name) {
  std::string lowered(name);
  // ASCII lower-casing is enough: the accented letters of month names are never the first one.
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  for (const auto& each : kMonthNames) {
    if (each.name == lowered) return each.month;
  }
  return std::nullopt;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::expected<std::int64_t, DecimalProblem> ParseHundredths(std::string_view text) {
  const auto separator = text.find_first_of(".,");
  const std::string_view whole = text.substr(0, separator);
  const std::string_view fraction =
      separator == std::string_view::npos ? std::string_view{} : text.substr(separator + 1);
  if (!AllDigits(whole)) return std::unexpected(DecimalProblem::kSyntax);
  if (separator != std::string_view::npos && !AllDigits(fraction)) {
    return std::unexpected(DecimalProblem::kSyntax);
  }
  if (fraction.size() > 2) return std::unexpected(DecimalProblem::kTooManyDecimals);
  if (whole.size() > 9) return std::unexpected(DecimalProblem::kTooLarge);
  std::int64_t hundredths = DigitsValue(whole) * 100;
  if (fraction.size() == 1) hundredths += DigitsValue(fraction) * 10;
  if (fraction.size() == 2) hundredths += DigitsValue(fraction);
  return hundredths;
}

std::optional<Day> ParseDeltaDate(std::string_view text) {
  if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    const std::string iso = std::string(text.substr(6, 4)) + "-" + std::string(text.substr(3, 2)) +
                            "-" + std::string(text.substr(0, 2));
    return ParseRegisterDay(iso);
  }
  return ParseRegisterDay(text);
}

std::optional<Day> ParsePeriodDay(std::string_view text, int year_when_missing) {
  if (auto whole = ParseDeltaDate(text)) return whole;
  const auto space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view day_text = text.substr(0, space);
  if (day_text == "1er") day_text = "1";
  const std::string_view month_text = Trim(text.substr(space + 1));
  if (!AllDigits(day_text) || day_text.size() > 2) return std::nullopt;
  const auto month = MonthOfName(month_text);
  if (!month) return std::nullopt;
  const Day day{date::year{year_when_missing}, date::month{*month},
                date::day{unsigned(DigitsValue(day_text))}};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::optional<bool> ParseXmlBoolean(std::string_view text) {
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  return std::nullopt;
}

std::optional<int> ParseNights(std::string_view text) {
  if (!AllDigits(text) || text.size() > 5) return std::nullopt;
  return int(DigitsValue(text));
}

std::optional<rates::Category> CategoryOfId(std::string_view categorie_id) {
  if (categorie_id.size() != 1 || categorie_id[0] < '1' || categorie_id[0] > '9') {
    return std::nullopt;
  }
  return static_cast<rates::Category>(categorie_id[0] - '0');
}

std::string_view CategoryLabel(rates::Category category) {
  switch (category) {
    case rates::Category::kPalace:
      return "palaces";
    case rates::Category::kFiveStars:
      return "5 étoiles";
    case rates::Category::kFourStars:
      return "4 étoiles";
    case rates::Category::kThreeStars:
      return "3 étoiles";
    case rates::Category::kTwoStars:
      return "2 étoiles, villages de vacances 4 et 5 étoiles";
    case rates::Category::kOneStar:
      return "1 étoile, villages de vacances 1 à 3 étoiles, chambres d'hôtes, auberges collectives";
    case rates::Category::kCampingHigh:
      return "campings 3 à 5 étoiles, aires de camping-cars";
    case rates::Category::kCampingLow:
      return "campings 1 et 2 étoiles, ports de plaisance";
    case rates::Category::kUnclassified:
      return "hébergements non classés";
  }
  return "hébergements non classés";
}

std::optional<NatureCode> NatureOfId(std::string_view nature_id) {
  // R. 2333-44 order: 4 (meublés) and 10 (non classés) are confirmed by public parsers of the
  // file; the others follow the article's list and are UNCONFIRMED (docs/delta-import.md).
  static constexpr std::array<Nature, 9> kNatures = {
      Nature::kPalace,          Nature::kHotel,          Nature::kTouristResidence,
      Nature::kFurnishedRental, Nature::kHolidayVillage, Nature::kGuestHouse,
      Nature::kCamperVanArea,   Nature::kCamping,        Nature::kMarina};
  if (!AllDigits(nature_id) || nature_id.size() > 2 || nature_id[0] == '0') return std::nullopt;
  const int id = int(DigitsValue(nature_id));
  if (id == kUnclassifiedNatureId) return NatureCode{id, std::nullopt};
  if (id < 1 || id > int(kNatures.size())) return std::nullopt;
  return NatureCode{id, kNatures[std::size_t(id - 1)]};
}

std::optional<Regime> ParseRegime(std::string_view text) {
  for (std::string_view actual : {"Réel", "réel", "RÉEL", "Reel", "reel", "REEL"}) {
    if (text == actual) return Regime::kActual;
  }
  for (std::string_view flat : {"Forfaitaire", "forfaitaire", "FORFAITAIRE"}) {
    if (text == flat) return Regime::kFlatRate;
  }
  return std::nullopt;
}

std::optional<rates::Beneficiary> RailProjectOf(std::string_view departement) {
  for (std::string_view code : {"13", "83", "06"}) {
    if (departement == code) return rates::Beneficiary::kLnpca;
  }
  for (std::string_view code : {"33", "40", "47", "64", "31", "32", "65", "09", "46", "81", "82"}) {
    if (departement == code) return rates::Beneficiary::kGpso;
  }
  for (std::string_view code : {"34", "11", "66"}) {
    if (departement == code) return rates::Beneficiary::kLnmp;
  }
  return std::nullopt;
}

std::string_view DepartementOfCommune(std::string_view insee_code) {
  if (insee_code.starts_with("97")) return insee_code.substr(0, 3);
  return insee_code.substr(0, 2);
}

}  // namespace nuitee::imports::delta
