// Reading a platform's statement CSV (platform_statement_csv.hpp): records (RFC 4180 quoting),
// the header, then every cell of every line, collecting every problem before refusing the file.
// The cell formats follow the stays CSV (domain/stay_csv.cpp): French dates or ISO dates, euros
// with a decimal comma.
#include "domain/money/platform_statement_csv.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

#include "domain/core/utf8.hpp"

namespace nuitee {
namespace {

constexpr int kMaxNights = 365;
constexpr int kMaxPersons = 10000;
constexpr std::size_t kMaxTextBytes = 300;
constexpr std::size_t kMaxEchoedBytes = 40;

enum class Column {
  kCommuneSiren,
  kCollectivitySiren,
  kStayStart,
  kStayEnd,
  kCollectedOn,
  kAddress,
  kPostalCode,
  kCity,
  kPersons,
  kNights,
  kPricePerNight,
  kTaxCollected,
  kNature,
  kCategory,
  kRegistrationNumber,
};

struct ColumnSpec {
  const char* header;  // folded (see Folded)
  const char* field;   // the name in the JSON pointer of a problem
  bool required;
};

constexpr std::array<ColumnSpec, 15> kColumns = {{
    {"siren_commune", "commune_siren", true},
    {"siren_collectivite", "collectivity_siren", true},
    {"date_debut_sejour", "stay_start", true},
    {"date_fin_sejour", "stay_end", true},
    {"date_perception", "collected_on", true},
    {"adresse", "address", true},
    {"code_postal", "postal_code", true},
    {"commune", "city", true},
    {"nombre_personnes", "persons", true},
    {"nombre_nuitees", "nights", true},
    {"prix_nuitee", "price_per_night", false},
    {"montant_taxe_percue", "tax_collected", true},
    {"nature", "nature", true},
    {"categorie", "category", true},
    {"numero_enregistrement", "registration_number", false},
}};

std::string Prefix(int line) { return "Ligne " + std::to_string(line) + " : "; }

std::string Echo(std::string_view cell) {
  std::size_t at = 0;
  while (at < cell.size() && at < kMaxEchoedBytes) {
    at += std::max<std::size_t>(1, Utf8SequenceLength(cell, at));
  }
  return "« " + std::string(cell.substr(0, at)) + (at < cell.size() ? "…" : "") + " »";
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Lower case without the accents of Latin-1 letters, spaces and hyphens as underscores.
std::string Folded(std::string_view text) {
  std::string folded;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte == 0xC3 && at + 1 < text.size()) {
      const unsigned char letter = static_cast<unsigned char>(text[at + 1]) | 0x20;
      char plain = 0;
      if (letter >= 0xA0 && letter <= 0xA6) plain = 'a';
      if (letter == 0xA7) plain = 'c';
      if (letter >= 0xA8 && letter <= 0xAB) plain = 'e';
      if (letter >= 0xAC && letter <= 0xAF) plain = 'i';
      if (letter >= 0xB2 && letter <= 0xB6) plain = 'o';
      if (letter >= 0xB9 && letter <= 0xBC) plain = 'u';
      if (plain != 0) {
        folded.push_back(plain);
        ++at;
        continue;
      }
    }
    if (byte >= 'A' && byte <= 'Z') {
      folded.push_back(char(byte - 'A' + 'a'));
    } else if (byte == ' ' || byte == '-') {
      folded.push_back('_');
    } else {
      folded.push_back(char(byte));
    }
  }
  return folded;
}

// --- Records (RFC 4180) ---

struct Record {
  int line = 0;
  std::vector<std::string> cells;
};

enum class Read { kRecord, kEnd, kUnclosedQuote };

class RecordReader {
 public:
  RecordReader(std::string_view text, char separator) : text_(text), separator_(separator) {}

