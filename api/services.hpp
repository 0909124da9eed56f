// What route handlers are given: the database, "today" (injected so tests can move time), the
// simulator's cache and the mail sender's wake-up call.
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "domain/core/dates.hpp"
#include "api/rate_cache.hpp"
#include "api/ttl_cache.hpp"
#include "payments/provider.hpp"
#include "persistence/account_repository.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/database.hpp"
#include "security/password_hash.hpp"

namespace nuitee::api {

// Sessions and logins (issue "accounts"): defaults for production, lowered in tests.
struct AuthSettings {
  security::ScryptParameters scrypt;
  std::chrono::seconds session_idle{2 * 3600};       // a session unused this long ends
  std::chrono::seconds session_absolute{12 * 3600};  // and every session ends after this
  // Failed logins within the window, for one account address or one client address, before
  // further attempts are refused with 429 until the oldest failure leaves the window.
  std::chrono::seconds failure_window{15 * 60};
  long long max_failures_per_account = 5;
  long long max_failures_per_address = 50;
  // Password-reset requests (api/routes/reset_throttle.hpp): at most this many mails to one
  // address within the first window, and this many requests from one client within the second.
  std::chrono::seconds reset_email_window{3600};
  long long max_reset_mails_per_email = 3;
  std::chrono::seconds reset_address_window{15 * 60};
  long long max_resets_per_address = 10;
};

struct Services {
  persistence::Database& database;
  std::function<Day()> today;
  // The simulator's rate contexts; write routes call rate_cache->Invalidate().
  std::shared_ptr<RateCache> rate_cache = std::make_shared<RateCache>();
  AuthSettings auth{};
  // Where the portal is, for the links sent by mail (invitations, password resets).
  std::string public_url = "http://127.0.0.1:8080";
  // Live sessions by token digest, so that an authenticated request costs no query of its own
  // (issue 5's speed target). Logging out and revoking through this server empty it at once; a
  // revocation, an expiry or a disabled account elsewhere shows within the TTL (10 s).
  std::shared_ptr<TtlCache<persistence::AuthenticatedSession>> sessions =
      std::make_shared<TtlCache<persistence::AuthenticatedSession>>(std::chrono::seconds(10));
  // Whose each host and accommodation is (collectivity, host), for the same reason. An
  // accommodation that changes host through this server empties it at once; through another
  // process, the former host keeps access for at most the TTL (10 s).
  std::shared_ptr<TtlCache<persistence::RecordOwner>> owners =
      std::make_shared<TtlCache<persistence::RecordOwner>>(std::chrono::seconds(10));
  // Called after a mail was queued, so that the background sender (when there is one) sends it
  // now rather than at its next poll.
  std::function<void()> wake_mail_delivery = [] {};
  // Online payment (issue 7): the providers offered, the simulator by default (api/routes/
  // online_payment_routes.cpp adds it when empty); PayFiP when configured (NUITEE_PAYFIP_*).
  std::shared_ptr<payments::PaymentProviders> payment_providers =
      std::make_shared<payments::PaymentProviders>();
};

// Today's date in Europe/Paris, where every collectivity we serve keeps its calendar.
Day ParisToday();

}  // namespace nuitee::api
