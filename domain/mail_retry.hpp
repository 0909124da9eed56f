// When a mail that could not be delivered is tried again, and when the sender gives up on it.
#pragma once

#include <chrono>

namespace nuitee {

struct MailRetryPolicy {
  // After this many attempts a mail is dead: staff see it in the list of mails.
  int max_attempts = 10;
  // The wait after the first failed attempt; it doubles after each failure, up to max_delay.
  std::chrono::seconds first_delay{60};
  std::chrono::seconds max_delay{4 * 3600};
};

// The wait before the next attempt, once `attempts_made` attempts failed (1 or more). With the
// default policy: 1, 2, 4 ... 128 minutes, then 4 hours; ten attempts span about eight hours, so a
// relay down for a night loses nothing.
std::chrono::seconds RetryDelay(const MailRetryPolicy& policy, int attempts_made);

// True when a mail that failed its `attempts_made`-th attempt must not be tried again.
inline bool IsLastAttempt(const MailRetryPolicy& policy, int attempts_made) {
  return attempts_made >= policy.max_attempts;
}

}  // namespace nuitee
