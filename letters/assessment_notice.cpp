// The avis de taxation d'office (CGCT L. 2333-38): why the tax is assessed, how it was computed,
// when it will be put into recovery and how to contest it. The legal statements are those of
// shared/domain/taxe-de-sejour.md §8 and docs/decisions.md ("Enforcement"), nothing more.
#include <stdexcept>
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

void CheckAmounts(FieldErrors& errors, const AssessmentNoticeLetter& letter) {
  if (letter.tax < Money::Zero())
    errors.Add("/tax", "Le montant de la taxe ne peut pas être négatif.");
  Money sum = letter.tax;
  try {
    for (std::size_t i = 0; i < letter.additional_taxes.size(); ++i) {
      const AssessmentTax& each = letter.additional_taxes[i];
      const std::string at = "/additional_taxes/" + std::to_string(i);
      RequireText(errors, at + "/label", each.label, "Le libellé de la taxe additionnelle");
      if (each.amount < Money::Zero()) {
        errors.Add(at + "/amount", "Le montant d’une taxe additionnelle ne peut pas être négatif.");
      }
      sum += each.amount;
    }
  } catch (const std::overflow_error&) {
    errors.Add("/total", "Les montants sont trop grands.");
    return;
  }
  if (sum != letter.total) {
    errors.Add("/total",
               "Le total n’est pas la somme de la taxe de séjour et des taxes additionnelles.");
  }
}

void CheckDates(FieldErrors& errors, const AssessmentNoticeLetter& letter) {
  RequireDay(errors, "/dated_on", letter.dated_on, "La date de l’avis");
  RequireDay(errors, "/formal_notice_delivered_on", letter.formal_notice_delivered_on,
             "La date de remise de la mise en demeure");
  RequireDay(errors, "/recoverable_from", letter.recoverable_from,
             "La date de mise en recouvrement");
  if (!letter.dated_on.ok() || !letter.formal_notice_delivered_on.ok() ||
      !letter.recoverable_from.ok()) {
    return;
  }
  if (date::sys_days{letter.dated_on} <
      date::sys_days{AddDays(letter.formal_notice_delivered_on, kDaysToRegularise + 1)}) {
    errors.Add("/dated_on",
               "La taxation d’office ne peut être notifiée qu’après les trente jours laissés par "
               "la mise en demeure (article L. 2333-38).");
  }
  if (date::sys_days{letter.recoverable_from} < date::sys_days{RecoverableFrom(letter.dated_on)}) {
    errors.Add("/recoverable_from",
               "La mise en recouvrement ne peut pas intervenir moins de trente jours après la "
               "notification de l’avis (article L. 2333-38).");
  }
}

Status Validate(const AssessmentNoticeLetter& letter) {
  FieldErrors errors;
  CheckLetterhead(errors, letter.letterhead);
  CheckRecipient(errors, letter.recipient);
  RequireText(errors, "/collectivity_name", letter.collectivity_name, "Le nom de la collectivité");
  RequireText(errors, "/place", letter.place, "Le lieu d’où l’avis est écrit");
  RequireText(errors, "/reference", letter.reference, "La référence de l’avis");
  RequireText(errors, "/accommodation_name", letter.accommodation_name, "Le nom de l’hébergement");
  OptionalText(errors, "/accommodation_address", letter.accommodation_address);
  if (!letter.month.ok()) errors.Add("/month", "Le mois n’est pas valide.");
  if (letter.capacity_persons <= 0) {
    errors.Add("/capacity_persons",
               "La capacité de l’hébergement doit être d’au moins une personne.");
  }
  if (letter.nights <= 0 || letter.nights > 31) {
    errors.Add("/nights", "Le nombre de nuits retenues doit être compris entre 1 et 31.");
  }
  CheckAmounts(errors, letter);
  for (std::size_t i = 0; i < letter.explanation.size(); ++i) {
    OptionalText(errors, "/explanation/" + std::to_string(i), letter.explanation[i]);
  }
  OptionalText(errors, "/adjustment_reason", letter.adjustment_reason);
  CheckDates(errors, letter);
  return ToStatus(errors);
}

void AccommodationTable(PdfDocument& document, const AssessmentNoticeLetter& letter) {
  std::vector<std::vector<std::string>> rows = {
      {"Hébergement", Bold(Escaped(letter.accommodation_name))}};
  if (!letter.accommodation_address.empty()) {
    rows.push_back({"Adresse", Escaped(letter.accommodation_address)});
  }
  rows.push_back({"Mois concerné", FrenchMonth(letter.month)});
  rows.push_back({"Capacité", FrenchCount(letter.capacity_persons, "personne", "personnes")});
  rows.push_back({"Nuits retenues", FrenchCount(letter.nights, "nuit", "nuits")});
  document.Table({{"", 1.2, Align::kLeft}, {"", 3.8, Align::kLeft}}, rows);
  document.Skip(10);
}

