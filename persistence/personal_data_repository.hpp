// What a host's personal-data export reads besides the register and the declarations: the user
// accounts that act for it (never a secret: no password hash, no token) and the mails sent to it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "persistence/database.hpp"

namespace nuitee::persistence {

struct HostAccount {
  std::string user_id;
  std::string email;
  std::string display_name;
  std::string kind;      // "host", "manager"
  std::string relation;  // "owner", "manager"
  std::string created_at;
  std::string granted_at;
  std::optional<std::string> revoked_at;
  std::optional<std::string> disabled_at;
  bool has_password = false;  // whether the invitation was accepted; the hash itself never leaves
};

struct SentMail {
  std::string id;
  std::string kind;
  std::string recipient;
  std::string subject;
  std::string body;
  std::string created_at;
  std::optional<std::string> sent_at;
  std::optional<std::string> dead_at;
};

class PersonalDataRepository {
 public:
  // Every account that acts or acted for the host, in the order access was granted.
  static std::vector<HostAccount> AccountsOf(Transaction& tx, const std::string& host_id);
  // The collectivity's mails to any of `recipients`, oldest first.
  static std::vector<SentMail> MailsTo(Transaction& tx, const std::string& collectivity_id,
                                       const std::vector<std::string>& recipients);
};

}  // namespace nuitee::persistence
