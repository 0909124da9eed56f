// Checking recipients and reading the sender's mailbox.
#include "domain/mail_address.hpp"

#include "domain/address.hpp"

namespace nuitee {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

bool IsDeliverableAddress(std::string_view address) {
  if (!LooksLikeEmail(address)) return false;
  for (unsigned char c : address) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '(' || c == ')' ||
        c == ',' || c == ';' || c == '\\' || c == '[' || c == ']' || c == ':') {
      return false;
    }
  }
  return true;
}

Result<Mailbox> ParseMailbox(std::string_view text) {
  text = Trim(text);
  Mailbox mailbox;
  if (!text.empty() && text.back() == '>') {
    const auto open = text.rfind('<');
    if (open == std::string_view::npos) {
      return Fail(Error::InvalidArgument("", "« < » manque avant l'adresse."));
    }
    std::string_view name = Trim(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
    }
    mailbox.display_name = std::string(name);
    text = text.substr(open + 1, text.size() - open - 2);
    for (char c : mailbox.display_name) {
      if (static_cast<unsigned char>(c) < 0x20 || c == '<' || c == '>' || c == '"') {
        return Fail(Error::InvalidArgument(
            "", "Le nom affiché ne doit contenir ni guillemet, ni chevron, ni saut de ligne."));
      }
    }
  }
  if (!IsDeliverableAddress(text)) {
    return Fail(Error::InvalidArgument(
        "", "« " + std::string(text) + " » n'est pas une adresse électronique utilisable."));
  }
  mailbox.address = std::string(text);
  return mailbox;
}

}  // namespace nuitee
