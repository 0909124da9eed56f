// French wording of the calendar.
#include "worker/chase_text.hpp"

#include <array>

namespace nuitee::worker {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

}  // namespace

std::string FrenchMonth(Month month) {
  return std::string(kMonthNames[unsigned(month.month()) - 1]) + " " +
         std::to_string(int(month.year()));
}

std::string FrenchDay(Day day) {
  const unsigned number = unsigned(day.day());
  return (number == 1 ? std::string("1er") : std::to_string(number)) + " " +
         FrenchMonth(Month{day.year(), day.month()});
}

std::string ChasedLine(const persistence::ChasedAccommodation& accommodation, Month month) {
  return "– " + accommodation.name + ", " + accommodation.address_line + " " +
         accommodation.postal_code + " : " + FrenchMonth(month);
}

std::string StepTakenText(EnforcementStep step, bool mailed) {
  const std::string no_mail = " L'hébergeur n'a pas d'adresse électronique : aucun courriel.";
  switch (step) {
    case EnforcementStep::kInvitation:
      return mailed ? "Invitation à déclarer envoyée par courriel."
                    : "Invitation à déclarer." + no_mail;
    case EnforcementStep::kFirstReminder:
      return mailed ? "Première relance envoyée par courriel." : "Première relance." + no_mail;
    case EnforcementStep::kSecondReminder:
      return mailed ? "Seconde relance envoyée par courriel." : "Seconde relance." + no_mail;
    case EnforcementStep::kFormalNotice:
      return "Mise en demeure préparée : la lettre est à imprimer et à envoyer en recommandé avec "
             "accusé de réception." +
             std::string(mailed ? " L'hébergeur en est informé par courriel." : no_mail);
    case EnforcementStep::kAssessment:
      return "Taxation d'office proposée, à examiner par le référent.";
  }
  return "";
}

}  // namespace nuitee::worker
