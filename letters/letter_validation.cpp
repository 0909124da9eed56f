// The checks both letters share.
#include "letters/letter_validation.hpp"

#include <glib.h>

namespace nuitee::letters {
namespace {

bool IsBlank(std::string_view value) {
  return value.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool IsUtf8(std::string_view value) {
  return g_utf8_validate(value.data(), gssize(value.size()), nullptr);
}

}  // namespace

void RequireText(FieldErrors& errors, std::string field, std::string_view value,
                 std::string_view what) {
  if (IsBlank(value)) {
    errors.Add(std::move(field), std::string(what) + " est obligatoire.");
    return;
  }
  OptionalText(errors, std::move(field), value);
}

void OptionalText(FieldErrors& errors, std::string field, std::string_view value) {
  if (!IsUtf8(value)) errors.Add(std::move(field), "Ce texte n’est pas un texte UTF-8 valide.");
}

void RequireDay(FieldErrors& errors, std::string field, Day value, std::string_view what) {
  if (!value.ok()) errors.Add(std::move(field), std::string(what) + " n’est pas une date valide.");
}

void CheckLetterhead(FieldErrors& errors, const Letterhead& letterhead) {
  RequireText(errors, "/letterhead/sender", letterhead.sender, "L’expéditeur");
  RequireText(errors, "/letterhead/signatory", letterhead.signatory, "Le signataire");
  OptionalText(errors, "/letterhead/contact", letterhead.contact);
  for (std::size_t i = 0; i < letterhead.address_lines.size(); ++i) {
    OptionalText(errors, "/letterhead/address_lines/" + std::to_string(i),
                 letterhead.address_lines[i]);
  }
}

void CheckRecipient(FieldErrors& errors, const Recipient& recipient) {
  RequireText(errors, "/recipient/name", recipient.name, "Le nom du destinataire");
  bool has_address = false;
  for (std::size_t i = 0; i < recipient.address_lines.size(); ++i) {
    OptionalText(errors, "/recipient/address_lines/" + std::to_string(i),
                 recipient.address_lines[i]);
    has_address = has_address || !IsBlank(recipient.address_lines[i]);
  }
  if (!has_address) {
    errors.Add("/recipient/address_lines",
               "L’adresse du destinataire est obligatoire : la lettre lui est envoyée par la "
               "poste.");
  }
}

Status ToStatus(const FieldErrors& errors) {
  if (errors.empty()) return {};
  Error error = errors.ToError();
  error.message = "La lettre ne peut pas être établie : " + errors.errors().front().message;
  if (errors.errors().size() > 1) {
    error.message +=
        " (et " + std::to_string(errors.errors().size() - 1) + " autre(s) problème(s))";
  }
  return Fail(std::move(error));
}

}  // namespace nuitee::letters
