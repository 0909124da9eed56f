// The demo's enforcement settings.
#include "demo/seed_enforcement.hpp"

#include "persistence/enforcement_settings_repository.hpp"

namespace nuitee::demo {

Month DemoChasedFrom(Day today) { return Month{today.year(), today.month()} - date::months{4}; }

EnforcementPolicy DemoEnforcementPolicy(Day today) {
  EnforcementPolicy policy;
  policy.chased_from = DemoChasedFrom(today);
  policy.letter_sender = "Communauté de communes des Monts du Cézallier, service taxe de séjour";
  policy.letter_address = "Maison des services\n2 place de la Mairie\n15160 Allanche";
  policy.letter_signatory = "Le Président, Jean-Pierre Chaumeil";
  policy.letter_contact = "04 71 00 00 00 · taxe-sejour@cezallier.example";
  return policy;
}

bool InsertMissingEnforcementSettings(persistence::Transaction& tx,
                                      const CollectivityId& collectivity, Day today) {
  using persistence::EnforcementSettingsRepository;
  if (EnforcementSettingsRepository::Latest(tx, collectivity).version > 0) return false;
  EnforcementSettingsRepository::Append(tx, collectivity, DemoEnforcementPolicy(today),
                                        "seed-demo");
  return true;
}

}  // namespace nuitee::demo
