// The simulator's cache: a context is served until the TTL or the next write, and a context
// loaded while a write happened is never kept.
#include "api/rate_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace nuitee::api {
namespace {

std::shared_ptr<const RateContext> Context(const std::string& name) {
  auto context = std::make_shared<RateContext>();
  context->collectivity.name = name;
  return context;
}

const CollectivityId kId("6b3f1a52-0c1e-4d8e-9f3a-5be7c0a1b500");

TEST(RateCache, ServesAStoredContextUntilInvalidated) {
  RateCache cache;
  EXPECT_EQ(cache.Find(kId), nullptr);
  cache.Store(kId, Context("A"), cache.Generation());
  ASSERT_NE(cache.Find(kId), nullptr);
  EXPECT_EQ(cache.Find(kId)->collectivity.name, "A");
  cache.Invalidate();
  EXPECT_EQ(cache.Find(kId), nullptr);
}

TEST(RateCache, DropsAContextLoadedBeforeAWrite) {
  RateCache cache;
  const std::uint64_t generation = cache.Generation();  // a load starts...
  cache.Invalidate();                                    // ...a write lands meanwhile...
  cache.Store(kId, Context("stale"), generation);        // ...and its result is not kept
  EXPECT_EQ(cache.Find(kId), nullptr);
}

TEST(RateCache, ForgetsAContextAfterItsTimeToLive) {
  RateCache cache(std::chrono::milliseconds(20));
  cache.Store(kId, Context("A"), cache.Generation());
  ASSERT_NE(cache.Find(kId), nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  EXPECT_EQ(cache.Find(kId), nullptr);
}

}  // namespace
}  // namespace nuitee::api
