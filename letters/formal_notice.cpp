// The mise en demeure (CGCT L. 2333-38): the months not declared, the law, what to do within the
// time given, and what follows otherwise. The legal statements are those of
// shared/domain/taxe-de-sejour.md §8 and docs/decisions.md ("Enforcement"), nothing more.
#include <string>
#include <vector>

#include "domain/enforcement_calendar.hpp"
#include "letters/french_text.hpp"
#include "letters/letter_parts.hpp"
#include "letters/letter_validation.hpp"
#include "letters/letters.hpp"
#include "letters/pdf_document.hpp"

namespace nuitee::letters {
namespace {

Status Validate(const FormalNoticeLetter& letter) {
  FieldErrors errors;
  CheckLetterhead(errors, letter.letterhead);
  CheckRecipient(errors, letter.recipient);
  RequireText(errors, "/collectivity_name", letter.collectivity_name, "Le nom de la collectivité");
  RequireText(errors, "/place", letter.place, "Le lieu d’où la lettre est écrite");
  RequireText(errors, "/reference", letter.reference, "La référence de la lettre");
  RequireDay(errors, "/dated_on", letter.dated_on, "La date de la lettre");
  if (letter.missing.empty()) {
    errors.Add("/missing", "La mise en demeure doit désigner au moins un mois non déclaré.");
  }
  for (std::size_t i = 0; i < letter.missing.size(); ++i) {
    const MissingMonth& each = letter.missing[i];
    const std::string at = "/missing/" + std::to_string(i);
    RequireText(errors, at + "/accommodation_name", each.accommodation_name,
                "Le nom de l’hébergement");
    OptionalText(errors, at + "/accommodation_address", each.accommodation_address);
    if (!each.month.ok()) errors.Add(at + "/month", "Le mois n’est pas valide.");
    if (each.estimated_tax < Money::Zero()) {
      errors.Add(at + "/estimated_tax", "Le montant estimé ne peut pas être négatif.");
    }
  }
  if (letter.days_to_regularise < kDaysToRegularise) {
    errors.Add("/days_to_regularise",
               "Le délai de régularisation ne peut pas être inférieur à 30 jours (article "
               "L. 2333-38 du code général des collectivités territoriales).");
  }
  return ToStatus(errors);
}

bool AnyEstimate(const FormalNoticeLetter& letter) {
  for (const auto& each : letter.missing) {
    if (each.estimated_tax > Money::Zero()) return true;
  }
  return false;
}

void MissingMonthsTable(PdfDocument& document, const FormalNoticeLetter& letter) {
  const bool estimates = AnyEstimate(letter);
  std::vector<TableColumn> columns = {{"Hébergement", 3.0, Align::kLeft},
                                      {"Mois non déclaré", 1.7, Align::kLeft}};
  if (estimates) columns.push_back({"Montant estimé*", 1.3, Align::kRight});
  std::vector<std::vector<std::string>> rows;
  for (const auto& each : letter.missing) {
    std::string accommodation = Bold(Escaped(each.accommodation_name));
    if (!each.accommodation_address.empty()) {
      accommodation += "\n" + Escaped(each.accommodation_address);
    }
    std::vector<std::string> row = {accommodation, FrenchMonth(each.month)};
    if (estimates) {
      row.push_back(each.estimated_tax > Money::Zero() ? FrenchEuros(each.estimated_tax)
                                                       : "non estimé");
    }
    rows.push_back(std::move(row));
  }
  document.Table(columns, rows);
  document.Skip(4);
  if (estimates) {
    document.Paragraph(
        "* Montant indicatif de la taxe qu’une taxation d’office établirait pour ce mois, "
        "calculé sur la capacité totale de l’hébergement chaque nuit d’ouverture.",
        {8.5, Weight::kRegular, Align::kLeft});
  }
  document.Skip(10);
}

void Compose(PdfDocument& document, const FormalNoticeLetter& letter) {
  const std::string article = "L." + std::string(kNbsp) + "2333-38";
  const std::string code = "code général des collectivités territoriales";
  const std::string days = FrenchCount(letter.days_to_regularise, "jour", "jours");
  const std::string contact = letter.letterhead.contact.empty()
                                  ? Escaped(letter.letterhead.sender)
                                  : Escaped(letter.letterhead.contact);
  LetterHead(document, letter.letterhead, letter.recipient, letter.place, letter.dated_on);
  SubjectLines(document,
               {"Lettre recommandée avec accusé de réception",
                "Objet" + std::string(kNbsp) + ": Mise en demeure de déclarer la taxe de séjour"},
               letter.reference);
  BodyParagraph(document, "Madame, Monsieur,");
  BodyParagraph(document,
                "Sauf erreur de notre part, la taxe de séjour n’a pas été déclarée, à ce jour, "
                "pour les hébergements et les mois suivants, situés sur le territoire de " +
                    Escaped(letter.collectivity_name) + std::string(kNbsp) + ":");
  MissingMonthsTable(document, letter);
  BodyParagraph(document,
                "En application de l’article " + article + " du " + code +
                    ", nous vous mettons en demeure de procéder à ces déclarations. Cet article "
                    "prévoit que, lorsqu’une mise en demeure adressée par lettre recommandée avec "
                    "accusé de réception est restée sans effet pendant trente jours à compter de "
                    "sa notification, la collectivité procède à la taxation d’office.");
  Heading(document, "Ce que nous vous demandons");
  BodyParagraph(document,
                "Nous vous invitons à déclarer ces mois sur la plateforme de déclaration de la "
                "taxe de séjour de " +
                    Escaped(letter.collectivity_name) + " dans un délai de " + Bold(days) +
                    " à compter de la réception de la présente lettre, et à reverser la taxe "
                    "correspondante.");
  Heading(document, "À défaut de régularisation dans ce délai");
  Bullets(document,
          {"la taxe sera établie d’office" + std::string(kNbsp) +
               ": son montant sera calculé sur la capacité totale de l’hébergement, chaque nuit "
               "d’ouverture du mois, au tarif applicable, et un avis de taxation d’office motivé "
               "vous sera notifié au moins trente jours avant sa mise en recouvrement" +
               std::string(kNarrowNbsp) + ";",
           "les sommes dues et non acquittées à l’échéance seront majorées d’un intérêt de "
           "retard de 0,20" +
               std::string(kNbsp) + "% par mois entamé (article " + article + " du même code)" +
               std::string(kNarrowNbsp) + ";",
           "l’absence de déclaration dans les délais peut en outre exposer à une amende civile de "
           "750" +
               std::string(kNbsp) + "€ à 12" + std::string(kNbsp) + "500" + std::string(kNbsp) +
               "€ (article L." + std::string(kNbsp) +
               "2333-34-1 du même code), prononcée par le président du tribunal judiciaire."});
  BodyParagraph(document,
                "Si vous avez déjà effectué ces déclarations, ou si vous estimez que cette lettre "
                "ne vous concerne pas (hébergement vendu, fermé ou non loué pendant ces mois), "
                "nous vous remercions de nous en informer par écrit, en rappelant la référence "
                "ci-dessus" +
                    std::string(kNbsp) + ": " + contact + ".");
  Closing(document, letter.letterhead);
}

}  // namespace

Result<std::string> RenderFormalNotice(const FormalNoticeLetter& letter) {
  if (auto valid = Validate(letter); !valid) return Fail(valid.error());
  const DocumentInfo info{"Mise en demeure de déclarer la taxe de séjour", letter.letterhead.sender,
                          letter.reference, letter.dated_on};
  return RenderPdf(info, [&](PdfDocument& document) { Compose(document, letter); });
}

}  // namespace nuitee::letters
