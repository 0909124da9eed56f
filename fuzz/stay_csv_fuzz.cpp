// Fuzzes the stays CSV upload (domain/stay_csv.hpp): any bytes are either stays that the rules
// can check, or a refusal whose every message names a line and can be sent as JSON.
#include <cstddef>
#include <cstdint>

#include "domain/stay_csv.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  const auto text = fuzz::AsText(data, size);
  auto rows = ParseStayCsvRows(text);
  if (!rows) {
    fuzz::CheckSendable(rows.error());
    fuzz::Check(rows.error().code == ErrorCode::kRuleViolation, "refusal is not a RuleViolation");
    fuzz::Check(!rows.error().field_errors.empty(), "a refusal without a problem");
    // The answer stays small whatever the header: each known column is reported at most twice
    // (missing, twice), the other columns in a bounded list.
    std::size_t header_errors = 0;
    for (const auto& error : rows.error().field_errors) header_errors += error.field == "/header";
    fuzz::Check(header_errors <= kMaxStayCsvHeaderProblems, "unbounded header problems");
    return 0;
  }
  fuzz::Check(!rows->empty() && rows->size() <= kMaxStayCsvRows, "row count out of bounds");
  int previous_line = 1;  // the header's
  for (const auto& row : *rows) {
    fuzz::Check(row.line > previous_line, "rows out of line order");
    previous_line = row.line;
    fuzz::Check(row.stay.exempt.Total() <= row.stay.occupants, "more exempt than occupants");
  }
  // The rules' problems, renamed to the file's lines, must stay sendable too.
  std::vector<FieldError> stay_errors;
  for (std::size_t index = 0; index < rows->size(); ++index) {
    stay_errors.push_back({"/stays/" + std::to_string(index) + "/nights", "Le nombre de nuits."});
  }
  const auto renamed = OnFileLines(stay_errors, *rows);
  fuzz::Check(renamed.size() == stay_errors.size(), "OnFileLines lost a problem");
  fuzz::CheckSendable(Error::RuleViolation(renamed));
  auto stays = ParseStayCsv(text);
  fuzz::Check(stays.has_value() && stays->size() == rows->size(), "ParseStayCsv disagrees");
  return 0;
}
