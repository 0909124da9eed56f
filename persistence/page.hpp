// Keyset pagination: rows come in insertion order (seq); a page ends where the next one starts, so
// rows inserted while a client pages through never cause duplicates or gaps.
#pragma once

#include <optional>
#include <vector>

namespace nuitee::persistence {

struct PageRequest {
  long long after_seq = 0;  // 0: from the start
  int limit = 50;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::optional<long long> next_after_seq;  // absent on the last page
};

}  // namespace nuitee::persistence
