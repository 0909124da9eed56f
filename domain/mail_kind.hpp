// The kinds of mail the platform sends, and the placeholders each one's template may use.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace nuitee {

// One template per kind; later features (reminders...) add theirs here.
enum class MailKind {
  kInvitation,         // a host or staff member is invited to choose a password
  kPasswordReset,      // a forgotten password
  kTest,               // staff check that mail leaves and arrives
  kManagerAccess,      // a host gave an existing manager account access to its records
  kManagerInvitation,  // a host gave access to an address without an account: choose a password
  // The enforcement calendar (issue 6): one mail per host and kind per pass of the worker, listing
  // every accommodation-month it chases.
  kDeclarationInvitation,  // declare last month, before the deadline
  kFirstReminder,          // the deadline has passed
  kSecondReminder,         // still nothing declared
  kFormalNotice,           // a mise en demeure was sent by registered letter
};
// "invitation", "password_reset", "test", "manager_access", "manager_invitation",
// "declaration_invitation", "first_reminder", "second_reminder", "formal_notice"
std::string_view MailKindName(MailKind kind);
std::optional<MailKind> ParseMailKind(std::string_view name);
const std::vector<MailKind>& AllMailKinds();

// A named hole in a template, written {{name}}. Names are plain ASCII so that nobody has to type
// an accent between braces.
struct Placeholder {
  std::string_view name;          // "lien"
  std::string_view description;   // French, for the person who edits the template
  bool required_in_body = false;  // a mail without it is useless (the link of an invitation)
};
const std::vector<Placeholder>& PlaceholdersOf(MailKind kind);
const Placeholder* FindPlaceholder(MailKind kind, std::string_view name);

}  // namespace nuitee
