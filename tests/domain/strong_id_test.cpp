// Strong ids: distinct types that cannot be swapped or built implicitly from text.
#include "domain/core/strong_id.hpp"

#include <gtest/gtest.h>

#include <string>
#include <type_traits>

namespace nuitee {
namespace {

static_assert(!std::is_convertible_v<HostId, AccommodationId>);
static_assert(!std::is_convertible_v<AccommodationId, HostId>);
static_assert(!std::is_constructible_v<AccommodationId, HostId>);
static_assert(!std::is_convertible_v<CollectivityId, ClassificationId>);
static_assert(!std::is_convertible_v<std::string, HostId>);
static_assert(!std::is_convertible_v<const char*, HostId>);
static_assert(std::is_constructible_v<HostId, std::string>);

TEST(StrongId, KeepsItsValue) {
  const HostId id("host-42");
  EXPECT_EQ(id.value(), "host-42");
  EXPECT_FALSE(id.empty());
}

TEST(StrongId, IsEmptyByDefault) {
  EXPECT_TRUE(AccommodationId().empty());
  EXPECT_EQ(AccommodationId().value(), "");
}

TEST(StrongId, ComparesByValue) {
  EXPECT_EQ(HostId("a"), HostId("a"));
  EXPECT_NE(HostId("a"), HostId("b"));
  EXPECT_LT(HostId("a"), HostId("b"));
}

}  // namespace
}  // namespace nuitee
