// Mail templates: a subject and a plain-text body with named placeholders ({{lien}}), the checks a
// collectivity's own version must pass, and the rendering of a mail from its values.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "domain/core/error.hpp"
#include "domain/mail_kind.hpp"

namespace nuitee {

struct MailTemplate {
  std::string subject;
  std::string body;
  friend bool operator==(const MailTemplate&, const MailTemplate&) = default;
};

inline constexpr std::size_t kMaxMailSubjectCharacters = 200;
inline constexpr std::size_t kMaxMailBodyCharacters = 20000;

// The French text shipped with Nuitée, used until a collectivity writes its own.
MailTemplate DefaultMailTemplate(MailKind kind);

// What is checked and stored: line ends as "\n", one after the last line and no blank lines after
// it, the subject without surrounding spaces.
MailTemplate NormalizeMailTemplate(MailTemplate mail_template);

// Every problem at once, on "/subject" and "/body": empty or too long parts, a subject over
// several lines, control characters, a "{{" never closed, a placeholder the kind does not know,
// and a body without the placeholders the kind requires (an invitation without its link).
Status ValidateMailTemplate(MailKind kind, const MailTemplate& mail_template);

using MailValues = std::map<std::string, std::string, std::less<>>;

struct RenderedMail {
  std::string subject;
  std::string body;
};

// Replaces each placeholder by its value; line breaks in a value become spaces in the subject.
// kInvalidArgument when the template is malformed or uses a placeholder without a value: callers
// give a value for every placeholder of the kind, so this only happens with a stored template
// that a later version of Nuitée no longer accepts.
Result<RenderedMail> RenderMail(const MailTemplate& mail_template, const MailValues& values);

}  // namespace nuitee
