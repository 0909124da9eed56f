// The simulator's short-lived cache of rate contexts (see rate_cache.hpp for why).
#include "api/rate_cache.hpp"

namespace nuitee::api {

RateCache::RateCache(std::chrono::steady_clock::duration ttl) : ttl_(ttl) {}

std::shared_ptr<const RateContext> RateCache::Find(const CollectivityId& collectivity) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(collectivity.value());
  if (it == entries_.end()) return nullptr;
  if (std::chrono::steady_clock::now() - it->second.loaded_at >= ttl_) return nullptr;
  return it->second.context;
}

void RateCache::Store(const CollectivityId& collectivity,
                      std::shared_ptr<const RateContext> context,
                      std::uint64_t generation_at_load) {
  std::lock_guard lock(mutex_);
  if (generation_at_load != generation_) return;
  entries_[collectivity.value()] = {std::move(context), std::chrono::steady_clock::now()};
}

std::uint64_t RateCache::Generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void RateCache::Invalidate() {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
}

}  // namespace nuitee::api
