// Mail templates and outbox mails to and from JSON.
#include "api/json/mail_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

nlohmann::json OrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json PlaceholdersJson(MailKind kind) {
  nlohmann::json placeholders = nlohmann::json::array();
  for (const auto& each : PlaceholdersOf(kind)) {
    placeholders.push_back({{"name", each.name},
                            {"description", each.description},
                            {"required", each.required_in_body}});
  }
  return placeholders;
}

}  // namespace

nlohmann::json MailTemplateToJson(const persistence::StoredMailTemplate& stored) {
  const MailTemplate effective = stored.Effective();
  const MailTemplate shipped = DefaultMailTemplate(stored.kind);
  const bool changed = stored.version > 0;
  return {{"kind", MailKindName(stored.kind)},
          {"subject", effective.subject},
          {"body", effective.body},
          {"is_default", stored.is_default()},
          {"version", stored.version},
          {"recorded_by", changed ? nlohmann::json(stored.recorded_by) : nlohmann::json()},
          {"recorded_at", changed ? nlohmann::json(stored.recorded_at) : nlohmann::json()},
          {"placeholders", PlaceholdersJson(stored.kind)},
          {"default", {{"subject", shipped.subject}, {"body", shipped.body}}}};
}

Result<std::optional<MailTemplate>> MailTemplateFromJson(MailKind kind,
                                                         const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  // Limits in bytes, generous: the characters are counted by the template's own check.
  auto subject = reader.String("subject", Presence::kOptional, 4 * kMaxMailSubjectCharacters);
  auto text = reader.String("body", Presence::kOptional, 4 * kMaxMailBodyCharacters);
  auto use_default = reader.Boolean("use_default", Presence::kOptional);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  if (use_default.value_or(false)) {
    if (subject || text) {
      return Fail(Error::InvalidArgument(
          "/use_default", "Avec « use_default », n'envoyez ni « subject » ni « body »."));
    }
    return std::optional<MailTemplate>();
  }
  if (!subject) errors.Add("/subject", "Le sujet est obligatoire.");
  if (!text) errors.Add("/body", "Le texte du courriel est obligatoire.");
  if (!errors.empty()) return Fail(errors.ToError());
  MailTemplate wording = NormalizeMailTemplate({*subject, *text});
  if (auto valid = ValidateMailTemplate(kind, wording); !valid) return Fail(valid.error());
  return std::optional<MailTemplate>(std::move(wording));
}

nlohmann::json QueuedMailToJson(const persistence::QueuedMail& mail) {
  const auto status = mail.status();
  return {{"id", mail.id},
          {"kind", mail.kind},
          {"to", mail.recipient},
          {"subject", mail.subject},
          {"status", persistence::MailStatusName(status)},
          {"attempts", mail.attempts},
          {"created_at", mail.created_at},
          {"created_by", mail.created_by},
          {"next_attempt_at", status == persistence::MailStatus::kPending
                                  ? nlohmann::json(mail.next_attempt_at)
                                  : nlohmann::json()},
          {"sent_at", OrNull(mail.sent_at)},
          {"dead_at", OrNull(mail.dead_at)},
          {"last_error", OrNull(mail.last_error)},
          // A reminder withdrawn before it left: every month it chased was declared meanwhile.
          {"withdrawn_at", OrNull(mail.withdrawn_at)},
          {"withdrawn_reason", OrNull(mail.withdrawn_reason)}};
}

}  // namespace nuitee::api
