// Bulk upload of a month's stays as a CSV file (the host's register, registre du logeur,
// L. 2333-34 I, R. 2333-51): the file's text becomes stay lines, or the whole file is refused with
// every bad row's line number and reason. Pure: no I/O. The columns and formats are documented for
// hosts in docs/stays-csv.md.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "domain/core/error.hpp"
#include "domain/declaration.hpp"

namespace nuitee {

// The most rows one file may hold; a bigger register is uploaded in several files.
inline constexpr std::size_t kMaxStayCsvRows = 5000;

// The most problems a refusal reports about the header line: whatever its width, the answer stays
// small (the unknown columns beyond the first few are counted, not listed).
inline constexpr std::size_t kMaxStayCsvHeaderProblems = 20;

// One stay read from the file, with the line of the file its row starts on (the header is line 1).
struct StayCsvRow {
  int line = 0;
  StayLine stay;
  friend bool operator==(const StayCsvRow&, const StayCsvRow&) = default;
};

// The stays of the file, in the file's order. Any problem refuses the whole file with
// Error::RuleViolation and one FieldError per problem, each message in French starting with
// "Ligne N : ": "/rows/{N}/{field}" for a bad cell (field as in the API: "arrival", "nights",
// "occupants", "exempt/minors", "exempt", "price_per_night_cents", "collector"), "/rows/{N}" for a
// bad row, "/header" for the columns, "/rows" for a file with no row or too many.
Result<std::vector<StayCsvRow>> ParseStayCsvRows(std::string_view text);

// The same, without the line numbers.
Result<std::vector<StayLine>> ParseStayCsv(std::string_view text);

// The problems that CheckStayLines (or ComputeDeclaration) found in stays read from a file, named
// after the file's lines so that the host finds them: "/stays/3/nights" becomes "/rows/7/nights"
// and the message starts with "Ligne 7 : ". Problems of no particular stay are kept as they are.
std::vector<FieldError> OnFileLines(const std::vector<FieldError>& stay_errors,
                                    const std::vector<StayCsvRow>& rows);

}  // namespace nuitee
