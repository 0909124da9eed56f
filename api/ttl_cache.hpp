// A small in-memory cache of values that the database owns, for a few seconds, shared by the
// server's threads: the simulator's rate contexts and the sessions behind bearer tokens.
//
// A write through this server that changes a cached value calls Invalidate(), so this server
// never serves a value older than its own writes; a write by another process shows after at most
// the TTL. A value loaded while a write happened is not kept (Generation()/Store()).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace nuitee::api {

template <class Value>
class TtlCache {
 public:
  explicit TtlCache(std::chrono::steady_clock::duration ttl, std::size_t max_entries = 50'000)
      : ttl_(ttl), max_entries_(max_entries) {}

  // The value stored less than the TTL ago and since the last Invalidate(), or nullptr.
  std::shared_ptr<const Value> Find(std::string_view key) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    if (std::chrono::steady_clock::now() - it->second.loaded_at >= ttl_) return nullptr;
    return it->second.value;
  }
  // Read Generation() before loading and pass it here: a value loaded while a write happened is
  // not kept, since it may predate the write.
  void Store(std::string key, std::shared_ptr<const Value> value, std::uint64_t generation_at_load) {
    std::lock_guard lock(mutex_);
    if (generation_at_load != generation_) return;
    // Bounded memory: past the limit, start again rather than track ages (a miss costs one query).
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[std::move(key)] = {std::move(value), std::chrono::steady_clock::now()};
  }
  std::uint64_t Generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
  }
  void Invalidate() {
    std::lock_guard lock(mutex_);
    ++generation_;
    entries_.clear();
  }

 private:
  struct Entry {
    std::shared_ptr<const Value> value;
    std::chrono::steady_clock::time_point loaded_at;
  };
  std::chrono::steady_clock::duration ttl_;
  std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace nuitee::api
