// Login lockouts for staff to see, and password-reset requests for throttling them (issue 5).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "persistence/database.hpp"
#include "persistence/page.hpp"

namespace nuitee::persistence {

enum class LockoutReason {
  kAccount,
  kAddress
};  // too many failures for the address tried / client

struct Lockout {
  std::string at;  // ISO 8601 UTC
  std::string email;
  std::string address;
  std::string reason;        // "account", "address"
  std::string locked_until;  // ISO 8601 UTC
  bool known_account = false;
};

class LockoutRepository {
 public:
  // Records a lockout unless the same one (address tried, client, reason) is still running, so a
  // flood of refused attempts is one row per lock.
  static void Record(Transaction& tx, const std::string& email, const std::string& address,
                     LockoutReason reason, long long seconds_left, const std::string& request_id);
  // Lockouts of addresses that are accounts of `collectivity`, oldest first.
  static Page<Lockout> ForCollectivity(Transaction& tx, const std::string& collectivity_id,
                                       const PageRequest& page);
  // Every lockout, including addresses that have no account anywhere (the operator's view).
  static Page<Lockout> All(Transaction& tx, const PageRequest& page);
};

struct RecentResetRequests {
  long long mailed_for_email = 0;    // mails sent to this address lately
  long long for_address = 0;         // requests from this client lately
  long long oldest_age_seconds = 0;  // of this client's requests in the window
};

class ResetRequestRepository {
 public:
  static RecentResetRequests CountRecent(Transaction& tx, const std::string& email,
                                         const std::string& address,
                                         std::chrono::seconds email_window,
                                         std::chrono::seconds address_window);
  static void Record(Transaction& tx, const std::string& email, const std::string& address,
                     bool mailed);
};

}  // namespace nuitee::persistence
