// Accounts, sessions and failed logins (migration 0008). Only digests of secrets are stored.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/core/error.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct StoredUser {
  UserId id;
  UserKind kind = UserKind::kHost;
  std::string email;  // lower-case
  std::string display_name;
  std::optional<CollectivityId> collectivity;
  std::optional<std::string> password_hash;  // none until an invitation is accepted
  bool disabled = false;
};

struct NewUser {
  UserKind kind = UserKind::kHost;
  std::string email;
  std::string display_name;
  std::optional<CollectivityId> collectivity;
  std::optional<std::string> password_hash;
  std::vector<Role> roles;
  std::vector<HostId> hosts;  // owner access for host users
  std::string granted_by;
};

struct NewSession {
  std::string token_digest;
  std::string csrf_digest;
  std::chrono::seconds idle{0};
  std::chrono::seconds absolute{0};
  std::string address;
  std::string user_agent;
};

struct SessionInfo {
  SessionId id;
  std::string created_at;  // ISO 8601, UTC
  std::string last_seen_at;
  std::string expires_at;  // the earlier of the idle and the absolute expiry
  std::string address;
  std::string user_agent;
};

// A live session and the principal behind it.
struct AuthenticatedSession {
  Principal principal;
  std::string csrf_digest;
};

class AccountRepository {
 public:
  // kAlreadyExists when the address has an account in that collectivity already.
  static Result<StoredUser> CreateUser(Transaction& tx, const NewUser& user);
  // The active accounts with this address (one per collectivity at most), or only the one of
  // `collectivity` when given.
  static std::vector<StoredUser> FindByEmail(Transaction& tx, const std::string& email,
                                             const std::optional<CollectivityId>& collectivity);
  static void SetPasswordHash(Transaction& tx, const UserId& user, const std::string& hash);

  static SessionId CreateSession(Transaction& tx, const UserId& user, const NewSession& session);
  // The session whose token has this digest, if it is neither revoked nor expired and its user is
  // active; its idle expiry is pushed back (at most once a minute, to spare writes).
  static std::optional<AuthenticatedSession> Authenticate(Transaction& tx,
                                                          const std::string& token_digest,
                                                          std::chrono::seconds idle);
  // The user's live sessions, newest first.
  static std::vector<SessionInfo> Sessions(Transaction& tx, const UserId& user);
  // False when the session is not the user's or is already over.
  static bool RevokeSession(Transaction& tx, const UserId& user, const SessionId& session);

  // One-time links (invitations, password resets): only the token's digest is stored.
  enum class LinkPurpose { kInvitation, kPasswordReset };
  static void CreateOneTimeLink(Transaction& tx, const UserId& user, LinkPurpose purpose,
                                const std::string& token_digest, std::chrono::seconds validity);
  // The account of a link that is unused, unexpired and for this purpose, which is then used up
  // (under a row lock: two uses of one link never both succeed); nullopt otherwise.
  static std::optional<StoredUser> UseOneTimeLink(Transaction& tx, const std::string& token_digest,
                                                  LinkPurpose purpose);
  // After a password reset: every session of the account ends.
  static void RevokeAllSessions(Transaction& tx, const UserId& user);

  static void RecordLoginFailure(Transaction& tx, const std::string& email,
                                 const std::string& address);
  // Failed logins in the last `window`, by account address and by client address.
  struct RecentFailures {
    long long for_email = 0;
    long long for_address = 0;
    long long oldest_age_seconds = 0;  // of the oldest failure counted, for Retry-After
  };
  static RecentFailures CountRecentFailures(Transaction& tx, const std::string& email,
                                            const std::string& address,
                                            std::chrono::seconds window);
};

}  // namespace nuitee::persistence
