// A platform's statement of the tax it collected (L. 2333-34 III), as a CSV file whose columns are
// the fields of the single declaration of LF 2024 art. 129 (taxe-de-sejour.md §7), documented in
// openapi.yaml (PlatformStatementCsv) with a sample in tests/data/platform/. The file's text
// becomes statement lines, or the whole file is refused with every bad line's number and field.
// Pure: no I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "rates/category.hpp"

namespace nuitee {

// The most lines one file may hold; a bigger statement is uploaded in several files.
inline constexpr std::size_t kMaxPlatformStatementLines = 20000;

// The header, in this order (the order is free; names are matched without accents nor case):
// siren_commune;siren_collectivite;date_debut_sejour;date_fin_sejour;date_perception;adresse;
// code_postal;commune;nombre_personnes;nombre_nuitees;prix_nuitee;montant_taxe_percue;nature;
// categorie;numero_enregistrement
inline constexpr std::string_view kPlatformStatementHeader =
    "siren_commune;siren_collectivite;date_debut_sejour;date_fin_sejour;date_perception;adresse;"
    "code_postal;commune;nombre_personnes;nombre_nuitees;prix_nuitee;montant_taxe_percue;nature;"
    "categorie;numero_enregistrement";

// One collection (LF 2024 art. 129, 1° to 12°).
struct PlatformStatementLine {
  int file_line = 0;                        // the header is line 1
  std::string commune_siren;                // 1°
  std::string collectivity_siren;           // 2°
  Day stay_start{};                         // 3°: the first night
  Day stay_end{};                           // 4°: the day of departure
  Day collected_on{};                       // 5°
  std::string address_line;                 // 6°, split in its parts
  std::string postal_code;
  std::string city;
  int persons = 0;                          // 7°
  int nights = 0;                           // 8°
  std::optional<Money> price_per_night;     // 9°: required for unclassified lodging
  Money collected = Money::Zero();          // 10°: tax and add-ons, as collected
  std::string nature;                       // 11°
  rates::Category category = rates::Category::kUnclassified;
  std::optional<std::string> registration_number;  // 12°: upper case, without spaces
  friend bool operator==(const PlatformStatementLine&, const PlatformStatementLine&) = default;
};

// The lines of the file, in the file's order. Any problem refuses the whole file with
// Error::RuleViolation and one FieldError per problem, each message in French starting with
// "Ligne N : ": "/lines/{N}/{field}" for a bad cell (field: commune_siren, collectivity_siren,
// stay_start, stay_end, collected_on, address, postal_code, city, persons, nights,
// price_per_night, tax_collected, nature, category, registration_number), "/header" for the
// columns, "/lines" for a file with no line or too many. A line naming another collectivity than
// `collectivity_siren` is refused too: a platform files each collectivity's lines with it.
Result<std::vector<PlatformStatementLine>> ParsePlatformStatementCsv(
    std::string_view text, std::string_view collectivity_siren);

// What identifies a collection across files: its fields, canonically written, and its rank among
// the identical lines of its file (two identical stays are two collections). Hashed by the caller.
std::string PlatformLineKeyText(const PlatformStatementLine& line, int rank);

}  // namespace nuitee
