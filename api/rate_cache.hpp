// What the public simulator reads for a collectivity (its settings and member communes, its
// deliberations of every year, the loaded legal grids), kept in memory for a few seconds.
//
// Why: a quote is pure computation once these are known, and reading them took a transaction of
// four round trips per request, the whole cost of the route (BENCHMARKS.md). Every write through
// this server (a deliberation, a legal grid, a collectivity) empties the cache at once; a write
// by another process (`nuitee import-delta`, a second server) shows after at most the TTL.
// Quotes are never stored: what is frozen later (declarations) reads the database itself.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "api/ttl_cache.hpp"
#include "domain/collectivity.hpp"
#include "rates/rate_book.hpp"

namespace nuitee::api {

struct RateContext {
  Collectivity collectivity;
  rates::RateBook book;  // every year that has a deliberation
};

class RateCache : public TtlCache<RateContext> {
 public:
  explicit RateCache(std::chrono::steady_clock::duration ttl = std::chrono::seconds(5))
      : TtlCache(ttl) {}
  std::shared_ptr<const RateContext> Find(const CollectivityId& collectivity) const {
    return TtlCache::Find(collectivity.value());
  }
  void Store(const CollectivityId& collectivity, std::shared_ptr<const RateContext> context,
             std::uint64_t generation_at_load) {
    TtlCache::Store(collectivity.value(), std::move(context), generation_at_load);
  }
};

}  // namespace nuitee::api
