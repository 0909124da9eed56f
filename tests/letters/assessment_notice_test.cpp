// The avis de taxation d'office as its reader sees it: the text pdftotext extracts from the PDF.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "letters/letters.hpp"
#include "tests/letters/letter_fixtures.hpp"
#include "tests/letters/pdf_text.hpp"

namespace nuitee::letters {
namespace {

using testing::AnAssessmentNotice;
using testing::PdfText;

std::string TextOf(const AssessmentNoticeLetter& letter) {
  auto pdf = RenderAssessmentNotice(letter);
  if (!pdf) throw std::runtime_error("render failed: " + pdf.error().message);
  return testing::Flat(PdfText(*pdf));
}

std::vector<std::string> FieldsOf(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& each : error.field_errors) fields.push_back(each.field);
  return fields;
}

TEST(AssessmentNotice, IsAPdf) {
  auto pdf = RenderAssessmentNotice(AnAssessmentNotice());
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
}

TEST(AssessmentNotice, SaysWhatItIsToWhomAndQuotesItsReference) {
  const std::string text = TextOf(AnAssessmentNotice());
  EXPECT_NE(text.find("Avis de taxation d’office"), std::string::npos) << text;
  EXPECT_NE(text.find("SARL Les Gîtes de l’Alagnon & Fils"), std::string::npos);
  EXPECT_NE(text.find("Murat, le 12 avril 2027"), std::string::npos);
  EXPECT_NE(text.find("Référence : TO-2027-0007"), std::string::npos);
  EXPECT_NE(text.find("Le Président, Gérard Lœuillet"), std::string::npos);
}

TEST(AssessmentNotice, NamesTheAccommodationAndTheMonth) {
  const std::string text = TextOf(AnAssessmentNotice());
  EXPECT_NE(text.find("Gîte de la Santoire"), std::string::npos) << text;
  EXPECT_NE(text.find("3 place de l’Église, 15300 Dienne"), std::string::npos);
  EXPECT_NE(text.find("janvier 2027"), std::string::npos);
}

TEST(AssessmentNotice, GivesTheBasisWithTheDayTheNoticeWasDelivered) {
  const std::string text = TextOf(AnAssessmentNotice());
  EXPECT_NE(text.find("1er mars 2027"), std::string::npos) << text;
  EXPECT_NE(text.find("trente jours"), std::string::npos);
  EXPECT_NE(text.find("L. 2333-38"), std::string::npos);
}

TEST(AssessmentNotice, ShowsTheComputationEveryTaxAndTheTotal) {
  const std::string text = TextOf(AnAssessmentNotice());
  EXPECT_NE(text.find("6 personnes × 31 nuits, soit 186 nuitées"), std::string::npos) << text;
  EXPECT_NE(text.find("Meublé de tourisme classé 3 étoiles : 1,40 € par personne"),
            std::string::npos);
  EXPECT_NE(text.find("Taxe de séjour 1 260,40 €"), std::string::npos);
  EXPECT_NE(text.find("Taxe additionnelle départementale (10 %) 126,04 €"), std::string::npos);
  EXPECT_NE(text.find("Total dû 1 386,44 €"), std::string::npos);
}

TEST(AssessmentNotice, SaysWhenTheAmountWillBePutIntoRecovery) {
  const std::string text = TextOf(AnAssessmentNotice());
  EXPECT_NE(text.find("ne sera mise en recouvrement qu’à compter du 12 mai 2027"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("0,20 % par mois entamé"), std::string::npos);
}

TEST(AssessmentNotice, ExplainsHowToContest) {
  const std::string text = TextOf(AnAssessmentNotice());
  EXPECT_NE(text.find("observations écrites et motivées"), std::string::npos) << text;
  EXPECT_NE(text.find("taxe-sejour@hautesterres.fr"), std::string::npos);
}

TEST(AssessmentNotice, GivesTheAdjustmentReasonOnlyWhenThereIsOne) {
  AssessmentNoticeLetter letter = AnAssessmentNotice();
  EXPECT_EQ(TextOf(letter).find("ajusté"), std::string::npos);
  letter.adjustment_reason = "fermeture pour travaux du 1er au 10 janvier, attestée";
  const std::string text = TextOf(letter);
  EXPECT_NE(text.find("ajusté pour le motif suivant"), std::string::npos) << text;
  EXPECT_NE(text.find("« fermeture pour travaux du 1er au 10 janvier, attestée »"),
            std::string::npos);
}

TEST(AssessmentNotice, RefusesATotalThatIsNotTheSumOfItsTaxes) {
  AssessmentNoticeLetter letter = AnAssessmentNotice();
  letter.total = Money::Cents(126040);
  auto pdf = RenderAssessmentNotice(letter);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(pdf.error()), std::vector<std::string>{"/total"});
}

TEST(AssessmentNotice, RefusesAnAvisBeforeTheThirtyDaysOrRecoverableTooEarly) {
  AssessmentNoticeLetter letter = AnAssessmentNotice();
  letter.dated_on = Day{date::year{2027}, date::month{3}, date::day{31}};  // day 30 after delivery
  letter.recoverable_from = Day{date::year{2027}, date::month{4}, date::day{29}};
  auto pdf = RenderAssessmentNotice(letter);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(FieldsOf(pdf.error()), (std::vector<std::string>{"/dated_on", "/recoverable_from"}));
}

TEST(AssessmentNotice, AcceptsTheEarliestDays) {
  AssessmentNoticeLetter letter = AnAssessmentNotice();
  letter.dated_on = Day{date::year{2027}, date::month{4}, date::day{1}};  // the 31st day
  letter.recoverable_from = Day{date::year{2027}, date::month{5}, date::day{1}};
  auto pdf = RenderAssessmentNotice(letter);
  EXPECT_TRUE(pdf) << pdf.error().message;
}

TEST(AssessmentNotice, RefusesMissingRecipientAccommodationAndCounts) {
  AssessmentNoticeLetter letter = AnAssessmentNotice();
  letter.recipient.name.clear();
  letter.accommodation_name.clear();
  letter.capacity_persons = 0;
  letter.nights = 32;
  auto pdf = RenderAssessmentNotice(letter);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(pdf.error()),
            (std::vector<std::string>{"/recipient/name", "/accommodation_name", "/capacity_persons",
                                      "/nights"}));
  EXPECT_NE(pdf.error().message.find("destinataire"), std::string::npos);
}

TEST(AssessmentNotice, RendersFromFourThreadsAtOnceAlongsideFormalNotices) {
  const auto expected = RenderAssessmentNotice(AnAssessmentNotice());
  ASSERT_TRUE(expected);
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&outputs, t] {
      for (int round = 0; round < 3; ++round) {
        if (t % 2 == 1) (void)RenderFormalNotice(testing::AFormalNotice());
        auto pdf = RenderAssessmentNotice(AnAssessmentNotice());
        outputs[t] = pdf ? *pdf : "failed: " + pdf.error().message;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& output : outputs) EXPECT_EQ(output, *expected);
}

}  // namespace
}  // namespace nuitee::letters
