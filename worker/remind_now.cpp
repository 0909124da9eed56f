// A reminder sent early by a referent: locks the host like a worker's batch, so that the two never
// take the same step, then takes the step and its mail.
#include "worker/remind_now.hpp"

#include <map>

#include "persistence/collectivity_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "worker/chase_mail.hpp"

namespace nuitee::worker {
namespace {

using persistence::EnforcementStepRepository;
using persistence::StoredStep;

// The reminder that comes next, with its calendar day; kConflict when none remains.
Result<persistence::NewStep> NextReminder(const persistence::ChasedAccommodation& accommodation,
                                          const std::vector<StoredStep>& taken, Month month,
                                          const Collectivity& collectivity,
                                          const EnforcementPolicy& policy) {
  const StoredStep* first = nullptr;
  for (const auto& step : taken) {
    if (step.kind >= EnforcementStep::kSecondReminder) {
      return Fail(
          Error::Conflict("Les deux relances de ce mois ont déjà été envoyées : aucune "
                          "relance ne reste à envoyer."));
    }
    if (step.kind == EnforcementStep::kFirstReminder) first = &step;
  }
  persistence::NewStep next{
      accommodation.host_id, accommodation.id, month, EnforcementStep::kFirstReminder, {}};
  if (first) {
    next.kind = EnforcementStep::kSecondReminder;
    next.due_on = AddDays(first->taken_on, policy.delays.second_reminder_after_days);
  } else {
    next.due_on =
        *StepDay(EnforcementStep::kFirstReminder, month, collectivity.declarations, policy.delays);
  }
  return next;
}

}  // namespace

Result<StoredStep> RemindNow(persistence::Transaction& tx, const RemindNowRequest& request) {
  auto accommodation = EnforcementStepRepository::FindAccommodation(tx, request.collectivity,
                                                                    request.accommodation_id);
  if (!accommodation) return Fail(Error::NotFound("Aucun hébergement ne porte cet identifiant."));
  if (Month{request.today.year(), request.today.month()} <= request.month) {
    return Fail(Error::Conflict("Ce mois n'est pas terminé : il ne peut pas encore être réclamé."));
  }
  auto collectivity = persistence::CollectivityRepository::Find(tx, request.collectivity);
  if (!collectivity) return Fail(collectivity.error());
  const EnforcementPolicy policy =
      persistence::EnforcementSettingsRepository::Latest(tx, request.collectivity).policy;
  EnforcementStepRepository::LockHost(tx, accommodation->host_id);
  const auto state = EnforcementStepRepository::State(tx, request.collectivity, request.month,
                                                      {accommodation->host_id});
  const std::string key = persistence::AccommodationMonthKey(accommodation->id, request.month);
  if (state.declared.contains(key)) {
    return Fail(Error::Conflict("Ce mois a déjà été déclaré : aucune relance n'est envoyée."));
  }
  const auto steps = state.steps.find(key);
  const std::vector<StoredStep> none;
  auto next = NextReminder(*accommodation, steps == state.steps.end() ? none : steps->second,
                           request.month, *collectivity, policy);
  if (!next) return Fail(next.error());
  const auto inserted = EnforcementStepRepository::Insert(tx, request.collectivity, {*next},
                                                          request.today, request.actor);
  if (inserted.empty()) return Fail(Error::Conflict("Cette relance vient d'être envoyée."));
  const std::map<std::string, const persistence::ChasedAccommodation*> by_id = {
      {accommodation->id, &*accommodation}};
  auto mail = QueueChaseMail(
      tx, {*collectivity, policy, state.hosts.at(accommodation->host_id), *MailKindOf(next->kind),
           inserted, by_id, request.portal_url, request.today, request.actor});
  if (!mail) return Fail(mail.error());
  EnforcementStepRepository::AppendEvents(
      tx, {inserted.front().id}, "reminder_sent_now",
      std::string(next->kind == EnforcementStep::kFirstReminder ? "Première" : "Seconde") +
          " relance envoyée par le référent" +
          (*mail ? " par courriel." : " ; l'hébergeur n'a pas d'adresse électronique."),
      request.actor);
  auto taken = EnforcementStepRepository::Find(tx, request.collectivity, inserted.front().id);
  return *taken;
}

}  // namespace nuitee::worker
