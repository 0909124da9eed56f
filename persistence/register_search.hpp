// A page of a register (accommodations, hosts) in insertion order, with a free-text search whose
// cost does not depend on PostgreSQL guessing right how often the term occurs.
//
// Why: `search_text LIKE '%term%' ORDER BY seq LIMIT n` has two plans, walking the register in
// seq order until n rows match, or reading every match through the trigram index and sorting
// them. The planner chooses from a guessed frequency that is off by 4x for digit fragments of
// registration numbers, so a rare fragment could walk 50,000 rows (BENCHMARKS.md). Here each
// read has a plan that cannot go wrong:
//   1. walk the next `first_walk` positions of seq and filter them: `search_text || ''` is no
//      indexed expression, so the index cannot be chosen, and the seq range bounds the walk;
//   2. if they hold a match but not a whole page, the term is common: walk on, up to
//      `longest_walk` positions from the cursor;
//   3. if the page is still short, read the matches after the walk through the trigram index
//      only: ordered by `seq + 0`, which no index provides, so no walk can start there.
// Measured on 500,000 accommodations, a single window was worse: 1,000 positions sent common
// names to step 3 (sorting thousands of matches, 50-100 ms), 10,000 cost every rare fragment
// 3.6 ms. Every match up to the end of a walk is in hand before the next read starts after it, so
// the pages are exactly those of the plain filter.
//
// A term with a digit and no space (a registration-number fragment) can only match inside a word
// of search_text that holds a digit. When the text is the only filter, the same three steps then
// read the narrow table of those words (accommodation_digit_tokens, migration 0010) instead of
// the accommodations, in one statement: the same matches, from rows a fifth as wide, so a walk or
// an index recheck costs a fraction, and the accommodations are read only for the page's rows.
#pragma once

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "persistence/dynamic_query.hpp"
#include "persistence/search_windows.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {

// The parts of a register's list query, over the alias `a`.
struct RegisterQuery {
  std::string select;
  std::string from;                // e.g. "accommodations a", or a join that filters
  std::string position = "a.seq";  // the register order: a.seq or a column equal to it
  // Every filter but the text and the position; must start with "a.collectivity_id = :c::uuid".
  std::string where;
  DynamicQuery filters;             // the values of `where`
  std::optional<std::string> text;  // searched in a.search_text, which is lower(...)
  // A narrow table (collectivity_id, accommodation_seq, tokens) holding the words of
  // a.search_text that have a digit (migration 0010). Set only when `where` is the collectivity
  // alone: a term with a digit and no space is then searched there (DigitTerm).
  std::optional<std::string> digit_tokens;
};

// Whether `text` can only match inside one word of search_text that holds a digit: it has a digit
// and no space (search_text's fields are joined by spaces, so a match never spans two words).
inline bool DigitTerm(const std::string& text) {
  bool digit = false;
  for (char c : text) {
    if (c == ' ') return false;
    digit = digit || (c >= '0' && c <= '9');
  }
  return digit;
}

