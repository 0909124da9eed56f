// The French texts shipped with Nuitée: what a host reads until the collectivity writes its own.
// Plain text, short paragraphs, the link alone on its line so that every mail client makes it
// clickable, and the date after which the link no longer works. The collectivity's name stands
// alone (after a colon, in parentheses, as a signature), so that any name reads well: "de
// Communauté de communes…" would lack its article.
#include "domain/mail_template.hpp"

namespace nuitee {
namespace {

constexpr const char* kSignature =
    "Bien cordialement,\n"
    "Le service de la taxe de séjour\n"
    "{{collectivite}}\n"
    "\n"
    "Ce courriel a été envoyé automatiquement par Nuitée ; merci de ne pas y répondre.\n";

MailTemplate Invitation() {
  return {
      "{{collectivite}} : choisissez votre mot de passe pour déclarer la taxe de séjour",
      std::string("Bonjour {{destinataire}},\n"
                  "\n"
                  "Le service de la taxe de séjour ({{collectivite}}) vous ouvre un accès à "
                  "Nuitée, la plateforme en ligne où vous déclarez chaque mois les nuitées de vos "
                  "hébergements et la taxe de séjour collectée.\n"
                  "\n"
                  "Pour activer cet accès, choisissez votre mot de passe en ouvrant ce lien :\n"
                  "\n"
                  "{{lien}}\n"
                  "\n"
                  "Ce lien est personnel et ne sert qu'une fois. Il reste valable jusqu'au "
                  "{{date_limite}} ; passé cette date, demandez une nouvelle invitation au "
                  "service de la taxe de séjour.\n"
                  "\n"
                  "Si vous ne louez aucun hébergement sur ce territoire, ignorez ce message : "
                  "sans mot de passe choisi, l'accès reste fermé.\n"
                  "\n") +
          kSignature};
}

MailTemplate PasswordReset() {
  return {"Nuitée : choisissez un nouveau mot de passe",
          std::string("Bonjour {{destinataire}},\n"
                      "\n"
                      "Nous avons reçu une demande de nouveau mot de passe pour votre accès à "
                      "Nuitée, la plateforme de déclaration de la taxe de séjour "
                      "({{collectivite}}).\n"
                      "\n"
                      "Pour choisir un nouveau mot de passe, ouvrez ce lien :\n"
                      "\n"
                      "{{lien}}\n"
                      "\n"
                      "Ce lien est personnel et ne sert qu'une fois. Il reste valable jusqu'au "
                      "{{date_limite}}.\n"
                      "\n"
                      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre "
                      "mot de passe actuel reste valable et personne ne peut le changer sans ce "
                      "lien.\n"
                      "\n") +
              kSignature};
}

MailTemplate Test() {
  return {"Nuitée : courriel d'essai – {{collectivite}}",
          "Bonjour,\n"
          "\n"
          "Ce courriel d'essai a été envoyé depuis Nuitée, à la demande du service de la taxe de "
          "séjour ({{collectivite}}), pour vérifier que les messages de la plateforme parviennent "
          "bien à cette adresse.\n"
          "\n"
          "Vous le lisez : l'envoi fonctionne. Aucune action n'est attendue de votre part.\n"
          "\n"
          "Ce courriel a été envoyé automatiquement par Nuitée ; merci de ne pas y répondre.\n"};
}

MailTemplate ManagerAccess() {
  return {"{{collectivite}} : {{hebergeur}} vous donne accès à ses déclarations",
          std::string("Bonjour {{destinataire}},\n"
                      "\n"
                      "{{hebergeur}} vous donne accès, dans Nuitée, à ses hébergements et à ses "
                      "déclarations de taxe de séjour ({{collectivite}}). Vous pouvez désormais "
                      "déclarer pour son compte avec votre accès habituel :\n"
                      "\n"
                      "{{portail}}\n"
                      "\n"
                      "Ce que vous faites pour son compte est enregistré à votre nom, pour le "
                      "compte de {{hebergeur}}, qui peut mettre fin à cet accès à tout moment.\n"
                      "\n") +
              kSignature};
}

MailTemplate ManagerInvitation() {
  return {"{{collectivite}} : {{hebergeur}} vous confie ses déclarations de taxe de séjour",
          std::string("Bonjour {{destinataire}},\n"
                      "\n"
                      "{{hebergeur}} vous donne accès, dans Nuitée, à ses hébergements et à ses "
                      "déclarations de taxe de séjour ({{collectivite}}), pour que vous les "
                      "gériez pour son compte.\n"
                      "\n"
                      "Pour ouvrir votre compte de gestionnaire, choisissez votre mot de passe en "
                      "ouvrant ce lien :\n"
                      "\n"
                      "{{lien}}\n"
                      "\n"
                      "Ce lien est personnel et ne sert qu'une fois. Il reste valable jusqu'au "
                      "{{date_limite}} ; passé cette date, demandez à {{hebergeur}} de vous "
                      "inviter de nouveau.\n"
                      "\n"
                      "Si vous ne connaissez pas {{hebergeur}}, ignorez ce message : sans mot de "
                      "passe choisi, l'accès reste fermé.\n"
                      "\n") +
              kSignature};
}

// The enforcement mails (issue 6). The list of accommodation-months stands alone between blank
// lines; each one says what to do, even when there is nothing to declare (a nil declaration).
constexpr const char* kIgnoreIfDeclared =
    "Si vous avez déclaré entre-temps, ne tenez pas compte de ce message.\n"
    "\n";

MailTemplate DeclarationInvitation() {
  return {"{{collectivite}} : déclarez la taxe de séjour pour {{mois}}",
          std::string("Bonjour {{destinataire}},\n"
                      "\n"
                      "Votre déclaration de taxe de séjour pour {{mois}} est attendue au plus "
                      "tard le {{date_limite}}, pour les hébergements suivants :\n"
                      "\n"
                      "{{hebergements}}\n"
                      "\n"
                      "Déclarez en ligne sur Nuitée, même si vous n'avez accueilli personne : une "
                      "déclaration « néant » suffit alors. Si un hébergement était fermé tout le "
                      "mois, déclarez-le fermé.\n"
                      "\n"
                      "{{portail}}\n"
                      "\n"
                      "Sans déclaration à cette date, un rappel vous sera adressé.\n"
                      "\n") +
              kSignature};
}

MailTemplate FirstReminder() {
  return {"{{collectivite}} : rappel, votre déclaration de taxe de séjour est en retard",
          std::string("Bonjour {{destinataire}},\n"
                      "\n"
                      "La date limite est passée et nous n'avons pas reçu votre déclaration de "
                      "taxe de séjour pour :\n"
                      "\n"
                      "{{hebergements}}\n"
                      "\n"
                      "Merci de déclarer dès que possible sur Nuitée, par une déclaration « néant » "
                      "si vous n'avez accueilli personne :\n"
                      "\n"
                      "{{portail}}\n"
                      "\n") +
              kIgnoreIfDeclared + kSignature};
}

MailTemplate SecondReminder() {
  return {"{{collectivite}} : second rappel, votre déclaration de taxe de séjour manque toujours",
          std::string("Bonjour {{destinataire}},\n"
                      "\n"
                      "Malgré un premier rappel, votre déclaration de taxe de séjour manque "
                      "toujours pour :\n"
                      "\n"
                      "{{hebergements}}\n"
                      "\n"
                      "Déclarez sans attendre sur Nuitée :\n"
                      "\n"
                      "{{portail}}\n"
                      "\n"
                      "Faute de déclaration, vous recevrez une mise en demeure par lettre "
                      "recommandée avec accusé de réception ; la taxe pourra ensuite être établie "
                      "d'office (article L. 2333-38 du code général des collectivités "
                      "territoriales).\n"
                      "\n") +
              kIgnoreIfDeclared + kSignature};
}

MailTemplate FormalNotice() {
  return {"{{collectivite}} : mise en demeure de déclarer la taxe de séjour",
          std::string("Bonjour {{destinataire}},\n"
                      "\n"
                      "Faute de déclaration malgré nos rappels, une mise en demeure datée du "
                      "{{date_courrier}} vous est adressée par lettre recommandée avec accusé de "
                      "réception, pour :\n"
                      "\n"
                      "{{hebergements}}\n"
                      "\n"
                      "Vous disposez de trente jours à compter de sa réception pour régulariser "
                      "votre situation en déclarant sur Nuitée :\n"
                      "\n"
                      "{{portail}}\n"
                      "\n"
                      "Passé ce délai, la taxe de séjour pourra être établie d'office (article "
                      "L. 2333-38 du code général des collectivités territoriales), d'après la "
                      "capacité d'accueil de chaque hébergement et le nombre de nuits où il était "
                      "ouvert.\n"
                      "\n") +
              kIgnoreIfDeclared + kSignature};
}

}  // namespace

MailTemplate DefaultMailTemplate(MailKind kind) {
  switch (kind) {
    case MailKind::kInvitation:
      return Invitation();
    case MailKind::kPasswordReset:
      return PasswordReset();
    case MailKind::kTest:
      return Test();
    case MailKind::kManagerAccess:
      return ManagerAccess();
    case MailKind::kManagerInvitation:
      return ManagerInvitation();
    case MailKind::kDeclarationInvitation:
      return DeclarationInvitation();
    case MailKind::kFirstReminder:
      return FirstReminder();
    case MailKind::kSecondReminder:
      return SecondReminder();
    case MailKind::kFormalNotice:
      return FormalNotice();
  }
  return Test();
}

}  // namespace nuitee
