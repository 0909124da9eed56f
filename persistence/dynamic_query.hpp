// A SELECT whose WHERE clause depends on the filters a client gave, bound by name, read page-wise.
#pragma once

#include <soci/soci.h>

#include <deque>
#include <string>
#include <vector>

#include "persistence/database.hpp"
#include "persistence/page.hpp"

namespace nuitee::persistence {

// An item read with its position in the register, so that reads can be chained.
template <class T>
struct Keyed {
  long long seq = 0;
  T item;
};

// The page of the first `limit` items of `rows` (read with `limit + 1` to know whether a next page
// exists); rows must be in seq order.
template <class T>
Page<T> PageOf(std::vector<Keyed<T>> rows, int limit) {
  Page<T> page;
  const bool more = static_cast<int>(rows.size()) > limit;
  if (more) rows.resize(static_cast<std::size_t>(limit));
  for (auto& row : rows) page.items.push_back(std::move(row.item));
  if (more) page.next_after_seq = rows.back().seq;
  return page;
}

class DynamicQuery {
 public:
  // Values live in deques so the references SOCI keeps stay valid while more are added. A copy
  // carries the values bound so far: chained reads of one search start from the same filters.
  void Bind(const std::string& name, std::string value) {
    texts_.push_back({name, std::move(value)});
  }
  void Bind(const std::string& name, long long value) { numbers_.push_back({name, value}); }

  // Runs `sql` (which must select a `seq` column, be ordered by it and end with
  // "LIMIT :limit") and turns at most `limit` rows into items with `from_row`.
  template <class T, class FromRow>
  std::vector<Keyed<T>> ReadRows(Transaction& tx, const std::string& sql, long long limit,
                                 FromRow from_row) {
    Bind("limit", limit);
    soci::statement statement(tx.session());
    for (auto& [name, value] : texts_) statement.exchange(soci::use(value, name));
    for (auto& [name, value] : numbers_) statement.exchange(soci::use(value, name));
    soci::row row;
    statement.exchange(soci::into(row));
    statement.alloc();
    // A one-time statement is one round trip (PQexecParams); a prepared one adds a PREPARE and a
    // DEALLOCATE, and a list or a search runs each of its SQL texts once.
    statement.prepare(sql, soci::details::st_one_time_query);
    statement.define_and_bind();
    std::vector<Keyed<T>> rows;
    if (statement.execute(true)) {
      do {
        rows.push_back({row.get<long long>("seq"), from_row(row)});
      } while (statement.fetch());
    }
    return rows;
  }

  // Runs `sql` (as for ReadRows) for one page; fetches one row more than asked to know whether a
  // next page exists.
  template <class T, class FromRow>
  Page<T> ReadPage(Transaction& tx, const std::string& sql, const PageRequest& page,
                   FromRow from_row) {
    return PageOf(ReadRows<T>(tx, sql, static_cast<long long>(page.limit) + 1, from_row),
                  page.limit);
  }

 private:
  std::deque<std::pair<std::string, std::string>> texts_;
  std::deque<std::pair<std::string, long long>> numbers_;
};

}  // namespace nuitee::persistence
