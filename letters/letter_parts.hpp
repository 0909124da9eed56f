// The parts both letters share: the letterhead and the recipient's block, the place and date, the
// subject lines, the closing and the signature.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "letters/letters.hpp"
#include "letters/pdf_document.hpp"

namespace nuitee::letters {

// The sender top left, the recipient top right (where a window envelope shows it), then
// "Murat, le 3 février 2027" under the recipient.
void LetterHead(PdfDocument& document, const Letterhead& letterhead, const Recipient& recipient,
                std::string_view place, Day dated_on);
// Bold lines ("Objet : …") then the reference to quote.
void SubjectLines(PdfDocument& document, const std::vector<std::string>& bold_lines,
                  std::string_view reference);
void BodyParagraph(PdfDocument& document, std::string_view markup);
void Bullets(PdfDocument& document, const std::vector<std::string>& items);
void Heading(PdfDocument& document, std::string_view text);
// The courtesy formula, then the signatory on the right.
void Closing(PdfDocument& document, const Letterhead& letterhead);

}  // namespace nuitee::letters
