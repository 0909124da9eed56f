// Reading the stays CSV of docs/stays-csv.md: records (RFC 4180 quoting), the header, then each
// cell, collecting every problem before refusing the file.
#include "domain/stay_csv.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "domain/core/utf8.hpp"

namespace nuitee {
namespace {

// The bounds of the rates engine (rates/stay_tax_input.cpp), so that a file it would refuse is
// refused here with the row's number.
constexpr int kMaxNights = 365;
constexpr int kMaxOccupants = 10000;
constexpr std::int64_t kMaxPricePerNightCents = 100'000'000;  // one million euros a night
constexpr std::size_t kMaxEchoedCodePoints = 30;              // of a bad cell, in a message

enum class Column {
  kArrival,
  kNights,
  kOccupants,
  kMinors,
  kSeasonalWorkers,
  kEmergencyHousing,
  kLowRent,
  kPricePerNight,
  kCollector,
};

struct ColumnSpec {
  Column column;
  const char* header;  // as documented, folded (see Folded)
  const char* field;   // the API's name of the value, for the JSON pointer
  bool required;
};

constexpr std::array<ColumnSpec, 9> kColumns = {{
    {Column::kArrival, "arrivee", "arrival", true},
    {Column::kNights, "nuits", "nights", true},
    {Column::kOccupants, "occupants", "occupants", true},
    {Column::kMinors, "mineurs", "exempt/minors", false},
    {Column::kSeasonalWorkers, "saisonniers", "exempt/seasonal_workers", false},
    {Column::kEmergencyHousing, "hebergement_urgence", "exempt/emergency_housing", false},
    {Column::kLowRent, "loyer_modique", "exempt/low_rent", false},
    {Column::kPricePerNight, "prix_nuit", "price_per_night_cents", false},
    {Column::kCollector, "percue_par", "collector", false},
}};

const ColumnSpec& SpecOf(Column column) { return kColumns[std::size_t(column)]; }

std::string Quoted(std::string_view text) { return "« " + std::string(text) + " »"; }

std::string LinePrefix(int line) { return "Ligne " + std::to_string(line) + " : "; }

std::string RowPath(int line) { return "/rows/" + std::to_string(line); }

// --- Text ---

// The line of the first byte that is not UTF-8, if any. Messages quote cells, and the JSON that
// carries them must be valid UTF-8.
std::optional<int> FirstLineNotUtf8(std::string_view text) {
  int line = 1;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = Utf8SequenceLength(text, at);
    if (length == 0) return line;
    if (text[at] == '\n') ++line;
    at += length;
  }
  return std::nullopt;
}

// A cell as quoted in a message: at most kMaxEchoedCodePoints characters.
std::string Echo(std::string_view cell) {
  std::size_t at = 0;
  for (std::size_t count = 0; at < cell.size() && count < kMaxEchoedCodePoints; ++count) {
    at += std::max<std::size_t>(1, Utf8SequenceLength(cell, at));
  }
  return Quoted(at < cell.size() ? std::string(cell.substr(0, at)) + "…" : std::string(cell));
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Spreadsheets put a no-break space (U+00A0) or a narrow one (U+202F) between thousands and
// before "€".
constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kNarrowNoBreakSpace = "\u202F";

std::string_view TrimmedWithNoBreakSpaces(std::string_view text) {
  while (true) {
    text = Trimmed(text);
    if (text.ends_with(kNoBreakSpace)) {
      text.remove_suffix(kNoBreakSpace.size());
    } else if (text.ends_with(kNarrowNoBreakSpace)) {
      text.remove_suffix(kNarrowNoBreakSpace.size());
    } else {
      return text;
    }
  }
}

// Lower case without accents, spaces and hyphens as underscores: "Hébergement urgence" and
// "hebergement_urgence" name the same column, "Hôte" and "hote" the same collector.
std::string Folded(std::string_view text) {
  std::string folded;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte == 0xC3 && at + 1 < text.size()) {
      // Latin-1 letters U+00C0–U+00FF; capitals are 0x20 below their small letter.
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

// --- Records ---

struct Record {
  int line = 0;  // where the record starts
  std::vector<std::string> cells;
};

// Reads CSV records one at a time (RFC 4180: a quoted cell may hold the separator, line breaks
// and "" for a quote), with CRLF, LF or CR line ends.
class RecordReader {
 public:
  RecordReader(std::string_view text, char separator) : text_(text), separator_(separator) {}

  enum class Outcome { kRecord, kEnd, kUnclosedQuote };
  Outcome Next(Record& record);

 private:
  bool AtLineEnd() const { return text_[at_] == '\n' || text_[at_] == '\r'; }
  void SkipLineEnd() {
    if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
    ++at_;
    ++line_;
  }
  bool ReadQuoted(std::string& cell);

  std::string_view text_;
  char separator_;
  std::size_t at_ = 0;
  int line_ = 1;
};

// After the opening quote: reads up to the closing one. False when the text ends first.
bool RecordReader::ReadQuoted(std::string& cell) {
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

RecordReader::Outcome RecordReader::Next(Record& record) {
  if (at_ >= text_.size()) return Outcome::kEnd;
  record.line = line_;
  record.cells.clear();
  std::string cell;
  while (at_ < text_.size() && !AtLineEnd()) {
    const char c = text_[at_];
    if (c == separator_) {
      record.cells.emplace_back(Trimmed(cell));
      cell.clear();
      ++at_;
    } else if (c == '"' && Trimmed(cell).empty()) {
      cell.clear();
      ++at_;
      if (!ReadQuoted(cell)) return Outcome::kUnclosedQuote;
    } else {
      cell.push_back(c);
      ++at_;
    }
  }
  record.cells.emplace_back(Trimmed(cell));
  if (at_ < text_.size()) SkipLineEnd();
  return Outcome::kRecord;
}

bool IsBlank(const Record& record) {
  for (const auto& cell : record.cells) {
    if (!cell.empty()) return false;
  }
  return true;
}

// The separator of the header line (outside quotes): the more frequent of ';' and ','; ';' when
// neither appears, as French spreadsheets write it.
char DetectSeparator(std::string_view text) {
  int semicolons = 0;
  int commas = 0;
  bool quoted = false;
  bool in_header = false;  // blank lines above the header are skipped, as when reading it
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if ((c == '\n' || c == '\r') && in_header) break;
    in_header = in_header || (c != '\n' && c != '\r' && c != ' ' && c != '\t');
    semicolons += c == ';';
    commas += c == ',';
  }
  return commas > semicolons ? ',' : ';';
}

// --- Header ---

// Where each known column sits in the records; unnamed columns must stay empty.
struct Layout {
  std::array<std::optional<std::size_t>, kColumns.size()> position;
  std::vector<std::size_t> unnamed;
  std::size_t width = 0;
};

std::string KnownColumns() {
  std::string list;
  for (const auto& spec : kColumns) list += (list.empty() ? "" : ", ") + std::string(spec.header);
  return list;
}

// Unknown columns listed one by one in a refusal; the others are counted, so that a header of
// thousands of cells (a wrong file) cannot make the answer grow with it.
constexpr std::size_t kMaxListedUnknownColumns = 7;
// Besides them: the count of the others, one "twice" per known column, one "missing" per required
// column.
static_assert(kMaxListedUnknownColumns + 1 + kColumns.size() +
                  std::count_if(kColumns.begin(), kColumns.end(),
                                [](const ColumnSpec& spec) { return spec.required; }) <=
              kMaxStayCsvHeaderProblems);

Layout ReadHeader(const Record& header, FieldErrors& errors) {
  Layout layout;
  layout.width = header.cells.size();
  std::size_t unknown = 0;
  std::array<bool, kColumns.size()> repeated{};
  for (std::size_t index = 0; index < header.cells.size(); ++index) {
    const std::string name = Folded(header.cells[index]);
    if (name.empty()) {
      layout.unnamed.push_back(index);
      continue;
    }
    const ColumnSpec* found = nullptr;
    for (const auto& spec : kColumns) {
      if (name == spec.header) found = &spec;
    }
    if (found == nullptr) {
      if (++unknown > kMaxListedUnknownColumns) continue;
      errors.Add("/header", LinePrefix(header.line) + "la colonne " + Echo(header.cells[index]) +
                                " est inconnue. Colonnes possibles : " + KnownColumns() + ".");
    } else if (layout.position[std::size_t(found->column)]) {
      if (std::exchange(repeated[std::size_t(found->column)], true)) continue;
      errors.Add("/header", LinePrefix(header.line) + "la colonne " + Quoted(found->header) +
                                " apparaît deux fois.");
    } else {
      layout.position[std::size_t(found->column)] = index;
    }
  }
  if (unknown > kMaxListedUnknownColumns) {
    errors.Add("/header", LinePrefix(header.line) + "et " +
                              std::to_string(unknown - kMaxListedUnknownColumns) +
                              " autres colonnes inconnues : vérifiez que la première ligne nomme "
                              "les colonnes et que le séparateur est « ; » ou « , ».");
  }
  for (const auto& spec : kColumns) {
    if (spec.required && !layout.position[std::size_t(spec.column)]) {
      errors.Add("/header", LinePrefix(header.line) + "la colonne obligatoire " +
                                Quoted(spec.header) + " manque.");
    }
  }
  return layout;
}

// --- Cells ---

std::optional<int> ParseCount(std::string_view text, int low, int high) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  auto value = detail::ParseDigits(text);
  if (!value || *value < low || *value > high) return std::nullopt;
  return value;
}

// "DD/MM/YYYY" as French spreadsheets write dates; the day and month may have one digit.
std::optional<Day> ParseFrenchDate(std::string_view text) {
  const std::size_t first = text.find('/');
  const std::size_t second = text.find('/', first == text.npos ? first : first + 1);
  if (first == text.npos || second == text.npos) return std::nullopt;
  const std::string_view day = text.substr(0, first);
  const std::string_view month = text.substr(first + 1, second - first - 1);
  const std::string_view year = text.substr(second + 1);
  if (day.size() > 2 || month.size() > 2 || year.size() != 4) return std::nullopt;
  auto d = detail::ParseDigits(day);
  auto m = detail::ParseDigits(month);
  auto y = detail::ParseDigits(year);
  if (!d || !m || !y) return std::nullopt;
  const Day parsed{date::year{*y}, date::month{unsigned(*m)}, date::day{unsigned(*d)}};
  if (!parsed.ok()) return std::nullopt;
  return parsed;
}

std::optional<Day> ParseArrival(std::string_view text) {
  std::optional<Day> day = ParseIsoDate(text);
  if (!day) day = ParseFrenchDate(text);
  if (!day || !IsPlausibleRegisterDay(*day)) return std::nullopt;
  return day;
}

// The width of the space that starts `text`, 0 if none: spreadsheets group thousands with a
// space, a no-break space (U+00A0) or a narrow no-break space (U+202F).
std::size_t SpaceWidth(std::string_view text) {
  if (text.starts_with(' ')) return 1;
  if (text.starts_with(kNoBreakSpace)) return kNoBreakSpace.size();
  if (text.starts_with(kNarrowNoBreakSpace)) return kNarrowNoBreakSpace.size();
  return 0;
}

// The digits of the euros of an amount, possibly grouped by thousands ("1 250"); a group of other
// than three digits ("1 25") is a typing error, not a grouping.
std::optional<std::string> EuroDigits(std::string_view text) {
  std::string digits;
  std::size_t group = 0;  // digits since the last space
  bool grouped = false;
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] >= '0' && text[at] <= '9') {
      digits.push_back(text[at++]);
      ++group;
      continue;
    }
    const std::size_t width = SpaceWidth(text.substr(at));
    if (width == 0 || group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
    grouped = true;
    group = 0;
    at += width;
  }
  if (digits.empty() || (grouped && group != 3)) return std::nullopt;
  return digits;
}

