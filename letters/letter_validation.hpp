// The checks both letters share before anything is drawn: required texts present and valid UTF-8,
// dates real. Problems are collected so that the caller sees them all at once.
#pragma once

#include <string>
#include <string_view>

#include "domain/core/error.hpp"
#include "letters/letters.hpp"

namespace nuitee::letters {

void RequireText(FieldErrors& errors, std::string field, std::string_view value,
                 std::string_view what);  // what: "Le nom du destinataire"
void OptionalText(FieldErrors& errors, std::string field, std::string_view value);
void RequireDay(FieldErrors& errors, std::string field, Day value, std::string_view what);
void CheckLetterhead(FieldErrors& errors, const Letterhead& letterhead);
void CheckRecipient(FieldErrors& errors, const Recipient& recipient);
// kInvalidArgument naming the first problem, with every field's; or success.
Status ToStatus(const FieldErrors& errors);

}  // namespace nuitee::letters
