// The mise en demeure as its reader sees it: the text pdftotext extracts from the PDF.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "letters/letters.hpp"
#include "tests/letters/letter_fixtures.hpp"
#include "tests/letters/pdf_text.hpp"

namespace nuitee::letters {
namespace {

using testing::AFormalNotice;
using testing::Occurrences;
using testing::PageCount;
using testing::PdfText;

std::string TextOf(const FormalNoticeLetter& letter) {
  auto pdf = RenderFormalNotice(letter);
  if (!pdf) throw std::runtime_error("render failed: " + pdf.error().message);
  return testing::Flat(PdfText(*pdf));
}

TEST(FormalNotice, IsAPdf) {
  auto pdf = RenderFormalNotice(AFormalNotice());
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
}

TEST(FormalNotice, NamesTheSenderTheRecipientThePlaceAndTheDate) {
  const std::string text = TextOf(AFormalNotice());
  EXPECT_NE(text.find("Communauté de communes Hautes Terres"), std::string::npos) << text;
  EXPECT_NE(text.find("4 rue du Faubourg Notre-Dame"), std::string::npos);
  EXPECT_NE(text.find("taxe-sejour@hautesterres.fr"), std::string::npos);
  EXPECT_NE(text.find("SARL Les Gîtes de l’Alagnon & Fils"), std::string::npos);
  EXPECT_NE(text.find("15300 Albepierre"), std::string::npos);
  EXPECT_NE(text.find("Murat, le 3 février 2027"), std::string::npos);
  EXPECT_NE(text.find("Le Président, Gérard Lœuillet"), std::string::npos);
}

TEST(FormalNotice, SaysWhatItIsAndQuotesItsReference) {
  const std::string text = TextOf(AFormalNotice());
  EXPECT_NE(text.find("Lettre recommandée avec accusé de réception"), std::string::npos) << text;
  EXPECT_NE(text.find("Objet : Mise en demeure de déclarer la taxe de séjour"), std::string::npos);
  EXPECT_NE(text.find("Référence : MED-2027-0042"), std::string::npos);
}

TEST(FormalNotice, ListsEveryMissingMonthInFrench) {
  const std::string text = TextOf(AFormalNotice());
  EXPECT_NE(text.find("janvier 2027"), std::string::npos) << text;
  EXPECT_NE(text.find("décembre 2026"), std::string::npos);
  EXPECT_NE(text.find("août 2026"), std::string::npos);
  EXPECT_NE(text.find("Gîte de la Santoire"), std::string::npos);
  EXPECT_NE(text.find("3 place de l’Église, 15300 Dienne"), std::string::npos);
  EXPECT_NE(text.find("Chambres d’hôtes « Le Plomb »"), std::string::npos);
  EXPECT_NE(text.find("Studio du Lioran"), std::string::npos);
}

TEST(FormalNotice, FormatsEveryEstimateTheFrenchWay) {
  const std::string text = TextOf(AFormalNotice());
  EXPECT_NE(text.find("1 234,56 €"), std::string::npos) << text;
  EXPECT_NE(text.find("89,50 €"), std::string::npos);
  EXPECT_NE(text.find("non estimé"), std::string::npos);  // the month without an estimate
}

TEST(FormalNotice, LeavesOutTheEstimateColumnWhenNoMonthHasOne) {
  FormalNoticeLetter letter = AFormalNotice();
  for (auto& each : letter.missing) each.estimated_tax = Money::Zero();
  const std::string text = TextOf(letter);
  EXPECT_EQ(text.find("Montant estimé"), std::string::npos) << text;
  EXPECT_EQ(text.find("non estimé"), std::string::npos);
}

TEST(FormalNotice, CitesTheLawTheTimeGivenAndTheConsequences) {
  FormalNoticeLetter letter = AFormalNotice();
  letter.days_to_regularise = 45;
  const std::string text = TextOf(letter);
  EXPECT_NE(text.find("L. 2333-38"), std::string::npos) << text;
  EXPECT_NE(text.find("code général des collectivités territoriales"), std::string::npos);
  EXPECT_NE(text.find("45 jours"), std::string::npos);
  EXPECT_NE(text.find("taxation d’office"), std::string::npos);
  EXPECT_NE(text.find("0,20 % par mois entamé"), std::string::npos);
  EXPECT_NE(text.find("L. 2333-34-1"), std::string::npos);
}

TEST(FormalNotice, WritesTheFirstOfTheMonthAsPremier) {
  FormalNoticeLetter letter = AFormalNotice();
  letter.dated_on = Day{date::year{2027}, date::month{3}, date::day{1}};
  EXPECT_NE(TextOf(letter).find("Murat, le 1er mars 2027"), std::string::npos);
}

TEST(FormalNotice, PrintsTheCallersTextAsWrittenNeverAsMarkup) {
  FormalNoticeLetter letter = AFormalNotice();
  letter.missing[0].accommodation_name = "Gîte <b>Bel & Bon</b></i>";
  const std::string text = TextOf(letter);
  EXPECT_NE(text.find("Gîte <b>Bel & Bon</b></i>"), std::string::npos) << text;
}

TEST(FormalNotice, FlowsFortyMonthsOntoFurtherPagesKeepingEveryOne) {
  FormalNoticeLetter letter = AFormalNotice();
  letter.missing.clear();
  Month month{date::year{2023}, date::month{1}};
  for (int i = 0; i < 40; ++i, month += date::months{1}) {
    letter.missing.push_back({"Gîte n° " + std::to_string(i + 1), "Route du Lioran, 15300 Murat",
                              month, Money::Cents(10000 + i)});
  }
  auto pdf = RenderFormalNotice(letter);
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::string lines = PdfText(*pdf);
  EXPECT_GT(PageCount(lines), 1);
  const std::string text = testing::Flat(lines);
  EXPECT_NE(text.find("Page 1/" + std::to_string(PageCount(lines))), std::string::npos) << text;
  EXPECT_NE(text.find("Page 2/"), std::string::npos);
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(Occurrences(text, "Gîte n° " + std::to_string(i + 1) + " "), 1) << i;
    EXPECT_NE(text.find(std::to_string(100 + i / 100) + "," + (i < 10 ? "0" : "") +
                        std::to_string(i) + " €"),
              std::string::npos)
        << i;
  }
  for (const char* name : {"janvier 2023", "décembre 2024", "avril 2026"}) {
    EXPECT_NE(text.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(Occurrences(text, " 2023 "), 12);
  EXPECT_EQ(Occurrences(text, " 2024 "), 12);
  EXPECT_EQ(Occurrences(text, " 2025 "), 12);
}

TEST(FormalNotice, WrapsANameOfThreeHundredCharacters) {
  FormalNoticeLetter letter = AFormalNotice();
  std::string name;  // 300 characters
  for (int i = 0; i < 29; ++i) name += "Résidence ";
  letter.recipient.name = name + "Résidence_";
  std::string word(120, 'x');  // no space at all: broken between characters
  letter.missing[0].accommodation_name = word + "END";
  auto pdf = RenderFormalNotice(letter);
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::string text = PdfText(*pdf);
  EXPECT_GE(Occurrences(text, "Résidence"), 25);
  EXPECT_NE(text.find("END"), std::string::npos);
  EXPECT_NE(text.find("janvier 2027"), std::string::npos);
  for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    EXPECT_LT(end - start, 260u) << "a line runs off the page: " << text.substr(start, end - start);
  }
}

TEST(FormalNotice, RefusesALetterWithoutRecipientName) {
  FormalNoticeLetter letter = AFormalNotice();
  letter.recipient.name = "  ";
  auto pdf = RenderFormalNotice(letter);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(pdf.error().message.find("destinataire"), std::string::npos);
  ASSERT_EQ(pdf.error().field_errors.size(), 1u);
  EXPECT_EQ(pdf.error().field_errors[0].field, "/recipient/name");
}

TEST(FormalNotice, RefusesALetterWithoutMissingMonth) {
  FormalNoticeLetter letter = AFormalNotice();
  letter.missing.clear();
  auto pdf = RenderFormalNotice(letter);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(pdf.error().field_errors.at(0).field, "/missing");
}

TEST(FormalNotice, ReportsEveryProblemAtOnce) {
  FormalNoticeLetter letter = AFormalNotice();
  letter.recipient.address_lines.clear();
  letter.reference.clear();
  letter.dated_on = Day{date::year{2027}, date::month{2}, date::day{30}};
  letter.missing[1].month = Month{date::year{2026}, date::month{13}};
  letter.missing[2].accommodation_name = "Caf\xC3";  // cut in the middle of "é"
  letter.days_to_regularise = 15;
  auto pdf = RenderFormalNotice(letter);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& each : pdf.error().field_errors) fields.push_back(each.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"/recipient/address_lines", "/reference", "/dated_on",
                                              "/missing/1/month", "/missing/2/accommodation_name",
                                              "/days_to_regularise"}));
}

TEST(FormalNotice, GivesTheSameBytesForTheSameLetter) {
  auto first = RenderFormalNotice(AFormalNotice());
  auto second = RenderFormalNotice(AFormalNotice());
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, *second);
}

TEST(FormalNotice, RendersFromFourThreadsAtOnce) {
  const auto expected = RenderFormalNotice(AFormalNotice());
  ASSERT_TRUE(expected);
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&outputs, t] {
      for (int round = 0; round < 3; ++round) {
        auto pdf = RenderFormalNotice(AFormalNotice());
        outputs[t] = pdf ? *pdf : "failed: " + pdf.error().message;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& output : outputs) EXPECT_EQ(output, *expected);
}

}  // namespace
}  // namespace nuitee::letters
