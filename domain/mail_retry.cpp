// Exponential backoff of mail delivery.
#include "domain/mail_retry.hpp"

#include <algorithm>

namespace nuitee {

std::chrono::seconds RetryDelay(const MailRetryPolicy& policy, int attempts_made) {
  std::chrono::seconds delay = policy.first_delay;
  // Doubling stops at the cap, so no attempt count can overflow the duration.
  for (int i = 1; i < attempts_made && delay < policy.max_delay; ++i) delay *= 2;
  return std::min(delay, policy.max_delay);
}

}  // namespace nuitee
