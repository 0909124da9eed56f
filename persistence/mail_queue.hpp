// The one call later features make to send a mail: the collectivity's wording of the kind (its
// own, else Nuitée's), filled with the values, written to the outbox in the caller's transaction.
#pragma once

#include <optional>
#include <string>

#include "domain/core/strong_id.hpp"
#include "domain/mail_template.hpp"
#include "persistence/mail_outbox_repository.hpp"

namespace nuitee::persistence {

struct MailRequest {
  std::optional<CollectivityId> collectivity;  // none: a mail of the instance, in Nuitée's words
  MailKind kind = MailKind::kTest;
  std::string recipient;
  // Every placeholder of the kind but {{collectivite}}, which is the collectivity's name (or
  // "Nuitée") unless given here.
  MailValues values;
  std::string actor;  // who or what caused the mail
};

// kNotFound for an unknown collectivity, kInvalidArgument on "/to" for an unusable address. A
// collectivity's wording that no longer renders (it uses a placeholder a later version of Nuitée
// dropped) gives way to Nuitée's text, and the fallback is logged.
Result<QueuedMail> QueueMail(Transaction& tx, const MailRequest& request);

}  // namespace nuitee::persistence