void Computation(PdfDocument& document, const AssessmentNoticeLetter& letter) {
  Heading(document, "Calcul de la taxe");
  const long long person_nights = 1LL * letter.capacity_persons * letter.nights;
  BodyParagraph(document,
                "La taxe est calculée sur la capacité totale de l’hébergement, chaque nuit "
                "retenue" +
                    std::string(kNbsp) + ": " +
                    FrenchCount(letter.capacity_persons, "personne", "personnes") + " × " +
                    FrenchCount(letter.nights, "nuit", "nuits") + ", soit " +
                    FrenchCount(person_nights, "nuitée", "nuitées") + ".");
  std::vector<std::string> sentences;
  for (const auto& sentence : letter.explanation) {
    if (!sentence.empty()) sentences.push_back(Escaped(sentence));
  }
  if (!sentences.empty()) Bullets(document, sentences);
  std::vector<std::vector<std::string>> rows = {{"Taxe de séjour", FrenchEuros(letter.tax)}};
  for (const auto& each : letter.additional_taxes) {
    rows.push_back({Escaped(each.label), FrenchEuros(each.amount)});
  }
  rows.push_back({Bold("Total dû"), Bold(FrenchEuros(letter.total))});
  document.Table({{"Montant établi d’office", 3.6, Align::kLeft}, {"", 1.4, Align::kRight}}, rows);
  document.Skip(10);
}

void Compose(PdfDocument& document, const AssessmentNoticeLetter& letter) {
  const std::string article = "L." + std::string(kNbsp) + "2333-38";
  const std::string contact = letter.letterhead.contact.empty()
                                  ? Escaped(letter.letterhead.sender)
                                  : Escaped(letter.letterhead.contact);
  LetterHead(document, letter.letterhead, letter.recipient, letter.place, letter.dated_on);
  document.Paragraph(Bold("Avis de taxation d’office"), {14, Weight::kRegular, Align::kCenter});
  document.Skip(12);
  SubjectLines(document,
               {"Objet" + std::string(kNbsp) + ": Taxation d’office de la taxe de séjour de " +
                FrenchMonth(letter.month)},
               letter.reference);
  BodyParagraph(document, "Madame, Monsieur,");
  BodyParagraph(document,
                "Une mise en demeure de déclarer la taxe de séjour due pour l’hébergement "
                "désigné ci-dessous, au titre du mois de " +
                    FrenchMonth(letter.month) +
                    ", vous a été notifiée par lettre recommandée avec accusé de réception le " +
                    FrenchLongDate(letter.formal_notice_delivered_on) +
                    ". Aucune déclaration ne nous est parvenue dans le délai de trente jours qui a "
                    "suivi cette notification.");
  BodyParagraph(document, "En conséquence, en application de l’article " + article +
                              " du code général des collectivités territoriales, la taxe de "
                              "séjour due pour ce mois est établie d’office comme suit.");
  AccommodationTable(document, letter);
  Computation(document, letter);
  if (!letter.adjustment_reason.empty()) {
    Heading(document, "Ajustement du montant");
    BodyParagraph(document, "Le montant calculé a été ajusté pour le motif suivant" +
                                std::string(kNbsp) + ": " +
                                Quoted(Escaped(letter.adjustment_reason)) + ".");
  }
  Heading(document, "Paiement");
  BodyParagraph(document,
                "La somme de " + Bold(FrenchEuros(letter.total)) +
                    " est due. Elle ne sera mise en recouvrement qu’à compter du " +
                    Bold(FrenchLongDate(letter.recoverable_from)) +
                    ", trente jours au moins après la notification du présent avis (article " +
                    article +
                    "). Les sommes non acquittées à l’échéance sont majorées d’un "
                    "intérêt de retard de 0,20" +
                    std::string(kNbsp) + "% par mois entamé.");
  Heading(document, "Contestation");
  BodyParagraph(document,
                "Si vous contestez cette taxation, vous pouvez adresser à " +
                    Escaped(letter.collectivity_name) +
                    " des observations écrites et motivées, accompagnées de tout justificatif "
                    "utile, en rappelant la référence du présent avis" +
                    std::string(kNbsp) + ": " + contact + ".");
  Closing(document, letter.letterhead);
}

}  // namespace

Result<std::string> RenderAssessmentNotice(const AssessmentNoticeLetter& letter) {
  if (auto valid = Validate(letter); !valid) return Fail(valid.error());
  const DocumentInfo info{"Avis de taxation d’office", letter.letterhead.sender, letter.reference,
                          letter.dated_on};
  return RenderPdf(info, [&](PdfDocument& document) { Compose(document, letter); });
}

}  // namespace nuitee::letters
