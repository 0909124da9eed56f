// The production clock.
#include "api/services.hpp"

#include <date/tz.h>

namespace nuitee::api {

Day ParisToday() {
  const date::zoned_time now{"Europe/Paris", std::chrono::system_clock::now()};
  return Day{date::floor<date::days>(now.get_local_time())};
}

}  // namespace nuitee::api
