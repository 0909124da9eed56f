// The simulators' rate context: cache first, else one transaction.
#include "api/routes/rate_context.hpp"

#include "persistence/collectivity_repository.hpp"
#include "persistence/deliberation_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;

// Deliberations of every year a stay may touch: the book is cached whole.
constexpr int kFirstBookYear = 2019;
constexpr int kLastBookYear = 2199;

Result<std::shared_ptr<const RateContext>> LoadContext(Transaction& tx, const CollectivityId& id) {
  auto collectivity = persistence::CollectivityRepository::Find(tx, id);
  if (!collectivity) return Fail(collectivity.error());
  auto book = persistence::DeliberationRepository::LoadRateBook(tx, id, kFirstBookYear,
                                                                kLastBookYear);
  if (!book) return Fail(book.error());
  return std::make_shared<const RateContext>(RateContext{std::move(*collectivity), std::move(*book)});
}

}  // namespace

Result<std::shared_ptr<const RateContext>> CachedRateContext(Services& services,
                                                             const CollectivityId& id) {
  if (auto cached = services.rate_cache->Find(id)) return cached;
  const std::uint64_t generation = services.rate_cache->Generation();
  auto loaded = services.database.InTransaction([&](Transaction& tx) { return LoadContext(tx, id); });
  if (!loaded) return loaded;
  services.rate_cache->Store(id, *loaded, generation);
  return loaded;
}

}  // namespace nuitee::api