// Euros with a decimal comma or point and at most two decimals ("85", "85,5", "85,50", "85.50"),
// thousands possibly grouped ("1 250,00") and an optional "€". Exact: the digits become cents,
// never a binary fraction.
std::optional<Money> ParseEuros(std::string_view text) {
  constexpr std::string_view kEuro = "€";
  if (text.ends_with(kEuro)) {
    text = TrimmedWithNoBreakSpaces(text.substr(0, text.size() - kEuro.size()));
  }
  const std::size_t mark = text.find_first_of(",.");
  const std::optional<std::string> euros = EuroDigits(text.substr(0, mark));
  const std::string_view decimals = mark == text.npos ? "" : text.substr(mark + 1);
  if (!euros || euros->size() > 9) return std::nullopt;
  if (mark != text.npos && (decimals.empty() || decimals.size() > 2)) return std::nullopt;
  const std::optional<int> fraction = decimals.empty() ? 0 : detail::ParseDigits(decimals);
  if (!fraction) return std::nullopt;
  const std::int64_t cents = std::int64_t(*detail::ParseDigits(*euros)) * 100 +
                             *fraction * (decimals.size() == 1 ? 10 : 1);
  return Money::Cents(cents);
}

std::optional<Collector> ParseCollectorCell(std::string_view text) {
  const std::string name = Folded(text);
  if (name.empty() || name == "hote" || name == "host") return Collector::kHost;
  if (name == "airbnb") return Collector::kAirbnb;
  if (name == "booking" || name == "booking.com") return Collector::kBooking;
  if (name == "abritel" || name == "vrbo") return Collector::kAbritel;
  if (name == "autre_plateforme" || name == "other_platform") return Collector::kOtherPlatform;
  return std::nullopt;
}

