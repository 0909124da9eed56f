// Backoff of mail delivery: doubling waits, a cap, and the attempt after which a mail is dead.
#include "domain/mail_retry.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

TEST(RetryDelay, DoublesAfterEachFailureUpToTheCap) {
  const MailRetryPolicy policy;
  EXPECT_EQ(RetryDelay(policy, 1), minutes(1));
  EXPECT_EQ(RetryDelay(policy, 2), minutes(2));
  EXPECT_EQ(RetryDelay(policy, 3), minutes(4));
  EXPECT_EQ(RetryDelay(policy, 8), minutes(128));
  EXPECT_EQ(RetryDelay(policy, 9), std::chrono::hours(4));
  EXPECT_EQ(RetryDelay(policy, 1000), std::chrono::hours(4));
}

TEST(RetryDelay, DefaultPolicySpansAboutEightHoursBeforeGivingUp) {
  const MailRetryPolicy policy;
  seconds total{0};
  int attempt = 1;
  for (; !IsLastAttempt(policy, attempt); ++attempt) total += RetryDelay(policy, attempt);
  EXPECT_EQ(attempt, 10);
  EXPECT_GT(total, std::chrono::hours(7));
  EXPECT_LT(total, std::chrono::hours(9));
}

TEST(RetryDelay, ZeroDelaysStayZero) {
  const MailRetryPolicy policy{3, seconds(0), seconds(0)};
  EXPECT_EQ(RetryDelay(policy, 5), seconds(0));
  EXPECT_FALSE(IsLastAttempt(policy, 2));
  EXPECT_TRUE(IsLastAttempt(policy, 3));
}

}  // namespace
}  // namespace nuitee
