// The text of a mail as it travels: 7-bit, short lines, French intact once decoded.
#include "mailer/mime_message.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "mailer/encoded_words.hpp"
#include "mailer/quoted_printable.hpp"

namespace nuitee::mailer {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(text.substr(start, end - start));
  }
  EXPECT_EQ(start, text.size()) << "the text must end with CRLF";
  return lines;
}

bool IsSevenBit(const std::string& text) {
  for (unsigned char c : text) {
    if (c > 0x7E || (c < 0x20 && c != '\r' && c != '\n' && c != '\t')) return false;
  }
  return true;
}

TEST(QuotedPrintable, KeepsPlainAsciiReadable) {
  EXPECT_EQ(EncodeQuotedPrintable("Bonjour Jeanne,\n\nA bientot\n"),
            "Bonjour Jeanne,\r\n\r\nA bientot\r\n");
}

TEST(QuotedPrintable, EncodesAccentsEqualsSignsAndTrailingSpaces) {
  EXPECT_EQ(EncodeQuotedPrintable("Séjour à 2=2 \n"), "S=C3=A9jour =C3=A0 2=3D2=20\r\n");
  EXPECT_EQ(EncodeQuotedPrintable("fin\t"), "fin=09\r\n");
}

TEST(QuotedPrintable, EncodesADotThatStartsALine) {
  EXPECT_EQ(EncodeQuotedPrintable(".\n..x\n"), "=2E\r\n=2E.x\r\n");
}

TEST(QuotedPrintable, BreaksLongLinesSoftlyWithoutSplittingACharacter) {
  std::string line;
  for (int i = 0; i < 100; ++i) line += "é";
  const std::string encoded = EncodeQuotedPrintable(line + "\n");
  for (const auto& each : Lines(encoded)) {
    EXPECT_LE(each.size(), 76u) << each;
    // Every line holds whole characters: é is =C3=A9, six characters.
    const std::string content = each.back() == '=' ? each.substr(0, each.size() - 1) : each;
    EXPECT_EQ(content.size() % 6, 0u) << each;
  }
  EXPECT_TRUE(IsSevenBit(encoded));
}

TEST(QuotedPrintable, EndsTheLastLineEvenWithoutLineFeed) {
  EXPECT_EQ(EncodeQuotedPrintable("fin"), "fin\r\n");
  EXPECT_EQ(EncodeQuotedPrintable(""), "");
}

TEST(EncodeHeaderText, LeavesAsciiAlone) {
  EXPECT_EQ(EncodeHeaderText("Votre acces"), "Votre acces");
}

TEST(EncodeHeaderText, EncodesFrenchAsShortEncodedWords) {
  const std::string encoded = EncodeHeaderText(
      "Communauté de communes du Pays de Murat : choisissez votre mot de passe "
      "pour déclarer la taxe de séjour");
  EXPECT_TRUE(IsSevenBit(encoded));
  EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u);
  for (const auto& line : Lines(encoded + "\r\n")) EXPECT_LE(line.size() + 9, 78u) << line;
}

TEST(EncodeHeaderText, NeverPassesSomethingThatLooksEncoded) {
  EXPECT_EQ(EncodeHeaderText("=?UTF-8?B?eA==?="), "=?UTF-8?B?PT9VVEYtOD9CP2VBPT0/PQ==?=");
}

TEST(Base64, EncodesWithPadding) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("été"), "w6l0w6k=");
}

TEST(FormatMailDate, WritesRfc5322InEnglishWhateverTheLocale) {
  // 2026-11-23 13:05:09 UTC, a Monday.
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(1795439109));
  EXPECT_EQ(FormatMailDate(when), "Mon, 23 Nov 2026 13:05:09 +0000");
}

TEST(ComposeMessage, WritesSevenBitHeadersAndBody) {
  const OutgoingMail mail{"0b7c6e2a-1d4b-4c59-9a47-3f0e8f6a9b10", "jeanne.vidal@example.fr",
                          "Nuitée : courriel d'essai", "Bonjour,\nÇa marche.\n"};
  const std::string text =
      ComposeMessage({"Taxe de séjour", "taxe@murat.example.fr"}, mail,
                     std::chrono::system_clock::time_point(std::chrono::seconds(1795439109)));
  EXPECT_TRUE(IsSevenBit(text));
  for (const auto& line : Lines(text)) EXPECT_LE(line.size(), 78u) << line;
  EXPECT_NE(text.find("To: <jeanne.vidal@example.fr>\r\n"), std::string::npos);
  EXPECT_NE(text.find("From: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(text.find(" <taxe@murat.example.fr>\r\n"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <0b7c6e2a-1d4b-4c59-9a47-3f0e8f6a9b10@murat.example.fr>\r\n"),
            std::string::npos);
  EXPECT_NE(text.find("Date: Mon, 23 Nov 2026 13:05:09 +0000\r\n"), std::string::npos);
  EXPECT_NE(text.find("Auto-Submitted: auto-generated\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\nBonjour,\r\n=C3=87a marche.\r\n"), std::string::npos);
}

TEST(ComposeMessage, QuotesAnAsciiDisplayName) {
  const std::string text =
      ComposeMessage({"Mairie de Murat", "taxe@murat.example.fr"},
                     {"id", "a@example.fr", "Sujet", "Texte\n"}, std::chrono::system_clock::now());
  EXPECT_NE(text.find("From: \"Mairie de Murat\" <taxe@murat.example.fr>\r\n"), std::string::npos);
}

}  // namespace
}  // namespace nuitee::mailer
