// Taking the due steps of a batch of hosts: insert, mail, letter, assessment, history.
#include "worker/host_batch.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/classification.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/deliberation_repository.hpp"
#include "persistence/mail_outbox_repository.hpp"
#include "persistence/mail_template_repository.hpp"
#include "rates/office_assessment.hpp"
#include "worker/chase_mail.hpp"
#include "worker/chase_text.hpp"
#include "worker/due_steps.hpp"

namespace nuitee::worker {
namespace {

using persistence::ChasedAccommodation;
using persistence::ChasedHost;
using persistence::EnforcementStepRepository;
using persistence::StoredStep;

const rates::RateBook* RateBookOf(persistence::Transaction& tx, ChasedCollectivity& chased,
                                  Day today) {
  if (!chased.rate_book_read) {
    chased.rate_book_read = true;
    auto book = persistence::DeliberationRepository::LoadRateBook(
        tx, chased.collectivity.id, int(chased.from.year()), int(today.year()));
    if (book) chased.rate_book = std::move(*book);
  }
  return chased.rate_book ? &*chased.rate_book : nullptr;
}

// What a taxation d'office of the month would assess; nullopt when it cannot be computed (no
// deliberation for the year, a commune it does not cover).
std::optional<persistence::ProposedAssessment> Estimate(persistence::Transaction& tx,
                                                        ChasedCollectivity& chased,
                                                        const ChasedAccommodation& accommodation,
                                                        Month month, Day today) {
  const rates::RateBook* book = RateBookOf(tx, chased, today);
  if (!book) return std::nullopt;
  const OpenNights open = OpenNightsIn(accommodation, month);
  const Day first_night = open.nights > 0 ? open.first_night : month / date::day{1};
  const auto history = persistence::ClassificationRepository::ListFor(
      tx, chased.collectivity.id, AccommodationId(accommodation.id));
  const auto categories = CategoryTimeline(accommodation.nature, history, first_night, open.nights);
  const rates::OfficeAssessmentInput input{accommodation.commune_insee, first_night, open.nights,
                                           accommodation.capacity_persons};
  auto amount = rates::ComputeOfficeAssessment(input, categories, *book);
  if (!amount) return std::nullopt;
  persistence::ProposedAssessment proposed;
  proposed.host_id = accommodation.host_id;
  proposed.accommodation_id = accommodation.id;
  proposed.month = month;
  proposed.capacity_persons = accommodation.capacity_persons;
  proposed.nights = open.nights;
  proposed.explanation = rates::ExplainInFrench(input, *amount);
  proposed.amount = std::move(*amount);
  return proposed;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

letters::FormalNoticeLetter NoticeFor(const ChasedCollectivity& chased, const ChasedHost& host,
                                      Day today) {
  const EnforcementPolicy& policy = chased.policy;
  letters::FormalNoticeLetter letter;
  letter.letterhead = {
      policy.letter_sender.empty() ? chased.collectivity.name : policy.letter_sender,
      Lines(policy.letter_address), policy.letter_signatory, policy.letter_contact};
  letter.recipient = {host.legal_name, {host.address_line, host.postal_code + " " + host.city}};
  letter.collectivity_name = chased.collectivity.name;
  letter.place =
      chased.collectivity.communes.empty() ? "" : chased.collectivity.communes.front().name;
  letter.dated_on = today;
  letter.reference = "MED-" + FormatIsoDate(today) + "-" + host.id.substr(0, 8);
  letter.days_to_regularise = kDaysToRegularise;
  return letter;
}

// The steps still due for the locked hosts, from their procedure read again under the lock.
std::vector<DueStep> StillDue(const ChasedCollectivity& chased,
                              const std::vector<std::string>& locked,
                              const AccommodationsByHost& accommodations,
                              const persistence::ProcedureState& state, Day today) {
  std::vector<DueStep> due;
  for (const auto& host : locked) {
    const auto found = accommodations.find(host);
    if (found == accommodations.end()) continue;
    for (const ChasedAccommodation* accommodation : found->second) {
      AppendDueSteps(*accommodation, state, chased.policy, chased.collectivity.declarations, today,
                     due);
    }
  }
  return due;
}

struct BatchMails {
  int mails = 0;
  std::set<std::string> step_ids;  // the steps a mail was queued for
};

using StepGroups = std::map<std::pair<std::string, EnforcementStep>, std::vector<StoredStep>>;

// Every mail of the batch in one statement: the wording of each kind is read once.
BatchMails QueueBatchMails(persistence::Transaction& tx, const ChasedCollectivity& chased,
                           const StepGroups& grouped,
                           const std::map<std::string, const ChasedAccommodation*>& by_id,
                           const persistence::ProcedureState& state,
                           const CalendarPassOptions& options) {
  std::map<MailKind, MailTemplate> wordings;
  std::vector<persistence::MailToSend> mails;
  std::vector<const std::vector<StoredStep>*> mailed_steps;
  for (const auto& [group, steps] : grouped) {
    const auto mail_kind = MailKindOf(group.second);
    if (!mail_kind) continue;
    auto wording = wordings.find(*mail_kind);
    if (wording == wordings.end()) {
      wording = wordings
                    .emplace(*mail_kind, persistence::MailTemplateRepository::Latest(
                                             tx, chased.collectivity.id, *mail_kind)
                                             .Effective())
                    .first;
    }
    auto mail = ComposeChaseMail(
        {chased.collectivity, chased.policy, state.hosts.at(group.first), *mail_kind, steps, by_id,
         options.portal_url, options.today, options.actor},
        wording->second);
    if (!mail) continue;
    mails.push_back(std::move(*mail));
    mailed_steps.push_back(&steps);
  }
  BatchMails result;
  const auto ids = persistence::MailOutboxRepository::EnqueueMany(tx, mails);
  std::vector<std::pair<std::string, std::string>> links;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!ids[i]) continue;  // an address mail cannot go to: the steps are taken without
    ++result.mails;
    for (const auto& step : *mailed_steps[i]) {
      links.emplace_back(step.id, *ids[i]);
      result.step_ids.insert(step.id);
    }
  }
  EnforcementStepRepository::LinkMails(tx, links);
  return result;
}

// The mise en demeure of a host's formal_notice steps, rendered and stored; its id.
Result<std::string> MakeLetter(persistence::Transaction& tx, ChasedCollectivity& chased,
                               const ChasedHost& host, const std::vector<StoredStep>& steps,
                               const std::map<std::string, const ChasedAccommodation*>& by_id,
                               const CalendarPassOptions& options) {
  auto letter = NoticeFor(chased, host, options.today);
  for (const auto& step : steps) {
    const ChasedAccommodation& accommodation = *by_id.at(step.accommodation_id);
    auto estimate = Estimate(tx, chased, accommodation, step.month, options.today);
    letter.missing.push_back({accommodation.name,
                              accommodation.address_line + " " + accommodation.postal_code,
                              step.month, estimate ? estimate->amount.total : Money::Zero()});
  }
  if (!options.render_formal_notice) return Fail(Error::Internal());
  auto pdf = options.render_formal_notice(letter);
  if (!pdf) {
    persistence::LogInternal("enforcement_letter_not_rendered", pdf.error().message);
    return Fail(pdf.error());
  }
  return EnforcementStepRepository::InsertLetter(tx, chased.collectivity.id, host.id, options.today,
                                                 *pdf, options.actor);
}

// The steps to insert, with what the later stages need: the accommodations by id and, for the
// taxations d'office, their amounts (a step whose amount cannot be computed waits for the rates).
struct WantedSteps {
  std::vector<persistence::NewStep> steps;
  std::map<std::string, const ChasedAccommodation*> by_id;
  std::map<std::string, persistence::ProposedAssessment> assessments;  // by accommodation-month
};

WantedSteps Wanted(persistence::Transaction& tx, ChasedCollectivity& chased,
                   const std::vector<DueStep>& due, Day today) {
  WantedSteps wanted;
  for (const auto& each : due) {
    wanted.by_id[each.accommodation->id] = each.accommodation;
    const std::string key = persistence::AccommodationMonthKey(each.accommodation->id, each.month);
    if (each.step.kind == EnforcementStep::kAssessment) {
      auto proposed = Estimate(tx, chased, *each.accommodation, each.month, today);
      if (!proposed) {
        persistence::LogInternal("enforcement_assessment_not_computable", key);
        continue;
      }
      wanted.assessments.emplace(key, std::move(*proposed));
    }
    wanted.steps.push_back({each.accommodation->host_id, each.accommodation->id, each.month,
                            each.step.kind, each.step.due_on});
  }
  return wanted;
}

int ProposeAssessments(persistence::Transaction& tx, const ChasedCollectivity& chased,
                       const std::vector<StoredStep>& steps,
                       std::map<std::string, persistence::ProposedAssessment>& amounts,
                       const CalendarPassOptions& options) {
  for (const auto& step : steps) {
    auto& proposed =
        amounts.at(persistence::AccommodationMonthKey(step.accommodation_id, step.month));
    proposed.step_id = step.id;
    EnforcementStepRepository::ProposeAssessment(tx, chased.collectivity.id, proposed,
                                                 options.actor);
  }
  return int(steps.size());
}

}  // namespace

