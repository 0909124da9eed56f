// JSON representation of mail templates and of the mails of the outbox.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "domain/mail_template.hpp"
#include "persistence/mail_outbox_repository.hpp"
#include "persistence/mail_template_repository.hpp"

namespace nuitee::api {

// The template in force, whether it is Nuitée's, its placeholders and Nuitée's own text (to start
// from, or to compare with).
nlohmann::json MailTemplateToJson(const persistence::StoredMailTemplate& stored);

// {"subject", "body"} or {"use_default": true}; nullopt means "back to Nuitée's text". The
// template is normalised and checked against its kind (422 with every problem).
Result<std::optional<MailTemplate>> MailTemplateFromJson(MailKind kind, const nlohmann::json& body);

// A mail as staff see it: never its body, which may hold a one-time link meant for its recipient
// only.
nlohmann::json QueuedMailToJson(const persistence::QueuedMail& mail);

}  // namespace nuitee::api
