#include "domain/money/budget.hpp"

#include <algorithm>
#include <set>

#include "rates/additional_tax.hpp"
#include "rates/french_format.hpp"

namespace nuitee {

std::string_view BudgetStageCode(BudgetStage stage) {
  switch (stage) {
    case BudgetStage::kBudgetPrimitif:
      return "budget_primitif";
    case BudgetStage::kBudgetSupplementaire:
      return "budget_supplementaire";
    case BudgetStage::kDecisionModificative:
      return "decision_modificative";
  }
  return "budget_primitif";
}

std::string_view BudgetStageLabel(BudgetStage stage) {
  switch (stage) {
    case BudgetStage::kBudgetPrimitif:
      return "Budget primitif";
    case BudgetStage::kBudgetSupplementaire:
      return "Budget supplémentaire";
    case BudgetStage::kDecisionModificative:
      return "Décision modificative";
  }
  return "Budget primitif";
}

std::optional<BudgetStage> ParseBudgetStage(std::string_view code) {
  for (auto stage : {BudgetStage::kBudgetPrimitif, BudgetStage::kBudgetSupplementaire,
                     BudgetStage::kDecisionModificative}) {
    if (BudgetStageCode(stage) == code) return stage;
  }
  return std::nullopt;
}

Status ValidateBudgetLines(const BudgetLines& lines, int fiscal_year) {
  FieldErrors errors;
  if (lines.forecast_tax < Money::Zero()) {
    errors.Add("/forecast_tax_cents", "Les recettes prévues ne peuvent pas être négatives.");
  }
  if (lines.stage != BudgetStage::kBudgetPrimitif && lines.decision_reference.empty()) {
    errors.Add("/decision_reference",
               "Indiquez la décision (par exemple « DM n° 1, délibération du 12 juin »).");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < lines.beneficiaries.size(); ++i) {
    const auto& each = lines.beneficiaries[i];
    const std::string at = "/beneficiaries/" + std::to_string(i);
    if (each.beneficiary.empty()) errors.Add(at + "/beneficiary", "Le bénéficiaire est requis.");
    if (!seen.insert(each.beneficiary).second) {
      errors.Add(at + "/beneficiary", "Ce bénéficiaire figure déjà plus haut.");
    }
    if (each.expected < Money::Zero()) {
      errors.Add(at + "/expected_cents", "Le montant attendu ne peut pas être négatif.");
    }
  }
  if (lines.tourist_office < Money::Zero()) {
    errors.Add("/tourist_office_cents", "La dotation de l'office de tourisme ne peut pas être négative.");
  }
  Money scheduled = Money::Zero();
  for (std::size_t i = 0; i < lines.instalments.size(); ++i) {
    const auto& each = lines.instalments[i];
    const std::string at = "/instalments/" + std::to_string(i);
    if (each.number != static_cast<int>(i) + 1) {
      errors.Add(at + "/number", "Les échéances sont numérotées 1, 2, 3… dans l'ordre.");
    }
    if (each.amount <= Money::Zero()) {
      errors.Add(at + "/amount_cents", "Le montant d'une échéance est positif.");
    }
    const int year = static_cast<int>(each.due_on.year());
    if (year != fiscal_year && year != fiscal_year + 1) {
      errors.Add(at + "/due_on", "L'échéance tombe dans l'exercice " + std::to_string(fiscal_year) +
                                     " ou au début du suivant.");
    }
    if (i > 0 && each.due_on < lines.instalments[i - 1].due_on) {
      errors.Add(at + "/due_on", "Les échéances sont données dans l'ordre de leurs dates.");
    }
    scheduled += each.amount;
  }
  if (!lines.instalments.empty() && scheduled != lines.tourist_office) {
    errors.Add("/instalments", "Les échéances totalisent " + EurosText(scheduled) +
                                   " au lieu de la dotation de " +
                                   EurosText(lines.tourist_office) + ".");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return {};
}

std::string EurosText(Money amount) { return rates::FormatEuros(amount); }

std::string BeneficiaryName(std::string_view code) {
  if (code.rfind("other:", 0) == 0) return std::string(code.substr(6));
  if (auto known = rates::ParseBeneficiary(code)) return std::string(rates::BeneficiaryLabel(*known));
  return std::string(code);
}

namespace {

std::string DayText(const std::optional<Day>& day) {
  return day ? FormatIsoDate(*day) : std::string("—");
}

}  // namespace

std::vector<std::string> DescribeBudgetChanges(const BudgetLines& before, const BudgetLines& after) {
  std::vector<std::string> changes;
  if (before.stage != after.stage) {
    changes.push_back("Étape : " + std::string(BudgetStageLabel(before.stage)) + " → " +
                      std::string(BudgetStageLabel(after.stage)));
  }
  if (before.decision_reference != after.decision_reference) {
    changes.push_back("Décision : « " + before.decision_reference + " » → « " +
                      after.decision_reference + " »");
  }
  if (before.decided_on != after.decided_on) {
    changes.push_back("Date de la décision : " + DayText(before.decided_on) + " → " +
                      DayText(after.decided_on));
  }
  if (before.forecast_tax != after.forecast_tax) {
    changes.push_back("Recettes prévues : " + EurosText(before.forecast_tax) + " → " +
                      EurosText(after.forecast_tax));
  }
  for (const auto& now : after.beneficiaries) {
    auto was = std::find_if(before.beneficiaries.begin(), before.beneficiaries.end(),
                            [&](const auto& b) { return b.beneficiary == now.beneficiary; });
    if (was == before.beneficiaries.end()) {
      changes.push_back("Reversement attendu à " + now.label + " : " + EurosText(now.expected));
    } else if (was->expected != now.expected || was->label != now.label) {
      changes.push_back("Reversement attendu à " + now.label + " : " + EurosText(was->expected) +
                        " → " + EurosText(now.expected));
    }
  }
  for (const auto& was : before.beneficiaries) {
    if (std::none_of(after.beneficiaries.begin(), after.beneficiaries.end(),
                     [&](const auto& b) { return b.beneficiary == was.beneficiary; })) {
      changes.push_back("Reversement attendu à " + was.label + " retiré");
    }
  }
  if (before.tourist_office != after.tourist_office) {
    changes.push_back("Dotation de l'office de tourisme : " + EurosText(before.tourist_office) +
                      " → " + EurosText(after.tourist_office));
  }
  if (before.instalments != after.instalments) {
    changes.push_back("Échéancier de l'office de tourisme : " +
                      std::to_string(before.instalments.size()) + " → " +
                      std::to_string(after.instalments.size()) + " échéance(s) modifiée(s)");
  }
  if (before.note != after.note) changes.push_back("Note modifiée");
  return changes;
}

}  // namespace nuitee
