// Generation of identifiers that pass the domain's checks.
#include "demo/identifiers.hpp"

#include <array>
#include <tuple>
#include <utility>

#include "domain/business_identifiers.hpp"

namespace nuitee::demo {
namespace {

std::string RandomDigits(DemoRandom& random, int count) {
  std::string digits;
  for (int i = 0; i < count; ++i) digits += static_cast<char>('0' + random.Below(10));
  return digits;
}

// Latin letters with diacritics as they occur in French names, encoded in UTF-8.
constexpr std::array<std::pair<std::string_view, char>, 28> kFolds = {{
    {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ç", 'c'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'},
    {"ë", 'e'}, {"î", 'i'}, {"ï", 'i'}, {"ô", 'o'}, {"ö", 'o'}, {"ù", 'u'}, {"û", 'u'},
    {"ü", 'u'}, {"ÿ", 'y'}, {"À", 'a'}, {"Â", 'a'}, {"Ç", 'c'}, {"É", 'e'}, {"È", 'e'},
    {"Ê", 'e'}, {"Î", 'i'}, {"Ô", 'o'}, {"Û", 'u'}, {"œ", 'o'}, {"æ", 'a'}, {"Œ", 'o'},
}};

// The ASCII letter for the UTF-8 sequence at `text[at]`, and its length; 0 when unknown.
std::pair<char, std::size_t> Fold(std::string_view text, std::size_t at) {
  for (const auto& [accented, plain] : kFolds) {
    if (text.substr(at, accented.size()) == accented) return {plain, accented.size()};
  }
  return {0, 1};
}

}  // namespace

std::string WithLuhnKey(std::string_view digits) {
  for (char key = '0'; key <= '9'; ++key) {
    std::string candidate = std::string(digits) + key;
    if (PassesLuhn(candidate)) return candidate;
  }
  return std::string(digits) + '0';  // unreachable: exactly one key digit passes
}

std::string MakeSiret(DemoRandom& random) {
  std::string siren;
  do {
    siren = WithLuhnKey(std::to_string(random.Between(3, 9)) + RandomDigits(random, 7));
  } while (siren == "356000000");  // La Poste's SIREN follows another rule
  // Most small businesses have one establishment, numbered 0001x or so.
  return WithLuhnKey(siren + "000" + std::to_string(random.Between(1, 4)));
}

std::string MakePhone(DemoRandom& random) {
  const std::string prefix = random.Percent(60) ? "06 39 98" : "04 65 71";
  return prefix + " " + RandomDigits(random, 2) + " " + RandomDigits(random, 2);
}

std::string Slug(std::string_view text, char separator) {
  std::string slug;
  bool pending_separator = false;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    char plain = 0;
    std::size_t length = 1;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') plain = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) plain = static_cast<char>(c);
    } else {
      std::tie(plain, length) = Fold(text, i);
    }
    i += length;
    if (plain == 0) {
      pending_separator = !slug.empty();
      continue;
    }
    if (pending_separator) slug += separator;
    pending_separator = false;
    slug += plain;
  }
  return slug;
}

std::string MakeEmail(std::string_view local_part_words, std::string_view domain) {
  return Slug(local_part_words, '.') + "@" + std::string(domain);
}

std::string MakeRegistrationNumber(DemoRandom& random, std::string_view insee_code) {
  static constexpr std::string_view kKeyCharacters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  std::string number = std::string(insee_code) + RandomDigits(random, 6);
  for (int i = 0; i < 2; ++i) number += kKeyCharacters[random.Below(kKeyCharacters.size())];
  return number;
}

}  // namespace nuitee::demo
