// Queueing the mail of steps taken together.
#include "worker/chase_mail.hpp"

#include "persistence/mail_queue.hpp"
#include "worker/chase_text.hpp"

namespace nuitee::worker {

std::optional<MailKind> MailKindOf(EnforcementStep step) {
  switch (step) {
    case EnforcementStep::kInvitation:
      return MailKind::kDeclarationInvitation;
    case EnforcementStep::kFirstReminder:
      return MailKind::kFirstReminder;
    case EnforcementStep::kSecondReminder:
      return MailKind::kSecondReminder;
    case EnforcementStep::kFormalNotice:
      return MailKind::kFormalNotice;
    case EnforcementStep::kAssessment:
      return std::nullopt;
  }
  return std::nullopt;
}

namespace {

MailValues ValuesOf(const ChaseMail& mail) {
  std::string list;
  for (const auto& step : mail.steps) {
    if (!list.empty()) list += "\n";
    list += ChasedLine(*mail.accommodations.at(step.accommodation_id), step.month);
  }
  MailValues values = {
      {"destinataire", mail.host.legal_name}, {"hebergements", list}, {"portail", mail.portal_url}};
  const Month first_month = mail.steps.front().month;
  if (mail.kind == MailKind::kDeclarationInvitation) {
    // The last day to declare on time: the eve of the first reminder.
    const Day reminder = *StepDay(EnforcementStep::kFirstReminder, first_month,
                                  mail.collectivity.declarations, mail.policy.delays);
    values.emplace("mois", FrenchMonth(first_month));
    values.emplace("date_limite", FrenchDay(AddDays(reminder, -1)));
  }
  if (mail.kind == MailKind::kFormalNotice) values.emplace("date_courrier", FrenchDay(mail.today));
  return values;
}

}  // namespace

std::optional<persistence::MailToSend> ComposeChaseMail(const ChaseMail& mail,
                                                        const MailTemplate& wording) {
  if (!mail.host.email || mail.host.email->empty() || mail.steps.empty()) return std::nullopt;
  MailValues values = ValuesOf(mail);
  values.emplace("collectivite", mail.collectivity.name);
  auto rendered = RenderMail(wording, values);
  // A collectivity's wording that no longer renders gives way to Nuitée's (as QueueMail does).
  if (!rendered) rendered = RenderMail(DefaultMailTemplate(mail.kind), values);
  if (!rendered) return std::nullopt;
  return persistence::MailToSend{mail.collectivity.id, mail.kind,      *mail.host.email,
                                 rendered->subject,    rendered->body, mail.actor};
}

Result<std::optional<std::string>> QueueChaseMail(persistence::Transaction& tx,
                                                  const ChaseMail& mail) {
  if (!mail.host.email || mail.host.email->empty() || mail.steps.empty()) {
    return std::optional<std::string>();
  }
  auto queued = persistence::QueueMail(
      tx, {mail.collectivity.id, mail.kind, *mail.host.email, ValuesOf(mail), mail.actor});
  if (!queued) {
    // An address mail cannot go to is the register's problem, not the calendar's.
    if (queued.error().code == ErrorCode::kInvalidArgument) return std::optional<std::string>();
    return Fail(queued.error());
  }
  std::vector<std::string> ids;
  for (const auto& step : mail.steps) ids.push_back(step.id);
  persistence::EnforcementStepRepository::LinkMail(tx, ids, queued->id);
  return std::optional<std::string>(queued->id);
}

}  // namespace nuitee::worker
