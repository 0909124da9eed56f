// Counting recent reset requests per client and mails per address, then recording this one.
#include "api/routes/reset_throttle.hpp"

#include <algorithm>

#include "api/http/authentication.hpp"
#include "persistence/lockout_repository.hpp"
#include "persistence/write_audit.hpp"

namespace nuitee::api {

Result<bool> AdmitResetRequest(Exchange& exchange, Services& services, const std::string& email) {
  const std::string address = ClientAddress(exchange);
  const auto& auth = services.auth;
  // Throttling bookkeeping, not the caller's write: kept out of the write audit.
  persistence::UnauditedWrites bookkeeping;
  long long wait = 0;
  auto admitted =
      services.database.InTransaction([&](persistence::Transaction& tx) -> Result<bool> {
        const auto recent = persistence::ResetRequestRepository::CountRecent(
            tx, email, address, auth.reset_email_window, auth.reset_address_window);
        if (recent.for_address >= auth.max_resets_per_address) {
          wait =
              std::max<long long>(1, auth.reset_address_window.count() - recent.oldest_age_seconds);
          return false;
        }
        const bool may_mail = recent.mailed_for_email < auth.max_reset_mails_per_email;
        persistence::ResetRequestRepository::Record(tx, email, address, may_mail);
        return may_mail;
      });
  if (!admitted) return Fail(admitted.error());
  if (wait > 0) {
    exchange.AddHeader("Retry-After", std::to_string(wait));
    return Fail(
        Error{ErrorCode::kResourceExhausted,
              "Trop de demandes de réinitialisation depuis votre adresse : réessayez dans " +
                  std::to_string(wait) + " secondes.",
              {},
              {}});
  }
  return *admitted;
}

}  // namespace nuitee::api