Result<BatchOutcome> TakeHostBatch(persistence::Transaction& tx, ChasedCollectivity& chased,
                                   const std::vector<std::string>& hosts,
                                   const AccommodationsByHost& accommodations,
                                   const CalendarPassOptions& options) {
  BatchOutcome outcome;
  const auto locked = EnforcementStepRepository::LockHosts(tx, hosts);
  outcome.hosts_skipped = int(hosts.size() - locked.size());
  if (locked.empty()) return outcome;
  const auto state =
      EnforcementStepRepository::State(tx, chased.collectivity.id, chased.from, locked);
  auto wanted = Wanted(tx, chased, StillDue(chased, locked, accommodations, state, options.today),
                       options.today);
  const auto inserted = EnforcementStepRepository::Insert(tx, chased.collectivity.id, wanted.steps,
                                                          options.today, options.actor);
  outcome.steps = int(inserted.size());

  // One mail per host and kind, listing every accommodation-month it chases.
  StepGroups grouped;
  for (const auto& step : inserted) grouped[{step.host_id, step.kind}].push_back(step);
  for (auto& [group, steps] : grouped) {
    std::sort(steps.begin(), steps.end(), [&](const StoredStep& a, const StoredStep& b) {
      return std::tie(wanted.by_id.at(a.accommodation_id)->name, a.month) <
             std::tie(wanted.by_id.at(b.accommodation_id)->name, b.month);
    });
  }
  const auto mailed = QueueBatchMails(tx, chased, grouped, wanted.by_id, state, options);
  outcome.mails = mailed.mails;
  std::map<std::string, std::vector<std::string>> events;  // step ids by the history's text
  for (const auto& [group, steps] : grouped) {
    const auto& [host_id, kind] = group;
    std::vector<std::string> ids;
    for (const auto& step : steps) ids.push_back(step.id);
    if (kind == EnforcementStep::kFormalNotice) {
      auto letter = MakeLetter(tx, chased, state.hosts.at(host_id), steps, wanted.by_id, options);
      if (!letter) return Fail(letter.error());
      EnforcementStepRepository::LinkLetter(tx, ids, *letter);
      ++outcome.letters;
    }
    if (kind == EnforcementStep::kAssessment) {
      outcome.assessments += ProposeAssessments(tx, chased, steps, wanted.assessments, options);
    }
    auto& same_text = events[StepTakenText(kind, mailed.step_ids.contains(ids.front()))];
    same_text.insert(same_text.end(), ids.begin(), ids.end());
  }
  for (const auto& [text, ids] : events) {
    EnforcementStepRepository::AppendEvents(tx, ids, "step_taken", text, options.actor);
  }
  return outcome;
}

}  // namespace nuitee::worker
