// Validation against the grid in force, then all-or-nothing appends.
#include "persistence/deliberation_admission.hpp"

#include "persistence/legal_grid_repository.hpp"

namespace nuitee::persistence {

FieldErrors CheckDeliberation(Transaction& tx, const Collectivity& collectivity,
                              const rates::Deliberation& deliberation) {
  const auto grid = LegalGridRepository::InForce(tx, deliberation.year);
  return ValidateDeliberationOf(collectivity, deliberation, grid ? &*grid : nullptr);
}

Result<std::vector<AdmittedDeliberation>> AdmitDeliberations(
    Transaction& tx, const Collectivity& collectivity,
    const std::vector<DeliberationToAdmit>& deliberations, const std::string& actor,
    std::string_view source, const std::optional<std::string>& reason) {
  FieldErrors violations;
  for (const auto& each : deliberations) {
    const FieldErrors found = CheckDeliberation(tx, collectivity, each.deliberation);
    for (const auto& error : found.errors()) {
      violations.Add(each.pointer + error.field, each.origin + error.message);
    }
  }
  if (!violations.empty()) {
    return Fail(Error::RuleViolation(violations.errors(),
                                     "Des délibérations ne respectent pas les règles applicables : "
                                     "aucune n'a été enregistrée."));
  }
  std::vector<AdmittedDeliberation> admitted;
  for (const auto& each : deliberations) {
    const int year = each.deliberation.year;
    DeliberationRepository::LockYear(tx, collectivity.id, year);
    auto latest = DeliberationRepository::Latest(tx, collectivity.id, year);
    if (latest && latest->deliberation == each.deliberation) {
      admitted.push_back({std::move(*latest), false});
      continue;
    }
    auto stored = DeliberationRepository::Append(tx, collectivity.id, each.deliberation, actor,
                                                 source, reason);
    if (!stored) return Fail(stored.error());
    admitted.push_back({std::move(*stored), true});
  }
  return admitted;
}

}  // namespace nuitee::persistence
