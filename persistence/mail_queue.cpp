// Rendering a mail from the template in force and enqueueing it.
#include "persistence/mail_queue.hpp"

#include "persistence/collectivity_repository.hpp"
#include "persistence/mail_template_repository.hpp"

namespace nuitee::persistence {

Result<QueuedMail> QueueMail(Transaction& tx, const MailRequest& request) {
  MailValues values = request.values;
  MailTemplate wording = DefaultMailTemplate(request.kind);
  if (request.collectivity) {
    auto collectivity = CollectivityRepository::Find(tx, *request.collectivity);
    if (!collectivity) return Fail(collectivity.error());
    values.emplace("collectivite", collectivity->name);
    wording = MailTemplateRepository::Latest(tx, *request.collectivity, request.kind).Effective();
  } else {
    values.emplace("collectivite", "Nuitée");
  }
  auto rendered = RenderMail(wording, values);
  if (!rendered) {
    LogInternal("mail_template_fallback", std::string(MailKindName(request.kind)) + ": " +
                                              rendered.error().field_errors.front().message);
    rendered = RenderMail(DefaultMailTemplate(request.kind), values);
    // Nuitée's own text with a missing value is a bug of the caller, not of the collectivity.
    if (!rendered) return Fail(Error::Internal());
  }
  return MailOutboxRepository::Enqueue(tx, {request.collectivity, request.kind, request.recipient,
                                            rendered->subject, rendered->body, request.actor});
}

}  // namespace nuitee::persistence
