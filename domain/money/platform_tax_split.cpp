// The split of a platform's collected amount (platform_tax_split.hpp). Integer arithmetic only:
// amounts are at most a few thousand euros per collection and rates a few hundred percent, far
// below the 64-bit range even multiplied together.
#include "domain/money/platform_tax_split.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace nuitee {

CollectedSplit SplitCollected(Money collected, const std::vector<AddOnRate>& add_ons) {
  const std::int64_t total_bp = std::accumulate(
      add_ons.begin(), add_ons.end(), std::int64_t{0},
      [](std::int64_t sum, const AddOnRate& each) { return sum + each.rate.value; });
  const std::int64_t denominator = rates::kBasisPointsPerUnit + total_bp;
  const std::int64_t numerator = collected.cents() * rates::kBasisPointsPerUnit;
  // Half up: (2n + d) / 2d, for n >= 0.
  const std::int64_t tax = (2 * numerator + denominator) / (2 * denominator);

  CollectedSplit split;
  split.tax = Money::Cents(tax);
  const std::int64_t rest = collected.cents() - tax;
  std::vector<std::int64_t> remainders;
  std::int64_t given = 0;
  for (const auto& add_on : add_ons) {
    const std::int64_t share = total_bp == 0 ? 0 : rest * add_on.rate.value / total_bp;
    remainders.push_back(total_bp == 0 ? 0 : rest * add_on.rate.value % total_bp);
    split.additional.push_back({add_on.party, add_on.rate, Money::Cents(share)});
    given += share;
  }
  std::vector<std::size_t> order(add_ons.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return remainders[a] > remainders[b];
  });
  for (std::size_t at = 0; given < rest && !order.empty(); at = (at + 1) % order.size()) {
    auto& share = split.additional[order[at]];
    share.amount = share.amount + Money::Cents(1);
    ++given;
  }
  // No add-on in force: whatever the rounding left (nothing, since tax == collected) stays tax.
  if (add_ons.empty()) split.tax = collected;
  return split;
}

}  // namespace nuitee
