// A SELECT whose WHERE clause depends on the filters a client gave, bound by name, read page-wise.
#pragma once

#include <soci/soci.h>

#include <deque>
#include <string>

#include "persistence/database.hpp"
#include "persistence/page.hpp"

namespace nuitee::persistence {

class DynamicQuery {
 public:
  // Values live in deques so the references SOCI keeps stay valid while more are added.
  void Bind(const std::string& name, std::string value) {
    texts_.push_back({name, std::move(value)});
  }
  void Bind(const std::string& name, long long value) { numbers_.push_back({name, value}); }

  // Runs `sql` (which must select a `seq` column and end with "ORDER BY seq LIMIT :limit") and
  // turns rows into items with `from_row`; fetches one row more than asked to know whether a next
  // page exists.
  template <class T, class FromRow>
  Page<T> ReadPage(Transaction& tx, const std::string& sql, const PageRequest& page,
                   FromRow from_row) {
    Bind("limit", static_cast<long long>(page.limit) + 1);
    soci::statement statement(tx.session());
    for (auto& [name, value] : texts_) statement.exchange(soci::use(value, name));
    for (auto& [name, value] : numbers_) statement.exchange(soci::use(value, name));
    soci::row row;
    statement.exchange(soci::into(row));
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    Page<T> result;
    long long last_seq = 0;
    if (statement.execute(true)) {
      do {
        if (static_cast<int>(result.items.size()) == page.limit) {
          result.next_after_seq = last_seq;
          break;
        }
        last_seq = row.get<long long>("seq");
        result.items.push_back(from_row(row));
      } while (statement.fetch());
    }
    return result;
  }

 private:
  std::deque<std::pair<std::string, std::string>> texts_;
  std::deque<std::pair<std::string, long long>> numbers_;
};

}  // namespace nuitee::persistence