// --- Rows ---

// Reads the cells of one record into a stay, adding one error per bad cell.
class RowReader {
 public:
  RowReader(const Record& record, const Layout& layout, FieldErrors& errors)
      : record_(record), layout_(layout), errors_(errors) {}

  std::optional<StayLine> Read();

 private:
  std::string_view Cell(Column column) const {
    const auto& position = layout_.position[std::size_t(column)];
    if (!position || *position >= record_.cells.size()) return {};
    return record_.cells[*position];
  }
  void Refuse(Column column, const std::string& message) {
    errors_.Add(RowPath(record_.line) + "/" + SpecOf(column).field,
                LinePrefix(record_.line) + message);
    failed_ = true;
  }
  bool CheckWidth();
  void ReadArrival(StayLine& stay);
  void ReadCount(Column column, int low, const char* what, int& into);
  void ReadExemptTotal(const StayLine& stay);
  void ReadPrice(StayLine& stay);
  void ReadCollector(StayLine& stay);

  const Record& record_;
  const Layout& layout_;
  FieldErrors& errors_;
  bool failed_ = false;
  bool counts_read_ = true;
};

std::optional<StayLine> RowReader::Read() {
  if (!CheckWidth()) return std::nullopt;
  StayLine stay;
  ReadArrival(stay);
  ReadCount(Column::kNights, 1, "le nombre de nuits", stay.nights);
  ReadCount(Column::kOccupants, 1, "le nombre d'occupants", stay.occupants);
  ReadCount(Column::kMinors, 0, "le nombre de mineurs", stay.exempt.minors);
  ReadCount(Column::kSeasonalWorkers, 0, "le nombre de travailleurs saisonniers",
            stay.exempt.seasonal_workers);
  ReadCount(Column::kEmergencyHousing, 0, "le nombre de personnes en hébergement d'urgence",
            stay.exempt.emergency_housing);
  ReadCount(Column::kLowRent, 0, "le nombre de personnes logées à loyer modique",
            stay.exempt.low_rent);
  ReadExemptTotal(stay);
  ReadPrice(stay);
  ReadCollector(stay);
  if (failed_) return std::nullopt;
  return stay;
}

