// Fuzzes the reader of a mail template (PUT /v1/mail-templates/{kind}, api/json/mail_json.hpp),
// for every kind of mail.
#include <cstddef>
#include <cstdint>

#include "api/json/mail_json.hpp"
#include "fuzz/json_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  auto body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  for (MailKind kind : AllMailKinds()) {
    auto mail_template = api::MailTemplateFromJson(kind, *body);
    if (!mail_template) fuzz::CheckSendable(mail_template.error());
  }
  return 0;
}
