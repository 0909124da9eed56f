// The mail of some steps taken together for one host: one mail per host and kind, listing every
// accommodation-month it chases, queued in the caller's transaction and linked to the steps.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/collectivity.hpp"
#include "domain/enforcement_calendar.hpp"
#include "domain/mail_kind.hpp"
#include "domain/mail_template.hpp"
#include "persistence/enforcement_step_repository.hpp"
#include "persistence/mail_outbox_repository.hpp"

namespace nuitee::worker {

// The mail kind of a step; none for the taxation d'office (its avis goes by post once issued).
std::optional<MailKind> MailKindOf(EnforcementStep step);

struct ChaseMail {
  const Collectivity& collectivity;
  const EnforcementPolicy& policy;
  const persistence::ChasedHost& host;
  MailKind kind;
  const std::vector<persistence::StoredStep>& steps;  // in the order they are listed
  const std::map<std::string, const persistence::ChasedAccommodation*>& accommodations;  // by id
  const std::string& portal_url;
  Day today;
  const std::string& actor;
};

// The mail rendered in `wording` (the collectivity's, else Nuitée's when it no longer renders);
// none when the host has no address.
std::optional<persistence::MailToSend> ComposeChaseMail(const ChaseMail& mail,
                                                        const MailTemplate& wording);

// The queued mail's id; none when the host has no usable address (the steps are taken all the
// same: the referent sees them). Fails when the mail cannot be queued for another reason.
Result<std::optional<std::string>> QueueChaseMail(persistence::Transaction& tx,
                                                  const ChaseMail& mail);

}  // namespace nuitee::worker