  Read Next(Record& record) {
    if (at_ >= text_.size()) return Read::kEnd;
    record.line = line_;
    record.cells.clear();
    std::string cell;
    while (at_ < text_.size() && text_[at_] != '\n' && text_[at_] != '\r') {
      const char c = text_[at_];
      if (c == separator_) {
        record.cells.emplace_back(Trimmed(cell));
        cell.clear();
        ++at_;
      } else if (c == '"' && Trimmed(cell).empty()) {
        cell.clear();
        ++at_;
        if (!ReadQuoted(cell)) return Read::kUnclosedQuote;
      } else {
        cell.push_back(c);
        ++at_;
      }
    }
    record.cells.emplace_back(Trimmed(cell));
    if (at_ < text_.size()) {
      if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
      ++at_;
      ++line_;
    }
    return Read::kRecord;
  }

 private:
  bool ReadQuoted(std::string& cell) {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '"') {
        if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
          cell.push_back('"');
          at_ += 2;
          continue;
        }
        ++at_;
        return true;
      }
      if (c == '\n') ++line_;
      if (c != '\r') cell.push_back(c);
      ++at_;
    }
    return false;
  }

  std::string_view text_;
  char separator_;
  std::size_t at_ = 0;
  int line_ = 1;
};

bool IsBlank(const Record& record) {
  for (const auto& cell : record.cells) {
    if (!cell.empty()) return false;
  }
  return true;
}

// ';' as French spreadsheets write it, unless the header line has more commas.
char DetectSeparator(std::string_view text) {
  const std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  const auto semicolons = std::count(first.begin(), first.end(), ';');
  const auto commas = std::count(first.begin(), first.end(), ',');
  return commas > semicolons ? ',' : ';';
}

// --- Cells ---

std::optional<int> Count(std::string_view text, int low, int high) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  auto value = detail::ParseDigits(text);
  if (!value || *value < low || *value > high) return std::nullopt;
  return value;
}

std::optional<Day> FrenchOrIsoDate(std::string_view text) {
  if (auto iso = ParseIsoDate(text)) return IsPlausibleRegisterDay(*iso) ? iso : std::nullopt;
  const std::size_t first = text.find('/');
  const std::size_t second = first == text.npos ? text.npos : text.find('/', first + 1);
  if (second == text.npos) return std::nullopt;
  const auto d = text.substr(0, first);
  const auto m = text.substr(first + 1, second - first - 1);
  const auto y = text.substr(second + 1);
  if (d.empty() || d.size() > 2 || m.empty() || m.size() > 2 || y.size() != 4) return std::nullopt;
  auto dd = detail::ParseDigits(d);
  auto mm = detail::ParseDigits(m);
  auto yy = detail::ParseDigits(y);
  if (!dd || !mm || !yy) return std::nullopt;
  const Day day{date::year{*yy}, date::month{unsigned(*mm)}, date::day{unsigned(*dd)}};
  if (!day.ok() || !IsPlausibleRegisterDay(day)) return std::nullopt;
  return day;
}

// Euros with a decimal comma or point and at most two decimals, spaces (also no-break ones)
// between thousands and an optional "€": exact, the digits become cents.
std::optional<Money> Euros(std::string_view text) {
  std::string compact;
  for (std::size_t at = 0; at < text.size();) {
    if (text.substr(at).starts_with("\u00A0")) {
      at += std::string_view("\u00A0").size();
    } else if (text.substr(at).starts_with("\u202F")) {
      at += std::string_view("\u202F").size();
    } else if (text.substr(at).starts_with("€")) {
      at += std::string_view("€").size();
    } else if (text[at] == ' ') {
      ++at;
    } else {
      compact.push_back(text[at++]);
    }
  }
  const std::size_t mark = compact.find_first_of(",.");
  const std::string euros = compact.substr(0, mark);
  const std::string decimals = mark == std::string::npos ? "" : compact.substr(mark + 1);
  if (euros.empty() || euros.size() > 9) return std::nullopt;
  if (mark != std::string::npos && (decimals.empty() || decimals.size() > 2)) return std::nullopt;
  auto whole = detail::ParseDigits(euros);
  auto fraction = decimals.empty() ? std::optional<int>(0) : detail::ParseDigits(decimals);
  if (!whole || !fraction) return std::nullopt;
  return Money::Cents(std::int64_t(*whole) * 100 + *fraction * (decimals.size() == 1 ? 10 : 1));
}

