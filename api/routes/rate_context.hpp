// The collectivity and its rate book as the simulators read them: from the rate cache
// (api/rate_cache.hpp), loaded in one transaction on a miss.
#pragma once

#include <memory>

#include "api/rate_cache.hpp"
#include "api/services.hpp"
#include "domain/core/error.hpp"

namespace nuitee::api {

Result<std::shared_ptr<const RateContext>> CachedRateContext(Services& services,
                                                             const CollectivityId& id);

}  // namespace nuitee::api
