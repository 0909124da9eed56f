// A collectivity's own wording of each kind of mail, kept as versions: the latest is in force.
#pragma once

#include <optional>
#include <string>

#include "domain/core/strong_id.hpp"
#include "domain/mail_template.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct StoredMailTemplate {
  MailKind kind = MailKind::kTest;
  std::optional<MailTemplate> own;  // none: Nuitée's text is in force
  long long version = 0;            // 0: never changed by the collectivity
  std::string recorded_by;          // of `version`, when there is one
  std::string recorded_at;

  MailTemplate Effective() const { return own ? *own : DefaultMailTemplate(kind); }
  bool is_default() const { return !own; }
};

class MailTemplateRepository {
 public:
  // Held until the transaction ends: two concurrent changes of one template are serialised, so
  // the second sees the first one's version (and its If-Match fails) instead of colliding.
  static void Lock(Transaction& tx, const CollectivityId& collectivity, MailKind kind);
  static StoredMailTemplate Latest(Transaction& tx, const CollectivityId& collectivity,
                                   MailKind kind);
  // Appends the next version; `own` none returns to Nuitée's text. Takes the lock itself.
  static StoredMailTemplate Append(Transaction& tx, const CollectivityId& collectivity,
                                   MailKind kind, const std::optional<MailTemplate>& own,
                                   const std::string& actor);
};

}  // namespace nuitee::persistence