bool NineDigits(std::string_view text) {
  return text.size() == 9 && std::all_of(text.begin(), text.end(), [](char c) {
           return c >= '0' && c <= '9';
         });
}

// Our category names, and the French ones a platform writes.
std::optional<rates::Category> CategoryCell(std::string_view text) {
  const std::string name = Folded(text);
  if (auto known = rates::ParseCategory(name)) return known;
  static const std::map<std::string, rates::Category> kFrench = {
      {"palace", rates::Category::kPalace},
      {"5_etoiles", rates::Category::kFiveStars},
      {"4_etoiles", rates::Category::kFourStars},
      {"3_etoiles", rates::Category::kThreeStars},
      {"2_etoiles", rates::Category::kTwoStars},
      {"1_etoile", rates::Category::kOneStar},
      {"camping_3_5_etoiles", rates::Category::kCampingHigh},
      {"camping_1_2_etoiles", rates::Category::kCampingLow},
      {"non_classe", rates::Category::kUnclassified},
      {"non_classe_ou_en_attente", rates::Category::kUnclassified},
  };
  auto found = kFrench.find(name);
  if (found == kFrench.end()) return std::nullopt;
  return found->second;
}

// A registration number as the register keeps it: 13 letters or digits (D. 324-1-1 code du
// tourisme), spaces dropped, upper case.
std::optional<std::string> RegistrationCell(std::string_view text) {
  std::string number;
  for (char c : text) {
    if (c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return std::nullopt;
    number.push_back(c);
  }
  if (number.size() != 13) return std::nullopt;
  return number;
}

class LineReader {
 public:
  LineReader(const Record& record, const std::array<std::optional<std::size_t>, 15>& position,
             std::string_view collectivity_siren, FieldErrors& errors)
      : record_(record), position_(position), siren_(collectivity_siren), errors_(errors) {}

  std::optional<PlatformStatementLine> Read() {
    PlatformStatementLine line;
    line.file_line = record_.line;
    const std::size_t before = errors_.errors().size();
    line.commune_siren = Siren(Column::kCommuneSiren);
    line.collectivity_siren = Siren(Column::kCollectivitySiren);
    if (NineDigits(line.collectivity_siren) && line.collectivity_siren != siren_) {
      Problem(Column::kCollectivitySiren,
              "le SIREN " + Echo(line.collectivity_siren) +
                  " n'est pas celui de la collectivité (" + std::string(siren_) +
                  ") : déposez les lignes de chaque collectivité auprès d'elle.");
    }
    auto start = Date(Column::kStayStart);
    auto end = Date(Column::kStayEnd);
    auto collected_on = Date(Column::kCollectedOn);
    line.address_line = Text(Column::kAddress);
    line.postal_code = std::string(Cell(Column::kPostalCode));
    if (!Missing(Column::kPostalCode) &&
        (line.postal_code.size() != 5 ||
         !std::all_of(line.postal_code.begin(), line.postal_code.end(),
                      [](char c) { return c >= '0' && c <= '9'; }))) {
      Problem(Column::kPostalCode, Echo(line.postal_code) + " n'est pas un code postal (5 chiffres).");
    }
    line.city = Text(Column::kCity);
    line.persons = Number(Column::kPersons, kMaxPersons, "personnes").value_or(0);
    line.nights = Number(Column::kNights, kMaxNights, "nuitées").value_or(0);
    line.nature = Text(Column::kNature);
    if (auto category = Cell(Column::kCategory); !Missing(Column::kCategory)) {
      if (auto parsed = CategoryCell(category)) {
        line.category = *parsed;
      } else {
        Problem(Column::kCategory,
                Echo(category) + " n'est pas une catégorie : palace, 5_etoiles … 1_etoile, "
                                 "camping_3_5_etoiles, camping_1_2_etoiles ou non_classe.");
      }
    }
    if (auto price = Cell(Column::kPricePerNight); !price.empty()) {
      line.price_per_night = Euros(price);
      if (!line.price_per_night) {
        Problem(Column::kPricePerNight, Echo(price) + " n'est pas un montant en euros (« 85,50 »).");
      }
    } else if (line.category == rates::Category::kUnclassified && position_of(Column::kCategory)) {
      Problem(Column::kPricePerNight,
              "le prix de la nuitée est obligatoire pour un hébergement non classé "
              "(loi de finances pour 2024, art. 129, 9°).");
    }
    if (!Missing(Column::kTaxCollected)) {
      const auto amount = Cell(Column::kTaxCollected);
      if (auto money = Euros(amount)) {
        line.collected = *money;
      } else {
        Problem(Column::kTaxCollected, Echo(amount) + " n'est pas un montant en euros (« 12,34 »).");
      }
    }
    if (auto number = Cell(Column::kRegistrationNumber); !number.empty()) {
      line.registration_number = RegistrationCell(number);
      if (!line.registration_number) {
        Problem(Column::kRegistrationNumber,
                Echo(number) + " n'est pas un numéro d'enregistrement (13 lettres ou chiffres).");
      }
    }
    if (start && end && *end <= *start) {
      Problem(Column::kStayEnd, "la fin du séjour doit suivre son début.");
    } else if (start && end && line.nights > 0 &&
               (date::sys_days(*end) - date::sys_days(*start)).count() != line.nights) {
      Problem(Column::kNights, "le nombre de nuitées (" + std::to_string(line.nights) +
                                   ") ne correspond pas aux dates du séjour (" +
                                   std::to_string((date::sys_days(*end) - date::sys_days(*start)).count()) +
                                   ").");
    }
    if (errors_.errors().size() != before) return std::nullopt;
    line.stay_start = *start;
    line.stay_end = *end;
    line.collected_on = *collected_on;
    return line;
  }

 private:
  bool position_of(Column column) const { return position_[std::size_t(column)].has_value(); }
  std::string_view Cell(Column column) const {
    const auto& at = position_[std::size_t(column)];
    if (!at || *at >= record_.cells.size()) return {};
    return record_.cells[*at];
  }
  void Problem(Column column, const std::string& message) {
    errors_.Add("/lines/" + std::to_string(record_.line) + "/" + kColumns[std::size_t(column)].field,
                Prefix(record_.line) + message);
  }
  // A required cell left empty is reported once, here.
  bool Missing(Column column) {
    if (!Cell(column).empty()) return false;
    if (kColumns[std::size_t(column)].required) {
      Problem(column, "la colonne « " + std::string(kColumns[std::size_t(column)].header) +
                          " » est vide.");
    }
    return true;
  }
  std::string Siren(Column column) {
    if (Missing(column)) return {};
    const std::string cell(Cell(column));
    if (!NineDigits(cell)) Problem(column, Echo(cell) + " n'est pas un SIREN (9 chiffres).");
    return cell;
  }
  std::optional<Day> Date(Column column) {
    if (Missing(column)) return std::nullopt;
    auto day = FrenchOrIsoDate(Cell(column));
    if (!day) Problem(column, Echo(Cell(column)) + " n'est pas une date (JJ/MM/AAAA).");
    return day;
  }
  std::string Text(Column column) {
    if (Missing(column)) return {};
    const std::string cell(Cell(column));
    if (cell.size() > kMaxTextBytes) {
      Problem(column, "le texte dépasse " + std::to_string(kMaxTextBytes) + " octets.");
    }
    return cell;
  }
  std::optional<int> Number(Column column, int high, const std::string& what) {
    if (Missing(column)) return std::nullopt;
    auto count = Count(Cell(column), 1, high);
    if (!count) {
      Problem(column, Echo(Cell(column)) + " n'est pas un nombre de " + what + " (1 à " +
                          std::to_string(high) + ").");
    }
    return count;
  }

  const Record& record_;
  const std::array<std::optional<std::size_t>, 15>& position_;
  std::string_view siren_;
  FieldErrors& errors_;
};

}  // namespace

