// What the SMTP client checks before the first mail, and how it reads libcurl's outcome.
#include <curl/curl.h>
#include <gtest/gtest.h>

#include "mailer/smtp_transport.hpp"

namespace nuitee::mailer {
namespace {

using Outcome = DeliveryReport::Outcome;

TEST(ValidateSmtpUrl, AcceptsSmtpAndSmtps) {
  EXPECT_TRUE(ValidateSmtpUrl("smtp://127.0.0.1:2525"));
  EXPECT_TRUE(ValidateSmtpUrl("smtp://relay.example.fr:587/nuitee.example.fr"));
  EXPECT_TRUE(ValidateSmtpUrl("smtps://relay.example.fr"));
}

TEST(ValidateSmtpUrl, RefusesOtherSchemesCredentialsAndNoHost) {
  EXPECT_FALSE(ValidateSmtpUrl("http://relay.example.fr"));
  EXPECT_FALSE(ValidateSmtpUrl("relay.example.fr:25"));
  EXPECT_FALSE(ValidateSmtpUrl("smtp://"));
  EXPECT_FALSE(ValidateSmtpUrl("smtp://:25"));
  EXPECT_FALSE(ValidateSmtpUrl("smtp://relay.example.fr?x=1"));
  auto with_password = ValidateSmtpUrl("smtp://user:secret@relay.example.fr");
  ASSERT_FALSE(with_password);
  EXPECT_EQ(with_password.error().message.find("secret"), std::string::npos);
}

TEST(ParseStartTls, KnowsRequiredAndOptional) {
  EXPECT_EQ(ParseStartTls("required"), StartTls::kRequired);
  EXPECT_EQ(ParseStartTls("optional"), StartTls::kOptional);
  EXPECT_FALSE(ParseStartTls("yes").has_value());
  EXPECT_EQ(StartTlsName(StartTls::kOptional), "optional");
}

TEST(ClassifySmtpResult, AcceptedIsSent) {
  EXPECT_EQ(ClassifySmtpResult(CURLE_OK, 250, "").outcome, Outcome::kSent);
}

TEST(ClassifySmtpResult, ARefusedRecipientIsPermanent) {
  auto report = ClassifySmtpResult(CURLE_SEND_ERROR, 550, "RCPT failed: 550");
  EXPECT_EQ(report.outcome, Outcome::kPermanent);
  EXPECT_NE(report.detail.find("refuse ce destinataire"), std::string::npos);
  EXPECT_EQ(ClassifySmtpResult(CURLE_SEND_ERROR, 450, "RCPT failed: 450").outcome,
            Outcome::kTransient);
}

TEST(ClassifySmtpResult, WhatPeopleCanFixIsTransient) {
  for (CURLcode code : {CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT,
                        CURLE_LOGIN_DENIED, CURLE_USE_SSL_FAILED, CURLE_PEER_FAILED_VERIFICATION,
                        CURLE_WEIRD_SERVER_REPLY}) {
    EXPECT_EQ(ClassifySmtpResult(code, 0, "").outcome, Outcome::kTransient) << code;
  }
  // A sender refused for good (MAIL FROM) is the operator's to fix: the mails wait.
  EXPECT_EQ(ClassifySmtpResult(CURLE_SEND_ERROR, 553, "MAIL failed: 553").outcome,
            Outcome::kTransient);
}

TEST(ClassifySmtpResult, SaysWhatHappenedInFrenchWithTheRelaysWords) {
  auto report = ClassifySmtpResult(CURLE_COULDNT_CONNECT, 0, "Failed to connect to 127.0.0.1");
  EXPECT_EQ(report.detail, "Le serveur SMTP est injoignable (Failed to connect to 127.0.0.1)");
  auto login = ClassifySmtpResult(CURLE_LOGIN_DENIED, 535, "Login denied");
  EXPECT_EQ(
      login.detail,
      "Le serveur SMTP a refusé l'identifiant ou le mot de passe (Login denied, réponse 535)");
}

}  // namespace
}  // namespace nuitee::mailer