// More values than columns is a wrong separator or a stray one; fewer is tolerated (the missing
// cells at the end of the row are empty), the required ones are then reported as missing.
bool RowReader::CheckWidth() {
  std::size_t width = record_.cells.size();
  while (width > layout_.width && record_.cells[width - 1].empty()) --width;
  bool ok = width <= layout_.width;
  for (std::size_t index : layout_.unnamed) {
    ok = ok && (index >= record_.cells.size() || record_.cells[index].empty());
  }
  if (!ok) {
    errors_.Add(RowPath(record_.line),
                LinePrefix(record_.line) + "cette ligne a " + std::to_string(width) +
                    " valeurs pour " + std::to_string(layout_.width - layout_.unnamed.size()) +
                    " colonnes nommées : vérifiez le séparateur, les guillemets autour des "
                    "nombres à virgule et les colonnes sans titre.");
  }
  return ok;
}

void RowReader::ReadArrival(StayLine& stay) {
  const std::string_view cell = Cell(Column::kArrival);
  if (cell.empty()) return Refuse(Column::kArrival, "la date d'arrivée manque.");
  if (auto day = ParseArrival(cell)) {
    stay.arrival = *day;
    return;
  }
  Refuse(Column::kArrival, "la date d'arrivée " + Echo(cell) +
                               " n'est pas une date valide : écrivez-la AAAA-MM-JJ (2026-07-14) "
                               "ou JJ/MM/AAAA (14/07/2026).");
}

