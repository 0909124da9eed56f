// Mail templates: the shipped French texts, the checks on a collectivity's own version, rendering.
#include "domain/mail_template.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace nuitee {
namespace {

MailValues LinkValues() {
  return {{"collectivite", "Communauté de communes du Pays de Murat"},
          {"destinataire", "Jeanne Vidal"},
          {"lien", "https://nuitee.example/invitation/abc"},
          {"date_limite", "30 novembre 2026 à 14 h 05"}};
}

bool HasErrorOn(const Status& status, const std::string& field, const std::string& fragment) {
  if (status) return false;
  const auto& errors = status.error().field_errors;
  return std::any_of(errors.begin(), errors.end(), [&](const FieldError& each) {
    return each.field == field && each.message.find(fragment) != std::string::npos;
  });
}

TEST(MailKind, RoundTripsItsNames) {
  for (MailKind kind : AllMailKinds()) EXPECT_EQ(ParseMailKind(MailKindName(kind)), kind);
  EXPECT_EQ(MailKindName(MailKind::kPasswordReset), "password_reset");
  EXPECT_FALSE(ParseMailKind("Invitation").has_value());
  EXPECT_FALSE(ParseMailKind("").has_value());
}

TEST(MailKind, LinkMailsRequireTheirLinkInTheBody) {
  EXPECT_TRUE(FindPlaceholder(MailKind::kInvitation, "lien")->required_in_body);
  EXPECT_TRUE(FindPlaceholder(MailKind::kPasswordReset, "lien")->required_in_body);
  EXPECT_EQ(FindPlaceholder(MailKind::kTest, "lien"), nullptr);
}

TEST(DefaultMailTemplate, EveryShippedTemplateIsValid) {
  for (MailKind kind : AllMailKinds()) {
    auto valid = ValidateMailTemplate(kind, DefaultMailTemplate(kind));
    EXPECT_TRUE(valid.has_value())
        << MailKindName(kind) << ": " << (valid ? "" : valid.error().field_errors.front().message);
    EXPECT_EQ(NormalizeMailTemplate(DefaultMailTemplate(kind)), DefaultMailTemplate(kind));
  }
}

TEST(DefaultMailTemplate, InvitationPutsTheLinkAloneOnItsLine) {
  auto mail = RenderMail(DefaultMailTemplate(MailKind::kInvitation), LinkValues());
  ASSERT_TRUE(mail.has_value());
  EXPECT_NE(mail->body.find("\n\nhttps://nuitee.example/invitation/abc\n\n"), std::string::npos);
  EXPECT_NE(mail->body.find("Bonjour Jeanne Vidal,"), std::string::npos);
  EXPECT_NE(mail->body.find("jusqu'au 30 novembre 2026 à 14 h 05"), std::string::npos);
  EXPECT_EQ(mail->subject,
            "Communauté de communes du Pays de Murat : choisissez votre mot de passe pour "
            "déclarer la taxe de séjour");
}

TEST(DefaultMailTemplate, EnforcementMailsListWhatTheyChaseAloneBetweenBlankLines) {
  const MailValues values = {{"collectivite", "Communauté de communes du Pays de Murat"},
                             {"destinataire", "Jeanne Vidal"},
                             {"hebergements", "– Gîte des Sources (Murat) : mars 2026\n"
                                              "– Le Moulin (Albepierre) : mars 2026"},
                             {"mois", "mars 2026"},
                             {"date_limite", "15 avril 2026"},
                             {"date_courrier", "2 juin 2026"},
                             {"portail", "https://nuitee.example"}};
  for (MailKind kind : {MailKind::kDeclarationInvitation, MailKind::kFirstReminder,
                        MailKind::kSecondReminder, MailKind::kFormalNotice}) {
    EXPECT_TRUE(FindPlaceholder(kind, "hebergements")->required_in_body) << MailKindName(kind);
    auto mail = RenderMail(DefaultMailTemplate(kind), values);
    ASSERT_TRUE(mail.has_value()) << MailKindName(kind);
    EXPECT_NE(mail->body.find("\n\n– Gîte des Sources (Murat) : mars 2026\n– Le Moulin "
                              "(Albepierre) : mars 2026\n\n"),
              std::string::npos)
        << MailKindName(kind);
    EXPECT_NE(mail->body.find("\n\nhttps://nuitee.example\n\n"), std::string::npos);
  }
  auto invitation = RenderMail(DefaultMailTemplate(MailKind::kDeclarationInvitation), values);
  EXPECT_EQ(invitation->subject,
            "Communauté de communes du Pays de Murat : déclarez la taxe de séjour pour mars 2026");
  EXPECT_NE(invitation->body.find("au plus tard le 15 avril 2026"), std::string::npos);
  auto notice = RenderMail(DefaultMailTemplate(MailKind::kFormalNotice), values);
  EXPECT_NE(notice->body.find("mise en demeure datée du 2 juin 2026"), std::string::npos);
  EXPECT_NE(notice->body.find("L. 2333-38"), std::string::npos);
}

TEST(RenderMail, FillsEveryPlaceholderWithOrWithoutInnerSpaces) {
  auto mail = RenderMail({"Pour {{ destinataire }}", "{{lien}} et {{  lien}}"}, LinkValues());
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ(mail->subject, "Pour Jeanne Vidal");
  EXPECT_EQ(mail->body,
            "https://nuitee.example/invitation/abc et https://nuitee.example/invitation/abc");
}

TEST(RenderMail, KeepsValuesOnOneLineInTheSubject) {
  MailValues values = {{"collectivite", "Ligne 1\r\nLigne 2"}};
  auto mail = RenderMail({"Essai {{collectivite}}", "{{collectivite}}"}, values);
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ(mail->subject, "Essai Ligne 1 Ligne 2");
  EXPECT_EQ(mail->body, "Ligne 1\nLigne 2");
}

TEST(RenderMail, DoesNotReadPlaceholdersInsideValues) {
  MailValues values = {{"collectivite", "{{lien}}"}};
  auto mail = RenderMail({"{{collectivite}}", "{{collectivite}}"}, values);
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ(mail->body, "{{lien}}");
}

TEST(RenderMail, FailsWhenAPlaceholderHasNoValue) {
  auto mail = RenderMail({"Sujet", "Ouvrez {{lien}}"}, {{"collectivite", "X"}});
  ASSERT_FALSE(mail.has_value());
  EXPECT_EQ(mail.error().field_errors.front().field, "/body");
}

TEST(ValidateMailTemplate, AcceptsACollectivitysOwnWording) {
  EXPECT_TRUE(ValidateMailTemplate(MailKind::kInvitation,
                                   {"Taxe de séjour à Murat", "Madame, Monsieur,\n\n{{lien}}\n"}));
}

TEST(ValidateMailTemplate, RefusesAnUnknownPlaceholderAndNamesTheKnownOnes) {
  auto status = ValidateMailTemplate(MailKind::kTest, {"Essai {{lien}}", "Bonjour {{nom}}"});
  EXPECT_TRUE(HasErrorOn(status, "/subject", "{{lien}} n'est pas une variable de ce courriel"));
  EXPECT_TRUE(HasErrorOn(status, "/body", "Variables possibles : {{collectivite}}."));
  EXPECT_EQ(status.error().code, ErrorCode::kRuleViolation);
}

TEST(ValidateMailTemplate, RefusesAnInvitationWithoutItsLink) {
  auto status = ValidateMailTemplate(MailKind::kInvitation, {"Invitation", "Bonjour,\n"});
  EXPECT_TRUE(HasErrorOn(status, "/body", "Le texte doit contenir {{lien}}"));
}

TEST(ValidateMailTemplate, RefusesALinkOnlyInTheSubject) {
  auto status = ValidateMailTemplate(MailKind::kPasswordReset, {"{{lien}}", "Bonjour,\n"});
  EXPECT_TRUE(HasErrorOn(status, "/body", "{{lien}}"));
}

TEST(ValidateMailTemplate, RefusesAnUnclosedOrMalformedPlaceholder) {
  EXPECT_TRUE(HasErrorOn(ValidateMailTemplate(MailKind::kTest, {"Essai", "Ouvrez {{lien"}), "/body",
                         "jamais fermée"));
  EXPECT_TRUE(HasErrorOn(ValidateMailTemplate(MailKind::kTest, {"Essai", "{{Collectivité}}"}),
                         "/body", "« {{Collectivité}} » n'est pas une variable"));
  EXPECT_TRUE(HasErrorOn(ValidateMailTemplate(MailKind::kTest, {"Essai", "{{}}"}), "/body",
                         "n'est pas une variable"));
}

TEST(ValidateMailTemplate, RefusesEmptyPartsAndASubjectOverSeveralLines) {
  auto status = ValidateMailTemplate(MailKind::kTest, {"", " \n\t\n"});
  EXPECT_TRUE(HasErrorOn(status, "/subject", "obligatoire"));
  EXPECT_TRUE(HasErrorOn(status, "/body", "obligatoire"));
  EXPECT_TRUE(HasErrorOn(ValidateMailTemplate(MailKind::kTest, {"Un\nDeux", "Texte"}), "/subject",
                         "une seule ligne"));
}

TEST(ValidateMailTemplate, RefusesControlCharacters) {
  EXPECT_TRUE(HasErrorOn(ValidateMailTemplate(MailKind::kTest, {"Essai\x1b", "Texte"}), "/subject",
                         "contrôle"));
  EXPECT_TRUE(HasErrorOn(ValidateMailTemplate(MailKind::kTest, {"Essai", std::string("A\0B", 3)}),
                         "/body", "contrôle"));
  EXPECT_TRUE(ValidateMailTemplate(MailKind::kTest, {"Essai", "Colonne\tà\ttabulations\n"}));
}

TEST(ValidateMailTemplate, CountsCharactersNotBytes) {
  std::string subject;
  for (std::size_t i = 0; i < kMaxMailSubjectCharacters; ++i) subject += "é";
  EXPECT_TRUE(ValidateMailTemplate(MailKind::kTest, {subject, "Texte"}));
  EXPECT_TRUE(HasErrorOn(ValidateMailTemplate(MailKind::kTest, {subject + "e", "Texte"}),
                         "/subject", "200 caractères"));
  EXPECT_TRUE(
      HasErrorOn(ValidateMailTemplate(MailKind::kTest,
                                      {"Essai", std::string(kMaxMailBodyCharacters + 1, 'a')}),
                 "/body", "20 000 caractères"));
}

TEST(NormalizeMailTemplate, UsesLineFeedsAndTrimsTheSubject) {
  auto normal = NormalizeMailTemplate({"  Sujet \r\n", "Un\r\nDeux\rTrois\n"});
  EXPECT_EQ(normal.subject, "Sujet");
  EXPECT_EQ(normal.body, "Un\nDeux\nTrois\n");
  EXPECT_EQ(NormalizeMailTemplate({"S", "Un\n\n  \n"}).body, "Un\n");
  EXPECT_EQ(NormalizeMailTemplate({"S", "Sans fin de ligne"}).body, "Sans fin de ligne\n");
}

}  // namespace
}  // namespace nuitee
