// Mail addresses as the sender uses them: a recipient, and the "From" of every mail.
#pragma once

#include <string>
#include <string_view>

#include "domain/core/error.hpp"

namespace nuitee {

// An address that mail can be sent to: something@domain.tld in printable ASCII, without spaces,
// quotes, angle brackets or line breaks (which could smuggle an SMTP command or a header), at most
// 254 characters. Internationalised addresses (SMTPUTF8) are not accepted yet.
bool IsDeliverableAddress(std::string_view address);

// A "From": an address with an optional display name ("Taxe de séjour <taxe@example.fr>").
struct Mailbox {
  std::string display_name;  // UTF-8, may be empty
  std::string address;
  friend bool operator==(const Mailbox&, const Mailbox&) = default;
};

// "taxe@example.fr" or "Nom affiché <taxe@example.fr>"; kInvalidArgument (French, no field)
// otherwise.
Result<Mailbox> ParseMailbox(std::string_view text);

}  // namespace nuitee
