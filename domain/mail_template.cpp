// Parsing, checking and filling mail templates.
#include "domain/mail_template.hpp"

#include <vector>

namespace nuitee {
namespace {

struct Piece {
  bool placeholder = false;
  std::string_view text;  // literal text, or the placeholder's name
};

bool IsNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Without the surrounding characters of `blanks` (spaces and tabs unless told otherwise).
std::string_view Trim(std::string_view text, std::string_view blanks = " \t") {
  const auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

// Splits "Bonjour {{ destinataire }}," into literal text and placeholder names ("{{ x }}" and
// "{{x}}" are the same). Fails with a French message on a "{{" never closed or a name that is not
// lowercase ASCII letters, digits and "_".
Result<std::vector<Piece>> Split(std::string_view text, const std::string& field) {
  std::vector<Piece> pieces;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find("{{", at);
    if (open == std::string_view::npos) {
      pieces.push_back({false, text.substr(at)});
      break;
    }
    if (open > at) pieces.push_back({false, text.substr(at, open - at)});
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      return Fail(Error::InvalidArgument(
          field,
          "« {{ » ouvre une variable qui n'est jamais fermée par « }} » ; écrivez les "
          "variables entre doubles accolades, par exemple {{lien}}."));
    }
    const std::string_view name = Trim(text.substr(open + 2, close - open - 2));
    bool well_formed = !name.empty();
    for (char c : name) well_formed = well_formed && IsNameCharacter(c);
    if (!well_formed) {
      return Fail(Error::InvalidArgument(
          field, "« " + std::string(text.substr(open, close + 2 - open)) +
                     " » n'est pas une variable : un nom de variable s'écrit en minuscules sans "
                     "accent ni espace, par exemple {{lien}}."));
    }
    pieces.push_back({true, name});
    at = close + 2;
  }
  return pieces;
}

std::size_t CountCharacters(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8) count += (c & 0xC0) != 0x80;
  return count;
}

bool HasControlCharacter(std::string_view text, bool allow_line_breaks) {
  for (unsigned char c : text) {
    if (c == '\t' || (allow_line_breaks && c == '\n')) continue;
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

std::string KnownNames(MailKind kind) {
  std::string names;
  for (const auto& each : PlaceholdersOf(kind)) {
    if (!names.empty()) names += ", ";
    names += "{{" + std::string(each.name) + "}}";
  }
  return names;
}

// Checks one part's placeholders against the kind's; adds the names used to `used`.
void CheckPlaceholders(MailKind kind, std::string_view text, const std::string& field,
                       std::vector<std::string_view>& used, FieldErrors& errors) {
  auto pieces = Split(text, field);
  if (!pieces) return errors.Append(pieces.error());
  for (const auto& piece : *pieces) {
    if (!piece.placeholder) continue;
    if (FindPlaceholder(kind, piece.text) == nullptr) {
      errors.Add(field, "{{" + std::string(piece.text) +
                            "}} n'est pas une variable de ce courriel. Variables possibles : " +
                            KnownNames(kind) + ".");
      continue;
    }
    used.push_back(piece.text);
  }
}

void CheckSubject(MailKind kind, const std::string& subject, FieldErrors& errors) {
  std::vector<std::string_view> used;
  if (subject.empty()) return errors.Add("/subject", "Le sujet est obligatoire.");
  if (subject.find('\n') != std::string::npos) {
    return errors.Add("/subject", "Le sujet doit tenir sur une seule ligne.");
  }
  if (HasControlCharacter(subject, false)) {
    return errors.Add("/subject",
                      "Le sujet contient un caractère de contrôle invisible : "
                      "retirez-le.");
  }
  if (CountCharacters(subject) > kMaxMailSubjectCharacters) {
    return errors.Add("/subject", "Le sujet ne doit pas dépasser " +
                                      std::to_string(kMaxMailSubjectCharacters) + " caractères.");
  }
  CheckPlaceholders(kind, subject, "/subject", used, errors);
}

void CheckBody(MailKind kind, const std::string& body, FieldErrors& errors) {
  std::vector<std::string_view> used;
  if (body.find_first_not_of(" \t\n") == std::string::npos) {
    return errors.Add("/body", "Le texte du courriel est obligatoire.");
  }
  if (HasControlCharacter(body, true)) {
    return errors.Add("/body",
                      "Le texte contient un caractère de contrôle invisible : "
                      "retirez-le.");
  }
  if (CountCharacters(body) > kMaxMailBodyCharacters) {
    static_assert(kMaxMailBodyCharacters == 20000, "the message below names the limit");
    return errors.Add("/body", "Le texte ne doit pas dépasser 20 000 caractères.");
  }
  const std::size_t before = errors.errors().size();
  CheckPlaceholders(kind, body, "/body", used, errors);
  if (errors.errors().size() != before) return;
  for (const auto& placeholder : PlaceholdersOf(kind)) {
    if (!placeholder.required_in_body) continue;
    bool present = false;
    for (auto name : used) present = present || name == placeholder.name;
    if (!present) {
      errors.Add("/body", "Le texte doit contenir {{" + std::string(placeholder.name) + "}} (" +
                              std::string(placeholder.description) +
                              ") : sans lui, le destinataire ne peut rien faire de ce courriel.");
    }
  }
}

std::string WithoutCarriageReturns(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';  // a lone CR (old Mac line end) is a line end too
    }
  }
  return out;
}

Result<std::string> Fill(std::string_view text, const std::string& field, const MailValues& values,
                         bool single_line) {
  auto pieces = Split(text, field);
  if (!pieces) return Fail(pieces.error());
  std::string out;
  for (const auto& piece : *pieces) {
    if (!piece.placeholder) {
      out += piece.text;
      continue;
    }
    auto value = values.find(piece.text);
    if (value == values.end()) {
      return Fail(
          Error::InvalidArgument(field, "Aucune valeur pour {{" + std::string(piece.text) + "}}."));
    }
    std::string filled = WithoutCarriageReturns(value->second);
    if (single_line) {
      for (char& c : filled) c = c == '\n' ? ' ' : c;
    }
    out += filled;
  }
  return out;
}

}  // namespace

MailTemplate NormalizeMailTemplate(MailTemplate mail_template) {
  mail_template.subject = std::string(Trim(WithoutCarriageReturns(mail_template.subject), " \t\n"));
  std::string body = WithoutCarriageReturns(std::move(mail_template.body));
  // One line end after the last line, whatever the editor (or a JSON client's trimming) left.
  const auto last = body.find_last_not_of(" \t\n");
  body = last == std::string::npos ? "" : body.substr(0, last + 1) + "\n";
  mail_template.body = std::move(body);
  return mail_template;
}

Status ValidateMailTemplate(MailKind kind, const MailTemplate& mail_template) {
  FieldErrors errors;
  CheckSubject(kind, mail_template.subject, errors);
  CheckBody(kind, mail_template.body, errors);
  if (!errors.empty()) {
    return Fail(Error::RuleViolation(errors.errors(),
                                     "Ce modèle de courriel ne peut pas être "
                                     "enregistré : rien n'a été modifié."));
  }
  return {};
}

Result<RenderedMail> RenderMail(const MailTemplate& mail_template, const MailValues& values) {
  auto subject = Fill(mail_template.subject, "/subject", values, true);
  if (!subject) return Fail(subject.error());
  auto body = Fill(mail_template.body, "/body", values, false);
  if (!body) return Fail(body.error());
  return RenderedMail{std::string(Trim(*subject)), std::move(*body)};
}

}  // namespace nuitee
