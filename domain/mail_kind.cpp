// Names and placeholders of each kind of mail.
#include "domain/mail_kind.hpp"

namespace nuitee {
namespace {

constexpr Placeholder kCollectivity{"collectivite", "le nom de la collectivité", false};
constexpr Placeholder kRecipient{"destinataire",
                                 "le nom de la personne ou de la société destinataire", false};
constexpr Placeholder kLink{"lien", "le lien personnel, à usage unique, vers la page à ouvrir",
                            true};
constexpr Placeholder kDeadline{
    "date_limite", "la date et l'heure (heure de Paris) où le lien cesse de servir", false};
constexpr Placeholder kHost{"hebergeur", "le nom de l'hébergeur qui donne accès à ses déclarations",
                            false};
constexpr Placeholder kPortal{"portail", "l'adresse du portail Nuitée", false};
// The enforcement mails list what they chase, one line per accommodation-month: without the list
// the host cannot know what to declare.
constexpr Placeholder kChased{"hebergements",
                              "la liste des hébergements et des mois à déclarer, une ligne par "
                              "hébergement et par mois",
                              true};
constexpr Placeholder kMonth{"mois", "le mois à déclarer, par exemple « mars 2026 »", false};
constexpr Placeholder kDeclarationDeadline{
    "date_limite", "la date limite de déclaration du mois, par exemple « 15 avril 2026 »", false};
constexpr Placeholder kLetterDate{"date_courrier",
                                  "la date de la lettre recommandée de mise en demeure", false};

}  // namespace

std::string_view MailKindName(MailKind kind) {
  switch (kind) {
    case MailKind::kInvitation:
      return "invitation";
    case MailKind::kPasswordReset:
      return "password_reset";
    case MailKind::kTest:
      return "test";
    case MailKind::kManagerAccess:
      return "manager_access";
    case MailKind::kManagerInvitation:
      return "manager_invitation";
    case MailKind::kDeclarationInvitation:
      return "declaration_invitation";
    case MailKind::kFirstReminder:
      return "first_reminder";
    case MailKind::kSecondReminder:
      return "second_reminder";
    case MailKind::kFormalNotice:
      return "formal_notice";
  }
  return "test";
}

std::optional<MailKind> ParseMailKind(std::string_view name) {
  for (MailKind kind : AllMailKinds()) {
    if (MailKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

const std::vector<MailKind>& AllMailKinds() {
  static const std::vector<MailKind> kinds = {MailKind::kInvitation, MailKind::kPasswordReset,
                                              MailKind::kTest, MailKind::kManagerAccess,
                                              MailKind::kManagerInvitation,
                                              MailKind::kDeclarationInvitation,
                                              MailKind::kFirstReminder,
                                              MailKind::kSecondReminder,
                                              MailKind::kFormalNotice};
  return kinds;
}

const std::vector<Placeholder>& PlaceholdersOf(MailKind kind) {
  static const std::vector<Placeholder> with_link = {kCollectivity, kRecipient, kLink, kDeadline};
  static const std::vector<Placeholder> test = {kCollectivity};
  static const std::vector<Placeholder> manager_access = {kCollectivity, kRecipient, kHost,
                                                          kPortal};
  static const std::vector<Placeholder> manager_invitation = {kCollectivity, kRecipient, kHost,
                                                              kLink, kDeadline};
  static const std::vector<Placeholder> declaration_invitation = {
      kCollectivity, kRecipient, kMonth, kDeclarationDeadline, kChased, kPortal};
  static const std::vector<Placeholder> reminder = {kCollectivity, kRecipient, kChased, kPortal};
  static const std::vector<Placeholder> formal_notice = {kCollectivity, kRecipient, kChased,
                                                         kLetterDate, kPortal};
  switch (kind) {
    case MailKind::kInvitation:
    case MailKind::kPasswordReset:
      return with_link;
    case MailKind::kTest:
      return test;
    case MailKind::kManagerAccess:
      return manager_access;
    case MailKind::kManagerInvitation:
      return manager_invitation;
    case MailKind::kDeclarationInvitation:
      return declaration_invitation;
    case MailKind::kFirstReminder:
    case MailKind::kSecondReminder:
      return reminder;
    case MailKind::kFormalNotice:
      return formal_notice;
  }
  return test;
}

const Placeholder* FindPlaceholder(MailKind kind, std::string_view name) {
  for (const auto& each : PlaceholdersOf(kind)) {
    if (each.name == name) return &each;
  }
  return nullptr;
}

}  // namespace nuitee