namespace internal {

enum class ReadKind { kOrdered, kWalk, kIndexOnly };

inline long long Plus(long long position, int positions) {
  const long long max = std::numeric_limits<long long>::max();
  return position > max - positions ? max : position + positions;
}

// The three steps on the words with a digit, as one statement (one plan, one round trip): CTEs
// `first` (the first walk), `longer` (run only when `first` holds a match but not a page) and
// `rest` (the index, run only when the page is still short), each giving at most :limit seqs.
// strpos is no indexed operator, so the walks are certain; `+ 0` keeps the index step from
// walking the primary key.
inline std::string DigitTermSteps(const std::string& table) {
  const std::string scan = "SELECT d.accommodation_seq AS seq FROM " + table +
                           " d WHERE d.collectivity_id = :c::uuid AND ";
  const std::string found = " AND strpos(d.tokens, lower(:term)) > 0";
  const std::string walked_some = "(SELECT count(*) FROM first) BETWEEN 1 AND :limit - 1";
  return "WITH first AS MATERIALIZED (" + scan +
         "d.accommodation_seq > :after AND d.accommodation_seq <= :first_last" + found +
         " ORDER BY d.accommodation_seq LIMIT :limit), longer AS MATERIALIZED (" + scan +
         walked_some + " AND d.accommodation_seq > :first_last" +
         " AND d.accommodation_seq <= :longest_last" + found +
         " ORDER BY d.accommodation_seq LIMIT :limit), rest AS MATERIALIZED (" + scan +
         "(SELECT count(*) FROM first) + (SELECT count(*) FROM longer) < :limit" +
         " AND d.accommodation_seq + 0 > CASE WHEN " + walked_some +
         " THEN :longest_last::bigint ELSE :first_last::bigint END AND d.tokens LIKE "
         "lower(:pattern)" +
         " ORDER BY d.accommodation_seq + 0 LIMIT :limit) ";
}

// The first `limit` rows after `after` whose words with a digit hold `query.text`.
template <class T, class FromRow>
std::vector<Keyed<T>> ReadDigitTerm(Transaction& tx, const RegisterQuery& query, long long after,
                                    const SearchWindows& windows, long long limit,
                                    FromRow from_row) {
  DynamicQuery read = query.filters;
  read.Bind("after", after);
  const long long first_last = Plus(after, windows.first_walk);
  read.Bind("first_last", first_last);
  read.Bind("longest_last", std::max(first_last, Plus(after, windows.longest_walk)));
  read.Bind("term", *query.text);
  read.Bind("pattern", LikePattern(*query.text));
  return read.ReadRows<T>(
      tx,
      DigitTermSteps(*query.digit_tokens) + "SELECT " + query.select + " FROM " + query.from +
          " WHERE " + query.where +
          " AND a.seq IN (SELECT seq FROM first UNION ALL SELECT seq FROM longer"
          " UNION ALL SELECT seq FROM rest) ORDER BY a.seq LIMIT :limit",
      limit, from_row);
}

// The rows of `query` with `after` < position (<= `last` for a walk), at most `limit` of them.
template <class T, class FromRow>
std::vector<Keyed<T>> Read(Transaction& tx, const RegisterQuery& query, ReadKind kind,
                           long long after, long long last, long long limit, FromRow from_row) {
  DynamicQuery read = query.filters;
  read.Bind("after", after);
  if (kind == ReadKind::kWalk) read.Bind("last", last);
  std::string where = query.where + " AND " + query.position + " > :after";
  std::string order = " ORDER BY " + query.position;
  if (query.text) {
    // LIKE on the lowered pattern matches what ILIKE would at half the cost per row.
    where += kind == ReadKind::kWalk ? " AND (a.search_text || '') LIKE lower(:pattern)"
                                     : " AND a.search_text LIKE lower(:pattern)";
    read.Bind("pattern", LikePattern(*query.text));
  }
  if (kind == ReadKind::kWalk) where += " AND " + query.position + " <= :last";
  if (kind == ReadKind::kIndexOnly) order += " + 0";
  return read.ReadRows<T>(tx,
                          "SELECT " + query.select + " FROM " + query.from + " WHERE " + where +
                              order + " LIMIT :limit",
                          limit, from_row);
}

}  // namespace internal

// One page: a plain ordered read without a text, else the three steps above.
template <class T, class FromRow>
Page<T> ReadRegisterPage(Transaction& tx, const RegisterQuery& query, const PageRequest& page,
                         const SearchWindows& windows, FromRow from_row) {
  using internal::Read;
  using internal::ReadKind;
  const long long wanted = static_cast<long long>(page.limit) + 1;
  const long long after = page.after_seq;
  if (!query.text) {
    return PageOf(Read<T>(tx, query, ReadKind::kOrdered, after, 0, wanted, from_row), page.limit);
  }
  if (query.digit_tokens && DigitTerm(*query.text)) {
    return PageOf(internal::ReadDigitTerm<T>(tx, query, after, windows, wanted, from_row),
                  page.limit);
  }
  long long walked_to = internal::Plus(after, windows.first_walk);
  auto rows = Read<T>(tx, query, ReadKind::kWalk, after, walked_to, wanted, from_row);
  auto more = [&](ReadKind kind, long long last) {
    const long long missing = wanted - static_cast<long long>(rows.size());
    for (auto& row : Read<T>(tx, query, kind, walked_to, last, missing, from_row)) {
      rows.push_back(std::move(row));
    }
  };
  const long long longest = internal::Plus(after, windows.longest_walk);
  if (!rows.empty() && static_cast<long long>(rows.size()) < wanted && longest > walked_to) {
    more(ReadKind::kWalk, longest);
    walked_to = longest;
  }
  if (static_cast<long long>(rows.size()) < wanted) more(ReadKind::kIndexOnly, 0);
  return PageOf(std::move(rows), page.limit);
}

}  // namespace nuitee::persistence