// Required counts must be present; optional ones are 0 when the column or the cell is empty.
void RowReader::ReadCount(Column column, int low, const char* what, int& into) {
  const std::string_view cell = Cell(column);
  const int high = column == Column::kNights ? kMaxNights : kMaxOccupants;
  if (cell.empty() && SpecOf(column).required) {
    counts_read_ = false;
    return Refuse(column, std::string(what) + " manque.");
  }
  if (cell.empty()) return;
  if (auto count = ParseCount(cell, low, high)) {
    into = *count;
    return;
  }
  counts_read_ = false;
  Refuse(column, std::string(what) + " doit être un entier entre " + std::to_string(low) + " et " +
                     (high == kMaxOccupants ? std::string("10 000") : std::to_string(high)) + ".");
}

// The exempt persons are among the occupants (L. 2333-31), never more.
void RowReader::ReadExemptTotal(const StayLine& stay) {
  if (!counts_read_ || stay.exempt.Total() <= stay.occupants) return;
  errors_.Add(RowPath(record_.line) + "/exempt",
              LinePrefix(record_.line) + std::to_string(stay.exempt.Total()) +
                  " personnes exonérées pour " + std::to_string(stay.occupants) +
                  " occupants : les personnes exonérées sont comptées parmi les occupants.");
  failed_ = true;
}

void RowReader::ReadPrice(StayLine& stay) {
  const std::string_view cell = Cell(Column::kPricePerNight);
  if (cell.empty()) return;  // no price: required later only for unclassified nights
  const std::optional<Money> price = ParseEuros(cell);
  if (!price) {
    return Refuse(Column::kPricePerNight,
                  "le prix de la nuitée " + Echo(cell) +
                      " n'est pas un montant en euros avec au plus deux décimales (par exemple "
                      "85,50).");
  }
  if (price->cents() > kMaxPricePerNightCents) {
    return Refuse(Column::kPricePerNight,
                  "le prix de la nuitée ne peut pas dépasser 1 000 000 € (" + Echo(cell) + ").");
  }
  stay.price_per_night = price;
}

void RowReader::ReadCollector(StayLine& stay) {
  const std::string_view cell = Cell(Column::kCollector);
  if (auto collector = ParseCollectorCell(cell)) {
    stay.collector = *collector;
    return;
  }
  Refuse(Column::kCollector, Echo(cell) +
                                 " n'est pas une valeur possible de percue_par : indiquez hote, "
                                 "airbnb, booking, abritel ou autre_plateforme.");
}

// --- The file ---

constexpr const char* kUnclosedQuote =
    "un guillemet ouvert n'est jamais fermé : la suite du fichier ne peut pas être lue.";

Error Refusal(const FieldErrors& errors) {
  return Error::RuleViolation(errors.errors(),
                              "Le fichier n'a pas été importé : corrigez les lignes signalées, "
                              "puis déposez-le de nouveau. Aucun séjour n'a été enregistré.");
}

