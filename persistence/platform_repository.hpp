// Platforms (machine clients), their API keys and the collectivities that registered them
// (migration 0011). Only the SHA-256 of a key is stored.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct PlatformClient {
  std::string id;
  std::string name;
  std::string created_by;
  std::string created_at;  // ISO 8601, UTC
};

struct PlatformKey {
  std::string id;
  std::string platform_id;
  std::string prefix;  // the key's first characters, to tell keys apart
  std::string label;
  std::string created_by;
  std::string created_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
  std::optional<std::string> revoked_by;
};

struct PlatformRegistration {
  std::string id;
  std::string collectivity_id;
  std::string collectivity_name;
  std::string platform_id;
  std::string platform_name;
  std::string registered_by;
  std::string registered_at;
  std::optional<std::string> ended_at;
  std::optional<std::string> ended_by;
};

class PlatformRepository {
 public:
  // kAlreadyExists when a platform of that name (case ignored) exists.
  static Result<PlatformClient> Create(Transaction& tx, const std::string& name,
                                       const std::string& created_by);
  static std::vector<PlatformClient> List(Transaction& tx);
  static std::optional<PlatformClient> Find(Transaction& tx, const std::string& id);

  static PlatformKey IssueKey(Transaction& tx, const std::string& platform_id,
                              const std::string& key_digest, const std::string& prefix,
                              const std::string& label, const std::string& created_by);
  static std::vector<PlatformKey> Keys(Transaction& tx, const std::string& platform_id);
  // kNotFound when the key is not the platform's or is revoked already.
  static Result<PlatformKey> RevokeKey(Transaction& tx, const std::string& platform_id,
                                       const std::string& key_id, const std::string& revoked_by);

  // kAlreadyExists when the platform is registered (live) by the collectivity already.
  static Result<PlatformRegistration> Register(Transaction& tx, const CollectivityId& collectivity,
                                               const std::string& platform_id,
                                               const std::string& registered_by);
  // kNotFound when there is no live registration.
  static Result<PlatformRegistration> EndRegistration(Transaction& tx,
                                                      const CollectivityId& collectivity,
                                                      const std::string& platform_id,
                                                      const std::string& ended_by);
  // A collectivity's registrations, live and ended, newest first.
  static std::vector<PlatformRegistration> RegistrationsOf(Transaction& tx,
                                                           const CollectivityId& collectivity);
  // A platform's live registrations, oldest first.
  static std::vector<PlatformRegistration> LiveRegistrationsOfPlatform(
      Transaction& tx, const std::string& platform_id);

  // The platform behind a key digest, if the key is not revoked, as a principal whose scope is
  // its live registrations. Its last use is recorded (at most once a minute, to spare writes).
  static std::optional<Principal> Authenticate(Transaction& tx, const std::string& key_digest);
};

}  // namespace nuitee::persistence
