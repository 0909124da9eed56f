// Making and mailing one-time links.
#include "api/routes/account_links.hpp"

#include <date/tz.h>

#include "persistence/mail_queue.hpp"
#include "security/secret_token.hpp"

namespace nuitee::api {
namespace {

using LinkPurpose = persistence::AccountRepository::LinkPurpose;

// "06/12/2026 à 14 h 05 (heure de Paris)": when a link sent now stops working.
std::string Deadline(std::chrono::seconds validity) {
  const date::zoned_time at{"Europe/Paris", std::chrono::system_clock::now() + validity};
  return date::format("%d/%m/%Y à %H h %M (heure de Paris)",
                      date::floor<std::chrono::minutes>(at.get_local_time()));
}

// The portal's page for the link; the token is in the fragment, which browsers never send to a
// server, so it stays out of every access log.
std::string LinkTo(const Services& services, LinkPurpose purpose, const std::string& token) {
  return services.public_url +
         (purpose == LinkPurpose::kInvitation ? "/compte/activer#jeton="
                                              : "/compte/mot-de-passe#jeton=") +
         token;
}

}  // namespace

MailKind DefaultLinkMail(LinkPurpose purpose) {
  return purpose == LinkPurpose::kInvitation ? MailKind::kInvitation : MailKind::kPasswordReset;
}

Status SendLink(persistence::Transaction& tx, const Services& services,
                const persistence::StoredUser& user, LinkPurpose purpose, MailKind kind,
                MailValues values, const std::string& actor) {
  const std::string token = security::NewSecretToken();
  const auto validity = purpose == LinkPurpose::kInvitation ? kInvitationValidity : kResetValidity;
  persistence::AccountRepository::CreateOneTimeLink(tx, user.id, purpose,
                                                    security::TokenDigest(token), validity);
  values["destinataire"] = user.display_name;
  values["lien"] = LinkTo(services, purpose, token);
  values["date_limite"] = Deadline(validity);
  auto queued =
      persistence::QueueMail(tx, {user.collectivity, kind, user.email, std::move(values), actor});
  if (!queued) return Fail(queued.error());
  return {};
}

}  // namespace nuitee::api
