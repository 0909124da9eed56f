// One-time links sent by mail (invitations, password resets): the token is made here, stored only
// as its digest, and its mail is queued in the caller's transaction (persistence::QueueMail), so
// a link whose cause rolls back is never sent.
#pragma once

#include <chrono>
#include <string>

#include "api/services.hpp"
#include "domain/mail_template.hpp"
#include "persistence/account_repository.hpp"

namespace nuitee::api {

inline constexpr std::chrono::seconds kInvitationValidity = std::chrono::hours(24 * 7);
inline constexpr std::chrono::seconds kResetValidity = std::chrono::hours(1);

// Creates a link of `purpose` for `user` and queues a mail of `kind` with it ({{lien}},
// {{date_limite}} and {{destinataire}} are filled in; `values` adds the kind's others).
Status SendLink(persistence::Transaction& tx, const Services& services,
                const persistence::StoredUser& user,
                persistence::AccountRepository::LinkPurpose purpose, MailKind kind,
                MailValues values, const std::string& actor);

// The mail kind that goes with a purpose when nothing more specific is sent.
MailKind DefaultLinkMail(persistence::AccountRepository::LinkPurpose purpose);

}  // namespace nuitee::api