void ReadRows(RecordReader& reader, const Layout& layout, FieldErrors& errors,
              std::vector<StayCsvRow>& rows) {
  std::size_t count = 0;
  Record record;
  while (true) {
    const RecordReader::Outcome outcome = reader.Next(record);
    if (outcome == RecordReader::Outcome::kEnd) return;
    if (outcome == RecordReader::Outcome::kUnclosedQuote) {
      errors.Add(RowPath(record.line), LinePrefix(record.line) + kUnclosedQuote);
      return;
    }
    if (IsBlank(record)) continue;  // empty lines, and rows of separators spreadsheets leave
    if (++count > kMaxStayCsvRows) {
      errors.Add("/rows",
                 "Le fichier compte plus de 5 000 séjours : déposez-le en plusieurs "
                 "fichiers.");
      return;
    }
    RowReader row(record, layout, errors);
    if (auto stay = row.Read()) rows.push_back({record.line, *stay});
  }
}

}  // namespace

Result<std::vector<StayCsvRow>> ParseStayCsvRows(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  FieldErrors errors;
  if (auto line = FirstLineNotUtf8(text)) {
    errors.Add(*line == 1 ? "/header" : RowPath(*line),
               LinePrefix(*line) +
                   "le texte n'est pas en UTF-8. Enregistrez le fichier au format « CSV UTF-8 » "
                   "de votre tableur.");
    return Fail(Refusal(errors));
  }
  RecordReader reader(text, DetectSeparator(text));
  Record header;
  RecordReader::Outcome outcome = reader.Next(header);
  while (outcome == RecordReader::Outcome::kRecord && IsBlank(header)) {
    outcome = reader.Next(header);
  }
  if (outcome == RecordReader::Outcome::kUnclosedQuote) {
    errors.Add("/header", LinePrefix(header.line) + kUnclosedQuote);
    return Fail(Refusal(errors));
  }
  if (outcome == RecordReader::Outcome::kEnd) {
    errors.Add("/header", "Le fichier est vide : sa première ligne doit nommer les colonnes (" +
                              KnownColumns() + ").");
    return Fail(Refusal(errors));
  }
  const Layout layout = ReadHeader(header, errors);
  if (!errors.empty()) return Fail(Refusal(errors));
  std::vector<StayCsvRow> rows;
  ReadRows(reader, layout, errors, rows);
  if (errors.empty() && rows.empty()) {
    errors.Add("/rows", "Le fichier ne contient aucun séjour sous la ligne des titres.");
  }
  if (!errors.empty()) return Fail(Refusal(errors));
  return rows;
}

Result<std::vector<StayLine>> ParseStayCsv(std::string_view text) {
  auto rows = ParseStayCsvRows(text);
  if (!rows) return Fail(rows.error());
  std::vector<StayLine> stays;
  stays.reserve(rows->size());
  for (auto& row : *rows) stays.push_back(std::move(row.stay));
  return stays;
}

namespace {

// "Le nombre…" becomes "le nombre…" after "Ligne 7 : "; "TAD…" stays as it is.
std::string AfterColon(const std::string& message) {
  std::string out = message;
  if (out.size() >= 2 && out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z')) {
    out[0] = char(out[0] - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::vector<FieldError> OnFileLines(const std::vector<FieldError>& stay_errors,
                                    const std::vector<StayCsvRow>& rows) {
  constexpr std::string_view kPrefix = "/stays/";
  std::vector<FieldError> renamed;
  for (const auto& error : stay_errors) {
    const std::string_view field = error.field;
    const std::size_t end = field.find('/', kPrefix.size());
    const std::string_view digits =
        field.starts_with(kPrefix) ? field.substr(kPrefix.size(), end - kPrefix.size()) : "";
    const auto index = digits.size() <= 6 ? detail::ParseDigits(digits) : std::nullopt;
    if (!index || std::size_t(*index) >= rows.size()) {
      renamed.push_back(error);
      continue;
    }
    const int line = rows[std::size_t(*index)].line;
    const std::string rest = end == field.npos ? "" : std::string(field.substr(end));
    renamed.push_back({RowPath(line) + rest, LinePrefix(line) + AfterColon(error.message)});
  }
  return renamed;
}

}  // namespace nuitee
