// Letters as the enforcement procedure fills them, for the tests.
#pragma once

#include "letters/letters.hpp"

namespace nuitee::letters::testing {

inline Letterhead MuratLetterhead() {
  return {"Communauté de communes Hautes Terres, service taxe de séjour",
          {"4 rue du Faubourg Notre-Dame", "15300 Murat"},
          "Le Président, Gérard Lœuillet",
          "taxe-sejour@hautesterres.fr — 04 71 20 22 00"};
}

inline Recipient AHost() {
  return {"SARL Les Gîtes de l’Alagnon & Fils", {"12 chemin de la Croix", "15300 Albepierre"}};
}

inline FormalNoticeLetter AFormalNotice() {
  FormalNoticeLetter letter;
  letter.letterhead = MuratLetterhead();
  letter.recipient = AHost();
  letter.collectivity_name = "la communauté de communes Hautes Terres";
  letter.place = "Murat";
  letter.dated_on = Day{date::year{2027}, date::month{2}, date::day{3}};
  letter.reference = "MED-2027-0042";
  letter.missing = {
      {"Gîte de la Santoire", "3 place de l’Église, 15300 Dienne",
       Month{date::year{2027}, date::month{1}}, Money::Cents(123456)},
      {"Chambres d’hôtes « Le Plomb »", "La Chaze, 15300 Laveissière",
       Month{date::year{2026}, date::month{12}}, Money::Cents(8950)},
      {"Studio du Lioran", "", Month{date::year{2026}, date::month{8}}, Money::Zero()},
  };
  return letter;
}

}  // namespace nuitee::letters::testing

namespace nuitee::letters::testing {

inline AssessmentNoticeLetter AnAssessmentNotice() {
  AssessmentNoticeLetter letter;
  letter.letterhead = MuratLetterhead();
  letter.recipient = AHost();
  letter.collectivity_name = "la communauté de communes Hautes Terres";
  letter.place = "Murat";
  letter.dated_on = Day{date::year{2027}, date::month{4}, date::day{12}};
  letter.reference = "TO-2027-0007";
  letter.accommodation_name = "Gîte de la Santoire";
  letter.accommodation_address = "3 place de l’Église, 15300 Dienne";
  letter.month = Month{date::year{2027}, date::month{1}};
  letter.capacity_persons = 6;
  letter.nights = 31;
  letter.tax = Money::Cents(126040);
  letter.additional_taxes = {{"Taxe additionnelle départementale (10 %)", Money::Cents(12604)}};
  letter.total = Money::Cents(138644);
  letter.explanation = {"Meublé de tourisme classé 3 étoiles : 1,40 € par personne et par nuit.",
                        "6 personnes × 31 nuits × 1,40 € = 260,40 €."};
  letter.formal_notice_delivered_on = Day{date::year{2027}, date::month{3}, date::day{1}};
  letter.recoverable_from = Day{date::year{2027}, date::month{5}, date::day{12}};
  return letter;
}

}  // namespace nuitee::letters::testing