Result<std::vector<PlatformStatementLine>> ParsePlatformStatementCsv(
    std::string_view text, std::string_view collectivity_siren) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  FieldErrors errors;
  for (std::size_t at = 0, line = 1; at < text.size();) {
    const std::size_t length = Utf8SequenceLength(text, at);
    if (length == 0) {
      errors.Add("/lines/" + std::to_string(line),
                 Prefix(int(line)) + "le fichier doit être encodé en UTF-8.");
      return Fail(Error::RuleViolation(errors.errors(), "Le relevé est refusé en entier."));
    }
    if (text[at] == '\n') ++line;
    at += length;
  }
  RecordReader reader(text, DetectSeparator(text));
  Record header;
  Read read;
  while ((read = reader.Next(header)) == Read::kRecord && IsBlank(header)) {
  }
  if (read != Read::kRecord) {
    errors.Add("/lines", "Le fichier est vide : la première ligne nomme les colonnes (" +
                             std::string(kPlatformStatementHeader) + ").");
    return Fail(Error::RuleViolation(errors.errors(), "Le relevé est refusé en entier."));
  }
  std::array<std::optional<std::size_t>, 15> position;
  for (std::size_t index = 0; index < header.cells.size(); ++index) {
    const std::string name = Folded(header.cells[index]);
    if (name.empty()) continue;
    bool known = false;
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      if (name != kColumns[c].header) continue;
      known = true;
      if (position[c]) {
        errors.Add("/header", Prefix(header.line) + "la colonne « " + name + " » apparaît deux fois.");
      }
      position[c] = index;
    }
    if (!known) {
      errors.Add("/header", Prefix(header.line) + "la colonne " + Echo(header.cells[index]) +
                                " est inconnue. Colonnes attendues : " +
                                std::string(kPlatformStatementHeader) + ".");
    }
  }
  for (std::size_t c = 0; c < kColumns.size(); ++c) {
    if (kColumns[c].required && !position[c]) {
      errors.Add("/header", Prefix(header.line) + "la colonne obligatoire « " +
                                kColumns[c].header + " » manque.");
    }
  }
  if (!errors.empty()) {
    return Fail(Error::RuleViolation(errors.errors(), "Le relevé est refusé en entier."));
  }
  std::vector<PlatformStatementLine> lines;
  std::size_t records = 0;
  Record record;
  while ((read = reader.Next(record)) == Read::kRecord) {
    if (IsBlank(record)) continue;
    if (++records > kMaxPlatformStatementLines) {
      errors.Add("/lines", "Le fichier dépasse " + std::to_string(kMaxPlatformStatementLines) +
                               " lignes : déposez-le en plusieurs fichiers.");
      break;
    }
    if (record.cells.size() > header.cells.size()) {
      errors.Add("/lines/" + std::to_string(record.line),
                 Prefix(record.line) + "la ligne a plus de cellules que l'en-tête.");
      continue;
    }
    LineReader line_reader(record, position, collectivity_siren, errors);
    if (auto line = line_reader.Read()) lines.push_back(std::move(*line));
  }
  if (read == Read::kUnclosedQuote) {
    errors.Add("/lines/" + std::to_string(record.line),
               Prefix(record.line) + "un guillemet ouvert n'est jamais fermé.");
  }
  if (errors.empty() && lines.empty()) {
    errors.Add("/lines", "Le fichier ne contient aucune ligne de perception.");
  }
  if (!errors.empty()) {
    return Fail(Error::RuleViolation(errors.errors(), "Le relevé est refusé en entier."));
  }
  return lines;
}

std::string PlatformLineKeyText(const PlatformStatementLine& line, int rank) {
  std::string key;
  for (const std::string& part :
       {line.commune_siren, line.collectivity_siren, FormatIsoDate(line.stay_start),
        FormatIsoDate(line.stay_end), FormatIsoDate(line.collected_on),
        Folded(line.address_line), line.postal_code, Folded(line.city),
        std::to_string(line.persons), std::to_string(line.nights),
        line.price_per_night ? std::to_string(line.price_per_night->cents()) : std::string(),
        std::to_string(line.collected.cents()), Folded(line.nature),
        std::string(rates::CategoryName(line.category)), line.registration_number.value_or(""),
        std::to_string(rank)}) {
    key += part;
    key.push_back('\x1f');  // the unit separator: appears in no cell
  }
  return key;
}

}  // namespace nuitee
