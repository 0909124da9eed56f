// SOCI glue shared by the repositories: std::optional binding, dates as ISO text, jsonb.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

#include "domain/core/dates.hpp"

namespace soci {

// SOCI 4.0.3 knows boost::optional but not std::optional.
template <typename T>
struct type_conversion<std::optional<T>> {
  using base_type = typename type_conversion<T>::base_type;
  static void from_base(const base_type& in, indicator ind, std::optional<T>& out) {
    if (ind == i_null) {
      out.reset();
      return;
    }
    T value;
    type_conversion<T>::from_base(in, ind, value);
    out = std::move(value);
  }
  static void to_base(const std::optional<T>& in, base_type& out, indicator& ind) {
    if (in) {
      type_conversion<T>::to_base(*in, out, ind);
    } else {
      ind = i_null;
    }
  }
};

}  // namespace soci

namespace nuitee::persistence {

// Dates cross the wire as 'YYYY-MM-DD' text (selected as `col::text`, bound as `:x::date`), which
// avoids std::tm and the session time zone altogether.
inline std::optional<std::string> DateText(const std::optional<Day>& day) {
  if (!day) return std::nullopt;
  return FormatIsoDate(*day);
}

inline std::string GetString(const soci::row& row, const std::string& column) {
  return row.get<std::string>(column);
}

inline std::optional<std::string> GetOptionalString(const soci::row& row,
                                                    const std::string& column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  return row.get<std::string>(column);
}

inline std::optional<Day> GetOptionalDay(const soci::row& row, const std::string& column) {
  auto text = GetOptionalString(row, column);
  if (!text) return std::nullopt;
  return ParseIsoDate(*text);
}

inline Day GetDay(const soci::row& row, const std::string& column) {
  return *ParseIsoDate(row.get<std::string>(column));
}

inline long long GetLong(const soci::row& row, const std::string& column) {
  return row.get<long long>(column);
}

// Large reads (the reconciliation report, every host's money) fetch their rows in batches into
// one vector per column (soci's bulk `into`): reading hundreds of thousands of rows one soci::row
// at a time, with a lookup by column name per cell, cost seconds of CPU.
inline constexpr std::size_t kBulkRows = 4096;

// Executes `statement`, whose intos are vectors of kBulkRows elements, and calls `batch()` for
// each batch fetched (soci shrinks the vectors to the batch's rows); `resize()` must then give
// every bound vector kBulkRows elements again.
template <class Batch, class Resize>
void FetchInBatches(soci::statement& statement, Batch batch, Resize resize) {
  statement.execute();
  while (statement.fetch()) {
    batch();
    resize();
  }
}

// Escapes LIKE wildcards so that a user's "50%" searches for "50%".
inline std::string LikePattern(const std::string& text) {
  std::string escaped = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped + "%";
}

}  // namespace nuitee::persistence
