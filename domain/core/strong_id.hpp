// Strong, opaque identifiers: a HostId cannot be passed where an AccommodationId is expected.
#pragma once

#include <compare>
#include <string>
#include <utility>

namespace nuitee {

template <class Tag>
class StrongId {
 public:
  StrongId() = default;
  explicit StrongId(std::string value) : value_(std::move(value)) {}
  const std::string& value() const { return value_; }
  bool empty() const { return value_.empty(); }
  auto operator<=>(const StrongId&) const = default;

 private:
  std::string value_;
};

using CollectivityId = StrongId<struct CollectivityIdTag>;
using HostId = StrongId<struct HostIdTag>;
using AccommodationId = StrongId<struct AccommodationIdTag>;
using ClassificationId = StrongId<struct ClassificationIdTag>;

}  // namespace nuitee
