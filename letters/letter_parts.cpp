// The parts both letters share, laid out on the A4 page.
#include "letters/letter_parts.hpp"

#include <algorithm>

#include "letters/french_text.hpp"

namespace nuitee::letters {
namespace {

constexpr double kRecipientX = 300;  // about 105 mm from the page's left edge
constexpr double kRecipientY = 135;  // about 48 mm from the top
constexpr double kParagraphGap = 7;
const TextStyle kBody{9.5, Weight::kRegular, Align::kJustify};

std::string Lines(const std::vector<std::string>& lines) {
  std::string markup;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    if (!markup.empty()) markup += "\n";
    markup += Escaped(line);
  }
  return markup;
}

}  // namespace

void LetterHead(PdfDocument& document, const Letterhead& letterhead, const Recipient& recipient,
                std::string_view place, Day dated_on) {
  const double top = document.Cursor();
  const double sender_width = kRecipientX - document.Left() - 20;
  std::string sender = Bold(Escaped(letterhead.sender));
  const std::string address = Lines(letterhead.address_lines);
  if (!address.empty()) sender += "\n" + address;
  if (!letterhead.contact.empty()) sender += "\n" + Escaped(letterhead.contact);
  const double sender_height = document.BlockAt(sender, {9, Weight::kRegular, Align::kLeft},
                                                document.Left(), top, sender_width);

  const double right_width = document.Left() + document.Width() - kRecipientX;
  std::string to = Bold(Escaped(recipient.name));
  const std::string to_address = Lines(recipient.address_lines);
  if (!to_address.empty()) to += "\n" + to_address;
  const double recipient_top = std::max(kRecipientY, top + sender_height + 12);
  const double recipient_height = document.BlockAt(to, {10, Weight::kRegular, Align::kLeft},
                                                   kRecipientX, recipient_top, right_width);

  const std::string dated = Escaped(place) + ", le " + FrenchLongDate(dated_on);
  const double date_top = recipient_top + recipient_height + 24;
  const double date_height = document.BlockAt(dated, {10, Weight::kRegular, Align::kLeft},
                                              kRecipientX, date_top, right_width);
  document.MoveCursorTo(date_top + date_height + 24);
}

void SubjectLines(PdfDocument& document, const std::vector<std::string>& bold_lines,
                  std::string_view reference) {
  for (const auto& line : bold_lines) {
    document.Paragraph(Bold(line), {10, Weight::kRegular, Align::kLeft});
    document.Skip(2);
  }
  document.Paragraph("Référence" + std::string(kNbsp) + ": " + Bold(Escaped(reference)) +
                         " (à rappeler dans toute correspondance)",
                     {10, Weight::kRegular, Align::kLeft});
  document.Skip(18);
}

void BodyParagraph(PdfDocument& document, std::string_view markup) {
  document.Paragraph(markup, kBody);
  document.Skip(kParagraphGap);
}

void Bullets(PdfDocument& document, const std::vector<std::string>& items) {
  constexpr double kIndent = 14;
  for (const auto& item : items) {
    document.KeepRoom(14);
    const double top = document.Cursor();
    document.BlockAt("•", kBody, document.Left() + 3, top, kIndent);
    document.Paragraph(item, kBody, document.Left() + kIndent, document.Width() - kIndent);
    document.Skip(3);
  }
  document.Skip(kParagraphGap - 3);
}

void Heading(PdfDocument& document, std::string_view text) {
  document.KeepRoom(60);  // never alone at the foot of a page
  document.Skip(4);
  document.Paragraph(Bold(text), {10.5, Weight::kRegular, Align::kLeft});
  document.Skip(5);
}

void Closing(PdfDocument& document, const Letterhead& letterhead) {
  BodyParagraph(document,
                "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations "
                "distinguées.");
  document.KeepRoom(70);
  document.Skip(14);
  document.Paragraph(Escaped(letterhead.signatory), {10, Weight::kRegular, Align::kLeft},
                     kRecipientX, document.Left() + document.Width() - kRecipientX);
  document.Skip(40);  // room for the handwritten signature and the stamp
}

}  // namespace nuitee::letters
